import { choicesOf } from "../../lib/choices";

export const USER_ROLES = ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"] as const;
export const roleChoices = choicesOf("UserRole", USER_ROLES);
export const localeChoices = [
  { id: "ru", name: "dostup.users.locale_ru" },
  { id: "en", name: "dostup.users.locale_en" },
];
