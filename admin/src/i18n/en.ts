import type { ru } from "./ru";

// Typed by the Russian messages, the default locale, so both keep the same keys.
export const en: typeof ru = {
  dostup: {
    auth: {
      invalid_credentials: "Wrong email or password",
      throttled: "Too many failed sign-in attempts. Try again in %{seconds} s.",
    },
    error: {
      validation: "Check the highlighted fields",
      conflict: "Someone else changed this record. Reload the page and make your changes again.",
      not_found: "The record does not exist or was removed",
      forbidden: "You may not do this",
      unexpected: "The server could not complete the request. Try again later.",
      not_writable: "These records cannot be changed in the panel",
      no_version: "The record was loaded without its version; reload the page",
    },
    validation: {
      web_url: "Enter a full address starting with https:// (or http://)",
    },
    history: {
      tab: "History",
      empty: "No changes yet",
      error: "The change history could not be loaded",
      latest: "The latest %{shown} of %{total} changes",
      system: "System",
      note: "Note",
    },
    details: {
      tab: "Details",
    },
    // The region's own code of an organisation, centre or service (their forms).
    registry_code: {
      help: "The record's lasting code in the region's register. Registry imports find the record by it: change it only if you must.",
    },
    // The table of a spreadsheet import's problems (components/ImportErrors.tsx).
    imports: {
      line: "Row",
      column: "Column",
      problem: "Problem",
    },
    catalogue: {
      archive: {
        button: "Archive",
        restore: "Restore",
        title: "Archive this record?",
        content: "It leaves lists and partner answers; its links stay. It can be restored.",
        done: "The record was archived",
        restored: "The record was restored and published",
      },
    },
  },
  ra: {
    auth: {
      username: "Email",
    },
  },
  enums: {
    ChangeAction: {
      CREATE: "Created",
      UPDATE: "Updated",
      ARCHIVE: "Archived",
      RESTORE: "Restored",
      DELETE: "Deleted",
      TRANSITION: "Status changed",
    },
    // The enums of lib/choices.ts.
    PublicationStatus: {
      DRAFT: "Draft",
      PUBLISHED: "Published",
      ARCHIVED: "Archived",
    },
    TargetDirection: {
      AT_LEAST: "At least",
      AT_MOST: "At most",
    },
    CentreStatus: {
      ACTIVE: "Active",
      TEMPORARILY_CLOSED: "Temporarily closed",
      INACTIVE: "Inactive",
      CLOSED: "Closed",
    },
    MunicipalityKind: {
      MUNICIPAL_DISTRICT: "Municipal district",
      MUNICIPAL_OKRUG: "Municipal okrug",
      URBAN_DISTRICT: "Urban district",
      URBAN_SETTLEMENT: "Urban settlement",
      RURAL_SETTLEMENT: "Rural settlement",
      INTRACITY_TERRITORY: "Intra-city territory",
    },
    // Spreadsheet imports: report values and the registry (components/ImportErrors.tsx).
    ImportStatus: {
      PENDING: "Queued",
      PROCESSING: "Processing",
      SUCCEEDED: "Imported",
      FAILED: "Failed",
    },
    ImportProblemCode: {
      DUPLICATE_COLUMN: "Duplicate column",
      DUPLICATE_INDICATOR: "Indicator given twice",
      MISSING_COLUMN: "Required column missing",
      MISSING_TOTAL: "Total missing",
      NEGATIVE: "Negative number",
      NOT_WHOLE_NUMBER: "Not a whole number",
      NO_VALUES: "No values in the file",
      OTHER_FORM_INDICATOR: "Indicator of another form",
      RURAL_EXCEEDS_TOTAL: "Rural part exceeds the total",
      RURAL_NOT_SPLIT: "The indicator has no rural part",
      TOO_LARGE: "Number too large",
      TOO_MANY_ROWS: "Too many rows",
      UNKNOWN_INDICATOR: "Unknown indicator",
      UNREADABLE_FILE: "Unreadable file",
      WRONG_PERIOD: "Another reporting period",
      REQUIRED: "Required value missing",
      INVALID_VALUE: "Invalid value",
      UNKNOWN_REFERENCE: "The record referred to is not found",
      DUPLICATE_CODE: "Code repeated in the file",
    },
  },
};
