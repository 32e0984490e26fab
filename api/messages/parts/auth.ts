// Codes of accounts and sign-in (modules/auth).
import type { MessageTable } from "../types.js";

export const auth = {
  INVALID_CREDENTIALS: { en: "The email or password is wrong.", ru: "Неверный адрес электронной почты или пароль." },
  LOGIN_THROTTLED: {
    en: "Too many failed sign-ins. Try again in {seconds} s.",
    ru: "Слишком много неудачных попыток входа. Повторите через {seconds} с.",
  },
  PASSWORD_REQUIRED: { en: "Enter the password.", ru: "Введите пароль." },
  CURATOR_NEEDS_REGION: { en: "A curator needs at least one region.", ru: "Куратору нужен хотя бы один регион." },
  AUDITOR_NEEDS_REGIONS: {
    en: "An auditor needs regions, or allRegions.",
    ru: "Аудитору нужны регионы или доступ ко всем регионам.",
  },
  OPERATOR_NEEDS_CENTRE: { en: "An operator needs a centre.", ru: "Оператору нужен центр." },
  CANNOT_DEMOTE_SELF: {
    en: "You cannot deactivate or demote your own account; ask another administrator.",
    ru: "Нельзя отключить свою учётную запись или понизить свою роль; попросите другого администратора.",
  },
  LAST_ADMINISTRATOR: {
    en: "This is the last active administrator; appoint another first.",
    ru: "Это последний активный администратор; сначала назначьте другого.",
  },
} as const satisfies MessageTable;
