import type { ru } from "./ru";

// Typed by the Russian messages, the default locale, so both keep the same keys.
export const en: typeof ru = {
  dostup: {
    auth: {
      invalid_credentials: "Wrong email or password",
    },
    notification: {
      write_not_available: "Editing data will arrive in the next version",
    },
  },
  ra: {
    auth: {
      username: "Email",
    },
  },
  resources: {
    centres: {
      name: "Centre |||| Centres",
      fields: {
        name: "Name",
        kinds: "Kinds",
        kind: "Kind",
        status: "Status",
        address: "Address",
        settlement: {
          name: "Settlement",
          isRural: "Rural settlement",
        },
        hostOrganisation: {
          name: "Host organisation",
        },
        regionId: "Region",
      },
    },
    regions: {
      name: "Region |||| Regions",
      fields: {
        code: "Code",
        name: "Name",
      },
    },
    organisations: {
      name: "Organisation |||| Organisations",
      fields: {
        name: "Name",
        kind: "Kind",
        inn: "INN (taxpayer number)",
        regionId: "Region",
      },
    },
  },
  enums: {
    CentreKind: {
      PUBLIC_ACCESS: "Public access centre",
      LEGAL_INFO: "Public legal information centre",
      IDENTITY: "Identity verification point (Gosuslugi)",
      MOBILE_OFFICE: "Mobile office",
      E_SERVICES_SECTOR: "E-government services sector",
      MFC_WINDOW: "MFC service window",
    },
    CentreStatus: {
      ACTIVE: "Active",
      TEMPORARILY_CLOSED: "Temporarily closed",
      INACTIVE: "Inactive",
      CLOSED: "Closed",
    },
  },
};
