// Messages of quality standards and their measurements (api/modules/quality/).
import type { MessageTable } from "../types.js";

export const quality = {
  // ── Inputs ──
  QUALITY_INDICATOR_CODE_FORMAT: {
    en: "Use 2–50 capital letters, digits and _, starting with a letter (e.g. WAIT_MINUTES).",
    ru: "От 2 до 50 заглавных латинских букв, цифр и _, первой — буква (например WAIT_MINUTES).",
  },
  QUALITY_NOT_A_NUMBER: { en: "Must be a number.", ru: "Укажите число." },
  QUALITY_NUMBER_TOO_LARGE: { en: "Too large.", ru: "Слишком большое число." },
  QUALITY_TOO_MANY_TARGETS: {
    en: "At most {max} targets per standard.",
    ru: "Не больше {max} целевых показателей в стандарте.",
  },
  QUALITY_TARGET_TWICE: {
    en: "{code} is already a target above.",
    ru: "Показатель {code} уже есть в списке выше.",
  },
  QUALITY_PERCENT_RANGE: { en: "A percentage is between 0 and 100.", ru: "Процент — от 0 до 100." },

  // ── Measurements ──
  QUALITY_VALUE_NEGATIVE: {
    en: "A measured value cannot be negative.",
    ru: "Измеренное значение не может быть отрицательным.",
  },
  QUALITY_INDICATOR_NO_TARGET: {
    en: "No standard of this service has a target for {code}; add the target to a standard first.",
    ru: "Ни в одном стандарте этой услуги нет целевого показателя {code}; сначала добавьте его в стандарт.",
  },
  QUALITY_CENTRE_OTHER_MUNICIPALITY: {
    en: "The centre is in another municipality.",
    ru: "Центр находится в другом муниципальном образовании.",
  },
  QUALITY_PLACE_REQUIRED: {
    en: "Say where the value was measured: a region, municipality or centre.",
    ru: "Укажите, где измерено значение: регион, муниципальное образование или центр.",
  },
  QUALITY_PLACE_OTHER_REGION: {
    en: "The municipality or centre is in another region.",
    ru: "Муниципальное образование или центр находится в другом регионе.",
  },
  // Also KPI values (parts/kpis.ts).
  PERIOD_ENDS_BEFORE_START: {
    en: "The period cannot end before it starts.",
    ru: "Период не может закончиться раньше, чем начался.",
  },
  QUALITY_MEASURE_OUTSIDE_REGIONS: {
    en: "You cannot record measurements outside your regions.",
    ru: "Нельзя вносить измерения за пределами ваших регионов.",
  },
  QUALITY_SERVICE_OTHER_REGION: {
    en: "This regional service belongs to another region.",
    ru: "Эта региональная услуга относится к другому региону.",
  },
  QUALITY_MEASUREMENT_EXISTS: {
    en: "This value is already recorded for the same place and period; correct it instead.",
    ru: "Значение для этого места и периода уже внесено; исправьте его.",
  },
  QUALITY_CHANGE_OUTSIDE_REGIONS: {
    en: "You cannot change measurements outside your regions.",
    ru: "Нельзя изменять измерения за пределами ваших регионов.",
  },

  // ── Standards ──
  QUALITY_FEDERAL_ADMIN_ONLY: {
    en: "Only an administrator can change the quality standards of a federal service.",
    ru: "Стандарты качества федеральной услуги изменяет только администратор.",
  },
  QUALITY_SERVICE_OUTSIDE_REGIONS: {
    en: "You cannot change the quality standards of a service outside your regions.",
    ru: "Нельзя изменять стандарты качества услуги за пределами ваших регионов.",
  },
  QUALITY_OWN_DRAFT_FEDERAL: {
    en: "You created or edited this draft, so you cannot approve it: a standard needs a second pair of eyes before it is in force. Another administrator must approve it.",
    ru: "Вы создавали или правили этот черновик, поэтому не можете его утвердить: стандарт должен проверить другой человек. Утвердить его должен другой администратор.",
  },
  QUALITY_OWN_DRAFT_REGIONAL: {
    en: "You created or edited this draft, so you cannot approve it: a standard needs a second pair of eyes before it is in force. Another curator of the service's region or an administrator must approve it.",
    ru: "Вы создавали или правили этот черновик, поэтому не можете его утвердить: стандарт должен проверить другой человек. Утвердить его должен другой куратор региона услуги или администратор.",
  },
  QUALITY_STANDARD_READ_ONLY: {
    en: "Approved versions are read-only: create a new draft (copyFrom) to change the standard.",
    ru: "Утверждённые редакции не изменяются: чтобы изменить стандарт, создайте новую редакцию.",
  },
  QUALITY_COPY_FROM_OTHER: {
    en: "Choose a revision of this service's standard.",
    ru: "Выберите редакцию стандарта этой же услуги.",
  },
  QUALITY_DRAFT_CONCURRENT: {
    en: "Another draft of this service's standard was created at the same time; try again.",
    ru: "Одновременно был создан другой черновик стандарта этой услуги; повторите попытку.",
  },
  QUALITY_ALREADY_APPROVED: { en: "This revision is already approved.", ru: "Эта редакция уже утверждена." },
  QUALITY_APPROVE_NO_TARGETS: {
    en: "Add at least one target before approving the standard.",
    ru: "Перед утверждением добавьте в стандарт хотя бы один целевой показатель.",
  },
  QUALITY_APPROVE_CONCURRENT: {
    en: "Another revision of this service's standard was approved at the same time; reload the standards and try again.",
    ru: "Одновременно была утверждена другая редакция стандарта этой услуги; обновите список стандартов и повторите попытку.",
  },
} as const satisfies MessageTable;
