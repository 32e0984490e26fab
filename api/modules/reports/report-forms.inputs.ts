// What a report form's inputs must hold, checked by the validation plugin on their GraphQL
// input types (report-forms.schema.ts); the service takes what these give.
import { z } from "zod";
import { nullAsAbsent, optionalText, text, versionedChange } from "../../lib/validate.js";

const CODE = /^[A-Z][A-Z0-9_]*$/;
const code = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .regex(CODE, "Use capital Latin letters, digits and _, e.g. COD_MONTHLY.");

/** An indicator of a form; its position is its place in the list. */
export const indicatorSchema = z.object({
  code: code(64),
  name: text(500),
  unit: text(50),
  hasRuralSplit: z
    .boolean()
    .nullish()
    .transform((split) => split ?? false),
  category: optionalText(50),
  eventMeasure: z
    .enum(["COUNT", "PARTICIPANTS"])
    .nullish()
    .describe("Computed from the event register: COUNT the events or sum their PARTICIPANTS (no rural split)."),
  eventKind: z
    .enum(["SEMINAR", "FORUM", "WEBINAR", "CONFERENCE", "CAMPAIGN", "LECTURE", "CONSULTATION_DAY", "WORKING_MEETING"])
    .nullish()
    .describe("Only with eventMeasure."),
  eventAudience: z.enum(["CITIZENS", "STAFF"]).nullish().describe("Only with eventMeasure."),
});
export type IndicatorData = z.output<typeof indicatorSchema>;

/** What is wrong with an indicator's link to the event register, as [field, message] pairs. */
function eventIssues(indicator: IndicatorData): [string, string][] {
  const issues: [string, string][] = [];
  if (!indicator.eventMeasure) {
    if (indicator.eventKind)
      issues.push(["eventKind", "Say what is counted of these events (eventMeasure: COUNT or PARTICIPANTS)."]);
    if (indicator.eventAudience)
      issues.push(["eventAudience", "Say what is counted of these events (eventMeasure: COUNT or PARTICIPANTS)."]);
  } else if (indicator.hasRuralSplit) {
    issues.push(["hasRuralSplit", "An indicator computed from events has no rural part."]);
  }
  return issues;
}

const indicatorsSchema = z
  .array(indicatorSchema)
  .min(1, "A form needs at least one indicator.")
  .max(200, "At most 200 indicators.")
  .superRefine((indicators, ctx) => {
    const seen = new Set<string>();
    indicators.forEach((indicator, i) => {
      if (seen.has(indicator.code)) {
        ctx.addIssue({ code: "custom", path: [i, "code"], message: `The code ${indicator.code} is used twice.` });
      }
      seen.add(indicator.code);
      for (const [field, message] of eventIssues(indicator))
        ctx.addIssue({ code: "custom", path: [i, field], message });
    });
  });

const formFields = {
  name: text(300),
  periodicity: z.enum(["MONTHLY", "QUARTERLY", "ANNUAL"]),
  dueDays: z.number().int("A whole number of days.").min(0, "Cannot be negative.").max(366, "At most 366 days."),
  status: z
    .enum(["DRAFT", "ACTIVE"], { message: "Choose DRAFT or ACTIVE; use retireReportForm to retire a form." })
    .describe("DRAFT or ACTIVE."),
  indicators: indicatorsSchema,
};

// A field sent as null is not given: nothing of a form is ever set to null here.
export const createReportFormSchema = nullAsAbsent(
  z.object({
    code: code(64),
    revision: z
      .number()
      .int("A whole number.")
      .min(1, "Revisions start at 1.")
      .nullish()
      .describe("Omit to create the next revision of the code (1 for a new code)."),
    ...formFields,
    status: formFields.status.default("ACTIVE").describe("DRAFT or ACTIVE (default)."),
  }),
);
export type CreateReportFormData = z.output<typeof createReportFormSchema>;

export const updateReportFormSchema = nullAsAbsent(versionedChange({ code: code(64), ...formFields }));
export type UpdateReportFormData = z.output<typeof updateReportFormSchema>;

// ── Lists ──

export const reportFormFilterSchema = z.object({
  search: z.string().trim().max(200).nullish().describe("Part of the code or name; % and _ match themselves."),
  status: z.enum(["DRAFT", "ACTIVE", "RETIRED"]).nullish(),
  periodicity: formFields.periodicity.nullish(),
});
export type ReportFormFilterData = z.output<typeof reportFormFilterSchema>;
