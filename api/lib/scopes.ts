// Who reads which centres and catalogue rows, as Prisma filters and as checks of a loaded row.
// Centres, services and life situations show each other (a centre's services, a service's
// centres and life situations), so their rules live here, below all three modules, rather than
// in one module that the others would import back.
import type { Prisma, PublicationStatus } from "../generated/prisma/client.js";
import { type Access, includes, inRegions, regionOrFederal } from "./access.js";

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
