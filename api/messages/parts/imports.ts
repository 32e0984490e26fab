// Codes of registry imports (modules/imports).
import type { MessageTable } from "../types.js";

export const imports = {
  WORKING_DAYS_WHOLE: { en: "A whole number of working days.", ru: "Число рабочих дней — целое число." },
} as const satisfies MessageTable;
