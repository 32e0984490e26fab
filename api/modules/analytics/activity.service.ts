// Activity analytics: how report figures move over time, what citizens asked for, which
// events were held, and how many centres of each kind there are where. Every answer is one
// SQL aggregation with bound parameters; report rows never come into Node.
import { Prisma } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { includes } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";

export type Granularity = "YEAR" | "QUARTER" | "MONTH";

/** At most one of these; none means the whole country (within the caller's regions). */
export interface ActivityScope {
  regionId?: string | null;
  municipalityId?: string | null;
  centreId?: string | null;
}

/** A scope checked against the caller's access, ready to bind into SQL. */
interface ResolvedScope {
  all: boolean;
  regions: string[];
  regionId: string | null;
  municipalityId: string | null;
  centreId: string | null;
}

export interface DynamicsPoint {
  period: Date;
  label: string;
  total: number;
  rural: number | null;
  change: number | null;
  changePct: number | null;
}

export interface IndicatorTotal {
  indicatorCode: string;
  name: string;
  total: number;
}

export interface KindCount {
  kind: string;
  total: number;
  rural: number;
}

export interface PlaceCount {
  id: string;
  name: string;
  total: number;
  rural: number;
  legalInfo: number;
  identity: number;
  eSignature: number;
}

const UNITS: Record<Granularity, string> = { YEAR: "year", QUARTER: "quarter", MONTH: "month" };

/**
 * Checks the scope against the caller's regions. A place outside them is NotFound, as if it
 * did not exist, so that a curator cannot probe other regions.
 */
export async function resolveScope(access: Access, scope: ActivityScope | null | undefined): Promise<ResolvedScope> {
  const given = [scope?.regionId, scope?.municipalityId, scope?.centreId].filter((id) => id != null);
  if (given.length > 1) throw ValidationError.of("scope", "SCOPE_ONE_PLACE");
  const base: ResolvedScope = {
    all: access.read === "all",
    regions: access.read === "all" ? [] : [...access.read],
    regionId: null,
    municipalityId: null,
    centreId: null,
  };
  if (scope?.regionId) {
    const region = await prisma.region.findUnique({ where: { id: scope.regionId }, select: { id: true } });
    if (!region || !includes(access.read, region.id)) throw new NotFoundError("region");
    return { ...base, regionId: region.id };
  }
  if (scope?.municipalityId) {
    const row = await prisma.municipality.findUnique({
      where: { id: scope.municipalityId },
      select: { regionId: true },
    });
    if (!row || !includes(access.read, row.regionId)) throw new NotFoundError("municipality");
    return { ...base, municipalityId: scope.municipalityId };
  }
  if (scope?.centreId) {
    const row = await prisma.centre.findUnique({ where: { id: scope.centreId }, select: { regionId: true } });
    if (!row || !includes(access.read, row.regionId)) throw new NotFoundError("centre");
    return { ...base, centreId: scope.centreId };
  }
  return base;
}

function checkRange(from: Date, to: Date): void {
  if (from > to) throw ValidationError.of("input.to", "RANGE_END_BEFORE_START");
  if (to.getUTCFullYear() - from.getUTCFullYear() > 50) {
    throw ValidationError.of("input.to", "RANGE_TOO_LONG_YEARS", { years: 50 });
  }
}

/**
 * Report values in scope, per indicator, region and period bucket, each bucket taken at the
 * most aggregated level the region reported (region, else municipalities, else centres) so
 * that nothing counts twice. Approved or locked reports only; partners see published ones.
 * Yields rows (bucket, regionId, code, total, rural).
 */
