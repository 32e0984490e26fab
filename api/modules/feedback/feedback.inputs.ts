// What the inputs of feedback and its categories must hold, checked by the validation plugin on
// their GraphQL input types (feedback.schema.ts); the services take what these give.
import { z } from "zod";
import { nullAsAbsent, optionalText, text } from "../../lib/validate.js";

/** An optional text whose empty value is stored as null. */
const textOrNull = (max: number) => optionalText(max).transform((value) => (value ? value : null));

// ── Categories ──

const categoryFields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,49}$/, "Use 2–50 capital letters, digits and _, starting with a letter."),
  name: text(200),
  slaDays: z.number().int("A whole number of days.").min(1, "At least 1 day.").max(365, "At most 365 days."),
};

export const createCategorySchema = z.object(categoryFields);
export type CreateCategoryData = z.output<typeof createCategorySchema>;

/** None of a category's fields may be cleared: a null means "unchanged", as if it were left out. */
export const updateCategorySchema = nullAsAbsent(
  z.object({ id: z.string(), version: z.number().int() }).extend(z.object(categoryFields).partial().shape),
  { only: Object.keys(categoryFields) },
);
export type UpdateCategoryData = z.output<typeof updateCategorySchema>;

// ── Submitting ──

const RATING = "A rating is a whole number from 1 to 5.";
const rating = z.number().int(RATING).min(1, RATING).max(5, RATING).nullish();

export const submitFeedbackSchema = z.object({
  categoryId: z.string(),
  subjectType: z.enum(["CENTRE", "SERVICE", "LIFE_SITUATION", "OTHER"]),
  centreId: z.string().nullish(),
  serviceId: z.string().nullish(),
  lifeSituationId: z.string().nullish(),
  regionId: z.string().nullish(),
  ratingTime: rating,
  ratingWaiting: rating,
  ratingStaff: rating,
  ratingComfort: rating,
  ratingInformation: rating,
  text: text(10_000),
  authorName: textOrNull(300),
  authorContact: textOrNull(300),
  receivedAt: z
    .date()
    .nullish()
    .refine((date) => !date || date.getTime() <= Date.now() + 60_000, "Cannot be in the future."),
});
export type SubmitFeedbackData = z.output<typeof submitFeedbackSchema>;

// ── Handling ──

export const transitionFeedbackSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  to: z.enum(["RECEIVED", "IN_PROGRESS", "ANSWERED", "CLOSED", "REJECTED", "DUPLICATE", "REDIRECTED"]),
  comment: textOrNull(2000),
  answer: textOrNull(10_000),
  duplicateOfId: z.string().nullish(),
  redirectedTo: textOrNull(500),
});
export type TransitionFeedbackData = z.output<typeof transitionFeedbackSchema>;

export const assignFeedbackSchema = z.object({ id: z.string(), version: z.number().int(), curatorId: z.string() });
export type AssignFeedbackData = z.output<typeof assignFeedbackSchema>;

export const setSystemicErrorSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  systemicError: z.boolean(),
  comment: text(2000),
});
export type SetSystemicErrorData = z.output<typeof setSystemicErrorSchema>;
