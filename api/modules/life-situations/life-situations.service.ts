import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, regionOrFederal } from "../../lib/access.js";
import { assertUpdated, change, log, saveRow, type Tx } from "../../lib/change.js";
import { type FieldProblem, ValidationError } from "../../lib/errors.js";
import { inRegionOf } from "../../lib/filters.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { writableRow } from "../../lib/rows.js";
import { lifeSituationScope, serviceScope } from "../../lib/scopes.js";
import { assertCatalogueWritable, newCatalogueRegion, saveCatalogueArchived } from "../services/services.service.js";
import type {
  CreateLifeSituationData,
  LifeSituationFilterData,
  ServiceEntry,
  SetLifeSituationServicesData,
  UpdateLifeSituationData,
} from "./life-situations.inputs.js";

export function lifeSituationWhere(
  access: Access,
  filter?: LifeSituationFilterData | null,
): Prisma.LifeSituationWhereInput {
  const search = filter?.search?.trim();
  const like = search ? escapeLike(search) : null;
  return {
    AND: [
      lifeSituationScope(access),
      // Archived entries leave lists unless asked for by status.
      filter?.status ? { status: filter.status } : { status: { not: "ARCHIVED" } },
      filter?.kind ? { kind: filter.kind } : {},
      inRegionOf(filter),
      like
        ? {
            OR: [
              { name: { contains: like, mode: "insensitive" } },
              { code: { contains: like, mode: "insensitive" } },
              { description: { contains: like, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
}

// ── Changes ──

interface Ordered {
  serviceId: string;
  mandatory: boolean;
}

/**
 * Checks a requested ordered list and returns it with database ids. Every item must be a
 * distinct service the caller can read; a federal life situation holds federal services
 * only (everyone reads it), a regional one federal services and those of its region.
 * Archived services may stay where they already were, but cannot be added.
 */
async function resolveServices(
  tx: Tx,
  access: Access,
  regionId: string | null,
  entries: ServiceEntry[],
  current: ReadonlySet<string>,
): Promise<Ordered[]> {
  const field = (i: number) => `input.services.${i}.serviceId`;
  const ids = entries.map((entry, i) => fromGlobalId("Service", entry.serviceId, field(i)));
  const issues: FieldProblem[] = [];
  ids.forEach((id, i) => {
    const first = ids.indexOf(id);
    if (first !== i)
      issues.push({ field: field(i), code: "LIFE_SITUATION_SERVICE_TWICE", params: { position: first + 1 } });
  });
  if (issues.length > 0) throw new ValidationError(issues);

  const services = await tx.service.findMany({ where: { id: { in: ids }, AND: [serviceScope(access)] } });
  const byId = new Map(services.map((service) => [service.id, service]));
  ids.forEach((id, i) => {
    const service = byId.get(id);
    if (!service) issues.push({ field: field(i), code: "LIFE_SITUATION_SERVICE_UNKNOWN" });
    else if (regionId === null && service.regionId !== null) {
      issues.push({
        field: field(i),
        code: "LIFE_SITUATION_FEDERAL_ONLY",
        params: { service: service.name },
      });
    } else if (service.regionId !== null && service.regionId !== regionId) {
      issues.push({
        field: field(i),
        code: "LIFE_SITUATION_SERVICE_OTHER_REGION",
        params: { service: service.name },
      });
    } else if (service.status === "ARCHIVED" && !current.has(id)) {
      issues.push({
        field: field(i),
        code: "LIFE_SITUATION_SERVICE_ARCHIVED",
        params: { service: service.name },
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return ids.map((serviceId, i) => ({ serviceId, mandatory: entries[i]?.mandatory ?? true }));
}

async function writeServices(tx: Tx, lifeSituationId: string, list: Ordered[]): Promise<void> {
  await tx.lifeSituationService.deleteMany({ where: { lifeSituationId } });
  await tx.lifeSituationService.createMany({
    data: list.map((entry, i) => ({
      lifeSituationId,
      serviceId: entry.serviceId,
      position: i + 1,
      mandatory: entry.mandatory,
    })),
  });
}

/** The ordered list as the ChangeLog keeps it: readable on its own, names as they were then. */
async function snapshot(tx: Tx, lifeSituationId: string) {
  const rows = await tx.lifeSituationService.findMany({
    where: { lifeSituationId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    include: { service: { select: { name: true } } },
  });
  return rows.map((row) => ({
    position: row.position,
    serviceId: row.serviceId,
    name: row.service.name,
    mandatory: row.mandatory,
  }));
}

async function writableLifeSituation(tx: Tx, access: Access, globalId: string) {
  const id = fromGlobalId("LifeSituation", globalId, "input.id");
  const lifeSituation = await tx.lifeSituation.findFirst({
    where: { id, ...(regionOrFederal(access.read) as Prisma.LifeSituationWhereInput) },
  });
  return writableRow(access, "life situation", lifeSituation, assertCatalogueWritable);
}

export async function createLifeSituation(
  access: Access,
  { regionId: regionGlobalId, services, ...data }: CreateLifeSituationData,
) {
  return change("life situation", async (tx) => {
    const regionId = await newCatalogueRegion(tx, access, regionGlobalId, "life situation");
    const list = await resolveServices(tx, access, regionId, services, new Set());
    const lifeSituation = await tx.lifeSituation.create({ data: { ...data, regionId } });
    await writeServices(tx, lifeSituation.id, list);
    await log(tx, access, {
      entity: "LifeSituation",
      entityId: lifeSituation.id,
      action: "CREATE",
      regionId,
      after: { ...lifeSituation, services: await snapshot(tx, lifeSituation.id) },
    });
    return lifeSituation;
  });
}

export async function updateLifeSituation(access: Access, { id: globalId, version, ...data }: UpdateLifeSituationData) {
  return change("life situation", async (tx) => {
    const before = await writableLifeSituation(tx, access, globalId);
    return saveRow(tx, access, {
      entity: "LifeSituation",
      label: "life situation",
      before,
      version: version,
      action: "UPDATE",
      data: data,
    });
  });
}

export async function setLifeSituationArchived(
  access: Access,
  input: { id: string; version: number },
  archived: boolean,
) {
  return change("life situation", async (tx) => {
    const before = await writableLifeSituation(tx, access, input.id);
    const save = { entity: "LifeSituation", label: "life situation", before, version: input.version } as const;
    return saveCatalogueArchived(tx, access, save, archived);
  });
}

/** Replaces the ordered list as a whole: positions 1..n follow the order given. */
export async function setLifeSituationServices(access: Access, data: SetLifeSituationServicesData) {
  return change("life situation", async (tx) => {
    const before = await writableLifeSituation(tx, access, data.id);
    const previous = await snapshot(tx, before.id);
    const list = await resolveServices(
      tx,
      access,
      before.regionId,
      data.services,
      new Set(previous.map((entry) => entry.serviceId)),
    );
    const result = await tx.lifeSituation.updateMany({
      where: { id: before.id, version: data.version },
      data: { version: { increment: 1 } },
    });
    assertUpdated(result.count, before, "life situation", data.version);
    await writeServices(tx, before.id, list);
    await log(tx, access, {
      entity: "LifeSituation",
      entityId: before.id,
      action: "UPDATE",
      regionId: before.regionId,
      before: { services: previous },
      after: { services: await snapshot(tx, before.id) },
    });
    return tx.lifeSituation.findUniqueOrThrow({ where: { id: before.id } });
  });
}
