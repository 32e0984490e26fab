// What a report's inputs must hold, checked by the validation plugin on their GraphQL input
// types (reports.schema.ts); the services take what these give. Values against the report's
// form, and the period against the form's periodicity, are checked by the services.
import { z } from "zod";

/** The id and version every change of a report names (a stale version is a ConflictError). */
const versioned = { id: z.string(), version: z.number().int() };

export const createReportSchema = z.object({
  formId: z.string(),
  centreId: z.string().nullish(),
  municipalityId: z.string().nullish(),
  regionId: z.string().nullish(),
  periodStart: z.date(),
});
export type CreateReportData = z.output<typeof createReportSchema>;

export const setReportValuesSchema = z.object({
  ...versioned,
  values: z
    .array(
      z.object({
        indicatorId: z.string().nullish(),
        indicatorCode: z.string().trim().nullish(),
        // Checked one by one below, so that every bad value is named at once.
        total: z.number(),
        rural: z.number().nullish(),
      }),
    )
    .min(1, "Give at least one value.")
    .max(500, "At most 500 values at once."),
});
export type SetReportValuesData = z.output<typeof setReportValuesSchema>;

export const returnReportSchema = z.object({
  ...versioned,
  reason: z.string().trim().min(1, "Say what must be corrected.").max(2000, "At most 2000 characters."),
});
export type ReturnReportData = z.output<typeof returnReportSchema>;

export const approveReportSchema = z.object({ ...versioned, published: z.boolean().nullish() });
export type ApproveReportData = z.output<typeof approveReportSchema>;
