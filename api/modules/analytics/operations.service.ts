// Operational analytics: where the mobile offices work, and how completely and punctually
// the regions report. Every figure is aggregated in PostgreSQL; Node only shapes the rows.
import { Prisma } from "../../generated/prisma/client.js";
import type { Access, Regions } from "../../lib/access.js";
import { includes } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError, UserInputError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import type { MobileOfficeActivityData, ReportingCompletenessData } from "./analytics.inputs.js";

export type ReportLevel = "CENTRE" | "MUNICIPALITY" | "REGION";

export interface SettlementActivity {
  settlementId: string;
  settlement: string;
  municipality: string;
  isRural: boolean;
  visits: number;
  peopleServed: number;
}

export interface MobileOfficeActivity {
  bySettlement: SettlementActivity[];
  documents: { documentType: string; count: number }[];
  totals: { visits: number; peopleServed: number; documents: number };
}

export interface CompletenessRow {
  regionId: string;
  regionCode: string;
  regionName: string;
  periodStart: Date;
  periodEnd: Date;
  dueDate: Date;
  expected: number;
  submitted: number;
  onTime: number;
  shareSubmitted: number | null;
  shareOnTime: number | null;
}

/** A range longer than this is a mistake (or an attempt to make the database work for nothing). */
const MAX_RANGE_DAYS = 366 * 20;

/** `YYYY-MM-DD`, the form in which dates go to PostgreSQL (cast to `date` there, no time zone). */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function checkRange(input: MobileOfficeActivityData): void {
  if (input.from > input.to) throw new UserInputError("PERIOD_FROM_AFTER_TO", undefined, "input.from");
  if ((input.to.getTime() - input.from.getTime()) / 86_400_000 > MAX_RANGE_DAYS) {
    throw new UserInputError("PERIOD_TOO_LONG", { years: 20 }, "input.to");
  }
}

/**
 * The regions to aggregate over: the caller's read scope, narrowed to `regionId` when given.
 * `null` means no region at all (an empty answer, not an error: a region outside the scope
 * is indistinguishable from one without data).
 */
function regionsFor(access: Access, regionId: string | null | undefined): Regions | null {
  if (regionId) {
    const id = fromGlobalId("Region", regionId, "input.regionId");
    return includes(access.read, id) ? [id] : null;
  }
  if (access.read !== "all" && access.read.length === 0) return null;
  return access.read;
}

/** `AND <column> = ANY(regions)`, or nothing for all regions. `column` is a fixed fragment, never input. */
function regionCondition(column: Prisma.Sql, regions: Regions): Prisma.Sql {
  return regions === "all" ? Prisma.empty : Prisma.sql`AND ${column} = ANY(${[...regions]}::uuid[])`;
}

export async function mobileOfficeActivity(
  access: Access,
  input: MobileOfficeActivityData,
): Promise<MobileOfficeActivity> {
  checkRange(input);
  const regions = regionsFor(access, input.regionId);
  const empty = { bySettlement: [], documents: [], totals: { visits: 0, peopleServed: 0, documents: 0 } };
  if (!regions) return empty;
  // A visit belongs to the region of the mobile office that made it.
  const where = Prisma.sql`
    WHERE v."visitedOn" BETWEEN ${isoDate(input.from)}::date AND ${isoDate(input.to)}::date
    ${regionCondition(Prisma.sql`c."regionId"`, regions)}`;

  const [bySettlement, documents, totals] = await Promise.all([
    prisma.$queryRaw<SettlementActivity[]>`
      SELECT s."id" AS "settlementId", s."name" AS "settlement", m."name" AS "municipality", s."isRural",
             count(*)::int AS "visits", coalesce(sum(v."peopleServed"), 0)::int AS "peopleServed"
      FROM "MobileVisit" v
      JOIN "Centre" c ON c."id" = v."centreId"
      JOIN "Settlement" s ON s."id" = v."settlementId"
      JOIN "Municipality" m ON m."id" = s."municipalityId"
      ${where}
      GROUP BY s."id", s."name", m."name", s."isRural"
      ORDER BY "visits" DESC, "peopleServed" DESC, m."name", s."name", s."id"`,
    prisma.$queryRaw<{ documentType: string; count: number }[]>`
      SELECT d."documentType", sum(d."count")::int AS "count"
      FROM "MobileVisitDocument" d
      JOIN "MobileVisit" v ON v."id" = d."visitId"
      JOIN "Centre" c ON c."id" = v."centreId"
      ${where}
      GROUP BY d."documentType"
      ORDER BY "count" DESC, d."documentType"`,
    // Documents are summed per visit first, so that a visit with several types counts once.
    prisma.$queryRaw<{ visits: number; peopleServed: number; documents: number }[]>`
      SELECT count(*)::int AS "visits",
             coalesce(sum(v."peopleServed"), 0)::int AS "peopleServed",
             coalesce(sum(docs."count"), 0)::int AS "documents"
      FROM "MobileVisit" v
      JOIN "Centre" c ON c."id" = v."centreId"
      LEFT JOIN LATERAL (SELECT sum(d."count") AS "count" FROM "MobileVisitDocument" d WHERE d."visitId" = v."id") docs ON true
      ${where}`,
  ]);
  return { bySettlement, documents, totals: totals[0] ?? empty.totals };
}

