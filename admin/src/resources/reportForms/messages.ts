export const ru = {
  resources: {
    reportForms: {
      name: "Форма отчёта |||| Формы отчётов",
      fields: {
        code: "Код",
        name: "Название",
        revision: "Редакция",
        periodicity: "Периодичность",
        status: "Статус",
        dueDays: "Дней на сдачу после периода",
        createdAt: "Создана",
        updatedAt: "Изменена",
        indicators: "Показатели",
        "indicators.code": "Код",
        "indicators.name": "Показатель",
        "indicators.unit": "Ед. изм.",
        "indicators.category": "Категория",
        "indicators.hasRuralSplit": "Есть сельская часть",
      },
    },
  },
  enums: {
    Periodicity: { MONTHLY: "Ежемесячно", QUARTERLY: "Ежеквартально", ANNUAL: "Ежегодно" },
    ReportFormStatus: { DRAFT: "Черновик", ACTIVE: "Действует", RETIRED: "Выведена из оборота" },
  },
  dostup: {
    reportForms: {
      tab: "Форма",
      indicators: "Показатели",
      indicator: {
        code: "Код",
        name: "Показатель",
        unit: "Ед. изм.",
        category: "Категория",
        hasRuralSplit: "Сельская часть",
      },
      yes: "Да",
      no: "Нет",
      code_help: "Латиницей, например COD_MONTHLY; новая редакция — та же форма с тем же кодом",
      retire: "Вывести из оборота",
      retire_title: "Вывести форму «%{name}» из оборота?",
      retire_content: "Новые отчёты по ней создать будет нельзя; созданные отчёты сохранятся.",
      retired: "Форма выведена из оборота",
    },
  },
};

export const en: typeof ru = {
  resources: {
    reportForms: {
      name: "Report form |||| Report forms",
      fields: {
        code: "Code",
        name: "Name",
        revision: "Revision",
        periodicity: "Periodicity",
        status: "Status",
        dueDays: "Days to report after the period",
        createdAt: "Created",
        updatedAt: "Updated",
        indicators: "Indicators",
        "indicators.code": "Code",
        "indicators.name": "Indicator",
        "indicators.unit": "Unit",
        "indicators.category": "Category",
        "indicators.hasRuralSplit": "Has a rural part",
      },
    },
  },
  enums: {
    Periodicity: { MONTHLY: "Monthly", QUARTERLY: "Quarterly", ANNUAL: "Annual" },
    ReportFormStatus: { DRAFT: "Draft", ACTIVE: "Active", RETIRED: "Retired" },
  },
  dostup: {
    reportForms: {
      tab: "Form",
      indicators: "Indicators",
      indicator: {
        code: "Code",
        name: "Indicator",
        unit: "Unit",
        category: "Category",
        hasRuralSplit: "Rural part",
      },
      yes: "Yes",
      no: "No",
      code_help: "Latin letters, e.g. COD_MONTHLY; a new revision is the same form under the same code",
      retire: "Retire",
      retire_title: "Retire the form “%{name}”?",
      retire_content: "No new reports can use it; existing reports keep it.",
      retired: "Form retired",
    },
  },
};
