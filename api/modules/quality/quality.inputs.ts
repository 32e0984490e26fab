// What the inputs of quality standards and measurements must hold, checked by the validation
// plugin on their GraphQL input types (quality.schema.ts); the services take what these give.
import { z } from "zod";
import { StandardStatus } from "../../generated/prisma/client.js";
import { nullAsAbsent, optionalText, text, versionedSchema, whenValid } from "../../lib/validate.js";

const MAX_ABS = 9_999_999_999;
/** An indicator's code, as targets and measurements name it. */
const indicatorCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,49}$/, "QUALITY_INDICATOR_CODE_FORMAT");
/** A threshold or a measured value. */
const amount = z
  .number()
  .refine(Number.isFinite, "QUALITY_NOT_A_NUMBER")
  .refine((n) => Math.abs(n) <= MAX_ABS, "QUALITY_NUMBER_TOO_LARGE");

// ── Standards ──

export const targetSchema = z.object({
  indicatorCode: indicatorCode.describe("Shared with measurements, e.g. WAIT_MINUTES."),
  name: text(300),
  unit: text(50).describe("E.g. мин, %, раб. дн.; a % threshold is within 0–100."),
  direction: z.enum(["AT_LEAST", "AT_MOST"]),
  threshold: amount,
});
export type TargetData = z.output<typeof targetSchema>;

const targetsSchema = z.array(targetSchema).max(50, "QUALITY_TOO_MANY_TARGETS");

/** Each indicator once per standard, and percentages within 0–100 (the first problem only). */
function targetsConsistent(data: { targets?: readonly TargetData[] | null }, ctx: z.RefinementCtx<unknown>): void {
  const seen = new Set<string>();
  for (const [i, target] of (data.targets ?? []).entries()) {
    if (seen.has(target.indicatorCode)) {
      ctx.addIssue({
        code: "custom",
        path: ["targets", i, "indicatorCode"],
        message: "QUALITY_TARGET_TWICE",
        params: { code: target.indicatorCode },
      });
      return;
    }
    seen.add(target.indicatorCode);
    if (target.unit === "%" && (target.threshold < 0 || target.threshold > 100)) {
      ctx.addIssue({
        code: "custom",
        path: ["targets", i, "threshold"],
        message: "QUALITY_PERCENT_RANGE",
      });
      return;
    }
  }
}

export const createStandardDraftSchema = z
  .object({
    serviceId: z.string(),
    title: text(300),
    validFrom: z.date().nullish().describe("Defaults to the approval date."),
    targets: targetsSchema.nullish().describe("The targets; when left out, those of `copyFrom` (or none)."),
    copyFrom: z.string().nullish().describe("A revision of the same service whose targets to start from."),
  })
  .superRefine(targetsConsistent, whenValid);
export type CreateStandardDraftData = z.output<typeof createStandardDraftSchema>;

export const updateStandardDraftSchema = nullAsAbsent(
  versionedSchema
    .extend({ title: text(300).optional(), validFrom: z.date().nullish(), targets: targetsSchema.optional() })
    .superRefine(targetsConsistent, whenValid),
  { only: ["title", "targets"] },
);
export type UpdateStandardDraftData = z.output<typeof updateStandardDraftSchema>;

export const approveStandardSchema = versionedSchema;
export type ApproveStandardData = z.output<typeof approveStandardSchema>;

// ── Lists ──

export const qualityStandardFilterSchema = z.object({
  serviceId: z.string().nullish(),
  status: z.enum(StandardStatus).nullish(),
  search: optionalText(200).describe("Part of the title; % and _ match themselves."),
});
export type QualityStandardFilterData = z.output<typeof qualityStandardFilterSchema>;

export const qualityMeasurementFilterSchema = z.object({
  serviceId: z.string().nullish(),
  regionId: z.string().nullish(),
  municipalityId: z.string().nullish(),
  centreId: z.string().nullish(),
  indicatorCode: z.string().nullish(),
  from: z.date().nullish().describe("Periods ending on or after this date."),
  to: z.date().nullish().describe("Periods starting on or before this date."),
});
export type QualityMeasurementFilterData = z.output<typeof qualityMeasurementFilterSchema>;

// ── Measurements ──

/** Where a measured value comes from. */
const source = optionalText(300);

export const recordMeasurementSchema = z.object({
  serviceId: z.string(),
  indicatorCode: indicatorCode.describe("A code some standard of the service has a target for."),
  regionId: z.string().nullish(),
  municipalityId: z.string().nullish(),
  centreId: z.string().nullish(),
  periodStart: z.date(),
  periodEnd: z.date(),
  value: amount,
  source: source.describe("E.g. «Опрос заявителей»."),
});
export type RecordMeasurementData = z.output<typeof recordMeasurementSchema>;

export const updateMeasurementSchema = nullAsAbsent(versionedSchema.extend({ value: amount.optional(), source }), {
  only: ["value"],
});
export type UpdateMeasurementData = z.output<typeof updateMeasurementSchema>;
