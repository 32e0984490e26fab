// What the inputs of the systemic-error register must hold, checked by the validation plugin on
// their GraphQL input types (systemic-errors.schema.ts); the service takes what these give.
import { z } from "zod";
import { SystemicErrorStatus } from "../../generated/prisma/client.js";
import { globalId, optionalText, text } from "../../lib/validate.js";

const status = z.enum(SystemicErrorStatus);
/** An optional text whose empty value is stored as null. */
const textOrNull = (max: number) => optionalText(max).transform((value) => (value ? value : null));

export const systemicErrorFilterSchema = z.object({
  regionId: z.string().nullish(),
  status: status.nullish(),
  serviceId: z.string().nullish(),
  authorityId: z.string().nullish().describe("The responsible authority (an Organisation)."),
  overdueOnly: z.boolean().nullish().describe("Only OPEN or REPORTED errors past their due day."),
  search: z.string().trim().max(200).nullish().describe("Part of the title or description; % and _ match themselves."),
});
export type SystemicErrorFilterData = z.output<typeof systemicErrorFilterSchema>;

export const createSystemicErrorSchema = z.object({
  regionId: z.string().nullish().describe("Required without a service (or with a federal one)."),
  serviceId: z.string().nullish(),
  authorityId: z
    .string()
    .nullish()
    .describe("The responsible authority; the service's competent authority by default."),
  title: text(300),
  description: textOrNull(5000),
  dueAt: z.date().describe("The day by which it is to be fixed."),
  feedbackIds: z
    .array(z.string())
    .max(100, "SYSTEMIC_TOO_MANY_FEEDBACK")
    .nullish()
    .describe("Feedback of the region that revealed it; each is linked to the new error."),
});
export type CreateSystemicErrorData = z.output<typeof createSystemicErrorSchema>;

export const updateSystemicErrorSchema = z.object({
  id: globalId,
  version: z.number().int(),
  title: text(300).nullish().describe("Left out or null: unchanged."),
  description: textOrNull(5000).optional().describe("Null or empty clears it."),
  authorityId: z.string().nullish().describe("Null clears it."),
  dueAt: z.date().nullish().describe("Left out or null: unchanged."),
  resolution: textOrNull(5000).optional(),
});
export type UpdateSystemicErrorData = z.output<typeof updateSystemicErrorSchema>;

export const transitionSystemicErrorSchema = z.object({
  id: globalId,
  version: z.number().int(),
  to: status,
  resolution: textOrNull(5000).describe("What was done: required to mark it FIXED."),
});
export type TransitionSystemicErrorData = z.output<typeof transitionSystemicErrorSchema>;

export const linkFeedbackSchema = z.object({
  feedbackId: globalId,
  version: z.number().int().describe("The feedback's version you read."),
  systemicErrorId: z.string().nullish().describe("An error of the feedback's region; null unlinks it."),
  comment: textOrNull(2000).describe("Why; recorded in the feedback's history."),
});
export type LinkFeedbackData = z.output<typeof linkFeedbackSchema>;
