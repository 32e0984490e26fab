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
        openSessions: "Открытые сеансы",
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
      active_help:
        "Снятая отметка сразу закрывает доступ: все сеансы пользователя завершаются, войти снова он не сможет",
      end_sessions: "Завершить все сеансы",
      end_sessions_title: "Завершить сеансы пользователя «%{name}»?",
      end_sessions_content:
        "Открытых сеансов: %{smart_count}. Пользователь сразу выйдет на всех устройствах и сможет войти снова со своим паролем.",
      sessions_ended: "Все сеансы пользователя завершены",
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
        openSessions: "Open sessions",
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
      active_help: "Unticking it ends access at once: all the user's sessions end and they cannot sign in again",
      end_sessions: "End all sessions",
      end_sessions_title: "End the sessions of %{name}?",
      end_sessions_content:
        "Open sessions: %{smart_count}. The user is signed out on every device at once and may sign in again with their password.",
      sessions_ended: "All the user's sessions have ended",
    },
  },
};
