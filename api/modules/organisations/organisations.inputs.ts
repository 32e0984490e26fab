// What an organisation's inputs must hold, checked by the validation plugin on their GraphQL
// input types (organisations.schema.ts); the service takes what these give.
import { z } from "zod";
import { registryCode, versionedChange, webUrl } from "../../lib/validate.js";

const digits = (n: number[], code: "INN_FORMAT" | "OGRN_FORMAT") =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^(${n.map((k) => `\\d{${k}}`).join("|")})$`), code)
    .nullish();

const organisationFields = {
  code: registryCode(),
  name: z.string().trim().min(1, "REQUIRED").max(500),
  shortName: z.string().trim().max(200).nullish(),
  kind: z.enum(["LIBRARY", "MFC", "AUTHORITY", "OTHER"]),
  inn: digits([10, 12], "INN_FORMAT").describe("ИНН: 10 digits (12 for individuals)."),
  ogrn: digits([13, 15], "OGRN_FORMAT").describe("ОГРН: 13 digits (15 for individuals)."),
  address: z.string().trim().max(500).nullish(),
  phone: z.string().trim().max(100).nullish(),
  email: z.string().trim().email("INVALID_EMAIL").max(254).nullish(),
  website: webUrl().nullish(),
  municipalityId: z.string().nullish(),
};

// ── Changes ──

export const createOrganisationSchema = z.object({ regionId: z.string(), ...organisationFields });
export type CreateOrganisationData = z.output<typeof createOrganisationSchema>;

export const updateOrganisationSchema = versionedChange(organisationFields);
export type UpdateOrganisationData = z.output<typeof updateOrganisationSchema>;

// ── Lists ──

export const organisationFilterSchema = z.object({
  search: z.string().trim().max(200).nullish().describe("Part of the name, or the exact INN."),
  regionId: z.string().nullish(),
  kind: organisationFields.kind.nullish(),
  includeArchived: z.boolean().nullish().describe("Also archived organisations (never for partners)."),
});
export type OrganisationFilterData = z.output<typeof organisationFilterSchema>;
