// What a report form's inputs must hold, checked by the validation plugin on their GraphQL
// input types (report-forms.schema.ts); the service takes what these give.
import { z } from "zod";
import { nullAsAbsent, optionalText, text, versionedChange } from "../../lib/validate.js";
import type { MessageCode } from "../../messages/index.js";

const CODE = /^[A-Z][A-Z0-9_]*$/;
const code = (max: number) => z.string().trim().max(max, "TEXT_TOO_LONG").regex(CODE, "REPORT_FORM_CODE_FORMAT");

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

/** What is wrong with an indicator's link to the event register, as [field, code] pairs. */
function eventIssues(indicator: IndicatorData): [string, MessageCode][] {
  const issues: [string, MessageCode][] = [];
  if (!indicator.eventMeasure) {
    if (indicator.eventKind) issues.push(["eventKind", "REPORT_INDICATOR_EVENT_MEASURE_MISSING"]);
    if (indicator.eventAudience) issues.push(["eventAudience", "REPORT_INDICATOR_EVENT_MEASURE_MISSING"]);
  } else if (indicator.hasRuralSplit) {
    issues.push(["hasRuralSplit", "REPORT_INDICATOR_EVENTS_NO_RURAL"]);
  }
  return issues;
}

const indicatorsSchema = z
  .array(indicatorSchema)
  .min(1, "REPORT_FORM_NO_INDICATORS")
  .max(200, "REPORT_FORM_TOO_MANY_INDICATORS")
  .superRefine((indicators, ctx) => {
    const seen = new Set<string>();
    indicators.forEach((indicator, i) => {
      if (seen.has(indicator.code)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "code"],
          message: "REPORT_FORM_INDICATOR_CODE_TWICE",
          params: { code: indicator.code },
        });
      }
      seen.add(indicator.code);
      for (const [field, message] of eventIssues(indicator))
        ctx.addIssue({ code: "custom", path: [i, field], message });
    });
  });

const formFields = {
  name: text(300),
  periodicity: z.enum(["MONTHLY", "QUARTERLY", "ANNUAL"]),
  dueDays: z
    .number()
    .int("REPORT_FORM_DUE_DAYS_WHOLE")
    .min(0, "NEGATIVE_NOT_ALLOWED")
    .max(366, "REPORT_FORM_DUE_DAYS_TOO_MANY"),
  status: z.enum(["DRAFT", "ACTIVE"], { message: "REPORT_FORM_STATUS_CHOICE" }).describe("DRAFT or ACTIVE."),
  indicators: indicatorsSchema,
};

// A field sent as null is not given: nothing of a form is ever set to null here.
export const createReportFormSchema = nullAsAbsent(
  z.object({
    code: code(64),
    revision: z
      .number()
      .int("WHOLE_NUMBER")
      .min(1, "REPORT_FORM_REVISION_MIN")
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
