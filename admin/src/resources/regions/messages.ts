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
  dostup: {
    regions: {
      tabs: { main: "Основное", municipalities: "Муниципальные образования" },
      no_municipalities: "Муниципальных образований пока нет",
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
  dostup: {
    regions: {
      tabs: { main: "Main", municipalities: "Municipalities" },
      no_municipalities: "No municipalities yet",
    },
  },
};
