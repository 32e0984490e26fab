// Messages of systemic errors and the feedback linked to them (api/modules/systemic-errors/).
// Statuses are `…Entity` parameters (parts/entities.ts translates them).
import type { MessageTable } from "../types.js";

export const systemicErrors = {
  SYSTEMIC_TOO_MANY_FEEDBACK: { en: "At most {max} feedback at once.", ru: "Не больше {max} обращений за раз." },
  SYSTEMIC_AUTHORITY_OTHER_REGION: {
    en: "Choose an organisation of the error's region.",
    ru: "Выберите организацию из региона системной ошибки.",
  },
  SYSTEMIC_ERROR_OTHER_REGION: {
    en: "Choose a systemic error of the feedback's region.",
    ru: "Выберите системную ошибку из региона обращения.",
  },
  SYSTEMIC_ALREADY_LINKED: {
    en: "The feedback is already linked to this systemic error.",
    ru: "Обращение уже связано с этой системной ошибкой.",
  },
  SYSTEMIC_NOT_LINKED: {
    en: "The feedback is not linked to a systemic error.",
    ru: "Обращение не связано с системной ошибкой.",
  },
  SYSTEMIC_SERVICE_OTHER_REGION: {
    en: "The service belongs to another region.",
    ru: "Услуга относится к другому региону.",
  },
  SYSTEMIC_REGION_REQUIRED: {
    en: "Say which region the error is in.",
    ru: "Укажите регион, в котором выявлена ошибка.",
  },
  SYSTEMIC_FEEDBACK_OTHER_REGION: {
    en: "Choose feedback of the error's region.",
    ru: "Выберите обращение из региона системной ошибки.",
  },
  SYSTEMIC_STEP_NOT_ALLOWED: {
    en: "A systemic error in status {statusEntity} can move to {allowedEntity}; not to {toEntity}.",
    ru: "Системную ошибку в статусе «{statusEntity}» можно перевести только в статус {allowedEntity}, но не в «{toEntity}».",
  },
  SYSTEMIC_STATUS_FINAL: {
    en: "A systemic error in status {statusEntity} is final; it cannot move to {toEntity}.",
    ru: "Статус системной ошибки «{statusEntity}» окончательный; перевести её в «{toEntity}» нельзя.",
  },
  SYSTEMIC_RESOLUTION_REQUIRED: { en: "Say what was done to fix it.", ru: "Опишите, что сделано для устранения." },
} as const satisfies MessageTable;
