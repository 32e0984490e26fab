// Who is responsible for what: curator assignments. They are history: a period is
// closed (validTo), never rewritten or deleted, and a new primary curator of a service,
// life situation or centre in a region closes the previous one's period in the same
// transaction as the new assignment is made.
import { randomUUID } from "node:crypto";
import type { CuratorTarget, Prisma } from "../../generated/prisma/client.js";
import { type Access, inRegions, regionOrFederal } from "../../lib/access.js";
import { change, log, saveRow, saveVersion, type Tx } from "../../lib/change.js";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { directionOf, type OrderBy } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import { writableRow } from "../../lib/rows.js";
import { internalRecordScope, projectScope, writableRegion } from "../../lib/scopes.js";
import {
  type AssignCuratorData,
  type CuratorAssignmentFilterData,
  type EndCuratorAssignmentData,
  TARGET_FIELDS,
  type TargetField,
  type UpdateCuratorAssignmentData,
} from "./people.inputs.js";
import { personScope } from "./people.service.js";

export type CuratorAssignmentOrderByInput = OrderBy<"VALID_FROM" | "CREATED_AT">;

/** Assignments name a person, so they are internal records like people themselves. */
export function assignmentScope(access: Access): Prisma.CuratorAssignmentWhereInput {
  return internalRecordScope(access);
}

export function assignmentWhere(
  access: Access,
  filter?: CuratorAssignmentFilterData | null,
): Prisma.CuratorAssignmentWhereInput {
  const id = (typename: string, value: string | null | undefined, field: string) =>
    value ? fromGlobalId(typename, value, `filter.${field}`) : undefined;
  return {
    AND: [
      assignmentScope(access),
      filter?.regionId ? { regionId: id("Region", filter.regionId, "regionId") } : {},
      filter?.municipalityId ? { municipalityId: id("Municipality", filter.municipalityId, "municipalityId") } : {},
      filter?.personId ? { personId: id("Person", filter.personId, "personId") } : {},
      filter?.serviceId ? { serviceId: id("Service", filter.serviceId, "serviceId") } : {},
      filter?.lifeSituationId
        ? { lifeSituationId: id("LifeSituation", filter.lifeSituationId, "lifeSituationId") }
        : {},
      filter?.centreId ? { centreId: id("Centre", filter.centreId, "centreId") } : {},
      filter?.projectId ? { projectId: id("Project", filter.projectId, "projectId") } : {},
      filter?.targetType ? { targetType: filter.targetType } : {},
      filter?.activeOnly ? { validTo: null } : {},
      filter?.primaryOnly ? { primary: true } : {},
    ],
  };
}

export function assignmentOrderBy(
  orderBy?: CuratorAssignmentOrderByInput | null,
): Prisma.CuratorAssignmentOrderByWithRelationInput[] {
  const direction = directionOf(orderBy);
  if (orderBy?.field === "CREATED_AT") return [{ createdAt: direction }, { id: direction }];
  return [{ validFrom: direction }, { createdAt: direction }, { id: direction }];
}

/** Newest first: the current assignment on top, then its predecessors. */
export const ASSIGNMENT_HISTORY_ORDER: Prisma.CuratorAssignmentOrderByWithRelationInput[] = [
  { validFrom: "desc" },
  { createdAt: "desc" },
  { id: "desc" },
];

/** Targets with one primary curator per region: a new primary one closes the previous period. */
const SINGLE_PRIMARY: ReadonlySet<CuratorTarget> = new Set(["SERVICE", "LIFE_SITUATION", "CENTRE"]);

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The target row, if the caller may read it; federal services and life situations (no region) too. */
function findTarget(
  tx: Tx,
  access: Access,
  targetType: Exclude<CuratorTarget, "REGION">,
  id: string,
): Promise<{ id: string; regionId: string | null; archivedAt?: Date | null } | null> {
  switch (targetType) {
    case "SERVICE":
      return tx.service.findFirst({ where: { id, ...regionOrFederal(access.read) } });
    case "LIFE_SITUATION":
      return tx.lifeSituation.findFirst({ where: { id, ...regionOrFederal(access.read) } });
    case "CENTRE":
      return tx.centre.findFirst({ where: { id, regionId: inRegions(access.read) } });
    case "PROJECT":
      return tx.project.findFirst({ where: { id, ...projectScope(access) } });
  }
}

