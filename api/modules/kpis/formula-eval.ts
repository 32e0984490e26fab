// Computing a KPI formula (formula.ts) for places and a year, one SQL aggregation per term for
// all places at once. Catalogue terms count the published catalogue as it is now; indicator
// terms sum the approved (for partners: published) reports whose period lies within the year,
// each region at the most aggregated level it reported (region, else municipalities, else
// centres) so nothing counts twice; population terms take the figure of the year, else the
// latest earlier one, and say which year that was.
import { Prisma } from "../../generated/prisma/client.js";
import { prisma } from "../../lib/db.js";
import {
  indicatorCodes,
  type ServicePropertiesData,
  type ServiceSetData,
  type StoredDefinition,
  type StoredTerm,
} from "./formula.js";

/** The country (regionId null), a region, or a municipality of a region. */
export interface Place {
  regionId: string | null;
  municipalityId: string | null;
}

export interface Evaluated {
  value: number | null;
  /** A ratio's or a share's numerator (the services having the property). */
  numerator: number | null;
  /** A ratio's or a share's denominator (the base set). */
  denominator: number | null;
  /** The year of the population figure used, when a term is the population. */
  populationYear: number | null;
}

interface EvalOptions {
  year: number;
  /** Partners: published reports only. */
  publishedOnly: boolean;
}

type TermResult = Evaluated;
type Prepared = (place: Place) => TermResult;

const plain = (value: number | null, populationYear: number | null = null): TermResult => ({
  value,
  numerator: null,
  denominator: null,
  populationYear,
});

const COLUMNS: Record<keyof Omit<ServicePropertiesData, "level">, string> = {
  socialSignificant: `"socialSignificant"`,
  electronic: `"electronic"`,
  proactive: `"proactive"`,
  needsExtraDocuments: `"needsExtraDocuments"`,
};

/** A SQL condition on Service for the properties given (TRUE for none). */
function propertiesSql(props: ServicePropertiesData | ServiceSetData | undefined): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = props?.[key as keyof typeof COLUMNS];
    if (typeof value === "boolean") parts.push(Prisma.sql`${Prisma.raw(column)} = ${value}`);
  }
  if (props?.level) parts.push(Prisma.sql`"level"::text = ${props.level}`);
  return Prisma.join(parts, " AND ");
}

/** Published services per region (null: federal): those of the base set, and of those the ones having `having`. */
async function catalogueTerm(term: StoredTerm): Promise<Prepared> {
  const base = propertiesSql(term.services);
  const having = propertiesSql(term.having);
  const rows = await prisma.$queryRaw<{ regionId: string | null; base: number; part: number }[]>`
    SELECT "regionId", (count(*) FILTER (WHERE ${base}))::int AS base,
           (count(*) FILTER (WHERE ${base} AND ${having}))::int AS part
      FROM "Service" WHERE "status" = 'PUBLISHED'
     GROUP BY "regionId"`;
  const byRegion = new Map(rows.map((row) => [row.regionId, row]));
  const federal = term.services?.federal !== false;
  const counts = (place: Place) => {
    if (place.regionId === null) {
      return rows.reduce((sum, row) => ({ base: sum.base + row.base, part: sum.part + row.part }), {
        base: 0,
        part: 0,
      });
    }
    const own = byRegion.get(place.regionId) ?? { base: 0, part: 0 };
    const fed = federal ? (byRegion.get(null) ?? { base: 0, part: 0 }) : { base: 0, part: 0 };
    return { base: own.base + fed.base, part: own.part + fed.part };
  };
  if (term.kind === "SERVICE_COUNT") return (place) => plain(counts(place).base);
  return (place) => {
    const { base, part } = counts(place);
    return { value: base > 0 ? (100 * part) / base : null, numerator: part, denominator: base, populationYear: null };
  };
}

const LEVEL = Prisma.sql`CASE r."scope" WHEN 'REGION' THEN 1 WHEN 'MUNICIPALITY' THEN 2 ELSE 3 END`;

/** The indicator summed per region, and per municipality asked, over the reports of the year. */
async function indicatorTerm(term: StoredTerm, places: readonly Place[], options: EvalOptions): Promise<Prepared> {
  const column = term.part === "RURAL" ? Prisma.sql`v."rural"` : Prisma.sql`v."total"`;
  const from = new Date(Date.UTC(options.year, 0, 1));
  const to = new Date(Date.UTC(options.year, 11, 31));
  const reports = Prisma.sql`
    FROM "Report" r
    JOIN "ReportValue" v ON v."reportId" = r."id"
    JOIN "ReportIndicator" i ON i."id" = v."indicatorId"
    LEFT JOIN "Centre" c ON c."id" = r."centreId"
   WHERE i."code" = ${term.indicatorCode ?? ""}
     AND r."status" IN ('APPROVED', 'LOCKED') AND (r."published" OR NOT ${options.publishedOnly})
     AND r."periodStart" >= ${from}::date AND r."periodEnd" <= ${to}::date`;
  const regionRows = await prisma.$queryRaw<{ regionId: string; value: number | null }[]>`
    SELECT DISTINCT ON ("regionId") "regionId", value FROM (
      SELECT r."regionId", ${LEVEL} AS level, sum(${column})::float8 AS value ${reports}
       GROUP BY 1, 2) sums
     ORDER BY "regionId", level`;
  const byRegion = new Map(regionRows.map((row) => [row.regionId, row.value]));
  const municipalities = [...new Set(places.flatMap((p) => (p.municipalityId ? [p.municipalityId] : [])))];
  const byMunicipality = new Map<string, number | null>();
  if (municipalities.length > 0) {
    const rows = await prisma.$queryRaw<{ municipalityId: string; value: number | null }[]>`
      SELECT DISTINCT ON ("municipalityId") "municipalityId", value FROM (
        SELECT COALESCE(r."municipalityId", c."municipalityId") AS "municipalityId", ${LEVEL} AS level,
               sum(${column})::float8 AS value
          ${reports}
           AND r."scope" IN ('MUNICIPALITY', 'CENTRE')
           AND COALESCE(r."municipalityId", c."municipalityId")::text = ANY(${municipalities}::text[])
         GROUP BY 1, 2) sums
       ORDER BY "municipalityId", level`;
    for (const row of rows) byMunicipality.set(row.municipalityId, row.value);
  }
  return (place) => {
    if (place.municipalityId) return plain(byMunicipality.get(place.municipalityId) ?? null);
    if (place.regionId) return plain(byRegion.get(place.regionId) ?? null);
    const values = [...byRegion.values()].filter((v): v is number => v !== null);
    return plain(values.length > 0 ? values.reduce((a, b) => a + b, 0) : null);
  };
}

