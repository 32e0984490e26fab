// What the inputs of quality standards and measurements must hold, checked by the validation
// plugin on their GraphQL input types (quality.schema.ts); the services take what these give.
import { z } from "zod";
import { nullAsAbsent, text, whenValid } from "../../lib/validate.js";

const MAX_ABS = 9_999_999_999;
/** An indicator's code, as targets and measurements name it. */
const indicatorCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z][A-Z0-9_]{1,49}$/,
    "Use 2–50 capital letters, digits and _, starting with a letter (e.g. WAIT_MINUTES).",
  );
/** A threshold or a measured value. */
const amount = z
  .number()
  .refine(Number.isFinite, "Must be a number.")
  .refine((n) => Math.abs(n) <= MAX_ABS, "Too large.");

// ── Standards ──

const targetSchema = z.object({
  indicatorCode,
  name: text(300),
  unit: text(50),
  direction: z.enum(["AT_LEAST", "AT_MOST"]),
  threshold: amount,
});
export type TargetData = z.output<typeof targetSchema>;

const targetsSchema = z.array(targetSchema).max(50, "At most 50 targets per standard.");

/** Each indicator once per standard, and percentages within 0–100 (the first problem only). */
function targetsConsistent(data: { targets?: readonly TargetData[] | null }, ctx: z.RefinementCtx<unknown>): void {
  const seen = new Set<string>();
  for (const [i, target] of (data.targets ?? []).entries()) {
    if (seen.has(target.indicatorCode)) {
      ctx.addIssue({
        code: "custom",
        path: ["targets", i, "indicatorCode"],
        message: `${target.indicatorCode} is already a target above.`,
      });
      return;
    }
    seen.add(target.indicatorCode);
    if (target.unit === "%" && (target.threshold < 0 || target.threshold > 100)) {
      ctx.addIssue({
        code: "custom",
        path: ["targets", i, "threshold"],
        message: "A percentage is between 0 and 100.",
      });
      return;
    }
  }
}

export const createStandardDraftSchema = z
  .object({
    serviceId: z.string(),
    title: text(300),
    validFrom: z.date().nullish(),
    targets: targetsSchema.nullish(),
    copyFrom: z.string().nullish(),
  })
  .superRefine(targetsConsistent, whenValid);
export type CreateStandardDraftData = z.output<typeof createStandardDraftSchema>;

export const updateStandardDraftSchema = nullAsAbsent(
  z
    .object({
      id: z.string(),
      version: z.number().int(),
      title: text(300).optional(),
      validFrom: z.date().nullish(),
      targets: targetsSchema.optional(),
    })
    .superRefine(targetsConsistent, whenValid),
  { only: ["title", "targets"] },
);
export type UpdateStandardDraftData = z.output<typeof updateStandardDraftSchema>;

export const approveStandardSchema = z.object({ id: z.string(), version: z.number().int() });
export type ApproveStandardData = z.output<typeof approveStandardSchema>;

// ── Measurements ──

export const recordMeasurementSchema = z.object({
  serviceId: z.string(),
  indicatorCode,
  regionId: z.string().nullish(),
  municipalityId: z.string().nullish(),
  centreId: z.string().nullish(),
  periodStart: z.date(),
  periodEnd: z.date(),
  value: amount,
  source: z.string().trim().max(300, "At most 300 characters.").nullish(),
});
export type RecordMeasurementData = z.output<typeof recordMeasurementSchema>;

export const updateMeasurementSchema = nullAsAbsent(
  z.object({
    id: z.string(),
    version: z.number().int(),
    value: amount.optional(),
    source: z.string().trim().max(300, "At most 300 characters.").nullish(),
  }),
  { only: ["value"] },
);
export type UpdateMeasurementData = z.output<typeof updateMeasurementSchema>;
