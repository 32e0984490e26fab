// What the inbox's and the digest settings' inputs must hold, checked by the validation plugin on
// their GraphQL input types (notifications.schema.ts); the service takes what these give.
import { z } from "zod";
import { globalId, whenValid } from "../../lib/validate.js";

/** The most notifications one call marks by id (the inbox shows at most a page of them). */
export const MAX_MARKED = 100;

export const markNotificationsReadSchema = z
  .object({
    ids: z
      .array(globalId)
      .max(MAX_MARKED, "NOTIFICATIONS_TOO_MANY")
      .nullish()
      .describe(`Notifications of yours to mark as read, at most ${MAX_MARKED}.`),
    all: z.boolean().nullish().describe("True: every unread notification of yours."),
  })
  .superRefine((input, ctx) => {
    const byId = (input.ids?.length ?? 0) > 0;
    if (byId === Boolean(input.all))
      ctx.addIssue({ code: "custom", path: ["ids"], message: "NOTIFICATIONS_IDS_OR_ALL" });
  }, whenValid);
export type MarkNotificationsReadData = z.output<typeof markNotificationsReadSchema>;

export const DIGEST_FREQUENCIES = ["DAILY", "WEEKLY", "OFF"] as const;

export const setDigestFrequencySchema = z.object({
  frequency: z.enum(DIGEST_FREQUENCIES).describe("DAILY, WEEKLY, or OFF (nothing at all, not even in the inbox)."),
});
export type SetDigestFrequencyData = z.output<typeof setDigestFrequencySchema>;

export const notificationFilterSchema = z.object({
  unread: z.boolean().nullish().describe("True: only those not read yet."),
});
export type NotificationFilterData = z.output<typeof notificationFilterSchema>;
