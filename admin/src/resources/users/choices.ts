export const USER_ROLES = ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"] as const;
// Choice names are i18n keys: react-admin translates them when it shows them.
export const roleChoices = USER_ROLES.map((id) => ({ id, name: `enums.UserRole.${id}` }));
export const localeChoices = [
  { id: "ru", name: "dostup.users.locale_ru" },
  { id: "en", name: "dostup.users.locale_en" },
];
