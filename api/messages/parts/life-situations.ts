// Messages of life situations and their lists of services (api/modules/life-situations/).
import type { MessageTable } from "../types.js";

export const lifeSituations = {
  LIFE_SITUATION_STATUS_CHOICE: {
    en: "Choose DRAFT or PUBLISHED; use archiveLifeSituation to archive.",
    ru: "Выберите «Черновик» или «Опубликована»; чтобы убрать жизненную ситуацию в архив, используйте «В архив».",
  },
  LIFE_SITUATION_TOO_MANY_SERVICES: { en: "At most {max} services.", ru: "Не больше {max} услуг." },
  LIFE_SITUATION_CODE_REQUIRED: { en: "Give a code, e.g. CHILD_BIRTH.", ru: "Укажите код, например CHILD_BIRTH." },
  LIFE_SITUATION_CODE_FORMAT: {
    en: "Use capital Latin letters, digits and _, starting with a letter, e.g. CHILD_BIRTH.",
    ru: "Только заглавные латинские буквы, цифры и _, первой — буква, например CHILD_BIRTH.",
  },
  LIFE_SITUATION_KIND_CHOICE: {
    en: "Choose LIFE_EVENT or BUSINESS_EVENT.",
    ru: "Выберите вид: жизненное или бизнес-событие.",
  },
  LIFE_SITUATION_SERVICE_TWICE: {
    en: "This service is already in the list at position {position}.",
    ru: "Эта услуга уже есть в списке под номером {position}.",
  },
  LIFE_SITUATION_SERVICE_UNKNOWN: {
    en: "No such service, or it is outside your regions.",
    ru: "Такой услуги нет или она вне ваших регионов.",
  },
  LIFE_SITUATION_FEDERAL_ONLY: {
    en: "«{service}» is regional; a federal life situation can include federal services only.",
    ru: "«{service}» — региональная услуга; в федеральную жизненную ситуацию входят только федеральные услуги.",
  },
  LIFE_SITUATION_SERVICE_OTHER_REGION: {
    en: "«{service}» belongs to another region; choose a federal service or one of this region.",
    ru: "«{service}» относится к другому региону; выберите федеральную услугу или услугу этого региона.",
  },
  LIFE_SITUATION_SERVICE_ARCHIVED: {
    en: "«{service}» is archived and cannot be added.",
    ru: "«{service}» в архиве, её нельзя добавить.",
  },
} as const satisfies MessageTable;
