// What the analytics queries take, checked by the validation plugin on their GraphQL input
// types (activity, catalogue, operations and quality .schema.ts); the services take what these
// give. Places arrive as global ids, decoded (and checked against the caller's regions) where
// they are used.
import { z } from "zod";
import { ReportScope } from "../../generated/prisma/client.js";

/** Lengths of the periods activity figures are grouped by. */
export const GRANULARITIES = ["YEAR", "QUARTER", "MONTH"] as const;
/** How centres are counted by place. */
export const PLACE_GROUPINGS = ["REGION", "MUNICIPALITY"] as const;

/** One of the caller's regions narrowing the answer (quality analytics). */
const yourRegionId = z.string().nullish().describe("One of your regions; all of yours when omitted.");
/** One of the caller's regions narrowing the answer (operational analytics). */
const scopeRegionId = z.string().nullish().describe("One region of your scope; all of them when omitted.");

// ── Activity ──

export const activityScopeSchema = z.object({
  regionId: z.string().nullish(),
  municipalityId: z.string().nullish(),
  centreId: z.string().nullish(),
});
export type ActivityScopeData = z.output<typeof activityScopeSchema>;

export const indicatorDynamicsSchema = z.object({
  indicatorCode: z.string().describe("E.g. USERS."),
  granularity: z.enum(GRANULARITIES),
  from: z.date(),
  to: z.date().describe("Reports whose period ends after this are left out."),
  scope: activityScopeSchema.nullish(),
});

export const activityRangeSchema = z.object({
  from: z.date(),
  to: z.date(),
  scope: activityScopeSchema.nullish(),
});

export const centresByKindSchema = z.object({ scope: activityScopeSchema.nullish() });

export const centresByPlaceSchema = z.object({
  regionId: z.string().nullish().describe("Only this region's places; none means all you may read."),
  groupBy: z.enum(PLACE_GROUPINGS),
});

// ── KPI progress ──

export const kpiProgressSchema = z.object({
  regionId: z.string().nullish().describe("One of your regions: its KPIs and its values of national ones."),
  municipalityId: z
    .string()
    .nullish()
    .describe("A municipality of your regions: the COMPUTED KPIs (national and its region's) computed for it."),
  year: z
    .number()
    .int()
    .min(1900, "YEAR_1900_2100")
    .max(2100, "YEAR_1900_2100")
    .nullish()
    .describe(
      "The year: COMPUTED KPIs are computed for it, ENTERED ones show its value. Omitted: COMPUTED ones for the current year (a formula summing report indicators: the latest year reported), ENTERED ones their latest value.",
    ),
});
export type KpiProgressData = z.output<typeof kpiProgressSchema>;

// ── Operations ──

export const mobileOfficeActivitySchema = z.object({
  regionId: scopeRegionId,
  from: z.date().describe("First day of visits counted (inclusive)."),
  to: z.date().describe("Last day of visits counted (inclusive)."),
});
export type MobileOfficeActivityData = z.output<typeof mobileOfficeActivitySchema>;

export const reportingCompletenessSchema = z.object({
  regionId: scopeRegionId,
  formId: z.string(),
  level: z
    .enum(ReportScope)
    .nullish()
    .describe("Level of the reporting entities expected to report on the form; CENTRE unless given."),
  from: z.date().describe("Periods of the form's periodicity overlapping [from, to] are counted."),
  to: z.date(),
});
export type ReportingCompletenessData = z.output<typeof reportingCompletenessSchema>;

// ── Quality ──

/** What needs attention: the caller's regions or one of them, signatures expiring within (0–3650 days). */
export const alertsSchema = z.object({
  regionId: yourRegionId,
  signatureWithinDays: z.number().int().nullish(),
});

/** Compliance and curator coverage: the caller's regions, or one of them. */
export const yourRegionSchema = z.object({ regionId: yourRegionId });
export type YourRegionData = z.output<typeof yourRegionSchema>;

export const feedbackSlaSchema = z.object({
  regionId: yourRegionId,
  from: z.date().nullish().describe("Feedback received on or after this day."),
  to: z.date().nullish().describe("Feedback received on or before this day."),
});
export type FeedbackSlaData = z.output<typeof feedbackSlaSchema>;
