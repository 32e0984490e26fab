export const ru = {
  resources: {
    projects: {
      name: "Проект |||| Проекты",
      fields: {
        name: "Название",
        description: "Описание",
        region: { name: "Регион" },
        regionId: "Регион",
        createdAt: "Создан",
        updatedAt: "Изменён",
        q: "Поиск",
      },
    },
  },
};

export const en: typeof ru = {
  resources: {
    projects: {
      name: "Project |||| Projects",
      fields: {
        name: "Name",
        description: "Description",
        region: { name: "Region" },
        regionId: "Region",
        createdAt: "Created",
        updatedAt: "Updated",
        q: "Search",
      },
    },
  },
};
