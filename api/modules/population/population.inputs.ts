// What population figures and their filters must hold, checked by the validation plugin on
// their GraphQL input types (population.schema.ts).
import { z } from "zod";
import { optionalText } from "../../lib/validate.js";

const year = z.number().int("YEAR").min(1900, "YEAR_1900_2100").max(2100, "YEAR_1900_2100");

export const populationFilterSchema = z.object({
  regionId: z.string().nullish().describe("Figures of this region: its own and its municipalities'."),
  municipalityId: z.string().nullish().describe("Figures of this municipality."),
  year: year.nullish().describe("Figures of this year only."),
  level: z
    .enum(["REGION", "MUNICIPALITY"])
    .nullish()
    .describe("Only figures of regions as a whole (REGION) or only of municipalities (MUNICIPALITY)."),
});
export type PopulationFilterData = z.output<typeof populationFilterSchema>;

export const recordPopulationSchema = z.object({
  regionId: z.string(),
  municipalityId: z.string().nullish().describe("A municipality of the region; omit for the region as a whole."),
  year: year.describe("The year whose 1 January the figure is of."),
  count: z.number().int("RESIDENTS_WHOLE").positive("RESIDENTS_POSITIVE").max(200_000_000, "RESIDENTS_TOO_MANY"),
  source: optionalText(500).describe(
    "Where the figure comes from, e.g. «Росстат, численность постоянного населения на 1 января».",
  ),
  version: z
    .number()
    .int()
    .nullish()
    .describe(
      "When correcting the figure of a place and year: the version you read (required then; stale → ConflictError).",
    ),
});
export type RecordPopulationData = z.output<typeof recordPopulationSchema>;
