// Codes of spreadsheets: CSV exports, report imports, the regional report (modules/spreadsheets).
import type { MessageTable } from "../types.js";

export const spreadsheets = {
  CSV_TOO_MANY_ROWS: {
    en: "The list has {count} rows; a CSV export takes at most {max}. Narrow the filter (e.g. by region).",
    ru: "В списке {count} строк; в выгрузку CSV помещается не больше {max}. Сузьте отбор (например, по региону).",
  },
  NOT_BASE64: {
    en: "Not base64: give the file's bytes base64-encoded.",
    ru: "Это не base64: передайте содержимое файла в кодировке base64.",
  },
  INLINE_TOO_LARGE: {
    en: "At most {mb} MB inline; upload larger files and give fileId.",
    ru: "Не больше {mb} МБ в самом запросе; файлы крупнее загрузите и укажите fileId.",
  },
  IMPORT_FILE_NOT_OF_REPORT: {
    en: "The file does not exist or is not a file of this report.",
    ru: "Файла нет или он не относится к этому отчёту.",
  },
  IMPORT_FILE_NOT_AVAILABLE: {
    en: "The file is {status}; only a confirmed upload (AVAILABLE) can be imported.",
    ru: "Файл в состоянии {status}; импортировать можно только файл с подтверждённой загрузкой (AVAILABLE).",
  },
  IMPORT_FILE_WRONG_PURPOSE: {
    en: "Only files uploaded as a report or for import can be imported.",
    ru: "Импортировать можно только файлы, загруженные как отчёт или для импорта.",
  },
  IMPORT_FILE_TOO_LARGE: { en: "The file is larger than {mb} MB.", ru: "Файл больше {mb} МБ." },
  IMPORT_FILE_EMPTY: { en: "The stored file is empty.", ru: "Сохранённый файл пустой." },
  IMPORT_FILE_OR_CONTENT: {
    en: "Give either fileId (an uploaded file) or content (base64), not both.",
    ru: "Укажите либо fileId (загруженный файл), либо content (base64), но не оба сразу.",
  },
  REPORT_FILL_FORBIDDEN: {
    en: "Only the centre's operator or a curator of the region can fill in this report.",
    ru: "Заполнять этот отчёт может только оператор центра или куратор региона.",
  },
  REGIONAL_REPORT_FORBIDDEN: {
    en: "Only administrators and curators of the region generate its consolidated report.",
    ru: "Сводный отчёт региона формируют только администраторы и кураторы региона.",
  },
  TO_YEAR_BEFORE_FROM_YEAR: {
    en: "toYear cannot be before fromYear.",
    ru: "Конечный год не может быть раньше начального.",
  },
  REGIONAL_REPORT_TOO_LONG: { en: "At most 50 years in one report.", ru: "Не больше 50 лет в одном отчёте." },
} as const satisfies MessageTable;
