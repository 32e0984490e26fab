// KPI progress: COMPUTED KPIs are computed from their formulas (kpis/formula-eval.ts) for the
// year asked, ENTERED ones come from KpiValue. Everything is limited to the caller's regions;
// national rows (no region) are everyone's.
import {
  type Kpi,
  type Municipality,
  Prisma,
  type Region,
  type TargetDirection,
} from "../../generated/prisma/client.js";
import { type Access, includes, inRegions, type Regions } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { fromGlobalId } from "../../lib/ids.js";
import type { RecordQuery } from "../../lib/selection.js";
import { readDefinition, type StoredDefinition } from "../kpis/formula.js";
import { evaluateDefinition, latestReportedYear, type Place } from "../kpis/formula-eval.js";
import { kpiScope } from "../kpis/kpis.service.js";
import type { KpiProgressData } from "./analytics.inputs.js";

/** Regions by id in one query (with `query`'s selection), for the aggregated rows that name them. */
export async function regionsById(
  ids: readonly (string | null)[],
  query: RecordQuery = {},
): Promise<Map<string, Region>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await prisma.region.findMany({ ...query, where: { id: { in: wanted } } });
  return new Map(rows.map((row) => [row.id, row]));
}

/** The regions a query looks at: the caller's, narrowed to one when asked (outside the scope: none). */
export function scopeRegions(access: Access, regionGlobalId?: string | null): Regions {
  if (!regionGlobalId) return access.read;
  const id = fromGlobalId("Region", regionGlobalId, "input.regionId");
  return includes(access.read, id) ? [id] : [];
}

