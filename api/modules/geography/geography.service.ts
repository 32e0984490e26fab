import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, inRegions } from "../../lib/access.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";

export interface RegionFilterInput {
  search?: string | null;
}

export interface MunicipalityFilterInput {
  regionId?: string | null;
  search?: string | null;
}

export function regionWhere(access: Access, filter?: RegionFilterInput | null): Prisma.RegionWhereInput {
  const search = filter?.search?.trim();
  const scope = { id: inRegions(access.read) };
  if (!search) return scope;
  const pattern = escapeLike(search);
  return { AND: [scope, { OR: [{ name: { contains: pattern, mode: "insensitive" } }, { code: search }] }] };
}

export function municipalityWhere(access: Access, filter?: MunicipalityFilterInput | null): Prisma.MunicipalityWhereInput {
  const search = filter?.search?.trim();
  return {
    AND: [{ regionId: inRegions(access.read) }],
    ...(filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {}),
    ...(search ? { name: { contains: escapeLike(search), mode: "insensitive" } } : {}),
  };
}
