// Who reads which rows of the types several modules show, as Prisma filters and as checks of a
// loaded row, and the regions an input names.
// Centres, services and life situations show each other (a centre's services, a service's
// centres and life situations), so their rules live here, below all three modules, rather than
// in one module that the others would import back.
import type { Prisma, PublicationStatus } from "../generated/prisma/client.js";
import { type Access, assertWritable, includes, inRegions, regionOrFederal, seesInternal } from "./access.js";
import type { Tx } from "./change.js";
import { NotFoundError } from "./errors.js";
import { fromGlobalId } from "./ids.js";

/** The centres a caller may read: their regions (partners: all non-archived). */
export function centreScope(access: Access): Prisma.CentreWhereInput {
  return { regionId: inRegions(access.read), ...(access.partner ? { archivedAt: null } : {}) };
}

/**
 * Services a caller may read: federal ones (no region) and those of their regions; partner
 * apps only see what is published.
 */
export function serviceScope(access: Access): Prisma.ServiceWhereInput {
  return {
    AND: [regionOrFederal(access.read) as Prisma.ServiceWhereInput, access.partner ? { status: "PUBLISHED" } : {}],
  };
}

/** The same rule as `serviceScope`, for a row already loaded (the type-level safety net). */
export function canReadCatalogueRow(
  access: Access,
  row: { regionId: string | null; status: PublicationStatus },
): boolean {
  if (access.partner && row.status !== "PUBLISHED") return false;
  return row.regionId === null || includes(access.read, row.regionId);
}

/** Life situations a caller may read: federal ones and their regions'; partners: published only. */
export function lifeSituationScope(access: Access): Prisma.LifeSituationWhereInput {
  return {
    AND: [
      regionOrFederal(access.read) as Prisma.LifeSituationWhereInput,
      access.partner ? { status: "PUBLISHED" } : {},
    ],
  };
}

/** A region the caller can read (NotFound otherwise) and change (Forbidden otherwise). */
export async function writableRegion(tx: Tx, access: Access, regionGlobalId: string, entity: string) {
  const region = await tx.region.findFirst({
    where: { id: fromGlobalId("Region", regionGlobalId, "input.regionId"), AND: [{ id: inRegions(access.read) }] },
  });
  if (!region) throw new NotFoundError("region");
  assertWritable(access, region.id, entity);
  return region;
}

/**
 * Internal records that name people (people, curator assignments, systemic errors):
 * administrators, curators and auditors of their regions; operators and partners none.
 */
export function internalRecordScope(access: Access): { regionId: { in: string[] } | undefined } | { id: { in: [] } } {
  return seesInternal(access) ? { regionId: inRegions(access.read) } : { id: { in: [] } };
}

/** Projects: staff of their regions (partners none); assignments of curators check it too. */
export function projectScope(access: Access): Prisma.ProjectWhereInput {
  return access.partner ? { id: { in: [] } } : { regionId: inRegions(access.read) };
}

/** The events a caller may read: staff their regions' (operators their centre's region), partners every non-archived one. */
export function eventScope(access: Access): Prisma.EventWhereInput {
  return { regionId: inRegions(access.read), ...(access.partner ? { archivedAt: null } : {}) };
}
