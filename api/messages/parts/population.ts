// Codes of population figures (modules/population).
import type { MessageTable } from "../types.js";

export const population = {
  RESIDENTS_WHOLE: { en: "A whole number of residents.", ru: "Число жителей — целое число." },
  RESIDENTS_POSITIVE: { en: "More than zero residents.", ru: "Число жителей должно быть больше нуля." },
  RESIDENTS_TOO_MANY: { en: "At most 200 000 000 residents.", ru: "Не больше 200 000 000 жителей." },
  MUNICIPALITY_NOT_IN_REGION: {
    en: "This municipality is not in the region given.",
    ru: "Это муниципальное образование не входит в указанный регион.",
  },
  POPULATION_ALREADY_RECORDED: {
    en: "A figure for {year} is already recorded here (version {version}); give the version you read to correct it.",
    ru: "Численность за {year} год здесь уже записана (версия {version}); чтобы исправить её, укажите версию, которую вы видели.",
  },
} as const satisfies MessageTable;
