// Quality analytics for staff (issue 5, items 5–6): compliance with standards, curator
// coverage, feedback SLA and alerts. Every figure is counted in SQL within the caller's regions.
import {
  type Centre,
  Prisma,
  type Region,
  type Report,
  type Service,
  type SystemicError,
} from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import type { RecordQuery } from "../../lib/selection.js";
import { overdueSystemicErrors } from "../systemic-errors/systemic-errors.service.js";
import type { FeedbackSlaData, YourRegionData } from "./analytics.inputs.js";
import { regionSql, regionsById, scopeRegions } from "./catalogue.service.js";

const RATINGS = ["ratingTime", "ratingWaiting", "ratingStaff", "ratingComfort", "ratingInformation"] as const;

// ── Compliance with standards ──

export interface TargetCompliance {
  indicatorCode: string;
  name: string;
  unit: string;
  direction: "AT_LEAST" | "AT_MOST";
  threshold: number;
  value: number | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  /** Null: no measurement yet. */
  met: boolean | null;
}

export interface ServiceComplianceRow {
  service: Service;
  targets: TargetCompliance[];
  targetCount: number;
  metCount: number;
  notMetCount: number;
  noDataCount: number;
  metShare: number | null;
  averageRating: number | null;
  feedbackCount: number;
}

/** A row as the SQL gives it: the service by id, and the targets' periods as ISO date strings. */
interface ComplianceSql extends Omit<ServiceComplianceRow, "service" | "targets"> {
  serviceId: string;
  targets: (Omit<TargetCompliance, "periodStart" | "periodEnd"> & {
    periodStart: string | null;
    periodEnd: string | null;
  })[];
}

const asDate = (value: string | null) => (value ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : null);

/**
 * Services with an approved standard (federal ones and those of the regions looked at): each
 * target against the latest measurement of its indicator in those regions, and the average
 * rating of the service's feedback there. Worst first: the lowest share of targets met.
 */
export async function serviceCompliance(
  access: Access,
  input?: YourRegionData | null,
  serviceQuery: RecordQuery = {},
): Promise<ServiceComplianceRow[]> {
  const regions = scopeRegions(access, input?.regionId);
  const rows = await prisma.$queryRaw<ComplianceSql[]>`
    WITH svc AS (
      SELECT s."id", st."id" AS "standardId", s."name"
        FROM "Service" s
        JOIN "QualityStandard" st ON st."serviceId" = s."id" AND st."status" = 'APPROVED'
       WHERE (s."regionId" IS NULL OR ${regionSql(regions, `s."regionId"`)})
    ),
    latest AS (
      -- The latest period of each indicator; on a tie the widest scope (region, then municipality) wins.
      SELECT DISTINCT ON (m."serviceId", m."indicatorCode")
             m."serviceId", m."indicatorCode", m."value", m."periodStart", m."periodEnd"
        FROM "QualityMeasurement" m
        JOIN svc ON svc."id" = m."serviceId"
       WHERE ${regionSql(regions, `m."regionId"`)}
       ORDER BY m."serviceId", m."indicatorCode", m."periodEnd" DESC, m."periodStart" DESC,
                (m."centreId" IS NOT NULL), (m."municipalityId" IS NOT NULL), m."createdAt" DESC
    ),
    judged AS (
      SELECT svc."id" AS "serviceId", t."indicatorCode", t."name", t."unit", t."direction"::text AS "direction",
             t."threshold"::float8 AS "threshold", l."value"::float8 AS "value", l."periodStart", l."periodEnd",
             CASE WHEN l."value" IS NULL THEN NULL
                  WHEN t."direction" = 'AT_LEAST' THEN l."value" >= t."threshold"
                  ELSE l."value" <= t."threshold" END AS "met"
        FROM svc
        JOIN "QualityTarget" t ON t."standardId" = svc."standardId"
        LEFT JOIN latest l ON l."serviceId" = svc."id" AND l."indicatorCode" = t."indicatorCode"
    ),
    per AS (
      SELECT "serviceId",
             count(*)::int AS "targetCount",
             count(*) FILTER (WHERE "met")::int AS "metCount",
             count(*) FILTER (WHERE NOT "met")::int AS "notMetCount",
             count(*) FILTER (WHERE "met" IS NULL)::int AS "noDataCount",
             json_agg(json_build_object(
               'indicatorCode', "indicatorCode", 'name', "name", 'unit', "unit", 'direction', "direction",
               'threshold', "threshold", 'value', "value", 'periodStart', "periodStart",
               'periodEnd', "periodEnd", 'met', "met") ORDER BY "indicatorCode") AS "targets"
        FROM judged GROUP BY "serviceId"
    ),
    fb AS (
      SELECT f."serviceId", avg(r.v)::float8 AS "averageRating", count(DISTINCT f."id")::int AS "feedbackCount"
        FROM "Feedback" f
        JOIN svc ON svc."id" = f."serviceId"
        LEFT JOIN LATERAL (VALUES (f."ratingTime"), (f."ratingWaiting"), (f."ratingStaff"),
                                  (f."ratingComfort"), (f."ratingInformation")) AS r(v) ON TRUE
       WHERE ${regionSql(regions, `f."regionId"`)}
       GROUP BY f."serviceId"
    )
    SELECT svc."id" AS "serviceId",
           COALESCE(per."targetCount", 0) AS "targetCount", COALESCE(per."metCount", 0) AS "metCount",
           COALESCE(per."notMetCount", 0) AS "notMetCount", COALESCE(per."noDataCount", 0) AS "noDataCount",
           (per."metCount"::float8 / NULLIF(per."targetCount", 0)) AS "metShare",
           COALESCE(per."targets", '[]'::json) AS "targets",
           fb."averageRating", COALESCE(fb."feedbackCount", 0) AS "feedbackCount"
      FROM svc
      LEFT JOIN per ON per."serviceId" = svc."id"
      LEFT JOIN fb ON fb."serviceId" = svc."id"
     ORDER BY "metShare" ASC NULLS LAST, svc."name", svc."id"`;
  const services = await prisma.service.findMany({
    ...serviceQuery,
    where: { id: { in: rows.map((row) => row.serviceId) } },
  });
  const byId = new Map(services.map((service) => [service.id, service]));
  return rows.flatMap(({ serviceId, targets, ...row }) => {
    const service = byId.get(serviceId);
    if (!service) return [];
    return [
      {
        ...row,
        service,
        targets: targets.map((target) => ({
          ...target,
          periodStart: asDate(target.periodStart),
          periodEnd: asDate(target.periodEnd),
        })),
      },
    ];
  });
}

