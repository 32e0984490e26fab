// Codes of partner API keys (modules/api-clients).
import type { MessageTable } from "../types.js";

export const apiClients = {
  API_SCOPE_REQUIRED: { en: "Give at least one scope.", ru: "Выберите хотя бы одну область доступа." },
  EXPIRY_IN_PAST: { en: "The expiry must be in the future.", ru: "Срок действия должен заканчиваться в будущем." },
  API_KEY_ALREADY_REVOKED: { en: "This key is already revoked.", ru: "Этот ключ уже отозван." },
} as const satisfies MessageTable;