/** The target row's id, after checking it is readable and belongs to (or, federal, serves) the region. */
async function targetIn(
  tx: Tx,
  access: Access,
  data: AssignCuratorData,
  regionId: string,
): Promise<Partial<Record<TargetField, string>>> {
  if (data.targetType === "REGION") return {};
  const { field, typename, noun } = TARGET_FIELDS[data.targetType];
  const id = fromGlobalId(typename, data[field] ?? "", `input.${field}`);
  const target = await findTarget(tx, access, data.targetType, id);
  if (!target) throw new NotFoundError(noun);
  if (target.regionId !== null && target.regionId !== regionId)
    throw ValidationError.of(`input.${field}`, "CURATOR_TARGET_OTHER_REGION", { entity: noun });
  // Of the targets, only centres are archived.
  if (target.archivedAt) throw ValidationError.of(`input.${field}`, "CURATOR_TARGET_ARCHIVED", { entity: noun });
  return { [field]: target.id };
}

/** The municipality of a municipal curator: one of the assignment's region; null for the region's own. */
async function municipalityIn(tx: Tx, data: AssignCuratorData, regionId: string): Promise<string | null> {
  if (!data.municipalityId) return null;
  const municipality = await tx.municipality.findUnique({
    where: { id: fromGlobalId("Municipality", data.municipalityId, "input.municipalityId") },
    select: { id: true, regionId: true },
  });
  if (!municipality) throw new NotFoundError("municipality");
  if (municipality.regionId !== regionId)
    throw ValidationError.of("input.municipalityId", "CURATOR_MUNICIPALITY_OTHER_REGION");
  return municipality.id;
}

/**
 * Two assignments of one target in one region (and municipality) at the same moment: the
 * first takes this lock, the second is told to reload (ConflictError) rather than silently
 * closing a period it never saw. The partial unique index is the last word for services.
 */
async function lockTarget(tx: Tx, targetId: string, regionId: string, municipalityId: string | null): Promise<void> {
  const key = `CuratorAssignment:${targetId}:${regionId}:${municipalityId ?? "region"}`;
  const [row] = await tx.$queryRaw<
    { locked: boolean }[]
  >`SELECT pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) AS locked`;
  if (!row?.locked) {
    throw new ConflictError("CURATOR_ASSIGNING_CONCURRENTLY");
  }
}

/**
 * Makes an assignment. A primary one for a service, life situation or centre closes the
 * current primary period(s) of that target in that region and municipality (the region's
 * own curator, no municipality, is a post of its own) on the day before, in the same
 * transaction, and logs both changes.
 */
