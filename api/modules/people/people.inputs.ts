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
  email: z.string().trim().email("Enter an email address.").max(254).nullish(),
  phone: optionalText(100),
  photoConsent: z.boolean(),
};

export const createPersonSchema = z.object({
  regionId: globalId,
  ...personFields,
  photoConsent: personFields.photoConsent.default(false),
});
export type CreatePersonData = z.output<typeof createPersonSchema>;

export const updatePersonSchema = z
  .object({ id: globalId, version: z.number().int() })
  .extend(z.object(personFields).partial().shape);
export type UpdatePersonData = z.output<typeof updatePersonSchema>;

// ── Curator assignments ──

/** The column naming an assignment's target, by the target's type (a region's is the region itself). */
export const TARGET_FIELDS = {
  SERVICE: { field: "serviceId", noun: "service" },
  LIFE_SITUATION: { field: "lifeSituationId", noun: "life situation" },
  CENTRE: { field: "centreId", noun: "centre" },
  PROJECT: { field: "projectId", noun: "project" },
} as const satisfies Record<Exclude<CuratorTarget, "REGION">, { field: string; noun: string }>;

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
      message: `Choose the ${expected.noun} of this assignment.`,
    });
  }
  for (const target of Object.values(TARGET_FIELDS)) {
    if (target !== expected && data[target.field]) {
      const names = expected ? `a ${expected.noun}` : "only its region";
      const message = `Leave this out: a ${data.targetType} assignment names ${names}.`;
      ctx.addIssue({ code: "custom", path: [target.field], message });
    }
  }
}

export const assignCuratorSchema = z
  .object({
    personId: globalId,
    role: z.enum([
      "PROJECT_CURATOR",
      "REGIONAL_COORDINATOR",
      "CENTRE_CURATOR",
      "SERVICE_CURATOR",
      "LIFE_SITUATION_CURATOR",
    ]),
    targetType: z.enum(["SERVICE", "LIFE_SITUATION", "CENTRE", "REGION", "PROJECT"]),
    serviceId: globalId.nullish(),
    lifeSituationId: globalId.nullish(),
    centreId: globalId.nullish(),
    projectId: globalId.nullish(),
    regionId: globalId,
    validFrom: z.date(),
    primary: z.boolean(),
    note: optionalText(2000),
  })
  .superRefine(targetShape, whenValid);
export type AssignCuratorData = z.output<typeof assignCuratorSchema>;

export const endCuratorAssignmentSchema = z.object({ id: globalId, version: z.number().int(), validTo: z.date() });
export type EndCuratorAssignmentData = z.output<typeof endCuratorAssignmentSchema>;

export const updateCuratorAssignmentSchema = z.object({
  id: globalId,
  version: z.number().int(),
  note: optionalText(2000),
});
export type UpdateCuratorAssignmentData = z.output<typeof updateCuratorAssignmentSchema>;
