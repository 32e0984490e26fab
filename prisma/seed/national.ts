// The national load-test data set: 85 synthetic regions (codes N01…N85, so they never clash
// with the real codes of the demo), ~2,100 municipalities, ~10,000 centres, ~1,000 services
// and ten years of monthly municipal reports (≈1.8 million report values). Every step is
// one server-side INSERT … SELECT: sending millions of rows from Node would take far longer
// than generating them in PostgreSQL. All steps run in one transaction on one connection
// (setseed makes random() repeatable only within its session).
import type pg from "pg";
import { COD_INDICATORS, COD_MONTHLY, REQUEST_INDICATORS } from "./forms.js";

export interface NationalOptions {
  /** Centres to create (default 10,000). */
  centres?: number;
  /** Years of monthly reports per municipality (default 10). */
  years?: number;
  onProgress?: (message: string) => void;
}

export interface NationalResult {
  regions: number;
  centres: number;
  reports: number;
  values: number;
  seconds: number;
}

const REGIONS = 85;
const MUNICIPALITIES_PER_REGION = 25;
const SERVICES = 1000;
/** A region's services must number at least 7 so that a centre's three picks are distinct. */
const LINKS_PER_CENTRE = 3;

/** Synthetic regions only: the demo's real codes are digits. */
const NATIONAL_REGIONS = `SELECT id, code, substr(code, 2)::int AS n FROM "Region" WHERE code ~ '^N[0-9]{2}$'`;

/** Value ranges per municipality and month: [code, spread, minimum]. */
const VALUE_RANGES: readonly (readonly [string, number, number])[] = [
  ["USERS", 400, 20],
  ["REQ_GOV_INFO", 120, 0],
  ["REQ_E_APPEALS", 40, 0],
  ["REQ_SERVICE_INFO", 300, 10],
  ["REQ_FORMS_PRINTING", 100, 0],
  ["REQ_E_RESULT", 150, 0],
  ["REQ_STATUS_TRACKING", 60, 0],
];

