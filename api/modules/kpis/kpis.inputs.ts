// What the inputs of KPIs and their values must hold, checked by the validation plugin on their
// GraphQL input types (kpis.schema.ts); the service takes what these give.
import { z } from "zod";
import { nullAsAbsent, optionalText, text, versionedChange } from "../../lib/validate.js";
import { definitionSchema } from "./formula.js";

/** The columns are numeric(14,4): ten digits before the point. */
const amount = z
  .number()
  .refine(Number.isFinite, "KPI_NOT_A_NUMBER")
  .refine((n) => Math.abs(n) < 1e10, "KPI_VALUE_TOO_LARGE");

const kpiFields = {
  code: z
    .string()
    .trim()
    .max(100, "TEXT_TOO_LONG")
    .regex(/^[A-Z][A-Z0-9_]*$/, "KPI_CODE_FORMAT"),
  name: text(1000),
  description: optionalText(10_000),
  formula: text(2000),
  unit: text(50),
  direction: z.enum(["AT_LEAST", "AT_MOST"]),
  targetValue: amount,
  targetYear: z
    .number()
    .int("KPI_TARGET_YEAR_WHOLE")
    .min(2000, "KPI_TARGET_YEAR_RANGE")
    .max(2100, "KPI_TARGET_YEAR_RANGE"),
  legalBasis: optionalText(2000),
  source: z.enum(["COMPUTED", "ENTERED"]),
  definition: definitionSchema
    .nullish()
    .describe("How a COMPUTED KPI is computed (required for one); an ENTERED KPI has none."),
};

/** Columns a null may clear; a null for any other field means "not given". */
const CLEARABLE = { except: ["description", "legalBasis"] };

export const createKpiSchema = nullAsAbsent(
  z
    .object({
      ...kpiFields,
      direction: kpiFields.direction.default("AT_LEAST").describe("AT_LEAST unless given."),
      regionId: z.string().nullish().describe("The region of a regional target; omit for a national one."),
    })
    .superRefine((data, ctx) => {
      if (data.source === "COMPUTED" && !data.definition) {
        ctx.addIssue({ code: "custom", path: ["definition"], message: "KPI_COMPUTED_NEEDS_FORMULA" });
      }
      if (data.source === "ENTERED" && data.definition) {
        ctx.addIssue({
          code: "custom",
          path: ["definition"],
          message: "KPI_ENTERED_NO_FORMULA_INPUT",
        });
      }
    }),
  CLEARABLE,
);
export type CreateKpiData = z.output<typeof createKpiSchema>;

/** `definition`, when given, replaces the formula; making a KPI ENTERED drops its formula. */
export const updateKpiSchema = nullAsAbsent(versionedChange(kpiFields), CLEARABLE);
export type UpdateKpiData = z.output<typeof updateKpiSchema>;

// ── Lists ──

export const kpiFilterSchema = z.object({
  search: z.string().trim().max(200).nullish().describe("Part of the code or name; % and _ match themselves."),
  regionId: z.string().nullish().describe("Regional KPIs of this region."),
  federal: z.boolean().nullish().describe("Only national (true) or only regional (false) KPIs."),
  source: kpiFields.source.nullish(),
});
export type KpiFilterData = z.output<typeof kpiFilterSchema>;

// ── Values ──

export const recordKpiValueSchema = z
  .object({
    kpiId: z.string(),
    regionId: z
      .string()
      .nullish()
      .describe("A region's value of a national KPI; omit for a regional KPI (its region) or a national value."),
    periodStart: z.date(),
    periodEnd: z.date(),
    value: amount,
    version: z.number().int().nullish().describe("When correcting: the version you read (stale → ConflictError)."),
  })
  .refine((data) => data.periodEnd >= data.periodStart, {
    path: ["periodEnd"],
    message: "PERIOD_ENDS_BEFORE_START",
  });
export type RecordKpiValueData = z.output<typeof recordKpiValueSchema>;
