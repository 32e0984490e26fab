// Codes of the partner API's own questions (modules/partners).
import type { MessageTable } from "../types.js";

export const partners = {
  RADIUS_RANGE: {
    en: "The radius is more than 0 and at most 1000 km.",
    ru: "Радиус — больше 0 и не больше 1000 км.",
  },
  STATISTICS_YEAR_RANGE: {
    en: "Give a range of at most 50 years, fromYear ≤ toYear.",
    ru: "Укажите период не длиннее 50 лет, fromYear ≤ toYear.",
  },
} as const satisfies MessageTable;
