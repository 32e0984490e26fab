// The panel's own messages, with those of the components and enums several resources share
// (components/, lib/choices.ts); react-admin's come from ra-language-russian, and each
// resource brings its own (resources/<name>/messages.ts).
export const ru = {
  dostup: {
    auth: {
      invalid_credentials: "Неверный email или пароль",
      throttled: "Слишком много неудачных попыток входа. Повторите через %{seconds} с.",
    },
    error: {
      validation: "Проверьте выделенные поля",
      conflict: "Запись уже изменил кто-то другой. Обновите страницу и внесите изменения снова.",
      not_found: "Запись не найдена или удалена",
      forbidden: "Недостаточно прав для этого действия",
      unexpected: "Сервер не смог выполнить запрос. Повторите попытку позже.",
      not_writable: "Эти записи нельзя изменять в панели",
      no_version: "Запись загружена без номера версии; обновите страницу",
    },
    validation: {
      web_url: "Укажите полный адрес, начинающийся с https:// (или http://)",
    },
    history: {
      tab: "История",
      empty: "Изменений пока нет",
      error: "Не удалось загрузить историю изменений",
      latest: "Показаны последние %{shown} из %{total} изменений",
      system: "Система",
      note: "Комментарий",
    },
    details: {
      tab: "Сведения",
    },
    // The region's own code of an organisation, centre or service (their forms).
    registry_code: {
      help: "Постоянный код записи в реестре региона. По нему импорт реестра находит эту запись: не меняйте его без нужды.",
    },
    // The table of a spreadsheet import's problems (components/ImportErrors.tsx).
    imports: {
      line: "Строка",
      column: "Столбец",
      problem: "Ошибка",
    },
    catalogue: {
      archive: {
        button: "В архив",
        restore: "Восстановить",
        title: "Перенести запись в архив?",
        content: "Запись пропадёт из списков и ответов партнёрам; связи с ней сохранятся. Её можно восстановить.",
        done: "Запись перенесена в архив",
        restored: "Запись восстановлена и опубликована",
      },
    },
  },
  // Overrides of react-admin's messages: the API signs in by email.
  ra: {
    auth: {
      username: "Электронная почта",
    },
  },
  enums: {
    ChangeAction: {
      CREATE: "Создание",
      UPDATE: "Изменение",
      ARCHIVE: "В архив",
      RESTORE: "Восстановление",
      DELETE: "Удаление",
      TRANSITION: "Смена статуса",
    },
    // The enums of lib/choices.ts.
    PublicationStatus: {
      DRAFT: "Черновик",
      PUBLISHED: "Опубликована",
      ARCHIVED: "В архиве",
    },
    TargetDirection: {
      AT_LEAST: "Не меньше",
      AT_MOST: "Не больше",
    },
    CentreStatus: {
      ACTIVE: "Работает",
      TEMPORARILY_CLOSED: "Временно закрыт",
      INACTIVE: "Не работает",
      CLOSED: "Закрыт",
    },
    MunicipalityKind: {
      MUNICIPAL_DISTRICT: "Муниципальный район",
      MUNICIPAL_OKRUG: "Муниципальный округ",
      URBAN_DISTRICT: "Городской округ",
      URBAN_SETTLEMENT: "Городское поселение",
      RURAL_SETTLEMENT: "Сельское поселение",
      INTRACITY_TERRITORY: "Внутригородская территория",
    },
    // Spreadsheet imports: report values and the registry (components/ImportErrors.tsx).
    ImportStatus: {
      PENDING: "В очереди",
      PROCESSING: "Обрабатывается",
      SUCCEEDED: "Загружен",
      FAILED: "С ошибками",
    },
    ImportProblemCode: {
      DUPLICATE_COLUMN: "Столбец повторяется",
      DUPLICATE_INDICATOR: "Показатель указан дважды",
      MISSING_COLUMN: "Нет обязательного столбца",
      MISSING_TOTAL: "Не указано общее значение",
      NEGATIVE: "Отрицательное число",
      NOT_WHOLE_NUMBER: "Не целое число",
      NO_VALUES: "В файле нет значений",
      OTHER_FORM_INDICATOR: "Показатель другой формы",
      RURAL_EXCEEDS_TOTAL: "Сельская часть больше общего значения",
      RURAL_NOT_SPLIT: "У показателя нет сельской части",
      TOO_LARGE: "Слишком большое число",
      TOO_MANY_ROWS: "Слишком много строк",
      UNKNOWN_INDICATOR: "Неизвестный показатель",
      UNREADABLE_FILE: "Файл не читается",
      WRONG_PERIOD: "Другой отчётный период",
      REQUIRED: "Не заполнено обязательное поле",
      INVALID_VALUE: "Недопустимое значение",
      UNKNOWN_REFERENCE: "Не найдена запись, на которую ссылается строка",
      DUPLICATE_CODE: "Код повторяется в файле",
    },
  },
};
