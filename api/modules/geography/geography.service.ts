import type { Prisma } from "../../generated/prisma/client.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";

export interface RegionFilterInput {
  search?: string | null;
}

export interface MunicipalityFilterInput {
  regionId?: string | null;
  search?: string | null;
}

export function regionWhere(filter?: RegionFilterInput | null): Prisma.RegionWhereInput {
  const search = filter?.search?.trim();
  if (!search) return {};
  const pattern = escapeLike(search);
  return { OR: [{ name: { contains: pattern, mode: "insensitive" } }, { code: search }] };
}

export function municipalityWhere(filter?: MunicipalityFilterInput | null): Prisma.MunicipalityWhereInput {
  const search = filter?.search?.trim();
  return {
    ...(filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {}),
    ...(search ? { name: { contains: escapeLike(search), mode: "insensitive" } } : {}),
  };
}