function pickedValues(
  access: Access,
  scope: ResolvedScope,
  unit: string,
  from: Date,
  to: Date,
  indicators: Prisma.Sql,
): Prisma.Sql {
  const publishedOnly = access.partner;
  if (scope.municipalityId === null && scope.centreId === null) {
    // Country and region scopes read the rollup (kept exact by triggers), not every value.
    return Prisma.sql`
    SELECT DISTINCT ON (bucket, "regionId", code) bucket, "regionId", code, total, rural
    FROM (
      SELECT date_trunc(${unit}, r."periodStart"::timestamp)::date AS bucket, r."regionId", i.code,
             CASE r.scope WHEN 'REGION' THEN 1 WHEN 'MUNICIPALITY' THEN 2 ELSE 3 END AS level,
             sum(r.total) AS total,
             CASE WHEN sum(r."ruralCount") > 0 THEN sum(r.rural) END AS rural
      FROM "ReportRollup" r
      JOIN "ReportIndicator" i ON i.id = r."indicatorId"
      WHERE r.reports > 0
        AND (r.published OR NOT ${publishedOnly})
        AND r."periodStart" >= ${from}::date AND r."periodEnd" <= ${to}::date
        AND (${scope.all} OR r."regionId"::text = ANY(${scope.regions}::text[]))
        AND (${scope.regionId}::uuid IS NULL OR r."regionId" = ${scope.regionId}::uuid)
        AND ${indicators}
      GROUP BY 1, 2, 3, 4
    ) sums
    ORDER BY bucket, "regionId", code, level`;
  }
  return Prisma.sql`
    SELECT DISTINCT ON (bucket, "regionId", code) bucket, "regionId", code, total, rural
    FROM (
      SELECT date_trunc(${unit}, r."periodStart"::timestamp)::date AS bucket, r."regionId", i.code,
             CASE r.scope WHEN 'REGION' THEN 1 WHEN 'MUNICIPALITY' THEN 2 ELSE 3 END AS level,
             sum(v.total) AS total, sum(v.rural) AS rural
      FROM "Report" r
      JOIN "ReportValue" v ON v."reportId" = r.id
      JOIN "ReportIndicator" i ON i.id = v."indicatorId"
      LEFT JOIN "Centre" c ON c.id = r."centreId"
      WHERE r.status IN ('APPROVED', 'LOCKED')
        AND (r.published OR NOT ${publishedOnly})
        AND r."periodStart" >= ${from}::date AND r."periodEnd" <= ${to}::date
        AND (${scope.all} OR r."regionId"::text = ANY(${scope.regions}::text[]))
        AND (${scope.regionId}::uuid IS NULL OR r."regionId" = ${scope.regionId}::uuid)
        AND (${scope.municipalityId}::uuid IS NULL
             OR (r.scope = 'MUNICIPALITY' AND r."municipalityId" = ${scope.municipalityId}::uuid)
             OR (r.scope = 'CENTRE' AND c."municipalityId" = ${scope.municipalityId}::uuid))
        AND (${scope.centreId}::uuid IS NULL OR (r.scope = 'CENTRE' AND r."centreId" = ${scope.centreId}::uuid))
        AND ${indicators}
      GROUP BY 1, 2, 3, 4
    ) sums
    ORDER BY bucket, "regionId", code, level`;
}

function label(period: Date, granularity: Granularity): string {
  const year = String(period.getUTCFullYear());
  const month = period.getUTCMonth();
  if (granularity === "YEAR") return year;
  if (granularity === "QUARTER") return `${year}-Q${Math.floor(month / 3) + 1}`;
  return `${year}-${String(month + 1).padStart(2, "0")}`;
}

/**
 * One indicator's totals per period bucket with the change from the period just before; a
 * period without data is left out, and the period after it gets no change.
 */
export async function indicatorDynamics(
  access: Access,
  input: { indicatorCode: string; granularity: Granularity; from: Date; to: Date; scope?: ActivityScope | null },
): Promise<DynamicsPoint[]> {
  checkRange(input.from, input.to);
  const scope = await resolveScope(access, input.scope);
  const unit = UNITS[input.granularity];
  const step = unit === "quarter" ? "3 months" : `1 ${unit}`;
  const picked = pickedValues(access, scope, unit, input.from, input.to, Prisma.sql`i.code = ${input.indicatorCode}`);
  const rows = await prisma.$queryRaw<
    { period: Date; total: bigint; rural: bigint | null; change: bigint | null; change_pct: number | null }[]
  >`
    WITH picked AS (${picked}),
    sums AS (
      SELECT bucket AS period, sum(total)::bigint AS total, sum(rural)::bigint AS rural FROM picked GROUP BY bucket
    ),
    lagged AS (
      SELECT period, total, rural,
             CASE WHEN lag(period) OVER w = (period - ${step}::interval)::date THEN lag(total) OVER w END AS previous
      FROM sums WINDOW w AS (ORDER BY period)
    )
    SELECT period, total, rural, total - previous AS change,
           CASE WHEN previous > 0 THEN round((total - previous) * 100.0 / previous, 2)::float8 END AS change_pct
    FROM lagged ORDER BY period`;
  return rows.map((r) => ({
    period: r.period,
    label: label(r.period, input.granularity),
    total: Number(r.total),
    rural: r.rural === null ? null : Number(r.rural),
    change: r.change === null ? null : Number(r.change),
    changePct: r.change_pct,
  }));
}

/**
 * Totals of every indicator of a category over the range (indicators without data give 0),
 * in form order. The level rule is applied per region and year.
 */
