// Questions partner apps ask: where is the nearest centre that helps with a service, and
// what are a region's published figures. Answered with SQL aggregation, never by loading
// rows into Node.
import { type Centre, Prisma } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { ValidationError } from "../../lib/errors.js";

export interface NearbyCentre {
  id: string;
  km: number;
  /** The centre's columns asked for (`columns`), read in the same statement. */
  row?: Partial<Centre>;
}

const CENTRE_COLUMNS = new Set<string>(Object.values(Prisma.CentreScalarFieldEnum));

/**
 * The select list of Centre's own columns, each under its Prisma name. An enum list comes back
 * from a raw statement as PostgreSQL's text ("{A,B}"), so it is read as text[], an array,
 * as Prisma reads it.
 */
function centreColumns(columns: readonly string[]): Prisma.Sql {
  return Prisma.raw(
    columns
      .map((column) => {
        if (!CENTRE_COLUMNS.has(column)) throw new Error(`Centre has no column ${column}`);
        return column === "kinds" ? `c."kinds"::text[] AS "kinds"` : `c."${column}"`;
      })
      .join(", "),
  );
}

/** Whether the name is one of Centre's own columns (not a relation, not a count). */
export function isCentreColumn(name: string): boolean {
  return CENTRE_COLUMNS.has(name);
}

const EARTH_KM = 6371;

/**
 * Centres that help with the service, within `radiusKm` of the point, nearest first; null
 * when the caller cannot see the service (partners see PUBLISHED services only). One
 * statement: the service's check and the search. A bounding box on the indexed coordinates
 * narrows the candidates before the exact great-circle distance is computed.
 */
export async function centresNear(
  access: Access,
  args: {
    serviceId: string;
    latitude: number;
    longitude: number;
    radiusKm: number;
    limit: number;
    /** Centre columns to read with the search (each row's `row`); none: ids and distances only. */
    columns?: readonly string[];
  },
): Promise<NearbyCentre[] | null> {
  const { serviceId, latitude, longitude, radiusKm, limit, columns = [] } = args;
  if (!(latitude >= -90 && latitude <= 90)) throw ValidationError.of("latitude", "LATITUDE_RANGE");
  if (!(longitude >= -180 && longitude <= 180)) throw ValidationError.of("longitude", "LONGITUDE_RANGE");
  if (!(radiusKm > 0 && radiusKm <= 1000)) throw ValidationError.of("radiusKm", "RADIUS_RANGE");
  const dLat = radiusKm / 111.2;
  const dLon = Math.min(180, radiusKm / (111.2 * Math.max(0.01, Math.cos((latitude * Math.PI) / 180))));
  const all = access.read === "all";
  const regions = all ? [] : [...access.read];
  // The centre's own columns ride along beside id and km (Centre has no column "km"; its id is
  // the one already selected).
  const extra = columns.filter((column) => column !== "id");
  const rows = await prisma.$queryRaw<({ id: string | null; km: number | null } & Record<string, unknown>)[]>`
    SELECT near.* FROM "Service" s
    LEFT JOIN LATERAL (
      SELECT * FROM (
        SELECT c.id::text AS id,${extra.length > 0 ? Prisma.sql` ${centreColumns(extra)},` : Prisma.empty}
          ${EARTH_KM} * 2 * asin(sqrt(
            power(sin(radians(c.latitude - ${latitude}) / 2), 2)
            + cos(radians(${latitude})) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - ${longitude}) / 2), 2)
          )) AS km
        FROM "Centre" c
        WHERE c."archivedAt" IS NULL
          AND c.status IN ('ACTIVE', 'TEMPORARILY_CLOSED')
          AND c.latitude BETWEEN ${latitude - dLat} AND ${latitude + dLat}
          AND c.longitude BETWEEN ${longitude - dLon} AND ${longitude + dLon}
          AND (${all} OR c."regionId"::text = ANY(${regions}::text[]))
          AND EXISTS (SELECT 1 FROM "CentreService" cs WHERE cs."centreId" = c.id AND cs."serviceId" = s.id)
      ) nearby
      WHERE km <= ${radiusKm}
      ORDER BY km, id
      LIMIT ${limit}
    ) near ON true
    WHERE s.id = ${serviceId}::uuid
      AND (${all} OR s."regionId" IS NULL OR s."regionId"::text = ANY(${regions}::text[]))
      AND (${!access.partner} OR s.status = 'PUBLISHED')
    ORDER BY near.km, near.id`;
  if (rows.length === 0) return null;
  return rows.flatMap(({ id, km, ...row }) => {
    if (id === null || km === null) return [];
    return columns.length > 0 ? [{ id, km, row: { ...row, id } as Partial<Centre> }] : [{ id, km }];
  });
}

export interface StatisticRow {
  year: number;
  indicatorCode: string;
  indicatorName: string;
  unit: string;
  total: number;
  rural: number | null;
}

/**
 * A region's figures per year and indicator, from approved or locked reports (only those
 * marked published unless `publishedOnly` is false, as for the region's own consolidated report). Where a region reports at several levels in one year, the most
 * aggregated level is used (region, else municipalities, else centres), so nothing counts twice.
 */
export async function regionStatistics(
  regionId: string,
  fromYear: number,
  toYear: number,
  { publishedOnly = true }: { publishedOnly?: boolean } = {},
): Promise<StatisticRow[]> {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || toYear - fromYear > 50) {
    throw ValidationError.of("fromYear", "STATISTICS_YEAR_RANGE");
  }
  const rows = await prisma.$queryRaw<
    { year: number; code: string; name: string; unit: string; total: bigint; rural: bigint | null }[]
  >`
    WITH sums AS (
      SELECT extract(year FROM r."periodStart")::int AS year, i.code, min(i.name) AS name, min(i.unit) AS unit,
             r.scope, sum(v.total) AS total, sum(v.rural) AS rural,
             CASE r.scope WHEN 'REGION' THEN 1 WHEN 'MUNICIPALITY' THEN 2 ELSE 3 END AS level
      FROM "Report" r
      JOIN "ReportValue" v ON v."reportId" = r.id
      JOIN "ReportIndicator" i ON i.id = v."indicatorId"
      WHERE r."regionId" = ${regionId}::uuid AND (r.published OR NOT ${publishedOnly}) AND r.status IN ('APPROVED', 'LOCKED')
        AND r."periodStart" >= make_date(${fromYear}, 1, 1) AND r."periodStart" < make_date(${toYear} + 1, 1, 1)
      GROUP BY 1, 2, r.scope
    )
    SELECT DISTINCT ON (year, code) year, code, name, unit, total, rural
    FROM sums ORDER BY year, code, level`;
  return rows.map((r) => ({
    year: r.year,
    indicatorCode: r.code,
    indicatorName: r.name,
    unit: r.unit,
    total: Number(r.total),
    rural: r.rural === null ? null : Number(r.rural),
  }));
}
