// Resident population per region (the region as a whole) and municipality and year: the
// denominator of KPIs per resident. One figure per place and year; recording it again
// corrects it, at the version read.
import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, assertWritable, includes, inRegions } from "../../lib/access.js";
import { change, log, saveRow } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import type { PopulationFilterData, RecordPopulationData } from "./population.inputs.js";

export function populationScope(access: Access): Prisma.PopulationWhereInput {
  return { regionId: inRegions(access.read) };
}

export function populationWhere(access: Access, filter?: PopulationFilterData | null): Prisma.PopulationWhereInput {
  return {
    AND: [
      populationScope(access),
      filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {},
      filter?.municipalityId
        ? { municipalityId: fromGlobalId("Municipality", filter.municipalityId, "filter.municipalityId") }
        : {},
      filter?.year != null ? { year: filter.year } : {},
      filter?.level === "REGION" ? { municipalityId: null } : {},
      filter?.level === "MUNICIPALITY" ? { municipalityId: { not: null } } : {},
    ],
  };
}

export function populationOrderBy(): Prisma.PopulationOrderByWithRelationInput[] {
  return [
    { year: "desc" },
    { region: { name: "asc" } },
    // The region's own figure (no municipality) comes after its municipalities'.
    { municipality: { name: "asc" } },
    { id: "asc" },
  ];
}

/** The figure of a place for `year`, else of the latest earlier year (with its year), or null. */
export function populationOf(place: { regionId: string; municipalityId: string | null }, year?: number | null) {
  return prisma.population.findFirst({
    where: { ...place, year: { lte: year ?? new Date().getUTCFullYear() } },
    orderBy: { year: "desc" },
  });
}

/**
 * Records the population of a region (no municipality) or of one of its municipalities for a
 * year (administrators, and curators for their regions). A figure already recorded for the
 * place and year is corrected, and then `version` must be the one read.
 */
export async function recordPopulation(access: Access, data: RecordPopulationData) {
  const regionId = fromGlobalId("Region", data.regionId, "input.regionId");
  return change("population figure", async (tx) => {
    const region = await tx.region.findFirst({ where: { id: regionId, AND: [{ id: inRegions(access.read) }] } });
    if (!region || !includes(access.read, region.id)) throw new NotFoundError("region");
    assertWritable(access, region.id, "population figure");
    let municipalityId: string | null = null;
    if (data.municipalityId) {
      const id = fromGlobalId("Municipality", data.municipalityId, "input.municipalityId");
      const municipality = await tx.municipality.findUnique({ where: { id } });
      if (!municipality) throw new NotFoundError("municipality");
      if (municipality.regionId !== region.id) {
        throw ValidationError.of("input.municipalityId", "MUNICIPALITY_NOT_IN_REGION");
      }
      municipalityId = municipality.id;
    }
    const fields = { count: data.count, source: data.source ?? null };
    // Two first recordings of one place and year at once: the unique index lets one through,
    // the other is a ConflictError.
    const before = await tx.population.findFirst({ where: { regionId, municipalityId, year: data.year } });
    if (before) {
      if (data.version == null) {
        throw ValidationError.of("input.version", "POPULATION_ALREADY_RECORDED", {
          year: data.year,
          version: before.version,
        });
      }
      return saveRow(tx, access, {
        entity: "Population",
        label: "population figure",
        before,
        version: data.version,
        action: "UPDATE",
        data: fields,
      });
    }
    const row = await tx.population.create({ data: { ...fields, regionId, municipalityId, year: data.year } });
    await log(tx, access, { entity: "Population", entityId: row.id, action: "CREATE", regionId, after: row });
    return row;
  });
}
