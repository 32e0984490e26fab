// The report forms both seeds use. The demo seed and the national load seed must agree on
// indicator codes, so that statistics over either data set read the same indicators.
import type { EventAudience, EventKind, EventMeasure, Periodicity } from "../../api/generated/prisma/client.js";

export interface IndicatorSpec {
  code: string;
  name: string;
  unit: string;
  hasRuralSplit: boolean;
  category: string;
  /** Computed from the event register (prefillReportFromEvents): what of which events it counts. */
  eventMeasure?: EventMeasure;
  eventKind?: EventKind;
  eventAudience?: EventAudience;
}

export interface FormSpec {
  code: string;
  name: string;
  periodicity: Periodicity;
  dueDays: number;
}

/** Request categories of a public access centre, named as in the Udmurtia 2018 report (seed 003). */
export const REQUEST_INDICATORS: readonly IndicatorSpec[] = [
  {
    code: "REQ_GOV_INFO",
    name: "Предоставление информации о деятельности органов государственной власти",
    unit: "ед.",
    hasRuralSplit: false,
    category: "REQUESTS",
  },
  {
    code: "REQ_E_APPEALS",
    name: "Подача обращений в органы государственной власти в форме электронного сообщения",
    unit: "ед.",
    hasRuralSplit: false,
    category: "REQUESTS",
  },
  {
    code: "REQ_SERVICE_INFO",
    name: "Предоставление доступа к информации о государственных услугах",
    unit: "ед.",
    hasRuralSplit: false,
    category: "REQUESTS",
  },
  {
    code: "REQ_FORMS_PRINTING",
    name: "Печать форм и бланков документов",
    unit: "ед.",
    hasRuralSplit: false,
    category: "REQUESTS",
  },
  {
    code: "REQ_E_RESULT",
    name: "Получение результата предоставления государственной услуги в виде электронного документа",
    unit: "ед.",
    hasRuralSplit: false,
    category: "REQUESTS",
  },
  {
    code: "REQ_STATUS_TRACKING",
    name: "Получение сведений о ходе предоставления государственных (муниципальных) услуг на Едином портале государственных услуг",
    unit: "ед.",
    hasRuralSplit: false,
    category: "REQUESTS",
  },
];

/**
 * Indicators of the ЦОД activity forms, in form order. Portal consultations are counted
 * among events because the Pskov report lists them under «Количество проведенных
 * мероприятий»; requests fulfilled is a total of its own (category SUMMARY), kept out of
 * REQUESTS so that summing that category does not count requests twice. Seminars, forums for
 * residents, webinars for staff and the participants of all events are computed from the event
 * register (eventMeasure, eventKind, eventAudience); portal consultations are not events of it.
 */
export const COD_INDICATORS: readonly IndicatorSpec[] = [
  {
    code: "USERS",
    name: "Количество пользователей, обратившихся за услугой",
    unit: "чел.",
    hasRuralSplit: true,
    category: "USERS",
  },
  ...REQUEST_INDICATORS,
  {
    code: "PORTAL_CONSULTATIONS",
    name: "Консультации по работе с порталом Госуслуги",
    unit: "ед.",
    hasRuralSplit: false,
    category: "EVENTS",
  },
  {
    code: "EVENTS_SEMINARS",
    name: "Проведено семинаров",
    unit: "ед.",
    hasRuralSplit: false,
    category: "EVENTS",
    eventMeasure: "COUNT",
    eventKind: "SEMINAR",
  },
  {
    code: "EVENTS_FORUMS",
    name: "Проведено форумов для населения",
    unit: "ед.",
    hasRuralSplit: false,
    category: "EVENTS",
    eventMeasure: "COUNT",
    eventKind: "FORUM",
    eventAudience: "CITIZENS",
  },
  {
    code: "EVENT_PARTICIPANTS",
    name: "Количество участников мероприятий",
    unit: "чел.",
    hasRuralSplit: false,
    category: "EVENTS",
    eventMeasure: "PARTICIPANTS",
  },
  {
    code: "WEBINARS",
    name: "Проведено вебинаров для специалистов",
    unit: "ед.",
    hasRuralSplit: false,
    category: "EVENTS",
    eventMeasure: "COUNT",
    eventKind: "WEBINAR",
    eventAudience: "STAFF",
  },
  {
    code: "REQUESTS_FULFILLED",
    name: "Количество выполненных запросов",
    unit: "ед.",
    hasRuralSplit: false,
    category: "SUMMARY",
  },
];

export const COD_ANNUAL: FormSpec = {
  code: "COD_ANNUAL",
  name: "Деятельность центров общественного доступа (годовой отчёт)",
  periodicity: "ANNUAL",
  dueDays: 30,
};

export const COD_MONTHLY: FormSpec = {
  code: "COD_MONTHLY",
  name: "Деятельность центров общественного доступа (ежемесячный отчёт)",
  periodicity: "MONTHLY",
  dueDays: 10,
};

/**
 * Tver's road map (seed 004) measures how many residents use e-services: the region reports the
 * number each year on a form of its own, beside the centres' activity forms.
 */
export const E_SERVICES_INDICATORS: readonly IndicatorSpec[] = [
  {
    code: "E_SERVICES_USERS",
    name: "Жители, получившие государственные и муниципальные услуги в электронной форме",
    unit: "чел.",
    hasRuralSplit: false,
    category: "E_SERVICES",
  },
];

export const E_SERVICES_ANNUAL: FormSpec = {
  code: "E_SERVICES_ANNUAL",
  name: "Получение государственных и муниципальных услуг в электронной форме (годовой отчёт региона)",
  periodicity: "ANNUAL",
  dueDays: 30,
};
