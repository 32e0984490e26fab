// What the inputs of regions, municipalities and settlements must hold, checked by the
// validation plugin on their GraphQL input types (geography.schema.ts); the service takes what
// these give.
import { z } from "zod";
import { versionedChange } from "../../lib/validate.js";

/** A search term; the GraphQL layer already stops anything longer than 200 characters. */
const search = z.string().trim().max(200).nullish();

// ── Lists ──

export const regionFilterSchema = z.object({
  search: search.describe("Part of the name or the code (case-insensitive)."),
});
export type RegionFilterData = z.output<typeof regionFilterSchema>;

export const municipalityFilterSchema = z.object({ regionId: z.string().nullish(), search });
export type MunicipalityFilterData = z.output<typeof municipalityFilterSchema>;

// ── Changes ──

const regionFields = {
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{2,3}$/, "REGION_CODE_FORMAT"),
  name: z.string().trim().min(1, "REQUIRED").max(200),
};

export const createRegionSchema = z.object(regionFields);
export type CreateRegionData = z.output<typeof createRegionSchema>;

export const updateRegionSchema = versionedChange(regionFields);
export type UpdateRegionData = z.output<typeof updateRegionSchema>;

const municipalityFields = {
  oktmo: z
    .string()
    .trim()
    .regex(/^\d{8}(\d{3})?$/, "OKTMO_FORMAT"),
  name: z.string().trim().min(1, "REQUIRED").max(300),
  kind: z.enum([
    "URBAN_DISTRICT",
    "MUNICIPAL_DISTRICT",
    "MUNICIPAL_OKRUG",
    "URBAN_SETTLEMENT",
    "RURAL_SETTLEMENT",
    "INTRACITY_TERRITORY",
  ]),
};

export const createMunicipalitySchema = z.object({ regionId: z.string(), ...municipalityFields });
export type CreateMunicipalityData = z.output<typeof createMunicipalitySchema>;

export const updateMunicipalitySchema = versionedChange(municipalityFields);
export type UpdateMunicipalityData = z.output<typeof updateMunicipalitySchema>;

const settlementFields = {
  name: z.string().trim().min(1, "REQUIRED").max(300),
  isRural: z.boolean(),
};

export const createSettlementSchema = z.object({ municipalityId: z.string(), ...settlementFields });
export type CreateSettlementData = z.output<typeof createSettlementSchema>;

export const updateSettlementSchema = versionedChange(settlementFields);
export type UpdateSettlementData = z.output<typeof updateSettlementSchema>;
