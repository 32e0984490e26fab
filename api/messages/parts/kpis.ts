// Messages of KPIs, their formulas and their values (api/modules/kpis/).
import type { MessageTable } from "../types.js";

export const kpis = {
  // ── Inputs ──
  KPI_NOT_A_NUMBER: { en: "A number.", ru: "Укажите число." },
  KPI_VALUE_TOO_LARGE: { en: "At most 9 999 999 999.9999.", ru: "Не больше 9 999 999 999,9999." },
  KPI_CODE_FORMAT: {
    en: "Use capital Latin letters, digits and _, e.g. E_SERVICES_USERS_SHARE.",
    ru: "Только заглавные латинские буквы, цифры и _, например E_SERVICES_USERS_SHARE.",
  },
  KPI_TARGET_YEAR_WHOLE: { en: "A year, e.g. 2030.", ru: "Укажите год, например 2030." },
  KPI_TARGET_YEAR_RANGE: { en: "A year from 2000 to 2100.", ru: "Год — от 2000 до 2100." },
  KPI_COMPUTED_NEEDS_FORMULA: {
    en: "A COMPUTED KPI needs its formula.",
    ru: "Для вычисляемого показателя задайте формулу.",
  },
  KPI_ENTERED_NO_FORMULA_INPUT: {
    en: "An ENTERED KPI has no formula: its values are entered. Leave it out, or make the KPI COMPUTED.",
    ru: "У вводимого вручную показателя нет формулы: его значения вносят. Уберите формулу или сделайте показатель вычисляемым.",
  },
  KPI_ENTERED_NO_FORMULA: {
    en: "An ENTERED KPI has no formula: its values are entered.",
    ru: "У вводимого вручную показателя нет формулы: его значения вносят.",
  },

  // ── Formulas ──
  KPI_TERM_FIELD_REQUIRED: { en: "Required for this kind of term.", ru: "Обязательно для этого вида слагаемого." },
  KPI_TERM_FIELD_UNUSED: {
    en: "Not used by this kind of term; leave it out.",
    ru: "Не используется в этом виде слагаемого; оставьте пустым.",
  },
  KPI_INDICATOR_CODE_FORMAT: { en: "An indicator's code, e.g. USERS.", ru: "Код показателя отчёта, например USERS." },
  KPI_SHARE_PROPERTY_REQUIRED: {
    en: "Name at least one property to share.",
    ru: "Укажите хотя бы одно свойство услуг, долю которых считать.",
  },
  KPI_RATIO_OF_RATIOS: {
    en: "A ratio's terms are simple terms, not ratios.",
    ru: "Числитель и знаменатель отношения — простые слагаемые, а не отношения.",
  },
  KPI_MULTIPLIER_POSITIVE: { en: "Greater than zero.", ru: "Должно быть больше нуля." },
  KPI_MULTIPLIER_TOO_LARGE: { en: "At most 1 000 000.", ru: "Не больше 1 000 000." },
  KPI_RATIO_ONLY: { en: "Only a RATIO has it.", ru: "Бывает только у отношения." },
  KPI_RATIO_TERMS_SAY_IT: {
    en: "A ratio's terms say it; leave it out here.",
    ru: "Это задаётся в числителе и знаменателе отношения; здесь оставьте пустым.",
  },

  // ── Rules ──
  KPI_ADMIN_ONLY: {
    en: "Only administrators define KPIs.",
    ru: "Показатели эффективности задают только администраторы.",
  },
  KPI_UNKNOWN_INDICATOR: {
    en: "No report form has an indicator with this code.",
    ru: "Ни в одной форме отчёта нет показателя с таким кодом.",
  },
  KPI_REGIONAL_OWN_REGION: {
    en: "A regional KPI takes values of its own region only; leave regionId empty.",
    ru: "Значения регионального показателя вносятся только по его региону; регион не указывайте.",
  },
  KPI_NATIONAL_ADMIN_ONLY: {
    en: "Only administrators record national values.",
    ru: "Общероссийские значения вносят только администраторы.",
  },
  KPI_VALUE_OUTSIDE_REGIONS: {
    en: "You cannot record values outside your regions.",
    ru: "Нельзя вносить значения за пределами ваших регионов.",
  },
  KPI_COMPUTED_NOT_ENTERED: {
    en: "This KPI is computed from the catalogue; its values cannot be entered.",
    ru: "Этот показатель вычисляется по каталогу услуг; его значения не вносятся вручную.",
  },
} as const satisfies MessageTable;
