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
      scope: { read: "Чтение данных" },
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
      scope: { read: "Read data" },
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
