// What an organisation's inputs must hold, checked by the validation plugin on their GraphQL
// input types (organisations.schema.ts); the service takes what these give.
import { z } from "zod";
import { webUrl } from "../../lib/validate.js";

const digits = (n: number[], label: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^(${n.map((k) => `\\d{${k}}`).join("|")})$`), `${label} is ${n.join(" or ")} digits.`)
    .nullish();

const organisationFields = {
  name: z.string().trim().min(1, "Cannot be empty.").max(500),
  shortName: z.string().trim().max(200).nullish(),
  kind: z.enum(["LIBRARY", "MFC", "AUTHORITY", "OTHER"]),
  inn: digits([10, 12], "INN"),
  ogrn: digits([13, 15], "OGRN"),
  address: z.string().trim().max(500).nullish(),
  phone: z.string().trim().max(100).nullish(),
  email: z.string().trim().email("Enter an email address.").max(254).nullish(),
  website: webUrl().nullish(),
  municipalityId: z.string().nullish(),
};

export const createOrganisationSchema = z.object({ regionId: z.string(), ...organisationFields });
export type CreateOrganisationData = z.output<typeof createOrganisationSchema>;

export const updateOrganisationSchema = z
  .object({ id: z.string(), version: z.number().int() })
  .extend(z.object(organisationFields).partial().shape);
export type UpdateOrganisationData = z.output<typeof updateOrganisationSchema>;
