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
  },
};