// ── Curator coverage ──

export interface CuratorCoverageRow {
  region: Region;
  socialServices: number;
  covered: number;
  uncovered: number;
  /** Percent covered; null without socially significant services. */
  coveredShare: number | null;
}

/** Has an active primary service curator in the service's own region. */
const COVERED = `EXISTS (SELECT 1 FROM "CuratorAssignment" a
  WHERE a."serviceId" = s."id" AND a."regionId" = s."regionId" AND a."targetType" = 'SERVICE'
    AND a."primary" AND a."validTo" IS NULL)`;

/** Published socially significant services of each region, and how many have an active primary curator there. */
export async function curatorCoverage(
  access: Access,
  input?: YourRegionData | null,
  regionQuery: RecordQuery = {},
): Promise<CuratorCoverageRow[]> {
  const regions = scopeRegions(access, input?.regionId);
  const rows = await prisma.$queryRaw<
    { regionId: string; socialServices: number; covered: number; coveredShare: number | null }[]
  >`
    SELECT r."id" AS "regionId",
           count(s."id")::int AS "socialServices",
           count(s."id") FILTER (WHERE ${Prisma.raw(COVERED)})::int AS "covered",
           (100.0 * count(s."id") FILTER (WHERE ${Prisma.raw(COVERED)}) / NULLIF(count(s."id"), 0))::float8 AS "coveredShare"
      FROM "Region" r
      LEFT JOIN "Service" s ON s."regionId" = r."id" AND s."socialSignificant" AND s."status" = 'PUBLISHED'
     WHERE ${regionSql(regions, `r."id"`)}
     GROUP BY r."id", r."code"
     ORDER BY r."code"`;
  const regionRows = await regionsById(
    rows.map((row) => row.regionId),
    regionQuery,
  );
  return rows.flatMap((row) => {
    const region = regionRows.get(row.regionId);
    return region ? [{ ...row, region, uncovered: row.socialServices - row.covered }] : [];
  });
}

// ── Feedback SLA ──

export interface FeedbackSlaResult {
  total: number;
  open: number;
  overdue: number;
  answered: number;
  medianHoursToAnswer: number | null;
  averageRatingTime: number | null;
  averageRatingWaiting: number | null;
  averageRatingStaff: number | null;
  averageRatingComfort: number | null;
  averageRatingInformation: number | null;
}

