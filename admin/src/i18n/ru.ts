// The panel's own messages; react-admin's come from ra-language-russian, and each
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
  },
};
