// What the inputs of feedback and its categories must hold, checked by the validation plugin on
// their GraphQL input types (feedback.schema.ts); the services take what these give.
import { z } from "zod";
import { FeedbackStatus, FeedbackSubject } from "../../generated/prisma/client.js";
import { nullAsAbsent, optionalText, text, versionedChange } from "../../lib/validate.js";

/** An optional text whose empty value is stored as null. */
const textOrNull = (max: number) => optionalText(max).transform((value) => (value ? value : null));

const status = z.enum(FeedbackStatus);
const subjectType = z.enum(FeedbackSubject);

// ── Listing ──

export const feedbackFilterSchema = z.object({
  regionId: z.string().nullish(),
  status: status.nullish(),
  categoryId: z.string().nullish(),
  centreId: z.string().nullish(),
  serviceId: z.string().nullish(),
  subjectType: subjectType.nullish(),
  systemicErrorId: z.string().nullish().describe("Feedback linked to this systemic error."),
  hasSystemicError: z.boolean().nullish().describe("Linked to a systemic error (true) or not (false)."),
  fromApp: z.boolean().nullish().describe("Submitted by a partner app (true) or recorded by staff (false)."),
  apiClientId: z.string().nullish().describe("Submitted by this partner app (API key)."),
  overdue: z.boolean().nullish().describe("Unanswered past the due date (true) or not (false)."),
  search: z.string().trim().max(200).nullish().describe("Part of the text or the reference; % and _ match themselves."),
});
export type FeedbackFilterData = z.output<typeof feedbackFilterSchema>;

// ── Categories ──

const categoryFields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,49}$/, "FEEDBACK_CATEGORY_CODE_FORMAT"),
  name: text(200),
  slaDays: z.number().int("FEEDBACK_SLA_WHOLE").min(1, "FEEDBACK_SLA_MIN").max(365, "FEEDBACK_SLA_MAX"),
};

export const createCategorySchema = z.object(categoryFields);
export type CreateCategoryData = z.output<typeof createCategorySchema>;

/** None of a category's fields may be cleared: a null means "unchanged", as if it were left out. */
export const updateCategorySchema = nullAsAbsent(versionedChange(categoryFields), {
  only: Object.keys(categoryFields),
});
export type UpdateCategoryData = z.output<typeof updateCategorySchema>;

// ── Submitting ──

const RATING = "FEEDBACK_RATING_RANGE";
const rating = z.number().int(RATING).min(1, RATING).max(5, RATING).nullish();
/** The five ratings of every feedback, each optional. */
const ratings = {
  ratingTime: rating,
  ratingWaiting: rating,
  ratingStaff: rating,
  ratingComfort: rating,
  ratingInformation: rating,
};

export const submitFeedbackSchema = z.object({
  categoryId: z.string(),
  subjectType,
  centreId: z.string().nullish(),
  serviceId: z.string().nullish(),
  lifeSituationId: z.string().nullish(),
  regionId: z.string().nullish(),
  ...ratings,
  text: text(10_000),
  authorName: textOrNull(300),
  authorContact: textOrNull(300),
  receivedAt: z
    .date()
    .nullish()
    .refine((date) => !date || date.getTime() <= Date.now() + 60_000, "FEEDBACK_RECEIVED_IN_FUTURE")
    .describe("When it arrived (e.g. a letter); defaults to now. The due date counts from it."),
});
export type SubmitFeedbackData = z.output<typeof submitFeedbackSchema>;

// ── Handling ──

export const transitionFeedbackSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  to: status,
  comment: textOrNull(2000),
  answer: textOrNull(10_000),
  duplicateOfId: z.string().nullish(),
  redirectedTo: textOrNull(500),
});
export type TransitionFeedbackData = z.output<typeof transitionFeedbackSchema>;

export const assignFeedbackSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  curatorId: z.string().describe("A Person of the feedback's region."),
});
export type AssignFeedbackData = z.output<typeof assignFeedbackSchema>;

// ── Partner apps ──

const externalId = z
  .string()
  .trim()
  .min(1, "REQUIRED")
  .max(100, "TEXT_TOO_LONG")
  .describe("The app's own id of the request: the same id again returns the first submission.");

export const submitCitizenFeedbackSchema = z.object({
  serviceId: z.string().nullish().describe("A published service the feedback is about."),
  centreId: z.string().nullish().describe("A centre (not archived) the feedback is about."),
  regionId: z.string().nullish().describe("The citizen's region: required for a federal service."),
  categoryId: z.string().nullish().describe("A feedback category (feedbackCategories); a complaint by default."),
  ...ratings,
  text: text(10_000),
  authorName: textOrNull(300).describe("Personal data: kept for the curator, never shown back to apps."),
  authorContact: textOrNull(300).describe("Personal data: kept for the curator, never shown back to apps."),
  externalId,
});
export type SubmitCitizenFeedbackData = z.output<typeof submitCitizenFeedbackSchema>;
