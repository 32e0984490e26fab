// What the inputs of people and their curator assignments must hold, checked by the validation
// plugin on their GraphQL input types (people.schema.ts); the services take what these give.
import { z } from "zod";
import type { CuratorTarget } from "../../generated/prisma/client.js";
import { globalId, optionalText, text, whenValid } from "../../lib/validate.js";

const personFields = {
  organisationId: globalId.nullish(),
  lastName: text(100),
  firstName: text(100),
  middleName: optionalText(100),
  position: optionalText(300),
  email: z.string().trim().email("INVALID_EMAIL").max(254).nullish(),
  phone: optionalText(100),
  photoConsent: z.boolean(),
  contactsConsent: z.boolean(),
};

export const createPersonSchema = z.object({
  regionId: globalId,
  ...personFields,
  organisationId: personFields.organisationId.describe("An organisation of the same region."),
  photoConsent: personFields.photoConsent.default(false).describe("Consent to publish the photo (default false)."),
  contactsConsent: personFields.contactsConsent
    .default(false)
    .describe("Consent to publish the email and phone in the public curator directory (default false)."),
});
export type CreatePersonData = z.output<typeof createPersonSchema>;

export const updatePersonSchema = z
  .object({ id: globalId, version: z.number().int() })
  .extend(z.object(personFields).partial().shape);
export type UpdatePersonData = z.output<typeof updatePersonSchema>;

// ── Lists ──

/** An id a list is filtered by; empty or null filters nothing. */
const filterId = z.string().nullish();

export const personFilterSchema = z.object({
  search: z.string().trim().max(200).nullish().describe("Words of the name, in any order; % and _ match themselves."),
  regionId: filterId,
  organisationId: filterId,
  includeArchived: z.boolean().nullish(),
});
export type PersonFilterData = z.output<typeof personFilterSchema>;

// ── Curator assignments ──

/**
 * The column naming an assignment's target, the target's GraphQL type and what people call it,
 * by the target's type (a region's is the region itself).
 */
export const TARGET_FIELDS = {
  SERVICE: { field: "serviceId", typename: "Service", noun: "service" },
  LIFE_SITUATION: { field: "lifeSituationId", typename: "LifeSituation", noun: "life situation" },
  CENTRE: { field: "centreId", typename: "Centre", noun: "centre" },
  PROJECT: { field: "projectId", typename: "Project", noun: "project" },
} as const satisfies Record<Exclude<CuratorTarget, "REGION">, { field: string; typename: string; noun: string }>;

export type TargetField = (typeof TARGET_FIELDS)[keyof typeof TARGET_FIELDS]["field"];

/** Exactly the target column `targetType` names is given; every other one is left out. */
function targetShape(
  data: { targetType: CuratorTarget } & Partial<Record<TargetField, string | null>>,
  ctx: z.RefinementCtx<unknown>,
): void {
  const expected = data.targetType === "REGION" ? null : TARGET_FIELDS[data.targetType];
  if (expected && !data[expected.field]) {
    ctx.addIssue({
      code: "custom",
      path: [expected.field],
      message: "CURATOR_TARGET_REQUIRED",
      params: { entity: expected.noun },
    });
  }
  for (const target of Object.values(TARGET_FIELDS)) {
    if (target !== expected && data[target.field]) {
      ctx.addIssue(
        expected
          ? {
              code: "custom",
              path: [target.field],
              message: "CURATOR_TARGET_EXTRA",
              params: { targetTypeEntity: data.targetType, entity: expected.noun },
            }
          : { code: "custom", path: [target.field], message: "CURATOR_TARGET_EXTRA_REGION" },
      );
    }
  }
}

/** Municipalities name curators of services and life situations only. */
function municipalTarget(
  data: { targetType: CuratorTarget; municipalityId?: string | null },
  ctx: z.RefinementCtx<unknown>,
) {
  if (data.municipalityId && data.targetType !== "SERVICE" && data.targetType !== "LIFE_SITUATION") {
    ctx.addIssue({ code: "custom", path: ["municipalityId"], message: "CURATOR_MUNICIPALITY_NOT_ALLOWED" });
  }
}

const targetType = z.enum(["SERVICE", "LIFE_SITUATION", "CENTRE", "REGION", "PROJECT"]);

export const assignCuratorSchema = z
  .object({
    personId: globalId.describe("A person of the same region."),
    role: z.enum([
      "PROJECT_CURATOR",
      "REGIONAL_COORDINATOR",
      "CENTRE_CURATOR",
      "SERVICE_CURATOR",
      "LIFE_SITUATION_CURATOR",
    ]),
    targetType,
    serviceId: globalId.nullish(),
    lifeSituationId: globalId.nullish(),
    centreId: globalId.nullish(),
    projectId: globalId.nullish(),
    regionId: globalId,
    municipalityId: globalId
      .nullish()
      .describe("A municipality of the region, for a municipal curator of a service or life situation."),
    validFrom: z.date(),
    primary: z.boolean(),
    note: optionalText(2000),
  })
  .superRefine(targetShape, whenValid)
  .superRefine(municipalTarget, whenValid);
export type AssignCuratorData = z.output<typeof assignCuratorSchema>;

export const endCuratorAssignmentSchema = z.object({
  id: globalId,
  version: z.number().int(),
  validTo: z.date().describe("The last day of responsibility."),
});
export type EndCuratorAssignmentData = z.output<typeof endCuratorAssignmentSchema>;

export const updateCuratorAssignmentSchema = z.object({
  id: globalId,
  version: z.number().int(),
  note: optionalText(2000),
});
export type UpdateCuratorAssignmentData = z.output<typeof updateCuratorAssignmentSchema>;

export const curatorAssignmentFilterSchema = z.object({
  regionId: filterId,
  municipalityId: filterId,
  personId: filterId,
  serviceId: filterId,
  lifeSituationId: filterId,
  centreId: filterId,
  projectId: filterId,
  targetType: targetType.nullish(),
  activeOnly: z.boolean().nullish().describe("Only open periods (no end date)."),
  primaryOnly: z.boolean().nullish(),
});
export type CuratorAssignmentFilterData = z.output<typeof curatorAssignmentFilterSchema>;