/** The population of the year, else of the latest earlier year: per region, and per municipality asked. */
async function populationTerm(places: readonly Place[], options: EvalOptions): Promise<Prepared> {
  const regionRows = await prisma.$queryRaw<{ regionId: string; count: number; year: number }[]>`
    SELECT DISTINCT ON ("regionId") "regionId", "count", "year"
      FROM "Population" WHERE "municipalityId" IS NULL AND "year" <= ${options.year}
     ORDER BY "regionId", "year" DESC`;
  const byRegion = new Map(regionRows.map((row) => [row.regionId, row]));
  const municipalities = [...new Set(places.flatMap((p) => (p.municipalityId ? [p.municipalityId] : [])))];
  const byMunicipality = new Map<string, { count: number; year: number }>();
  if (municipalities.length > 0) {
    const rows = await prisma.$queryRaw<{ municipalityId: string; count: number; year: number }[]>`
      SELECT DISTINCT ON ("municipalityId") "municipalityId", "count", "year"
        FROM "Population"
       WHERE "municipalityId"::text = ANY(${municipalities}::text[]) AND "year" <= ${options.year}
       ORDER BY "municipalityId", "year" DESC`;
    for (const row of rows) byMunicipality.set(row.municipalityId, row);
  }
  return (place) => {
    const figure = place.municipalityId
      ? byMunicipality.get(place.municipalityId)
      : place.regionId
        ? byRegion.get(place.regionId)
        : undefined;
    if (place.regionId !== null || place.municipalityId) return plain(figure?.count ?? null, figure?.year ?? null);
    // The country: the regions' figures added up, dated by the oldest of them.
    if (regionRows.length === 0) return plain(null);
    const total = regionRows.reduce((sum, row) => sum + row.count, 0);
    return plain(total, Math.min(...regionRows.map((row) => row.year)));
  };
}

function prepareTerm(term: StoredTerm, places: readonly Place[], options: EvalOptions): Promise<Prepared> {
  switch (term.kind) {
    case "SERVICE_COUNT":
    case "SERVICE_SHARE":
      return catalogueTerm(term);
    case "INDICATOR":
      return indicatorTerm(term, places, options);
    case "POPULATION":
      return populationTerm(places, options);
  }
}

/** The definition's value at each place, in the order given. */
export async function evaluateDefinition(
  definition: StoredDefinition,
  places: readonly Place[],
  options: EvalOptions,
): Promise<Evaluated[]> {
  if (definition.kind !== "RATIO") {
    const term = await prepareTerm(definition as StoredTerm, places, options);
    return places.map(term);
  }
  if (!definition.numerator || !definition.denominator) return places.map(() => plain(null));
  const numerator = await prepareTerm(definition.numerator, places, options);
  const denominator = await prepareTerm(definition.denominator, places, options);
  const multiplier = definition.multiplier ?? 1;
  return places.map((place) => {
    const above = numerator(place);
    const below = denominator(place);
    const value =
      above.value !== null && below.value !== null && below.value !== 0
        ? (above.value / below.value) * multiplier
        : null;
    return {
      value,
      numerator: above.value,
      denominator: below.value,
      populationYear: above.populationYear ?? below.populationYear,
    };
  });
}

/**
 * The latest year (up to the current one) of an approved report carrying an indicator the
 * definition sums, in `regionId` (any region when null); null when none, or when the
 * definition sums no indicator. Annual figures come after their year ends: the year a
 * formula over reports is best shown for when no year is asked.
 */
export async function latestReportedYear(
  definition: StoredDefinition,
  regionId: string | null,
  publishedOnly: boolean,
): Promise<number | null> {
  const codes = indicatorCodes(definition);
  if (codes.length === 0) return null;
  const [row] = await prisma.$queryRaw<{ year: number | null }[]>`
    SELECT max(EXTRACT(YEAR FROM r."periodStart"))::int AS year
      FROM "Report" r
      JOIN "ReportValue" v ON v."reportId" = r."id"
      JOIN "ReportIndicator" i ON i."id" = v."indicatorId"
     WHERE i."code" = ANY(${codes}::text[])
       AND r."status" IN ('APPROVED', 'LOCKED') AND (r."published" OR NOT ${publishedOnly})
       AND r."periodStart" <= CURRENT_DATE
       AND (${regionId}::uuid IS NULL OR r."regionId" = ${regionId}::uuid)`;
  return row?.year ?? null;
}
