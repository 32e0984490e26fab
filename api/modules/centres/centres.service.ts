import type { CentreKind, CentreStatus, Prisma } from "../../generated/prisma/client.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";

export interface CentreFilterInput {
  search?: string | null;
  status?: CentreStatus | null;
  kind?: CentreKind | null;
  regionId?: string | null;
  municipalityId?: string | null;
  hostOrganisationId?: string | null;
  rural?: boolean | null;
}

export type CentreOrderField = "NAME" | "CREATED_AT";

export interface CentreOrderByInput {
  field: CentreOrderField;
  direction: "ASC" | "DESC";
}

export function centreWhere(filter?: CentreFilterInput | null): Prisma.CentreWhereInput {
  const search = filter?.search?.trim();
  return {
    archivedAt: null,
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.kind ? { kinds: { has: filter.kind } } : {}),
    ...(filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {}),
    ...(filter?.municipalityId
      ? { municipalityId: fromGlobalId("Municipality", filter.municipalityId, "filter.municipalityId") }
      : {}),
    ...(filter?.hostOrganisationId
      ? { hostOrganisationId: fromGlobalId("Organisation", filter.hostOrganisationId, "filter.hostOrganisationId") }
      : {}),
    ...(typeof filter?.rural === "boolean" ? { settlement: { isRural: filter.rural } } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: escapeLike(search), mode: "insensitive" } },
            { address: { contains: escapeLike(search), mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

/** Always ends with the id, so pages are stable when names repeat. */
export function centreOrderBy(orderBy?: CentreOrderByInput | null): Prisma.CentreOrderByWithRelationInput[] {
  const direction = orderBy?.direction === "DESC" ? "desc" : "asc";
  const field = orderBy?.field === "CREATED_AT" ? "createdAt" : "name";
  return [{ [field]: direction }, { id: direction }];
}
