// Codes of centres, their hours, exceptions and mobile visits (modules/centres).
import type { MessageTable } from "../types.js";

export const centres = {
  CENTRE_KIND_REQUIRED: { en: "Choose at least one kind.", ru: "Выберите хотя бы один вид." },
  HOST_OUTSIDE_CENTRE_REGION: {
    en: "Choose a host organisation of the centre's region.",
    ru: "Выберите базовую организацию из региона центра.",
  },
  SETTLEMENT_OUTSIDE_CENTRE_REGION: {
    en: "Choose a settlement of the centre's region.",
    ru: "Выберите населённый пункт из региона центра.",
  },
  WEEKDAY_RANGE: {
    en: "Weekdays are 1 (Monday) to 7 (Sunday).",
    ru: "День недели — от 1 (понедельник) до 7 (воскресенье).",
  },
  EXCEPTION_END_BEFORE_START: {
    en: "The range must end on or after its first day.",
    ru: "Период не может закончиться раньше своего первого дня.",
  },
  EXCEPTION_TOO_LONG: { en: "A range is at most a year.", ru: "Период — не больше года." },
  EXCEPTION_HOURS_REQUIRED: {
    en: "Give the hours, or mark the range closed.",
    ru: "Укажите часы работы или отметьте, что центр в эти дни закрыт.",
  },
  MOBILE_OFFICE_ONLY: {
    en: "Only a mobile office records visits.",
    ru: "Выезды записываются только для мобильного офиса.",
  },
  DOCUMENT_TYPE_REQUIRED: { en: "Name the document type.", ru: "Укажите вид документа." },
  DOCUMENT_TYPE_TWICE: { en: '"{documentType}" is listed twice.', ru: "«{documentType}» указан дважды." },
  VISIT_IN_FUTURE: {
    en: "A visit cannot be recorded ahead of time.",
    ru: "Нельзя записать выезд, который ещё не состоялся.",
  },
} as const satisfies MessageTable;
