import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, assertWritable, includes, inRegions } from "../../lib/access.js";
import { change, log, saveRow } from "../../lib/change.js";
import { NotFoundError } from "../../lib/errors.js";
import { inRegionOf, searchIn } from "../../lib/filters.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { updateFoundRow, writableRow } from "../../lib/rows.js";
import type {
  CreateMunicipalityData,
  CreateRegionData,
  CreateSettlementData,
  MunicipalityFilterData,
  RegionFilterData,
  UpdateMunicipalityData,
  UpdateRegionData,
  UpdateSettlementData,
} from "./geography.inputs.js";

export function regionWhere(access: Access, filter?: RegionFilterData | null): Prisma.RegionWhereInput {
  const search = filter?.search?.trim();
  const scope = { id: inRegions(access.read) };
  if (!search) return scope;
  const pattern = escapeLike(search);
  return { AND: [scope, { OR: [{ name: { contains: pattern, mode: "insensitive" } }, { code: search }] }] };
}

export function municipalityWhere(
  access: Access,
  filter?: MunicipalityFilterData | null,
): Prisma.MunicipalityWhereInput {
  return {
    AND: [{ regionId: inRegions(access.read) }],
    ...inRegionOf(filter),
    ...searchIn(filter?.search, ["name"]),
  };
}

// ── Changes: regions by administrators; municipalities and settlements by their region's writers ──

export async function createRegion(access: Access, data: CreateRegionData) {
  return change("region", async (tx) => {
    const row = await tx.region.create({ data });
    await log(tx, access, { entity: "Region", entityId: row.id, action: "CREATE", regionId: row.id, after: row });
    return row;
  });
}

export async function updateRegion(access: Access, { id: globalId, version, ...fields }: UpdateRegionData) {
  const id = fromGlobalId("Region", globalId, "input.id");
  return change("region", async (tx) => {
    const before = await tx.region.findUnique({ where: { id } });
    const regionOf = (region: { id: string }) => region.id;
    return updateFoundRow(tx, access, { entity: "Region", label: "region", before, version, data: fields, regionOf });
  });
}

export async function createMunicipality(
  access: Access,
  { regionId: regionGlobalId, ...data }: CreateMunicipalityData,
) {
  const regionId = fromGlobalId("Region", regionGlobalId, "input.regionId");
  if (!includes(access.read, regionId)) throw new NotFoundError("region");
  assertWritable(access, regionId, "municipality");
  return change("municipality", async (tx) => {
    const row = await tx.municipality.create({ data: { ...data, regionId } });
    await log(tx, access, { entity: "Municipality", entityId: row.id, action: "CREATE", regionId, after: row });
    return row;
  });
}

export async function updateMunicipality(access: Access, { id: globalId, version, ...fields }: UpdateMunicipalityData) {
  const id = fromGlobalId("Municipality", globalId, "input.id");
  return change("municipality", async (tx) => {
    const row = await tx.municipality.findFirst({ where: { id, regionId: inRegions(access.read) } });
    const before = writableRow(access, "municipality", row);
    return saveRow(tx, access, {
      entity: "Municipality",
      label: "municipality",
      before,
      version,
      action: "UPDATE",
      data: fields,
    });
  });
}

export async function createSettlement(access: Access, { municipalityId, ...data }: CreateSettlementData) {
  const id = fromGlobalId("Municipality", municipalityId, "input.municipalityId");
  return change("settlement", async (tx) => {
    const municipality = await tx.municipality.findFirst({ where: { id, regionId: inRegions(access.read) } });
    if (!municipality) throw new NotFoundError("municipality");
    assertWritable(access, municipality.regionId, "settlement");
    const row = await tx.settlement.create({ data: { ...data, municipalityId: id } });
    await log(tx, access, {
      entity: "Settlement",
      entityId: row.id,
      action: "CREATE",
      regionId: municipality.regionId,
      after: row,
    });
    return row;
  });
}

export async function updateSettlement(access: Access, { id: globalId, version, ...fields }: UpdateSettlementData) {
  const id = fromGlobalId("Settlement", globalId, "input.id");
  return change("settlement", async (tx) => {
    const found = await tx.settlement.findFirst({
      where: { id, municipality: { regionId: inRegions(access.read) } },
      include: { municipality: true },
    });
    if (!found) throw new NotFoundError("settlement");
    const { municipality, ...before } = found;
    assertWritable(access, municipality.regionId, "settlement");
    return saveRow(tx, access, {
      entity: "Settlement",
      label: "settlement",
      before,
      version,
      action: "UPDATE",
      data: fields,
      regionOf: () => municipality.regionId,
    });
  });
}
