// Codes of the public curator directory (modules/directory).
import type { MessageTable } from "../types.js";

export const directory = {
  MUNICIPALITY_OUTSIDE_REGION_GIVEN: {
    en: "Choose a municipality of the region given in {field}.",
    ru: "Выберите муниципальное образование из региона, указанного в {field}.",
  },
  SERVICE_OF_OTHER_REGION: {
    en: "The service belongs to another region; leave the region out.",
    ru: "Услуга относится к другому региону; не указывайте регион.",
  },
  FEDERAL_SERVICE_NEEDS_REGION: {
    en: "A federal service has curators in each region: name the region.",
    ru: "У федеральной услуги кураторы в каждом регионе: укажите регион.",
  },
} as const satisfies MessageTable;
