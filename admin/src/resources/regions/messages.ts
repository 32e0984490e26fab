// The resource's messages; react-admin's own come from ra-language-russian / -english.
export const ru = {
  resources: {
    regions: {
      name: "Регион |||| Регионы",
      fields: {
        code: "Код",
        name: "Название",
      },
    },
  },
};

export const en: typeof ru = {
  resources: {
    regions: {
      name: "Region |||| Regions",
      fields: {
        code: "Code",
        name: "Name",
      },
    },
  },
};
