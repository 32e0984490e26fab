// The inbox and digests (api/modules/notifications).
import type { MessageTable } from "../types.js";

export const notifications = {
  NOTIFICATIONS_IDS_OR_ALL: {
    en: "Give the notifications to mark as read, or all: true (not both).",
    ru: "Укажите, какие уведомления отметить прочитанными, или отметьте все (но не то и другое сразу).",
  },
  NOTIFICATIONS_TOO_MANY: {
    en: "At most {max} notifications at once.",
    ru: "Не больше {max} уведомлений за раз.",
  },
} as const satisfies MessageTable;