export async function seedNational(pool: pg.Pool, options: NationalOptions = {}): Promise<NationalResult> {
  const centres = options.centres ?? 10_000;
  const years = options.years ?? 10;
  if (!Number.isInteger(centres) || centres < 1) throw new Error("The number of centres must be a positive integer.");
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new Error("The number of years must be 1 to 30.");
  const codes = new Set(VALUE_RANGES.map(([code]) => code));
  if (!["USERS", ...REQUEST_INDICATORS.map((i) => i.code)].every((code) => codes.has(code))) {
    throw new Error("The national value ranges must cover USERS and every request indicator.");
  }

  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const progress = (label: string, count?: number | null) =>
    options.onProgress?.(`${label}${count === undefined ? "" : `: ${count ?? 0}`} (${elapsed().toFixed(1)} s)`);

  const client = await pool.connect();
  try {
    const existing = await client.query(`SELECT 1 FROM "Region" WHERE code = 'N01'`);
    if (existing.rowCount) {
      throw new Error("The national data set is already loaded (region N01 exists); seed a fresh database instead.");
    }
    await client.query("BEGIN");
    await client.query("SELECT setseed(0.42)");

    // The monthly form and its indicators: reused when the demo (or an earlier load) made them.
    await client.query(
      `INSERT INTO "ReportForm" (id, code, revision, name, periodicity, "dueDays", "updatedAt")
       VALUES (gen_random_uuid(), $1, 1, $2, 'MONTHLY', $3, now())
       ON CONFLICT (code, revision) DO NOTHING`,
      [COD_MONTHLY.code, COD_MONTHLY.name, COD_MONTHLY.dueDays],
    );
    const form = await client.query<{ id: string }>(
      `SELECT id FROM "ReportForm" WHERE code = $1 ORDER BY revision DESC LIMIT 1`,
      [COD_MONTHLY.code],
    );
    const formId = form.rows[0]?.id;
    if (!formId) throw new Error("The monthly report form could not be created.");
    const indicators = await client.query(
      `INSERT INTO "ReportIndicator" (id, "formId", code, name, unit, "hasRuralSplit", category,
         "eventMeasure", "eventKind", "eventAudience", position, "updatedAt")
       SELECT gen_random_uuid(), $1, x.code, x.name, x.unit, x."hasRuralSplit", x.category,
         x."eventMeasure"::"EventMeasure", x."eventKind"::"EventKind", x."eventAudience"::"EventAudience", x.position, now()
       FROM jsonb_to_recordset($2::jsonb)
         AS x(code text, name text, unit text, "hasRuralSplit" boolean, category text,
              "eventMeasure" text, "eventKind" text, "eventAudience" text, position int)
       ON CONFLICT ("formId", code) DO NOTHING`,
      [formId, JSON.stringify(COD_INDICATORS.map((spec, i) => ({ ...spec, position: i + 1 })))],
    );
    progress("report form indicators added", indicators.rowCount);

    const regions = await client.query(
      `INSERT INTO "Region" (id, code, name, "updatedAt")
       SELECT gen_random_uuid(), 'N' || lpad(n::text, 2, '0'), 'Нагрузочный регион № ' || n, now()
       FROM generate_series(1, $1) AS n`,
      [REGIONS],
    );
    progress("regions", regions.rowCount);

    // OKTMO '9000xxxx': no real regional prefix starts with 900, so no clash with the demo.
    const municipalities = await client.query(
      `INSERT INTO "Municipality" (id, "regionId", oktmo, name, kind, "updatedAt")
       SELECT gen_random_uuid(), r.id, '9' || lpad(((r.n - 1) * $1 + k)::text, 7, '0'),
              CASE WHEN k = 1 THEN 'Город ' || r.code ELSE 'Район ' || r.code || '-' || lpad(k::text, 2, '0') END,
              (CASE WHEN k = 1 THEN 'URBAN_DISTRICT' ELSE 'MUNICIPAL_DISTRICT' END)::"MunicipalityKind", now()
       FROM (${NATIONAL_REGIONS}) AS r CROSS JOIN generate_series(1, $1) AS k`,
      [MUNICIPALITIES_PER_REGION],
    );
    progress("municipalities", municipalities.rowCount);

    const settlements = await client.query(
      `INSERT INTO "Settlement" (id, "municipalityId", name, "isRural", "updatedAt")
       SELECT gen_random_uuid(), m.id, CASE WHEN s.rural THEN 'Село ' ELSE 'Посёлок ' END || m.oktmo, s.rural, now()
       FROM "Municipality" m JOIN (${NATIONAL_REGIONS}) AS r ON r.id = m."regionId"
       CROSS JOIN (VALUES (false), (true)) AS s(rural)`,
    );
    progress("settlements", settlements.rowCount);

    // Population on 1 January of every year the reports cover: each municipality's, and the
    // region's as their sum, so that KPIs per resident have a denominator.
    const population = await client.query(
      `WITH figures AS (
         SELECT m."regionId" AS region_id, m.id AS municipality_id, y.year,
                CASE WHEN m.name LIKE 'Город %' THEN 150000 ELSE 8000 END + floor(random() * 20000)::int AS count
         FROM "Municipality" m JOIN (${NATIONAL_REGIONS}) AS r ON r.id = m."regionId"
         CROSS JOIN generate_series(EXTRACT(YEAR FROM current_date)::int - $1, EXTRACT(YEAR FROM current_date)::int) AS y(year))
       INSERT INTO "Population" (id, "regionId", "municipalityId", year, count, source, "updatedAt")
       SELECT gen_random_uuid(), region_id, municipality_id, year, count, 'Нагрузочные данные', now() FROM figures
       UNION ALL
       SELECT gen_random_uuid(), region_id, NULL, year, sum(count)::int, 'Нагрузочные данные', now()
       FROM figures GROUP BY region_id, year`,
      [years],
    );
    progress("population figures", population.rowCount);

    // The plan pairs each centre with its host library, municipality and settlement (every
    // third one rural), so that organisations and centres are two plain inserts.
    await client.query(
      `CREATE TEMP TABLE national_centre ON COMMIT DROP AS
       SELECT i, gen_random_uuid() AS centre_id, gen_random_uuid() AS organisation_id,
              m.id AS municipality_id, m."regionId" AS region_id, m.n AS region_n, s.id AS settlement_id
       FROM generate_series(1, $1) AS i
       JOIN (SELECT mu.id, mu."regionId", r.n, row_number() OVER (ORDER BY mu.oktmo) - 1 AS k
             FROM "Municipality" mu JOIN (${NATIONAL_REGIONS}) AS r ON r.id = mu."regionId") AS m
         ON m.k = (i - 1) % $2
       JOIN "Settlement" s ON s."municipalityId" = m.id AND s."isRural" = (i % 3 = 0)`,
      [centres, municipalities.rowCount],
    );
    const organisations = await client.query(
      `INSERT INTO "Organisation" (id, "regionId", "municipalityId", name, kind, "updatedAt")
       SELECT organisation_id, region_id, municipality_id, 'Муниципальная библиотека № ' || i, 'LIBRARY', now()
       FROM national_centre`,
    );
    progress("host organisations", organisations.rowCount);

    const centreRows = await client.query(
      `INSERT INTO "Centre" (id, "hostOrganisationId", "regionId", "municipalityId", "settlementId", name, kinds,
         address, latitude, longitude, "accessibleMobility", workstations, printers, scanners,
         "signatureValidUntil", "lastVerifiedAt", "updatedAt")
       SELECT centre_id, organisation_id, region_id, municipality_id, settlement_id,
              'ЦОД № ' || i || ' (регион N' || lpad(region_n::text, 2, '0') || ')',
              (CASE WHEN random() < 0.4 THEN ARRAY['PUBLIC_ACCESS', 'LEGAL_INFO']
                    ELSE ARRAY['PUBLIC_ACCESS'] END)::"CentreKind"[],
              'Муниципальная библиотека № ' || i || ', ул. Центральная, д. ' || (1 + i % 50),
              45 + region_n % 17 + random(), 30 + region_n * 1.1 + random() * 2,
              random() < 0.5, 1 + floor(random() * 5)::int, 1, floor(random() * 2)::int,
              current_date + (floor(random() * 800) - 100)::int, now() - random() * interval '600 days', now()
       FROM national_centre`,
    );
    progress("centres", centreRows.rowCount);

    const services = await client.query(
      `INSERT INTO "Service" (id, name, level, "regionId", "socialSignificant", electronic, proactive,
         "needsExtraDocuments", "processingDays", "requiredDocuments", "updatedAt")
       SELECT gen_random_uuid(), 'Услуга № ' || s || ' (регион ' || r.code || ')',
              (CASE WHEN s % 3 = 0 THEN 'MUNICIPAL' ELSE 'REGIONAL' END)::"ServiceLevel", r.id,
              random() < 0.3, random() < 0.85, random() < 0.03, random() < 0.3, 1 + floor(random() * 30)::int,
              ARRAY['Паспорт гражданина РФ'], now()
       FROM generate_series(1, $1) AS s JOIN (${NATIONAL_REGIONS}) AS r ON r.n = (s - 1) % $2 + 1`,
      [SERVICES, REGIONS],
    );
    progress("services", services.rowCount);

    // Three distinct services of the centre's own region: offsets 0, 3 and 6 modulo the
    // region's service count (11 or 12).
    const links = await client.query(
      `INSERT INTO "CentreService" (id, "centreId", "serviceId", "helpKinds", "updatedAt")
       SELECT gen_random_uuid(), c.centre_id, sv.id,
              (CASE k WHEN 0 THEN ARRAY['CONSULTATION', 'ACCOUNT_REGISTRATION']
                      WHEN 1 THEN ARRAY['CONSULTATION', 'APPLICATION_FILLING']
                      ELSE ARRAY['STATUS_TRACKING', 'RESULT_PRINTING'] END)::"CentreHelpKind"[], now()
       FROM national_centre c CROSS JOIN generate_series(0, $1 - 1) AS k
       JOIN (SELECT s.id, s."regionId", row_number() OVER (PARTITION BY s."regionId" ORDER BY s.id) - 1 AS rn,
                    count(*) OVER (PARTITION BY s."regionId") AS cnt
             FROM "Service" s JOIN (${NATIONAL_REGIONS}) AS r ON r.id = s."regionId") AS sv
         ON sv."regionId" = c.region_id AND sv.rn = (c.i + k * 3) % sv.cnt`,
      [LINKS_PER_CENTRE],
    );
    progress("centre services", links.rowCount);

    // Monthly reports for the last `years` × 12 complete months, approved and published.
    const reports = await client.query(
      `INSERT INTO "Report" (id, "formId", scope, "municipalityId", "regionId", "periodStart", "periodEnd", status,
         "submittedAt", "approvedAt", published, "updatedAt")
       SELECT gen_random_uuid(), $1, 'MUNICIPALITY', m.id, m."regionId", p.start,
              (p.start + interval '1 month' - interval '1 day')::date, 'APPROVED',
              LEAST(p.start + interval '1 month 5 days', now()), LEAST(p.start + interval '1 month 12 days', now()),
              true, now()
       FROM "Municipality" m JOIN (${NATIONAL_REGIONS}) AS r ON r.id = m."regionId"
       CROSS JOIN (SELECT (date_trunc('month', current_date) - make_interval(months => g))::date AS start
                   FROM generate_series(1, $2 * 12) AS g) AS p`,
      [formId, years],
    );
    progress("reports", reports.rowCount);

    // OFFSET 0 keeps the inner query from being flattened, so each row's total is drawn
    // once and its rural part is taken from that same total.
    const values = await client.query(
      `INSERT INTO "ReportValue" (id, "reportId", "indicatorId", total, rural, "updatedAt")
       SELECT gen_random_uuid(), v.report_id, v.indicator_id, v.total,
              CASE WHEN v.split THEN floor(v.total * random() * 0.7)::int END, now()
       FROM (SELECT rp.id AS report_id, i.id AS indicator_id, i."hasRuralSplit" AS split,
                    w.minimum + floor(random() * w.spread)::int AS total
             FROM "Report" rp JOIN (${NATIONAL_REGIONS}) AS r ON r.id = rp."regionId"
             CROSS JOIN jsonb_to_recordset($2::jsonb) AS w(code text, spread int, minimum int)
             JOIN "ReportIndicator" i ON i."formId" = $1 AND i.code = w.code
             WHERE rp."formId" = $1 AND rp.scope = 'MUNICIPALITY'
             OFFSET 0) AS v`,
      [formId, JSON.stringify(VALUE_RANGES.map(([code, spread, minimum]) => ({ code, spread, minimum })))],
    );
    progress("report values", values.rowCount);

    await client.query("COMMIT");
    progress("committed");
    // Fresh statistics, so the first queries over the new rows get sensible plans.
    await client.query(
      `ANALYZE "Region", "Municipality", "Settlement", "Organisation", "Centre", "Service", "CentreService",
               "Report", "ReportValue"`,
    );
    progress("analysed");

    return {
      regions: regions.rowCount ?? 0,
      centres: centreRows.rowCount ?? 0,
      reports: reports.rowCount ?? 0,
      values: values.rowCount ?? 0,
      seconds: elapsed(),
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