/** Feedback received in [from, to] in the regions looked at: open, overdue, answered, answer time and ratings. */
export async function feedbackSla(access: Access, input?: FeedbackSlaData | null): Promise<FeedbackSlaResult> {
  const regions = scopeRegions(access, input?.regionId);
  const from = input?.from ?? null;
  // The end date counts as a whole day.
  const to = input?.to ? new Date(input.to.getTime() + 86_400_000) : null;
  const averages = RATINGS.map(
    (column) => `avg("${column}")::float8 AS "average${column.charAt(0).toUpperCase()}${column.slice(1)}"`,
  ).join(", ");
  const [row] = await prisma.$queryRaw<FeedbackSlaResult[]>`
    SELECT count(*)::int AS "total",
           count(*) FILTER (WHERE "status" IN ('RECEIVED', 'IN_PROGRESS'))::int AS "open",
           count(*) FILTER (WHERE "status" IN ('RECEIVED', 'IN_PROGRESS') AND "dueAt" < now())::int AS "overdue",
           count(*) FILTER (WHERE "answeredAt" IS NOT NULL)::int AS "answered",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("answeredAt" - "receivedAt")) / 3600.0)
              FILTER (WHERE "answeredAt" IS NOT NULL))::float8 AS "medianHoursToAnswer",
           ${Prisma.raw(averages)}
      FROM "Feedback"
     WHERE ${regionSql(regions, `"regionId"`)}
       AND ${from ? Prisma.sql`"receivedAt" >= ${from}` : Prisma.sql`TRUE`}
       AND ${to ? Prisma.sql`"receivedAt" < ${to}` : Prisma.sql`TRUE`}`;
  if (!row) throw new Error("An aggregate query returns one row.");
  return row;
}

// ── Alerts ──

export interface Capped<T> {
  totalCount: number;
  items: T[];
}

export interface AlertsResult {
  expiringSignatures: Capped<{ centre: Centre; validUntil: Date; daysLeft: number }>;
  overdueReports: Capped<{ report: Report; dueDate: Date; daysOverdue: number }>;
  unverifiedCentres: Capped<{ centre: Centre; lastVerifiedAt: Date | null }>;
  servicesWithoutCurator: Capped<{ service: Service; region: Region }>;
  overdueSystemicErrors: Capped<{ systemicError: SystemicError; dueAt: Date; daysOverdue: number }>;
}

export const ALERT_LIMIT = 100;

/** How each list's records are read (lib/selection.ts recordQuery); whole rows by default. */
export interface AlertQueries {
  expiringCentres?: RecordQuery;
  overdueReports?: RecordQuery;
  unverifiedCentres?: RecordQuery;
  services?: RecordQuery;
  regions?: RecordQuery;
  systemicErrors?: RecordQuery;
}

async function attach<R extends { id: string }, T extends { id: string; totalCount: number }, O>(
  rows: T[],
  load: (ids: string[]) => Promise<R[]>,
  shape: (row: T, entity: R) => O,
): Promise<Capped<O>> {
  const entities = rows.length > 0 ? await load(rows.map((row) => row.id)) : [];
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  return {
    totalCount: rows[0]?.totalCount ?? 0,
    items: rows.flatMap((row) => {
      const entity = byId.get(row.id);
      return entity ? [shape(row, entity)] : [];
    }),
  };
}

/**
 * What needs attention in the regions looked at, each list capped at 100 with its total:
 * signatures expiring within the days given (or already expired), reports not submitted by
 * their due date, centres not verified for 12 months, socially significant services without an
 * active primary curator, and systemic errors still unfixed after their due day.
 */
