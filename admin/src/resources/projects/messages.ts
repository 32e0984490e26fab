import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    projects: {
      name: "Проект |||| Проекты",
      fields: {
        name: "Название",
        description: "Описание",
        ...reference("region", "Регион"),
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
        ...reference("region", "Region"),
        createdAt: "Created",
        updatedAt: "Updated",
        q: "Search",
      },
    },
  },
};