/** The entities expected to report at each level, per region: fixed SQL fragments chosen by the level. */
const ENTITIES: Record<ReportLevel, { entities: Prisma.Sql; column: Prisma.Sql }> = {
  CENTRE: {
    entities: Prisma.sql`SELECT c."regionId", c."id" AS "entityId" FROM "Centre" c
      WHERE c."status" = 'ACTIVE' AND c."archivedAt" IS NULL`,
    column: Prisma.sql`rep."centreId"`,
  },
  MUNICIPALITY: {
    entities: Prisma.sql`SELECT m."regionId", m."id" AS "entityId" FROM "Municipality" m`,
    column: Prisma.sql`rep."municipalityId"`,
  },
  REGION: {
    entities: Prisma.sql`SELECT r."id" AS "regionId", r."id" AS "entityId" FROM "Region" r`,
    column: Prisma.sql`rep."regionId"`,
  },
};

const PERIOD: Record<"MONTHLY" | "QUARTERLY" | "ANNUAL", { unit: string; step: string }> = {
  MONTHLY: { unit: "month", step: "1 month" },
  QUARTERLY: { unit: "quarter", step: "3 months" },
  ANNUAL: { unit: "year", step: "1 year" },
};

export async function reportingCompleteness(
  access: Access,
  input: ReportingCompletenessData,
): Promise<CompletenessRow[]> {
  checkRange(input);
  const formId = fromGlobalId("ReportForm", input.formId, "input.formId");
  const form = await prisma.reportForm.findUnique({
    where: { id: formId },
    select: { periodicity: true, dueDays: true },
  });
  if (!form) throw new NotFoundError("report form");
  const regions = regionsFor(access, input.regionId);
  if (!regions) return [];
  const level = input.level ?? "CENTRE";
  const { entities, column } = ENTITIES[level];
  const { unit, step } = PERIOD[form.periodicity];

  // One row per region in scope × period of the form overlapping [from, to]. The reports of
  // the form in the range are counted per region and period first (through the
  // Report(formId, periodStart) index) and only then joined to the region × period grid:
  // joining every entity × period to Report made PostgreSQL walk all reports of all years
  // (about 400 ms nationally, most of it JIT compilation of a mis-estimated plan).
  const first = Prisma.sql`date_trunc(${unit}, ${isoDate(input.from)}::date::timestamp)`;
  const rows = await prisma.$queryRaw<Omit<CompletenessRow, "shareSubmitted" | "shareOnTime">[]>`
    WITH periods AS (
      SELECT gs::date AS "periodStart", (gs + ${step}::interval - interval '1 day')::date AS "periodEnd"
      FROM generate_series(${first}, ${isoDate(input.to)}::date::timestamp, ${step}::interval) AS gs
    ),
    entities AS MATERIALIZED (
      SELECT e."regionId", e."entityId" FROM (${entities}) e
      WHERE true ${regionCondition(Prisma.sql`e."regionId"`, regions)}
    ),
    expected AS (SELECT "regionId", count(*)::int AS "count" FROM entities GROUP BY "regionId"),
    submitted AS (
      SELECT e."regionId", rep."periodStart", count(*)::int AS "count",
             count(*) FILTER (
               WHERE rep."submittedAt"
                 < ((rep."periodStart" + ${step}::interval - interval '1 day')::date + ${form.dueDays}::int + 1)::timestamp
             )::int AS "onTime"
      FROM "Report" rep
      JOIN entities e ON e."entityId" = ${column}
      WHERE rep."formId" = ${formId}::uuid
        AND rep."scope" = ${level}::"ReportScope"
        AND rep."periodStart" >= ${first}::date
        AND rep."periodStart" <= ${isoDate(input.to)}::date
        AND (rep."status" IN ('SUBMITTED', 'APPROVED', 'LOCKED')
             OR (rep."status" = 'RETURNED' AND rep."submittedAt" IS NOT NULL))
      GROUP BY e."regionId", rep."periodStart"
    )
    SELECT r."id" AS "regionId", r."code" AS "regionCode", r."name" AS "regionName",
           p."periodStart", p."periodEnd", p."periodEnd" + ${form.dueDays}::int AS "dueDate",
           coalesce(x."count", 0)::int AS "expected",
           coalesce(s."count", 0)::int AS "submitted",
           coalesce(s."onTime", 0)::int AS "onTime"
    FROM "Region" r
    CROSS JOIN periods p
    LEFT JOIN expected x ON x."regionId" = r."id"
    LEFT JOIN submitted s ON s."regionId" = r."id" AND s."periodStart" = p."periodStart"
    WHERE true ${regionCondition(Prisma.sql`r."id"`, regions)}
    ORDER BY r."name", r."id", p."periodStart"`;

  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return rows.map((row) => ({
    ...row,
    shareSubmitted: share(row.submitted, row.expected),
    shareOnTime: share(row.onTime, row.expected),
  }));
}
