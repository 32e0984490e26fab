export const ru = {
  resources: {
    apiClients: {
      name: "Ключ API |||| Ключи API",
      fields: {
        name: "Партнёр (приложение)",
        keyPrefix: "Начало ключа",
        scopes: "Права",
        rateLimitPerMinute: "Запросов в минуту",
        state: "Состояние",
        createdAt: "Создан",
        expiresAt: "Действует до",
        lastUsedAt: "Последнее обращение",
        revokedAt: "Отозван",
      },
    },
  },
  dostup: {
    apiClients: {
      tab: "Ключ",
      create: "Создать ключ",
      create_title: "Новый ключ API",
      scope: { REGISTRY_READ: "Реестр", STATISTICS_READ: "Статистика", FEEDBACK_WRITE: "Обращения" },
      scope_full: {
        REGISTRY_READ:
          "Реестр: центры, их часы работы и услуги, организации, каталог услуг, жизненные ситуации, география",
        STATISTICS_READ: "Статистика: опубликованные показатели, отчёты, KPI и аналитика",
        FEEDBACK_WRITE:
          "Обращения граждан: приём отзывов и жалоб из приложения и проверка их статуса по номеру (без персональных данных)",
      },
      scope_help: "Поля, не входящие в отмеченные права, ключу отвечают отказом (FORBIDDEN).",
      scope_required: "Отметьте хотя бы одно право",
      rate_limit_help: "Сверх этого числа за минуту партнёр получает ответ 429 с заголовком Retry-After.",
      last_used_help: "С точностью до минуты: записывается не чаще раза в минуту.",
      state: { active: "Действует", revoked: "Отозван", expired: "Истёк" },
      key_title: "Ключ для «%{name}»",
      key_warning:
        "Скопируйте ключ сейчас и передайте партнёру безопасным способом. Больше он показан не будет: система хранит только его отпечаток.",
      key_usage: "Партнёр передаёт ключ в заголовке x-api-key каждого запроса.",
      copy: "Копировать",
      copied: "Скопировано",
      copy_failed: "Не удалось скопировать: выделите ключ и скопируйте вручную",
      key_stored: "Я сохранил ключ",
      revoke: "Отозвать",
      revoke_title: "Отозвать ключ «%{name}»?",
      revoke_content: "Запросы с этим ключом сразу перестанут приниматься. Отменить отзыв нельзя.",
      revoked: "Ключ отозван",
    },
  },
};

export const en: typeof ru = {
  resources: {
    apiClients: {
      name: "API key |||| API keys",
      fields: {
        name: "Partner (app)",
        keyPrefix: "Key begins",
        scopes: "Scopes",
        rateLimitPerMinute: "Requests per minute",
        state: "State",
        createdAt: "Created",
        expiresAt: "Expires",
        lastUsedAt: "Last used",
        revokedAt: "Revoked",
      },
    },
  },
  dostup: {
    apiClients: {
      tab: "Key",
      create: "Create key",
      create_title: "New API key",
      scope: { REGISTRY_READ: "Registry", STATISTICS_READ: "Statistics", FEEDBACK_WRITE: "Feedback" },
      scope_full: {
        REGISTRY_READ:
          "Registry: centres with their hours and services, organisations, the service catalogue, life situations, geography",
        STATISTICS_READ: "Statistics: published figures, reports, KPIs and analytics",
        FEEDBACK_WRITE:
          "Citizens' feedback: submitting reviews and complaints from the app and checking their status by reference (no personal data)",
      },
      scope_help: "Fields outside the ticked scopes answer this key with a refusal (FORBIDDEN).",
      scope_required: "Tick at least one scope",
      rate_limit_help: "Beyond this many requests in a minute the partner gets 429 with a Retry-After header.",
      last_used_help: "To the minute: written at most once a minute.",
      state: { active: "Active", revoked: "Revoked", expired: "Expired" },
      key_title: "Key for “%{name}”",
      key_warning:
        "Copy the key now and hand it to the partner safely. It will not be shown again: only its fingerprint is stored.",
      key_usage: "The partner sends the key in the x-api-key header of every request.",
      copy: "Copy",
      copied: "Copied",
      copy_failed: "Could not copy: select the key and copy it by hand",
      key_stored: "I have stored the key",
      revoke: "Revoke",
      revoke_title: "Revoke the key “%{name}”?",
      revoke_content: "Requests with this key are refused at once. A revocation cannot be undone.",
      revoked: "Key revoked",
    },
  },
};
