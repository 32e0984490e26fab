import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    fileAccesses: {
      name: "Журнал доступа к файлам |||| Журнал доступа к файлам",
      fields: {
        at: "Когда",
        ...reference("file", "Файл"),
        user: "Кто получил ссылку",
        userId: "Пользователь",
        purpose: "Цель",
        role: "Роль",
        from: "С",
        to: "По",
        q: "Поиск по цели",
      },
    },
  },
  dostup: {
    fileAccesses: {
      only_this_file: "Только этот файл",
      export: "Выгрузить CSV",
    },
  },
};

export const en: typeof ru = {
  resources: {
    fileAccesses: {
      name: "File access log |||| File access log",
      fields: {
        at: "When",
        ...reference("file", "File"),
        user: "Who got the link",
        userId: "User",
        purpose: "Purpose",
        role: "Role",
        from: "From",
        to: "To",
        q: "Search the purpose",
      },
    },
  },
  dostup: {
    fileAccesses: {
      only_this_file: "This file only",
      export: "Export CSV",
    },
  },
};
