// What a life situation's inputs must hold, checked by the validation plugin on their GraphQL
// input types (life-situations.schema.ts); the service takes what these give.
import { z } from "zod";
import { text } from "../../lib/validate.js";

const MAX_SERVICES = 100;

const editableStatus = z.enum(["DRAFT", "PUBLISHED"], {
  error: "Choose DRAFT or PUBLISHED; use archiveLifeSituation to archive.",
});

const servicesList = z
  .array(z.object({ serviceId: z.string(), mandatory: z.boolean() }))
  .max(MAX_SERVICES, `At most ${MAX_SERVICES} services.`);

const fields = {
  code: z
    .string({ error: "Give a code, e.g. CHILD_BIRTH." })
    .trim()
    .regex(
      /^[A-Z][A-Z0-9_]{1,63}$/,
      "Use capital Latin letters, digits and _, starting with a letter, e.g. CHILD_BIRTH.",
    ),
  name: text(500),
  kind: z.enum(["LIFE_EVENT", "BUSINESS_EVENT"], { error: "Choose LIFE_EVENT or BUSINESS_EVENT." }),
  description: z.string().trim().max(10_000, "At most 10000 characters.").nullish(),
  status: editableStatus,
};

export const createLifeSituationSchema = z.object({
  ...fields,
  regionId: z.string().nullish(),
  status: editableStatus.default("PUBLISHED"),
  services: servicesList.default([]),
});
export type CreateLifeSituationData = z.output<typeof createLifeSituationSchema>;

export const updateLifeSituationSchema = z
  .object({ id: z.string(), version: z.number().int() })
  .extend(z.object(fields).partial().shape);
export type UpdateLifeSituationData = z.output<typeof updateLifeSituationSchema>;

export const setLifeSituationServicesSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  services: servicesList,
});
export type SetLifeSituationServicesData = z.output<typeof setLifeSituationServicesSchema>;

/** One service of a life situation's ordered list, as given. */
export type ServiceEntry = z.output<typeof servicesList>[number];
