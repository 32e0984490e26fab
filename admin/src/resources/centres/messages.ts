// The resource's messages; react-admin's own come from ra-language-russian / -english.
export const ru = {
  resources: {
    centres: {
      name: "Центр |||| Центры",
      fields: {
        name: "Название",
        kinds: "Виды",
        kind: "Вид",
        status: "Статус",
        address: "Адрес",
        settlement: {
          name: "Населённый пункт",
          isRural: "Сельский населённый пункт",
        },
        hostOrganisation: {
          name: "Базовая организация",
        },
        regionId: "Регион",
      },
    },
  },
  enums: {
    CentreKind: {
      PUBLIC_ACCESS: "ЦОД — центр общественного доступа",
      LEGAL_INFO: "ПЦПИ — публичный центр правовой информации",
      IDENTITY: "Центр подтверждения личности (Госуслуги)",
      MOBILE_OFFICE: "Мобильный офис",
      E_SERVICES_SECTOR: "Сектор электронных государственных услуг",
      MFC_WINDOW: "Окно МФЦ",
    },
    CentreStatus: {
      ACTIVE: "Работает",
      TEMPORARILY_CLOSED: "Временно закрыт",
      INACTIVE: "Не работает",
      CLOSED: "Закрыт",
    },
  },
};

export const en: typeof ru = {
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
