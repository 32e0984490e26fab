// Our messages; react-admin's own come from ra-language-russian.
export const ru = {
  dostup: {
    auth: {
      invalid_credentials: "Неверный email или пароль",
    },
    notification: {
      write_not_available: "Изменение данных появится в следующей версии",
    },
  },
  // Overrides of react-admin's messages: the API signs in by email.
  ra: {
    auth: {
      username: "Электронная почта",
    },
  },
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
    regions: {
      name: "Регион |||| Регионы",
      fields: {
        code: "Код",
        name: "Название",
      },
    },
    organisations: {
      name: "Организация |||| Организации",
      fields: {
        name: "Название",
        kind: "Тип",
        inn: "ИНН",
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
