// Messages of people and their curator assignments (api/modules/people/). `entity` names the
// assignment's target kind ("service", "life situation", "centre", "project": parts/entities.ts).
import type { MessageTable } from "../types.js";

export const people = {
  PERSON_ORGANISATION_OTHER_REGION: {
    en: "Choose an organisation of the person's region.",
    ru: "Выберите организацию из региона сотрудника.",
  },

  // ── Curator assignments: inputs ──
  CURATOR_TARGET_REQUIRED: {
    en: "Choose the {entity} of this assignment.",
    ru: "Выберите, к чему относится назначение ({entity}).",
  },
  CURATOR_TARGET_EXTRA: {
    en: "Leave this out: a {targetTypeEntity} assignment names a {entity}.",
    ru: "Оставьте пустым: в назначении типа «{targetTypeEntity}» указывается только {entity}.",
  },
  CURATOR_TARGET_EXTRA_REGION: {
    en: "Leave this out: a REGION assignment names only its region.",
    ru: "Оставьте пустым: в назначении куратора региона указывается только регион.",
  },
  CURATOR_MUNICIPALITY_NOT_ALLOWED: {
    en: "Leave this out: only curators of a service or life situation are named per municipality.",
    ru: "Оставьте пустым: по муниципальным образованиям назначают только кураторов услуг и жизненных ситуаций.",
  },

  // ── Curator assignments: rules ──
  CURATOR_TARGET_OTHER_REGION: {
    en: "This {entity} belongs to another region than the assignment.",
    ru: "Выбранный объект ({entity}) относится к другому региону, не к региону назначения.",
  },
  CURATOR_TARGET_ARCHIVED: {
    en: "The {entity} is archived; restore it first.",
    ru: "Выбранный объект ({entity}) в архиве; сначала восстановите его.",
  },
  CURATOR_MUNICIPALITY_OTHER_REGION: {
    en: "Choose a municipality of the assignment's region.",
    ru: "Выберите муниципальное образование из региона назначения.",
  },
  CURATOR_ASSIGNING_CONCURRENTLY: {
    en: "Someone else is assigning a curator to the same target and region right now. Reload and try again.",
    ru: "Кто-то другой прямо сейчас назначает куратора на этот же объект в этом регионе. Обновите страницу и повторите попытку.",
  },
  CURATOR_PERSON_OTHER_REGION: {
    en: "Choose a person of the assignment's region.",
    ru: "Выберите сотрудника из региона назначения.",
  },
  CURATOR_PERSON_ARCHIVED: {
    en: "The person is archived; restore them first.",
    ru: "Сотрудник в архиве; сначала восстановите его.",
  },
  CURATOR_START_BEFORE_CURRENT: {
    en: "The current primary curator has been in charge since {since}; the new one must start after that day.",
    ru: "Нынешний основной куратор отвечает с {since}; новый может начать только после этого дня.",
  },
  CURATOR_CURRENT_CHANGED: {
    en: "The current curator's assignment was changed meanwhile. Reload and try again.",
    ru: "Назначение нынешнего куратора за это время изменилось. Обновите страницу и повторите попытку.",
  },
  CURATOR_ALREADY_ENDED: {
    en: "The assignment already ended on {date}.",
    ru: "Назначение уже закончилось {date}.",
  },
  CURATOR_END_BEFORE_START: {
    en: "The end cannot be before the start ({start}).",
    ru: "Окончание не может быть раньше начала ({start}).",
  },
} as const satisfies MessageTable;
