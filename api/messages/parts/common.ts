// Messages any module may use: input basics, records not found or not yours, conflicts, and the
// database's own rules (constraints) in words a person can act on.
import type { MessageTable } from "../types.js";

export const common = {
  // ── Input basics (zod schemas: api/lib/validate.ts) ──
  REQUIRED: { en: "Cannot be empty.", ru: "Заполните это поле." },
  TEXT_TOO_LONG: { en: "At most {max} characters.", ru: "Не больше {max} символов." },
  INVALID_VALUE: { en: "{detail}", ru: "Недопустимое значение." },
  INVALID_ID: { en: '"{field}" is not a valid id.', ru: "«{field}»: это не идентификатор записи." },
  ID_OF_WRONG_TYPE: {
    en: '"{field}" must be the id of a {type}.',
    ru: "«{field}»: нужен идентификатор записи другого типа ({type}).",
  },
  INVALID_DATE: {
    en: "Date must be a real calendar date as YYYY-MM-DD, got {value}.",
    ru: "Укажите существующую дату в формате ГГГГ-ММ-ДД (получено {value}).",
  },
  INVALID_DATETIME: {
    en: "DateTime must be a real instant as ISO 8601 with a time zone (e.g. 2026-03-29T02:30:00+03:00), got {value}.",
    ru: "Укажите момент времени в формате ISO 8601 с часовым поясом (например, 2026-03-29T02:30:00+03:00); получено {value}.",
  },

  // ── zod's own checks, where a schema gives no code of its own (api/lib/validate.ts codedIssue) ──
  INVALID_TYPE: { en: "Expected {expected}.", ru: "Недопустимый тип значения." },
  INVALID_OPTION: { en: "Choose one of: {options}.", ru: "Выберите одно из значений: {options}." },
  NUMBER_TOO_SMALL: { en: "At least {min}.", ru: "Не меньше {min}." },
  NUMBER_TOO_BIG: { en: "At most {max}.", ru: "Не больше {max}." },
  NUMBER_NOT_POSITIVE: { en: "More than zero.", ru: "Должно быть больше нуля." },
  NUMBER_MORE_THAN: { en: "More than {min}.", ru: "Должно быть больше {min}." },
  NUMBER_LESS_THAN: { en: "Less than {max}.", ru: "Должно быть меньше {max}." },
  NOT_MULTIPLE_OF: { en: "A multiple of {divisor}.", ru: "Должно делиться на {divisor}." },
  UNKNOWN_FIELDS: { en: "Unknown fields: {fields}.", ru: "Неизвестные поля: {fields}." },
  TEXT_TOO_SHORT: { en: "At least {min} characters.", ru: "Не меньше {min} символов." },
  TOO_FEW_ITEMS: { en: "At least {min} items.", ru: "Не меньше {min} элементов." },
  TOO_MANY_ITEMS: { en: "At most {max} items.", ru: "Не больше {max} элементов." },
  WHOLE_NUMBER: { en: "A whole number.", ru: "Целое число." },
  INVALID_FORMAT: { en: "Not a valid {format}.", ru: "Неверный формат ({format})." },
  INVALID_EMAIL: { en: "Enter an email address.", ru: "Введите адрес электронной почты." },
  INVALID_WEB_URL: {
    en: "Enter a full address starting with https:// (or http://).",
    ru: "Введите полный адрес, начинающийся с https:// (или http://).",
  },
  NEGATIVE_NOT_ALLOWED: { en: "Cannot be negative.", ru: "Не может быть отрицательным." },
  OPENS_FORMAT: { en: "Use HH:MM, e.g. 09:00.", ru: "Укажите время в формате ЧЧ:ММ, например 09:00." },
  CLOSES_FORMAT: { en: "Use HH:MM, e.g. 18:00.", ru: "Укажите время в формате ЧЧ:ММ, например 18:00." },
  CLOSES_BEFORE_OPENS: {
    en: "Closing time must be after opening time.",
    ru: "Время закрытия должно быть позже открытия.",
  },
  LATITUDE_RANGE: { en: "Latitude is between −90 and 90.", ru: "Широта — от −90 до 90." },
  LONGITUDE_RANGE: { en: "Longitude is between −180 and 180.", ru: "Долгота — от −180 до 180." },
  COORDINATES_BOTH_OR_NEITHER: {
    en: "Give both latitude and longitude, or neither.",
    ru: "Укажите и широту, и долготу — или ни одну из них.",
  },
  YEAR: { en: "A year, e.g. 2018.", ru: "Укажите год, например 2018." },
  YEAR_1900_2100: { en: "A year from 1900 to 2100.", ru: "Год — от 1900 до 2100." },
  YEAR_FROM: { en: "From {min} on.", ru: "Не раньше {min} года." },
  YEAR_UP_TO: { en: "Up to {max}.", ru: "Не позже {max} года." },
  RANGE_END_BEFORE_START: {
    en: "The end of the range is on or after its start.",
    ru: "Конец периода не может быть раньше его начала.",
  },

  // ── Records ──
  NOT_FOUND: {
    en: "The {entity} does not exist or is outside your scope.",
    ru: "Не найдено ({entity}): записи нет или она вне вашей области доступа.",
  },
  FORBIDDEN: { en: "You are not allowed to change this record.", ru: "Вам нельзя изменять эту запись." },
  OUTSIDE_YOUR_REGIONS: {
    en: "You cannot change a {entity} outside your regions.",
    ru: "Нельзя изменять запись вне ваших регионов ({entity}).",
  },
  VERSION_CONFLICT: {
    en: "The {entity} was changed by someone else (version {current}, yours {yours}). Reload it and apply your change again.",
    ru: "Запись ({entity}) уже изменил кто-то другой (версия {current}, у вас {yours}). Обновите страницу и внесите изменения заново.",
  },
  DUPLICATE: {
    en: "A {entity} with the same {fields} already exists.",
    ru: "Такая запись уже есть ({entity}: совпадает {fields}).",
  },
  DUPLICATE_VALUES: {
    en: "A {entity} with these values already exists.",
    ru: "Такая запись уже есть ({entity}).",
  },
  REFERENCE_MISSING: {
    en: "A referenced record does not exist ({reference}).",
    ru: "Связанная запись не существует ({reference}).",
  },
  VALUE_NOT_ALLOWED: { en: "{detail}", ru: "Значение не допускается." },
  VALUE_OUT_OF_RANGE: { en: "A value is outside the allowed range.", ru: "Значение вне допустимых пределов." },

  // ── CHECK constraints (api/lib/errors.ts mapDatabaseError) ──
  CHECK_REPORT_VALUES: {
    en: "Values must be whole numbers ≥ 0, and the rural part cannot exceed the total.",
    ru: "Значения — целые числа не меньше 0, и сельская часть не может превышать общее число.",
  },
  CHECK_FEEDBACK_RATINGS: { en: "Ratings are whole numbers from 1 to 5.", ru: "Оценки — целые числа от 1 до 5." },
  CHECK_OPENING_HOURS: {
    en: "Use weekdays 1–7 and HH:MM times, opening before closing.",
    ru: "Дни недели — от 1 до 7, время — ЧЧ:ММ, открытие раньше закрытия.",
  },
  CHECK_OPENING_HOURS_EXCEPTION: {
    en: "The range must end on or after its start, with hours unless closed.",
    ru: "Период не может закончиться раньше начала; укажите часы работы, если центр не закрыт.",
  },
  CHECK_ASSIGNMENT_PERIOD: {
    en: "The end date cannot be before the start date.",
    ru: "Дата окончания не может быть раньше даты начала.",
  },
  CHECK_ASSIGNMENT_TARGET: {
    en: "Give exactly the target the assignment's type names.",
    ru: "Укажите ровно тот объект, который требует тип назначения.",
  },
  CHECK_CENTRE_EQUIPMENT: {
    en: "Equipment counts cannot be negative.",
    ru: "Количество оборудования не может быть отрицательным.",
  },
  CHECK_CENTRE_COORDINATES: {
    en: "Latitude is −90…90 and longitude −180…180, both or neither.",
    ru: "Широта — от −90 до 90, долгота — от −180 до 180; укажите обе или ни одной.",
  },
  CHECK_VISIT_PEOPLE: { en: "People served cannot be negative.", ru: "Число обслуженных не может быть отрицательным." },
  CHECK_VISIT_DOCUMENTS: {
    en: "Document counts cannot be negative.",
    ru: "Количество документов не может быть отрицательным.",
  },

  // ── Errors of the request itself (GraphQL errors: extensions.messageCode) ──
  UNAUTHENTICATED: { en: "The credentials are not valid.", ru: "Учётные данные недействительны." },
  TOKEN_INVALID: {
    en: "The access token is not valid; sign in again.",
    ru: "Сеанс недействителен или истёк; войдите снова.",
  },
  AUTHORIZATION_HEADER_INVALID: {
    en: "The Authorization header must be `Bearer <token>`.",
    ru: "Заголовок Authorization должен иметь вид `Bearer <token>`.",
  },
  API_KEY_INVALID: { en: "The API key is not valid.", ru: "API-ключ недействителен." },
  ACCESS_DENIED: { en: "You are not allowed to do this.", ru: "У вас нет прав на это действие." },
  SIGN_IN_REQUIRED: {
    en: "Sign in, or send a partner API key, to use this.",
    ru: "Войдите в систему или передайте API-ключ партнёра.",
  },
  MISSING_SCOPE: {
    en: "This API key does not have the scope {scopes}.",
    ru: "У этого API-ключа нет области доступа {scopes}.",
  },
  RATE_LIMITED: {
    en: "Too many requests with this API key; try again in {seconds} s.",
    ru: "Слишком много запросов с этим API-ключом; повторите через {seconds} с.",
  },
  DATABASE_UNAVAILABLE: {
    en: "The database is not reachable or too busy right now; try again shortly.",
    ru: "База данных сейчас недоступна или перегружена; повторите чуть позже.",
  },
} as const satisfies MessageTable;