/** A SQL condition on a region column: TRUE for all regions, FALSE for none. */
export function regionSql(regions: Regions, column: string): Prisma.Sql {
  if (regions === "all") return Prisma.sql`TRUE`;
  if (regions.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join(regions.map((id) => Prisma.sql`${id}::uuid`))})`;
}

export interface KpiProgressRow {
  kpi: Kpi;
  region: Region | null;
  municipality: Municipality | null;
  year: number;
  periodStart: Date | null;
  periodEnd: Date | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  populationYear: number | null;
  target: number;
  targetYear: number;
  formula: string;
  unit: string;
  direction: TargetDirection;
  met: boolean;
  source: "COMPUTED" | "ENTERED";
}

function met(direction: TargetDirection, value: number | null, target: number): boolean {
  if (value === null) return false;
  return direction === "AT_LEAST" ? value >= target : value <= target;
}

interface Measured {
  regionId: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  populationYear?: number | null;
  source: "COMPUTED" | "ENTERED";
}

const todayUtc = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

/** Where the KPIs are looked at: the caller's regions, narrowed to a region or a municipality. */
interface Focus {
  regions: Regions;
  oneRegion: string | null;
  municipality: Municipality | null;
}

async function focusOf(access: Access, input: KpiProgressData | null | undefined): Promise<Focus | null> {
  const regions = scopeRegions(access, input?.regionId);
  const oneRegion = input?.regionId && regions !== "all" ? (regions[0] ?? null) : null;
  if (input?.regionId && !oneRegion) return null;
  if (!input?.municipalityId) return { regions, oneRegion, municipality: null };
  const id = fromGlobalId("Municipality", input.municipalityId, "input.municipalityId");
  const municipality = await prisma.municipality.findFirst({ where: { id, regionId: inRegions(access.read) } });
  if (!municipality || (oneRegion && municipality.regionId !== oneRegion)) return null;
  return { regions: [municipality.regionId], oneRegion: municipality.regionId, municipality };
}

/** The places a COMPUTED KPI is measured at: its region, the region or municipality asked, or the country (and its regions). */
async function placesOf(kpi: Kpi, definition: StoredDefinition, focus: Focus): Promise<Place[]> {
  const municipalityId = focus.municipality?.id ?? null;
  if (kpi.regionId) return [{ regionId: kpi.regionId, municipalityId }];
  if (focus.oneRegion) return [{ regionId: focus.oneRegion, municipalityId }];
  const country: Place = { regionId: null, municipalityId: null };
  if (!definition.byRegion) return [country];
  const regions = await prisma.region.findMany({
    where: { id: inRegions(focus.regions) },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  return [country, ...regions.map((region) => ({ regionId: region.id, municipalityId: null }))];
}

/** A COMPUTED KPI's values for the year: a region of a national breakdown without a value is left out. */
async function computed(
  access: Access,
  kpi: Kpi,
  definition: StoredDefinition,
  focus: Focus,
  asked: number | null,
): Promise<Measured[]> {
  const places = await placesOf(kpi, definition, focus);
  const currentYear = new Date().getUTCFullYear();
  const year =
    asked ?? (await latestReportedYear(definition, kpi.regionId ?? focus.oneRegion, access.partner)) ?? currentYear;
  const values = await evaluateDefinition(definition, places, { year, publishedOnly: access.partner });
  const periodStart = new Date(Date.UTC(year, 0, 1));
  const yearEnd = new Date(Date.UTC(year, 11, 31));
  const today = todayUtc();
  const periodEnd = yearEnd > today ? today : yearEnd;
  const breakdown = places.length > 1;
  return places.flatMap((place, i) => {
    const value = values[i];
    if (!value || (breakdown && place.regionId !== null && value.value === null)) return [];
    return [{ regionId: place.regionId, periodStart, periodEnd, ...value, source: "COMPUTED" as const }];
  });
}

/**
 * Progress of every KPI the caller sees towards its target. COMPUTED KPIs are computed from
 * their formulas for the year asked (when none is: the current one, or for a formula summing
 * report indicators the latest year reported): catalogue terms count the catalogue as it is
 * now, indicator and population terms use that year. ENTERED KPIs show the
 * value of the year asked, or the latest. A municipality asked: its COMPUTED KPIs only.
 * `regionQuery`: how the rows' regions are read (lib/selection.ts recordQuery); whole by default.
 */
export async function kpiProgress(
  access: Access,
  input?: KpiProgressData | null,
  regionQuery: RecordQuery = {},
): Promise<KpiProgressRow[]> {
  const focus = await focusOf(access, input);
  if (!focus) return [];
  const { oneRegion, regions, municipality } = focus;
  const currentYear = new Date().getUTCFullYear();
  const year = input?.year ?? currentYear;

  const kpis = await prisma.kpi.findMany({
    where: {
      AND: [
        kpiScope(access),
        // A region asked for: its own KPIs and the national ones (measured in that region).
        oneRegion ? { OR: [{ regionId: null }, { regionId: oneRegion }] } : {},
        municipality ? { source: "COMPUTED" } : {},
      ],
    },
    orderBy: [{ code: "asc" }, { id: "asc" }],
  });

  // Stored values in scope: of the year asked, else the latest per KPI and region.
  const stored = await prisma.$queryRaw<
    { kpiId: string; regionId: string | null; periodStart: Date; periodEnd: Date; value: number; source: string }[]
  >`
    SELECT DISTINCT ON ("kpiId", "regionId") "kpiId", "regionId", "periodStart", "periodEnd",
           "value"::float8 AS value, "source"::text AS source
      FROM "KpiValue"
     WHERE ${oneRegion ? Prisma.sql`"regionId" = ${oneRegion}::uuid` : Prisma.sql`("regionId" IS NULL OR ${regionSql(regions, `"regionId"`)})`}
       AND ${input?.year != null ? Prisma.sql`EXTRACT(YEAR FROM "periodStart") = ${input.year}` : Prisma.sql`TRUE`}
     ORDER BY "kpiId", "regionId", "periodStart" DESC`;

  const rows: (Omit<KpiProgressRow, "region" | "municipality"> & { regionId: string | null })[] = [];
  for (const kpi of kpis) {
    const definition = kpi.source === "COMPUTED" ? readDefinition(kpi.definition) : null;
    if (municipality && !definition) continue;
    let measured: Measured[];
    if (definition) {
      measured = await computed(access, kpi, definition, focus, input?.year ?? null);
    } else {
      measured = stored
        .filter((value) => value.kpiId === kpi.id)
        .map((value) => ({
          regionId: value.regionId,
          periodStart: value.periodStart,
          periodEnd: value.periodEnd,
          value: value.value,
          source: value.source === "COMPUTED" ? "COMPUTED" : "ENTERED",
        }));
      // A regional KPI is measured in its own region only.
      if (kpi.regionId) measured = measured.filter((m) => m.regionId === kpi.regionId);
      if (measured.length === 0) {
        if (input?.year != null) continue;
        measured = [{ regionId: kpi.regionId, periodStart: null, periodEnd: null, value: null, source: kpi.source }];
      }
    }
    const target = kpi.targetValue.toNumber();
    for (const m of measured) {
      rows.push({
        kpi,
        regionId: m.regionId,
        year: m.periodStart ? m.periodStart.getUTCFullYear() : year,
        periodStart: m.periodStart,
        periodEnd: m.periodEnd,
        value: m.value,
        numerator: m.numerator ?? null,
        denominator: m.denominator ?? null,
        populationYear: m.populationYear ?? null,
        target,
        targetYear: kpi.targetYear,
        formula: kpi.formula,
        unit: kpi.unit,
        direction: kpi.direction,
        met: met(kpi.direction, m.value, target),
        source: m.source,
      });
    }
  }
  const regionRows = await regionsById(
    rows.map((row) => row.regionId),
    regionQuery,
  );
  return rows.map(({ regionId, ...row }) => ({
    ...row,
    region: regionId ? (regionRows.get(regionId) ?? null) : null,
    municipality,
  }));
}
