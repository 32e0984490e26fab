// Codes of the event register (modules/events).
import type { MessageTable } from "../types.js";

export const events = {
  EVENT_ORGANISATION_OUTSIDE_REGION: {
    en: "Choose an organisation of the event's region.",
    ru: "Выберите организацию из региона мероприятия.",
  },
  EVENT_CENTRE_OUTSIDE_REGION: {
    en: "Choose a centre of the event's region.",
    ru: "Выберите центр из региона мероприятия.",
  },
  EVENT_PROJECT_OUTSIDE_REGION: {
    en: "Choose a project of the event's region.",
    ru: "Выберите проект из региона мероприятия.",
  },
  EVENT_MUNICIPALITIES_OUTSIDE_REGION: {
    en: "Choose municipalities of the event's region.",
    ru: "Выберите муниципальные образования из региона мероприятия.",
  },
  EVENT_TOO_MANY_MUNICIPALITIES: {
    en: "At most {max} municipalities.",
    ru: "Не больше {max} муниципальных образований.",
  },
  EVENT_ENDS_BEFORE_START: {
    en: "An event ends on or after the day it starts.",
    ru: "Мероприятие не может закончиться раньше, чем началось.",
  },
  EVENT_TOO_LONG: {
    en: "An event lasts at most a year; record a longer programme as its events.",
    ru: "Мероприятие длится не больше года; более длинную программу запишите отдельными мероприятиями.",
  },
} as const satisfies MessageTable;
