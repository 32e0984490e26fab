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
  },
};