export async function alerts(
  access: Access,
  input?: { regionId?: string | null; signatureWithinDays?: number | null } | null,
  queries: AlertQueries = {},
): Promise<AlertsResult> {
  const regions = scopeRegions(access, input?.regionId);
  const within = Math.max(0, Math.min(input?.signatureWithinDays ?? 30, 3650));

  // The four lists are independent: asked at once, the answer takes as long as the slowest
  // list (its capped rows, then their records), not the sum of eight round trips.
  const expiringSignatures = prisma.$queryRaw<{ id: string; validUntil: Date; daysLeft: number; totalCount: number }[]>`
    SELECT c."id", c."signatureValidUntil" AS "validUntil",
           (c."signatureValidUntil" - CURRENT_DATE)::int AS "daysLeft", count(*) OVER ()::int AS "totalCount"
      FROM "Centre" c
     WHERE c."archivedAt" IS NULL AND c."signatureValidUntil" IS NOT NULL
       AND c."signatureValidUntil" <= CURRENT_DATE + ${within}::int
       AND ${regionSql(regions, `c."regionId"`)}
     ORDER BY c."signatureValidUntil", c."name", c."id"
     LIMIT ${ALERT_LIMIT}`.then((rows) =>
    attach(
      rows,
      (ids) => prisma.centre.findMany({ ...queries.expiringCentres, where: { id: { in: ids } } }),
      (row, centre) => ({ centre, validUntil: row.validUntil, daysLeft: row.daysLeft }),
    ),
  );

  const overdueReports = prisma.$queryRaw<{ id: string; dueDate: Date; daysOverdue: number; totalCount: number }[]>`
    SELECT r."id", (r."periodEnd" + f."dueDays") AS "dueDate",
           (CURRENT_DATE - (r."periodEnd" + f."dueDays"))::int AS "daysOverdue", count(*) OVER ()::int AS "totalCount"
      FROM "Report" r JOIN "ReportForm" f ON f."id" = r."formId"
     WHERE r."status" IN ('DRAFT', 'RETURNED') AND (r."periodEnd" + f."dueDays") < CURRENT_DATE
       AND ${regionSql(regions, `r."regionId"`)}
     ORDER BY "dueDate", r."id"
     LIMIT ${ALERT_LIMIT}`.then((rows) =>
    attach(
      rows,
      (ids) => prisma.report.findMany({ ...queries.overdueReports, where: { id: { in: ids } } }),
      (row, report) => ({ report, dueDate: row.dueDate, daysOverdue: row.daysOverdue }),
    ),
  );

  const unverifiedCentres = prisma.$queryRaw<{ id: string; lastVerifiedAt: Date | null; totalCount: number }[]>`
    SELECT c."id", c."lastVerifiedAt", count(*) OVER ()::int AS "totalCount"
      FROM "Centre" c
     WHERE c."archivedAt" IS NULL
       AND (c."lastVerifiedAt" IS NULL OR c."lastVerifiedAt" < now() - interval '12 months')
       AND ${regionSql(regions, `c."regionId"`)}
     ORDER BY c."lastVerifiedAt" ASC NULLS FIRST, c."name", c."id"
     LIMIT ${ALERT_LIMIT}`.then((rows) =>
    attach(
      rows,
      (ids) => prisma.centre.findMany({ ...queries.unverifiedCentres, where: { id: { in: ids } } }),
      (row, centre) => ({ centre, lastVerifiedAt: row.lastVerifiedAt }),
    ),
  );

  const servicesWithoutCurator = prisma.$queryRaw<{ id: string; regionId: string; totalCount: number }[]>`
    SELECT s."id", s."regionId", count(*) OVER ()::int AS "totalCount"
      FROM "Service" s
     WHERE s."socialSignificant" AND s."status" = 'PUBLISHED' AND s."regionId" IS NOT NULL
       AND NOT ${Prisma.raw(COVERED)}
       AND ${regionSql(regions, `s."regionId"`)}
     ORDER BY s."regionId", s."name", s."id"
     LIMIT ${ALERT_LIMIT}`.then(async (rows) => {
    const [regionRows, list] = await Promise.all([
      regionsById(
        rows.map((row) => row.regionId),
        queries.regions,
      ),
      attach(
        rows,
        (ids) => prisma.service.findMany({ ...queries.services, where: { id: { in: ids } } }),
        (row, service) => ({ service, regionId: row.regionId }),
      ),
    ]);
    return {
      totalCount: list.totalCount,
      items: list.items.flatMap(({ service, regionId }) => {
        const region = regionRows.get(regionId);
        return region ? [{ service, region }] : [];
      }),
    };
  });

  const [signatures, reports, unverified, uncurated, systemic] = await Promise.all([
    expiringSignatures,
    overdueReports,
    unverifiedCentres,
    servicesWithoutCurator,
    overdueSystemicErrors(regions, ALERT_LIMIT, queries.systemicErrors),
  ]);
  return {
    expiringSignatures: signatures,
    overdueReports: reports,
    unverifiedCentres: unverified,
    servicesWithoutCurator: uncurated,
    overdueSystemicErrors: systemic,
  };
}
