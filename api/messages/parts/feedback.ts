// Messages of feedback, its categories, its handling and partner apps' submissions
// (api/modules/feedback/). Feedback statuses and subject types are `…Entity` parameters
// (parts/entities.ts translates them).
import type { MessageTable } from "../types.js";

export const feedback = {
  // ── Categories ──
  FEEDBACK_CATEGORY_CODE_FORMAT: {
    en: "Use 2–50 capital letters, digits and _, starting with a letter.",
    ru: "От 2 до 50 заглавных латинских букв, цифр и _, первой — буква.",
  },
  FEEDBACK_SLA_WHOLE: { en: "A whole number of days.", ru: "Укажите целое число дней." },
  FEEDBACK_SLA_MIN: { en: "At least 1 day.", ru: "Не меньше 1 дня." },
  FEEDBACK_SLA_MAX: { en: "At most {max} days.", ru: "Не больше {max} дней." },

  // ── Submitting ──
  FEEDBACK_RATING_RANGE: {
    en: "A rating is a whole number from 1 to 5.",
    ru: "Оценка — целое число от 1 до 5.",
  },
  FEEDBACK_RECEIVED_IN_FUTURE: { en: "Cannot be in the future.", ru: "Дата не может быть в будущем." },
  FEEDBACK_SUBJECT_REQUIRED: {
    en: "Choose what the feedback is about ({subjectTypeEntity}).",
    ru: "Выберите, о чём обращение ({subjectTypeEntity}).",
  },
  FEEDBACK_SUBJECT_REGIONS_DIFFER: {
    en: "Belongs to another region than the rest of the feedback's subject.",
    ru: "Относится к другому региону, чем остальные указанные объекты обращения.",
  },
  FEEDBACK_REGION_REQUIRED: {
    en: "For a federal subject, say which region the feedback comes from.",
    ru: "Для федеральной услуги или жизненной ситуации укажите, из какого региона обращение.",
  },
  FEEDBACK_OPERATOR_OWN_CENTRE: {
    en: "Operators record feedback about their own centre only.",
    ru: "Оператор вносит обращения только о своём центре.",
  },
  FEEDBACK_RECORD_OUTSIDE_REGIONS: {
    en: "You cannot record feedback outside your regions.",
    ru: "Нельзя вносить обращения за пределами ваших регионов.",
  },

  // ── Partner apps ──
  FEEDBACK_PARTNER_ONLY: {
    en: "Only a partner app's key submits feedback here.",
    ru: "Здесь обращения отправляются только с ключом приложения-партнёра.",
  },
  FEEDBACK_CATEGORY_REQUIRED: {
    en: "Choose a category (feedbackCategories).",
    ru: "Выберите категорию обращения.",
  },
  FEEDBACK_CITIZEN_SUBJECT_REQUIRED: {
    en: "Name the service or the centre the feedback is about.",
    ru: "Укажите услугу или центр, о которых обращение.",
  },
  FEEDBACK_EXTERNAL_ID_REUSED: {
    en: 'Feedback {reference} was already submitted under externalId "{externalId}" with other content; send a new externalId for a new request.',
    ru: "Обращение {reference} уже отправлено с externalId «{externalId}» и другим содержанием; для нового обращения укажите новый externalId.",
  },

  // ── Handling ──
  FEEDBACK_CHANGE_OUTSIDE_REGIONS: {
    en: "You cannot change feedback outside your regions.",
    ru: "Нельзя изменять обращения за пределами ваших регионов.",
  },
  FEEDBACK_ANSWER_REQUIRED: {
    en: "Write the answer given to the author.",
    ru: "Напишите ответ, который получил автор.",
  },
  FEEDBACK_DUPLICATE_OF_REQUIRED: {
    en: "Choose the feedback this one duplicates.",
    ru: "Выберите обращение, дубликатом которого является это.",
  },
  FEEDBACK_REDIRECTED_TO_REQUIRED: {
    en: "Name the body the feedback was redirected to.",
    ru: "Укажите, куда перенаправлено обращение.",
  },
  FEEDBACK_ONLY_WHEN_MOVING_TO: {
    en: "Only when moving to {statusEntity}.",
    ru: "Заполняется только при переводе в статус «{statusEntity}».",
  },
  FEEDBACK_REJECT_REASON_REQUIRED: {
    en: "Say why the feedback is rejected.",
    ru: "Укажите, почему обращение отклонено.",
  },
  FEEDBACK_STEP_NOT_ALLOWED: {
    en: "Feedback in status {statusEntity} can move to {allowedEntity}; not to {toEntity}.",
    ru: "Обращение в статусе «{statusEntity}» можно перевести только в статусы {allowedEntity}, но не в «{toEntity}».",
  },
  FEEDBACK_STATUS_FINAL: {
    en: "Feedback in status {statusEntity} is final; it cannot move to {toEntity}.",
    ru: "Статус обращения «{statusEntity}» окончательный; перевести его в «{toEntity}» нельзя.",
  },
  FEEDBACK_DUPLICATE_OF_SELF: {
    en: "Feedback cannot duplicate itself.",
    ru: "Обращение не может быть дубликатом самого себя.",
  },
  FEEDBACK_DUPLICATE_OTHER_REGION: {
    en: "Choose feedback of the same region.",
    ru: "Выберите обращение из того же региона.",
  },
  FEEDBACK_DUPLICATE_OF_DUPLICATE: {
    en: "That feedback is itself a duplicate; choose its original.",
    ru: "Это обращение само дубликат; выберите исходное.",
  },
  FEEDBACK_CURATOR_OTHER_REGION: {
    en: "Choose a current person of the feedback's region.",
    ru: "Выберите действующего сотрудника из региона обращения.",
  },
} as const satisfies MessageTable;
