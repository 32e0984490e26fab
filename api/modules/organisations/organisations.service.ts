import type { OrganisationKind, Prisma } from "../../generated/prisma/client.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";

export interface OrganisationFilterInput {
  search?: string | null;
  regionId?: string | null;
  kind?: OrganisationKind | null;
}

export function organisationWhere(filter?: OrganisationFilterInput | null): Prisma.OrganisationWhereInput {
  const search = filter?.search?.trim();
  return {
    archivedAt: null,
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
