export const ru = {
  resources: {
    users: {
      name: "Пользователь |||| Пользователи",
      fields: {
        email: "Электронная почта",
        fullName: "ФИО",
        password: "Пароль",
        role: "Роль",
        active: "Активен",
        allRegions: "Все регионы",
        scope: "Зона работы",
        centreId: "Центр оператора",
        regionIds: "Регионы",
        regions: "Регионы",
        locale: "Язык интерфейса",
        lastLoginAt: "Последний вход",
        passwordHash: "Пароль",
      },
    },
  },
  enums: {
    UserRole: {
      ADMIN: "Администратор",
      CURATOR: "Куратор",
      OPERATOR: "Оператор центра",
      AUDITOR: "Аудитор",
    },
  },
  dostup: {
    users: {
      tab: "Учётная запись",
      all_regions: "Все регионы",
      locale_ru: "Русский",
      locale_en: "English",
      password_help: "Не короче 10 символов; передайте пользователю безопасным способом",
      new_password_help: "Оставьте пустым, чтобы не менять пароль",
      active_help: "Снятая отметка сразу закрывает доступ: выданные токены перестают действовать",
    },
  },
};

export const en: typeof ru = {
  resources: {
    users: {
      name: "User |||| Users",
      fields: {
        email: "Email",
        fullName: "Full name",
        password: "Password",
        role: "Role",
        active: "Active",
        allRegions: "All regions",
        scope: "Works in",
        centreId: "Operator's centre",
        regionIds: "Regions",
        regions: "Regions",
        locale: "Interface language",
        lastLoginAt: "Last sign-in",
        passwordHash: "Password",
      },
    },
  },
  enums: {
    UserRole: {
      ADMIN: "Administrator",
      CURATOR: "Curator",
      OPERATOR: "Centre operator",
      AUDITOR: "Auditor",
    },
  },
  dostup: {
    users: {
      tab: "Account",
      all_regions: "All regions",
      locale_ru: "Русский",
      locale_en: "English",
      password_help: "10 characters or more; hand it to the user safely",
      new_password_help: "Leave empty to keep the password",
      active_help: "Unticking it ends access at once: tokens already issued are refused",
    },
  },
};
