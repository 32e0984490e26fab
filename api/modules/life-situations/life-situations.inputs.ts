// What a life situation's inputs must hold, checked by the validation plugin on their GraphQL
// input types (life-situations.schema.ts); the service takes what these give.
import { z } from "zod";
import { LifeSituationKind } from "../../generated/prisma/client.js";
import { optionalText, text, versionedChange } from "../../lib/validate.js";
import { catalogueStatusFilter } from "../services/services.inputs.js";

// ── The list's filter ──

export const lifeSituationFilterSchema = z.object({
  search: optionalText(200).describe("Part of the name, code or description; % and _ match themselves."),
  kind: z.enum(LifeSituationKind).nullish(),
  regionId: z.string().nullish(),
  status: catalogueStatusFilter("entries"),
});
export type LifeSituationFilterData = z.output<typeof lifeSituationFilterSchema>;

// ── A life situation and its services ──

const MAX_SERVICES = 100;

const editableStatus = z.enum(["DRAFT", "PUBLISHED"], {
  error: "LIFE_SITUATION_STATUS_CHOICE",
});

/** One service of the ordered list, a part of the schemas that take the list (which check it). */
export const serviceEntrySchema = z.object({ serviceId: z.string(), mandatory: z.boolean() });

const servicesList = z.array(serviceEntrySchema).max(MAX_SERVICES, "LIFE_SITUATION_TOO_MANY_SERVICES");

const fields = {
  code: z
    .string({ error: "LIFE_SITUATION_CODE_REQUIRED" })
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,63}$/, "LIFE_SITUATION_CODE_FORMAT")
    .describe("Capital Latin letters, digits and _, e.g. CHILD_BIRTH; unique."),
  name: text(500),
  kind: z.enum(["LIFE_EVENT", "BUSINESS_EVENT"], { error: "LIFE_SITUATION_KIND_CHOICE" }),
  description: z.string().trim().max(10_000, "TEXT_TOO_LONG").nullish(),
  status: editableStatus,
};

export const createLifeSituationSchema = z.object({
  ...fields,
  regionId: z.string().nullish().describe("Empty for the federal catalogue (administrators only)."),
  status: editableStatus.default("PUBLISHED").describe("PUBLISHED unless given."),
  services: servicesList
    .default([])
    .describe("The services in order; federal ones, or of the life situation's region."),
});
export type CreateLifeSituationData = z.output<typeof createLifeSituationSchema>;

export const updateLifeSituationSchema = versionedChange(fields);
export type UpdateLifeSituationData = z.output<typeof updateLifeSituationSchema>;

export const setLifeSituationServicesSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  services: servicesList,
});
export type SetLifeSituationServicesData = z.output<typeof setLifeSituationServicesSchema>;

/** One service of a life situation's ordered list, as given. */
export type ServiceEntry = z.output<typeof servicesList>[number];
