// What a report's inputs must hold, checked by the validation plugin on their GraphQL input
// types (reports.schema.ts); the services take what these give. Values against the report's
// form, and the period against the form's periodicity, are checked by the services.
import { z } from "zod";
import { versionedSchema } from "../../lib/validate.js";

/** The id and version every change of a report names (a stale version is a ConflictError). */
const versioned = versionedSchema.shape;

export const createReportSchema = z.object({
  formId: z.string(),
  centreId: z.string().nullish(),
  municipalityId: z.string().nullish(),
  regionId: z.string().nullish(),
  periodStart: z.date().describe("The first day of a month, quarter or year, as the form's periodicity requires."),
});
export type CreateReportData = z.output<typeof createReportSchema>;

/** The value of one indicator, as setReportValues takes it. */
export const reportValueSchema = z.object({
  indicatorId: z.string().nullish().describe("The indicator (or give indicatorCode)."),
  indicatorCode: z.string().trim().nullish(),
  // Whole numbers in GraphQL (Int); the service checks each against the form, so that every
  // bad value is named at once.
  total: z.number(),
  rural: z.number().nullish().describe("Only for indicators with a rural split; at most the total."),
});

export const setReportValuesSchema = z.object({
  ...versioned,
  values: z.array(reportValueSchema).min(1, "REPORT_VALUES_NONE").max(500, "REPORT_VALUES_TOO_MANY"),
});
export type SetReportValuesData = z.output<typeof setReportValuesSchema>;

export const returnReportSchema = z.object({
  ...versioned,
  reason: z
    .string()
    .trim()
    .min(1, "REPORT_CORRECTION_REQUIRED")
    .max(2000, "TEXT_TOO_LONG")
    .describe("What the reporter must correct (shown to them)."),
});
export type ReturnReportData = z.output<typeof returnReportSchema>;

export const approveReportSchema = z.object({
  ...versioned,
  published: z.boolean().nullish().describe("Show the figures to partner apps (default false)."),
});
export type ApproveReportData = z.output<typeof approveReportSchema>;

// ── Lists ──

export const reportFilterSchema = z.object({
  regionId: z.string().nullish(),
  centreId: z.string().nullish(),
  municipalityId: z.string().nullish().describe("The municipality's own reports and those of its centres."),
  formId: z.string().nullish(),
  status: z.enum(["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "LOCKED"]).nullish(),
  scope: z.enum(["CENTRE", "MUNICIPALITY", "REGION"]).nullish(),
  periodFrom: z.date().nullish().describe("Periods starting on or after this day."),
  periodTo: z.date().nullish().describe("Periods starting on or before this day."),
});
export type ReportFilterData = z.output<typeof reportFilterSchema>;