export async function categoryTotals(
  access: Access,
  category: "REQUESTS" | "EVENTS",
  input: { from: Date; to: Date; scope?: ActivityScope | null },
): Promise<IndicatorTotal[]> {
  checkRange(input.from, input.to);
  const scope = await resolveScope(access, input.scope);
  const picked = pickedValues(access, scope, "year", input.from, input.to, Prisma.sql`i.category = ${category}`);
  const rows = await prisma.$queryRaw<{ code: string; name: string; total: bigint }[]>`
    WITH picked AS (${picked}),
    indicators AS (
      SELECT code, min(name) AS name, min(position) AS position
      FROM "ReportIndicator" WHERE category = ${category} GROUP BY code
    )
    SELECT i.code, i.name, coalesce(sum(p.total), 0)::bigint AS total
    FROM indicators i LEFT JOIN picked p ON p.code = i.code
    GROUP BY i.code, i.name, i.position
    ORDER BY i.position, i.code`;
  return rows.map((r) => ({ indicatorCode: r.code, name: r.name, total: Number(r.total) }));
}

/** Non-archived centres per kind (a centre of two kinds counts in both), and those in rural settlements. */
export async function centresByKind(access: Access, input: { scope?: ActivityScope | null }): Promise<KindCount[]> {
  const scope = await resolveScope(access, input.scope);
  const rows = await prisma.$queryRaw<{ kind: string; total: bigint; rural: bigint }[]>`
    SELECT k.kind::text AS kind, count(*)::bigint AS total, count(*) FILTER (WHERE s."isRural")::bigint AS rural
    FROM "Centre" c
    CROSS JOIN LATERAL unnest(c.kinds) AS k(kind)
    LEFT JOIN "Settlement" s ON s.id = c."settlementId"
    WHERE c."archivedAt" IS NULL
      AND (${scope.all} OR c."regionId"::text = ANY(${scope.regions}::text[]))
      AND (${scope.regionId}::uuid IS NULL OR c."regionId" = ${scope.regionId}::uuid)
      AND (${scope.municipalityId}::uuid IS NULL OR c."municipalityId" = ${scope.municipalityId}::uuid)
      AND (${scope.centreId}::uuid IS NULL OR c.id = ${scope.centreId}::uuid)
    GROUP BY k.kind ORDER BY k.kind`;
  return rows.map((r) => ({ kind: r.kind, total: Number(r.total), rural: Number(r.rural) }));
}

/**
 * Non-archived centres per region or municipality (places with at least one centre), with
 * those in rural settlements, legal-information and identity centres, and centres that help
 * renew electronic signatures.
 */
export async function centresByPlace(
  access: Access,
  input: { regionId?: string | null; groupBy: "REGION" | "MUNICIPALITY" },
): Promise<(PlaceCount & { type: "Region" | "Municipality" })[]> {
  const scope = await resolveScope(access, { regionId: input.regionId });
  const byRegion = input.groupBy === "REGION";
  const place = byRegion
    ? Prisma.sql`JOIN "Region" p ON p.id = c."regionId"`
    : Prisma.sql`JOIN "Municipality" p ON p.id = c."municipalityId"`;
  const rows = await prisma.$queryRaw<
    {
      id: string;
      name: string;
      total: bigint;
      rural: bigint;
      legal_info: bigint;
      identity: bigint;
      e_signature: bigint;
    }[]
  >`
    SELECT p.id::text AS id, p.name, count(*)::bigint AS total,
           count(*) FILTER (WHERE s."isRural")::bigint AS rural,
           count(*) FILTER (WHERE 'LEGAL_INFO' = ANY(c.kinds))::bigint AS legal_info,
           count(*) FILTER (WHERE 'IDENTITY' = ANY(c.kinds))::bigint AS identity,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "CentreService" cs WHERE cs."centreId" = c.id AND 'SIGNATURE_RENEWAL' = ANY(cs."helpKinds")
           ))::bigint AS e_signature
    FROM "Centre" c
    ${place}
    LEFT JOIN "Settlement" s ON s.id = c."settlementId"
    WHERE c."archivedAt" IS NULL
      AND (${scope.all} OR c."regionId"::text = ANY(${scope.regions}::text[]))
      AND (${scope.regionId}::uuid IS NULL OR c."regionId" = ${scope.regionId}::uuid)
    GROUP BY p.id, p.name ORDER BY p.name, p.id`;
  return rows.map((r) => ({
    type: byRegion ? "Region" : "Municipality",
    id: r.id,
    name: r.name,
    total: Number(r.total),
    rural: Number(r.rural),
    legalInfo: Number(r.legal_info),
    identity: Number(r.identity),
    eSignature: Number(r.e_signature),
  }));
}
