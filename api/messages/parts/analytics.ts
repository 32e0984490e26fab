// Codes of the analytics queries (modules/analytics).
import type { MessageTable } from "../types.js";

export const analytics = {
  SCOPE_ONE_PLACE: {
    en: "Give at most one of regionId, municipalityId, centreId.",
    ru: "Укажите не больше одного из: regionId, municipalityId, centreId.",
  },
  RANGE_TOO_LONG_YEARS: { en: "Give a range of at most {years} years.", ru: "Период — не больше {years} лет." },
  PERIOD_FROM_AFTER_TO: {
    en: '"input.from" must not be after "input.to".',
    ru: "Начало периода не может быть позже его конца.",
  },
  PERIOD_TOO_LONG: { en: "The period may span at most {years} years.", ru: "Период — не больше {years} лет." },
} as const satisfies MessageTable;
