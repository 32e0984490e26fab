// Codes of errors about a request as a whole (GraphQL errors, `extensions.messageCode`): its
// size, depth and cost, its strings, and what the server answers when it cannot go on.
// api/lib/localize.ts puts them in the caller's language.
import type { MessageTable } from "../types.js";

export const requests = {
  REQUEST_TOO_LARGE: {
    en: "The request body is larger than {mib} MiB. Send files with requestFileUpload, not inline.",
    ru: "Тело запроса больше {mib} МиБ. Файлы передавайте через requestFileUpload, а не в самом запросе.",
  },
  JSON_REQUESTS_ONLY: {
    en: "Send GraphQL requests as JSON (Content-Type: application/json).",
    ru: "Отправляйте запросы GraphQL в формате JSON (Content-Type: application/json).",
  },
  QUERY_TOO_DEEP: {
    en: "The query nests {depth} levels; at most {limit} are allowed. Split it into smaller queries.",
    ru: "Вложенность запроса — {depth} уровней, а допускается не больше {limit}. Разбейте его на запросы поменьше.",
  },
  ONCE_PER_REQUEST: {
    en: "{field} may be asked for once per request; this one asks for it {count} times. Send one request for each.",
    ru: "{field} можно запросить один раз за запрос, а здесь — {count} раз. Отправьте отдельный запрос для каждого.",
  },
  QUERY_TOO_COSTLY_WEIGHTED: {
    en: "Query Cost limit of {max} exceeded, found {total} (spreadsheets and other heavy fields count {weight} of it). Ask for them in a request of their own.",
    ru: "Запрос слишком сложный: {total} при пределе {max} (таблицы и другие тяжёлые поля дают {weight} из них). Запрашивайте их отдельно.",
  },
  ARGUMENT_TOO_LONG: {
    en: "The argument {argument} of {field} is {length} characters long; {holds} may have at most {max}.",
    ru: "Аргумент {argument} поля {field} длиной {length} символов; допускается не больше {max}.",
  },
  ARGUMENT_TOO_LONG_IN_VARIABLE: {
    en: "The argument {argument} of {field} (given in {variable}) is {length} characters long; {holds} may have at most {max}.",
    ru: "Аргумент {argument} поля {field} (из переменной {variable}) длиной {length} символов; допускается не больше {max}.",
  },
  ARGUMENTS_TOO_LONG: { en: "Arguments too long.", ru: "Слишком длинные аргументы." },
  UNSTORABLE_STRING: {
    en: "{where} holds a NUL character or a lone UTF-16 surrogate, which no text may contain.",
    ru: "{where}: содержит символ NUL или одиночный суррогат UTF-16, которых в тексте быть не может.",
  },
  UNSTORABLE_STRING_IN_QUERY: {
    en: "A string in the query holds a NUL character or a lone UTF-16 surrogate, which no text may contain.",
    ru: "Строка в запросе содержит символ NUL или одиночный суррогат UTF-16, которых в тексте быть не может.",
  },
  // GraphQL Armor's limits: its English, recognised by api/lib/localize.ts.
  LIMIT_ALIASES: {
    en: "Aliases limit of {max} exceeded, found {found}.",
    ru: "Слишком много псевдонимов: {found} при пределе {max}.",
  },
  LIMIT_DIRECTIVES: {
    en: "Directives limit of {max} exceeded, found {found}.",
    ru: "Слишком много директив: {found} при пределе {max}.",
  },
  LIMIT_COST: {
    en: "Query Cost limit of {max} exceeded, found {found}.",
    ru: "Запрос слишком сложный: {found} при пределе {max}.",
  },
  LIMIT_TOKENS: { en: "Token limit of {max} exceeded.", ru: "Запрос слишком длинный: больше {max} лексем." },
  UNEXPECTED_ERROR: { en: "Unexpected error.", ru: "Непредвиденная ошибка на сервере." },
} as const satisfies MessageTable;
