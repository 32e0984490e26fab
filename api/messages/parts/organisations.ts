// Codes of organisations (modules/organisations).
import type { MessageTable } from "../types.js";

export const organisations = {
  INN_FORMAT: { en: "INN is 10 or 12 digits.", ru: "ИНН — 10 или 12 цифр." },
  OGRN_FORMAT: { en: "OGRN is 13 or 15 digits.", ru: "ОГРН — 13 или 15 цифр." },
  MUNICIPALITY_OUTSIDE_ORGANISATION_REGION: {
    en: "Choose a municipality of the organisation's region.",
    ru: "Выберите муниципальное образование из региона организации.",
  },
  ORGANISATION_HOSTS_CENTRES: {
    en: "The organisation still hosts centres: move or archive them first.",
    ru: "У организации ещё есть центры: сначала переведите их в другую организацию или отправьте в архив.",
  },
} as const satisfies MessageTable;
