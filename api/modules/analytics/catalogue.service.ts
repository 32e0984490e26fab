// KPI progress: computed KPIs are counted from the service catalogue in SQL, entered ones
// come from KpiValue. Everything is limited to the caller's regions; national rows (no
// region) are everyone's.
import { type Kpi, Prisma, type Region, type TargetDirection } from "../../generated/prisma/client.js";
import { type Access, includes, type Regions } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { fromGlobalId } from "../../lib/ids.js";
import type { RecordQuery } from "../../lib/selection.js";
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
  year: number;
  periodStart: Date | null;
  periodEnd: Date | null;
  value: number | null;
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
  source: "COMPUTED" | "ENTERED";
}

const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1));
const todayUtc = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

/** Share of electronic services among the published socially significant ones, per region of the scope and nationally. */
async function electronicShare(regions: Regions, national: boolean) {
  const rows = await prisma.$queryRaw<{ regionId: string | null; share: number | null }[]>`
    SELECT "regionId",
           (100.0 * count(*) FILTER (WHERE "electronic") / NULLIF(count(*), 0))::float8 AS share
      FROM "Service"
     WHERE "socialSignificant" AND "status" = 'PUBLISHED' AND "regionId" IS NOT NULL
       AND ${regionSql(regions, `"regionId"`)}
     GROUP BY "regionId"`;
  if (national) {
    const [all] = await prisma.$queryRaw<{ share: number | null }[]>`
      SELECT (100.0 * count(*) FILTER (WHERE "electronic") / NULLIF(count(*), 0))::float8 AS share
        FROM "Service" WHERE "socialSignificant" AND "status" = 'PUBLISHED'`;
    rows.push({ regionId: null, share: all?.share ?? null });
  }
  return rows.map((row) => ({ regionId: row.regionId, value: row.share }));
}

/** Published proactive services: the whole catalogue nationally, or those available in one region (federal + its own). */
async function proactiveCount(regionId: string | null) {
  const count = await prisma.service.count({
    where: {
      proactive: true,
      status: "PUBLISHED",
      ...(regionId ? { OR: [{ regionId: null }, { regionId }] } : {}),
    },
  });
  return [{ regionId, value: count }];
}

/**
 * Progress of every KPI the caller sees towards its target. COMPUTED KPIs are counted from
 * the current catalogue (for the current year, or when no year is asked); for past years
 * their stored values are shown. ENTERED KPIs show the value of the year asked, or the latest.
 */
/** `regionQuery`: how the rows' regions are read (lib/selection.ts recordQuery); whole by default. */
export async function kpiProgress(
  access: Access,
  input?: KpiProgressData | null,
  regionQuery: RecordQuery = {},
): Promise<KpiProgressRow[]> {
  const regions = scopeRegions(access, input?.regionId);
  const oneRegion = input?.regionId && regions !== "all" ? (regions[0] ?? null) : null;
  if (input?.regionId && !oneRegion && regions !== "all") return [];
  const currentYear = new Date().getUTCFullYear();
  const live = input?.year == null || input.year === currentYear;

  const kpis = await prisma.kpi.findMany({
    where: {
      AND: [
        kpiScope(access),
        // A region asked for: its own KPIs and the national ones (measured in that region).
        oneRegion ? { OR: [{ regionId: null }, { regionId: oneRegion }] } : {},
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

  const rows: (Omit<KpiProgressRow, "region"> & { regionId: string | null })[] = [];
  for (const kpi of kpis) {
    let measured: Measured[];
    if (kpi.source === "COMPUTED" && live && kpi.code === "SOCIAL_SERVICES_ELECTRONIC_SHARE") {
      const shares = await electronicShare(oneRegion ? [oneRegion] : regions, !oneRegion);
      measured = shares.map((s) => ({ ...s, periodStart: null, periodEnd: null, source: "COMPUTED" }));
    } else if (kpi.source === "COMPUTED" && live && kpi.code === "PROACTIVE_SERVICES") {
      const counts = await proactiveCount(oneRegion);
      measured = counts.map((s) => ({ ...s, periodStart: null, periodEnd: null, source: "COMPUTED" }));
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
    }
    // A regional KPI is measured in its own region only.
    if (kpi.regionId) measured = measured.filter((m) => m.regionId === kpi.regionId);
    if (measured.length === 0) {
      if (input?.year != null || !live) continue;
      measured = [{ regionId: kpi.regionId, periodStart: null, periodEnd: null, value: null, source: kpi.source }];
    }
    const target = kpi.targetValue.toNumber();
    for (const m of measured) {
      // A value computed now covers the current year up to today.
      const periodStart = m.periodStart ?? (m.value === null ? null : yearStart(currentYear));
      const periodEnd = m.periodEnd ?? (m.value === null ? null : todayUtc());
      rows.push({
        kpi,
        regionId: m.regionId,
        year: periodStart ? periodStart.getUTCFullYear() : (input?.year ?? currentYear),
        periodStart,
        periodEnd,
        value: m.value,
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
  return rows.map(({ regionId, ...row }) => ({ ...row, region: regionId ? (regionRows.get(regionId) ?? null) : null }));
}