export async function assignCurator(access: Access, data: AssignCuratorData) {
  return change("curator assignment", async (tx) => {
    const region = await writableRegion(tx, access, data.regionId, "curator assignment");
    const person = await tx.person.findFirst({
      where: { id: fromGlobalId("Person", data.personId, "input.personId"), ...personScope(access) },
    });
    if (!person) throw new NotFoundError("person");
    if (person.regionId !== region.id) throw ValidationError.of("input.personId", "CURATOR_PERSON_OTHER_REGION");
    if (person.archivedAt) throw ValidationError.of("input.personId", "CURATOR_PERSON_ARCHIVED");
    const target = await targetIn(tx, access, data, region.id);
    const municipalityId = await municipalityIn(tx, data, region.id);

    const id = randomUUID();
    const targetId = Object.values(target)[0];
    if (data.primary && SINGLE_PRIMARY.has(data.targetType) && targetId) {
      await lockTarget(tx, targetId, region.id, municipalityId);
      const current = await tx.curatorAssignment.findMany({
        where: {
          ...target,
          targetType: data.targetType,
          regionId: region.id,
          municipalityId,
          primary: true,
          validTo: null,
        },
        orderBy: { validFrom: "asc" },
      });
      const validTo = new Date(data.validFrom.getTime() - DAY_MS);
      for (const previous of current) {
        if (validTo < previous.validFrom) {
          throw ValidationError.of("input.validFrom", "CURATOR_START_BEFORE_CURRENT", {
            since: isoDate(previous.validFrom),
          });
        }
        const closed = await tx.curatorAssignment.updateMany({
          where: { id: previous.id, version: previous.version, validTo: null },
          data: { validTo, version: { increment: 1 } },
        });
        if (closed.count === 0) {
          throw new ConflictError("CURATOR_CURRENT_CHANGED");
        }
        const after = await tx.curatorAssignment.findUniqueOrThrow({ where: { id: previous.id } });
        await log(tx, access, {
          entity: "CuratorAssignment",
          entityId: previous.id,
          action: "UPDATE",
          regionId: previous.regionId,
          before: previous,
          after,
          note: { closedBy: id },
        });
      }
    }

    const assignment = await tx.curatorAssignment.create({
      data: {
        id,
        personId: person.id,
        role: data.role,
        targetType: data.targetType,
        ...target,
        regionId: region.id,
        municipalityId,
        validFrom: data.validFrom,
        primary: data.primary,
        note: data.note ?? null,
      },
    });
    await log(tx, access, {
      entity: "CuratorAssignment",
      entityId: assignment.id,
      action: "CREATE",
      regionId: assignment.regionId,
      after: assignment,
    });
    return assignment;
  });
}

/** An assignment the caller may change, read inside the transaction. */
async function writableAssignment(tx: Tx, access: Access, assignmentGlobalId: string) {
  const assignment = await tx.curatorAssignment.findFirst({
    where: { id: fromGlobalId("CuratorAssignment", assignmentGlobalId, "input.id"), ...assignmentScope(access) },
  });
  return writableRow(access, "curator assignment", assignment);
}

/** Closes an active period. An ended one stays as it is: history is not rewritten. */
export async function endCuratorAssignment(access: Access, data: EndCuratorAssignmentData) {
  return change("curator assignment", async (tx) => {
    const before = await writableAssignment(tx, access, data.id);
    if (before.validTo && before.version === data.version) {
      throw ValidationError.of("input.id", "CURATOR_ALREADY_ENDED", { date: isoDate(before.validTo) });
    }
    if (data.validTo < before.validFrom) {
      throw ValidationError.of("input.validTo", "CURATOR_END_BEFORE_START", { start: isoDate(before.validFrom) });
    }
    return saveVersion(tx, access, {
      entity: "CuratorAssignment",
      label: "curator assignment",
      before,
      version: data.version,
      action: "UPDATE",
      update: (where) =>
        tx.curatorAssignment.updateMany({
          where: { ...where, validTo: null },
          data: { validTo: data.validTo, version: { increment: 1 } },
        }),
      reload: () => tx.curatorAssignment.findUniqueOrThrow({ where: { id: before.id } }),
      regionOf: (row) => row.regionId,
    });
  });
}

/** Only the note changes; who, what and when stay as they were recorded. */
export async function updateCuratorAssignment(access: Access, data: UpdateCuratorAssignmentData) {
  return change("curator assignment", async (tx) => {
    const before = await writableAssignment(tx, access, data.id);
    return saveRow(tx, access, {
      entity: "CuratorAssignment",
      label: "curator assignment",
      before,
      version: data.version,
      action: "UPDATE",
      data: { note: data.note ?? null },
    });
  });
}
