import type { OrganisationKind, Prisma } from "../../generated/prisma/client.js";
import { type Access, inRegions } from "../../lib/access.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";

export interface OrganisationFilterInput {
  search?: string | null;
  regionId?: string | null;
  kind?: OrganisationKind | null;
}

export function organisationWhere(access: Access, filter?: OrganisationFilterInput | null): Prisma.OrganisationWhereInput {
  const search = filter?.search?.trim();
  return {
    archivedAt: null,
    AND: [{ regionId: inRegions(access.read) }],
    ...(filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {}),
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: escapeLike(search), mode: "insensitive" } },
            { shortName: { contains: escapeLike(search), mode: "insensitive" } },
            { inn: search },
          ],
        }
      : {}),
  };
}
