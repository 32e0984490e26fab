export const ru = {
  resources: {
    feedbackCategories: {
      name: "Категория обращений |||| Категории обращений",
      fields: {
        name: "Название",
        code: "Код",
        slaDays: "Срок ответа, дней",
      },
    },
  },
  dostup: {
    feedbackCategories: {
      code_help: "2–50 латинских заглавных букв, цифр и _, например COMPLAINT",
      sla_help: "Дней от получения до срока ответа (1–365); новый срок действует для новых обращений",
    },
  },
};

export const en: typeof ru = {
  resources: {
    feedbackCategories: {
      name: "Feedback category |||| Feedback categories",
      fields: {
        name: "Name",
        code: "Code",
        slaDays: "Answer within, days",
      },
    },
  },
  dostup: {
    feedbackCategories: {
      code_help: "2–50 capital Latin letters, digits and _, e.g. COMPLAINT",
      sla_help: "Days from receipt to the due date (1–365); a new value applies to new feedback",
    },
  },
};
