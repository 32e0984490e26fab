// The resource's messages; react-admin's own come from ra-language-russian / -english.
export const ru = {
  resources: {
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
};

export const en: typeof ru = {
  resources: {
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
};
