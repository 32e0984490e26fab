// Codes of regions, municipalities and settlements (modules/geography).
import type { MessageTable } from "../types.js";

export const geography = {
  REGION_CODE_FORMAT: {
    en: "A region code is 2–3 digits or capitals, e.g. 18.",
    ru: "Код региона — 2–3 цифры или заглавные латинские буквы, например 18.",
  },

  OKTMO_FORMAT: { en: "OKTMO is 8 or 11 digits.", ru: "Код ОКТМО — 8 или 11 цифр." },
} as const satisfies MessageTable;
