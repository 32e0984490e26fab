// Codes of stored files: uploads, downloads and the access log (modules/files).
import type { MessageTable } from "../types.js";

export const files = {
  // ── Uploads: what a file may be, per purpose ──
  FILE_NAME_TOO_LONG: { en: "The name is too long.", ru: "Слишком длинное имя файла." },
  FILE_NAME_REQUIRED: {
    en: "Give the file's name, e.g. «Отчёт за май.pdf».",
    ru: "Укажите имя файла, например «Отчёт за май.pdf».",
  },
  FILE_SIZE_WHOLE: { en: "A whole number of bytes.", ru: "Размер — целое число байтов." },
  FILE_EMPTY: { en: "The file is empty: choose a file with content.", ru: "Файл пустой: выберите файл с содержимым." },
  FILE_SHA256_FORMAT: {
    en: "The file's SHA-256 as 64 hexadecimal digits.",
    ru: "SHA-256 файла — 64 шестнадцатеричные цифры.",
  },
  FILE_ID_REQUIRED: { en: "Give the file's id.", ru: "Укажите идентификатор файла." },
  DOWNLOAD_PURPOSE_REQUIRED: {
    en: "Say why you need the file (at least 3 characters); it is recorded in the access log.",
    ru: "Укажите, зачем вам файл (не меньше 3 символов); это записывается в журнал доступа.",
  },
  FILE_TYPE_NOT_ACCEPTED_REPORT: { en: "Report files may be {kinds}.", ru: "Файлы отчёта могут быть: {kinds}." },
  FILE_TYPE_NOT_ACCEPTED_PHOTO: { en: "Photos may be {kinds}.", ru: "Фотографии могут быть: {kinds}." },
  FILE_TYPE_NOT_ACCEPTED_EVENT_MATERIAL: {
    en: "Event materials may be {kinds}.",
    ru: "Материалы мероприятия могут быть: {kinds}.",
  },
  FILE_EXTENSION_NOT_ACCEPTED_REPORT: {
    en: "«.{extension}» files are not accepted: report files are named {extensions}.",
    ru: "Файлы «.{extension}» не принимаются: имена файлов отчёта оканчиваются на {extensions}.",
  },
  FILE_EXTENSION_NOT_ACCEPTED_PHOTO: {
    en: "«.{extension}» files are not accepted: photos are named {extensions}.",
    ru: "Файлы «.{extension}» не принимаются: имена фотографий оканчиваются на {extensions}.",
  },
  FILE_EXTENSION_NOT_ACCEPTED_EVENT_MATERIAL: {
    en: "«.{extension}» files are not accepted: event materials are named {extensions}.",
    ru: "Файлы «.{extension}» не принимаются: имена материалов мероприятия оканчиваются на {extensions}.",
  },
  FILE_NO_EXTENSION_REPORT: {
    en: "The name has no extension: report files are named {extensions}.",
    ru: "У имени нет расширения: имена файлов отчёта оканчиваются на {extensions}.",
  },
  FILE_NO_EXTENSION_PHOTO: {
    en: "The name has no extension: photos are named {extensions}.",
    ru: "У имени нет расширения: имена фотографий оканчиваются на {extensions}.",
  },
  FILE_NO_EXTENSION_EVENT_MATERIAL: {
    en: "The name has no extension: event materials are named {extensions}.",
    ru: "У имени нет расширения: имена материалов мероприятия оканчиваются на {extensions}.",
  },
  FILE_NAME_TYPE_MISMATCH: {
    en: "The name says {byName} but the type says {byType} ({contentType}): give the file its own extension, {extensions}.",
    ru: "По имени это {byName}, а по типу — {byType} ({contentType}): дайте файлу подходящее расширение: {extensions}.",
  },
  FILE_TOO_LARGE_REPORT: { en: "A report file may be at most {size}.", ru: "Файл отчёта — не больше {size}." },
  FILE_TOO_LARGE_PHOTO: { en: "A photo may be at most {size}.", ru: "Фотография — не больше {size}." },
  FILE_TOO_LARGE_EVENT_MATERIAL: {
    en: "An event material may be at most {size}.",
    ru: "Материал мероприятия — не больше {size}.",
  },
  FILE_OWNER_REQUIRED_REPORT: {
    en: "A report file needs the report's id (and no {others}).",
    ru: "Для файла отчёта укажите отчёт (и не указывайте {others}).",
  },
  FILE_OWNER_REQUIRED_PHOTO: {
    en: "A photo needs the person's id (and no {others}).",
    ru: "Для фотографии укажите сотрудника (и не указывайте {others}).",
  },
  FILE_OWNER_REQUIRED_EVENT_MATERIAL: {
    en: "An event material needs the event's id (and no {others}).",
    ru: "Для материала мероприятия укажите мероприятие (и не указывайте {others}).",
  },
  REPORT_FILES_FORBIDDEN: {
    en: "Files are attached by the report's centre operator or a curator of its region.",
    ru: "Файлы к отчёту прикладывает оператор центра или куратор региона.",
  },
  PERSON_OUTSIDE_YOUR_REGIONS: {
    en: "You cannot change a person outside your regions.",
    ru: "Нельзя изменять сотрудника вне ваших регионов.",
  },
  CONFIRM_UPLOAD_FORBIDDEN: {
    en: "Only who may add this file may confirm its upload.",
    ru: "Подтвердить загрузку может только тот, кто может добавить этот файл.",
  },
  NOTHING_UPLOADED: {
    en: "Nothing has been uploaded for this file yet: send it with the form requestFileUpload returned, then confirm again.",
    ru: "Файл ещё не загружен: отправьте его по форме, которую вернул requestFileUpload, и подтвердите снова.",
  },
  REPORT_TAKES_NO_FILES: { en: "The report takes no more files.", ru: "К этому отчёту больше нельзя добавлять файлы." },
  REPORT_CLOSED_FOR_FILES_SUBMITTED: {
    en: "The report is submitted for review (SUBMITTED): files are added only while a report is a draft or returned for corrections.",
    ru: "Отчёт отправлен на проверку: файлы добавляются, только пока отчёт — черновик или возвращён на доработку.",
  },
  REPORT_CLOSED_FOR_FILES_APPROVED: {
    en: "The report is approved (APPROVED): files are added only while a report is a draft or returned for corrections.",
    ru: "Отчёт утверждён: файлы добавляются, только пока отчёт — черновик или возвращён на доработку.",
  },
  REPORT_CLOSED_FOR_FILES_LOCKED: {
    en: "The report is locked (LOCKED): files are added only while a report is a draft or returned for corrections.",
    ru: "Отчёт закрыт для изменений: файлы добавляются, только пока отчёт — черновик или возвращён на доработку.",
  },
  S3_UNAVAILABLE: {
    en: "The file store is not reachable; try again shortly.",
    ru: "Хранилище файлов сейчас недоступно; повторите чуть позже.",
  },

  // ── Downloads and the access log ──
  DOWNLOAD_STAFF_ONLY: {
    en: "Files are downloaded by signed-in staff only.",
    ru: "Скачивать файлы могут только сотрудники, вошедшие в систему.",
  },
  FILE_PENDING: {
    en: "The file is still waiting for its upload to be confirmed, so it cannot be downloaded.",
    ru: "Загрузка файла ещё не подтверждена, поэтому скачать его нельзя.",
  },
  FILE_REJECTED: {
    en: "The file is rejected, so it cannot be downloaded.",
    ru: "Файл отклонён, поэтому скачать его нельзя.",
  },
  FILE_DELETED: {
    en: "The file is deleted, so it cannot be downloaded.",
    ru: "Файл удалён, поэтому скачать его нельзя.",
  },
  ACCESS_LOG_TOO_MANY_ROWS: {
    en: "The export would have more than {max} rows: narrow it with filter.from and filter.to.",
    ru: "В выгрузке было бы больше {max} строк: сузьте период (filter.from и filter.to).",
  },
} as const satisfies MessageTable;
