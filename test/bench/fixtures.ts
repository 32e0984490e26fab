// What the bench's requests need, written straight into the national data set: tokens with
// sessions, a partner key, ids to rotate over, DRAFT reports to write, a 10,000-indicator form.
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import type { Indicator } from "./operations.js";
import { IMPORT_ROWS } from "./options.js";

export interface Fixtures {
  admin: Record<string, string>;
  operator: Record<string, string>;
  partner: Record<string, string>;
  adminUserId: string;
  centreIds: string[];
  /** More centres than the partner response cache holds (1,000), so rotating over them never hits it. */
  manyCentreIds: string[];
  nationalRegionIds: string[];
  n01: string;
  formId: string;
  indicators: Indicator[];
  near: { serviceId: string; latitude: number; longitude: number };
  drafts: { id: string; version: number }[];
  countDraft: { id: string; version: number };
  importReports: { id: string; version: number; periodStart: Date }[];
  importIndicators: { id: string; code: string; name: string; unit: string; hasRuralSplit: boolean }[];
}

export async function fixtures(
  db: pg.Client,
  toGlobalId: (type: string, id: string) => string,
  sign: (userId: string) => Promise<string>,
): Promise<Fixtures> {
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
    const result = await db.query(sql, params);
    if (!result.rows[0]) throw new Error(`no row for ${sql}`);
    return result.rows[0] as T;
  };
  const admin = await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@dostup.local'`);
  const operator = await one<{ id: string; centreId: string; regionId: string }>(
    `SELECT u.id, u."centreId", c."regionId" FROM "User" u JOIN "Centre" c ON c.id = u."centreId"
     WHERE u.email = 'operator@dostup.local'`,
  );
  const key = `dsp_bench_${randomBytes(24).toString("base64url")}`;
  // A limit no load step reaches: the bench measures the partner path, counting included,
  // never its 429s.
  await db.query(
    `INSERT INTO "ApiClient" (id, name, "keyPrefix", "keyHash", scopes, "rateLimitPerMinute", "updatedAt")
     VALUES (gen_random_uuid(), 'Бенчмарк', $1, $2, ARRAY['registry:read', 'statistics:read'], 1000000000, now())`,
    [key.slice(0, 12), createHash("sha256").update(key).digest("hex")],
  );
  const centreIds = (
    await db.query<{ id: string }>(
      `SELECT c.id FROM "Centre" c JOIN "Region" r ON r.id = c."regionId"
       WHERE r.code ~ '^N[0-9]{2}$' AND c."archivedAt" IS NULL ORDER BY c.id LIMIT 500`,
    )
  ).rows.map((r) => toGlobalId("Centre", r.id));
  if (centreIds.length === 0) throw new Error("the national data set has no centres");
  const manyCentreIds = (
    await db.query<{ id: string }>(
      `SELECT id FROM "Centre" WHERE "archivedAt" IS NULL AND status IN ('ACTIVE', 'TEMPORARILY_CLOSED') ORDER BY id LIMIT 5000`,
    )
  ).rows.map((r) => toGlobalId("Centre", r.id));
  const regions = (
    await db.query<{ id: string }>(
      `SELECT r.id FROM "Region" r WHERE r.code ~ '^N[0-9]{2}$'
       AND EXISTS (SELECT 1 FROM "Centre" c WHERE c."regionId" = r.id) ORDER BY r.code`,
    )
  ).rows.map((r) => toGlobalId("Region", r.id));
  const n01 = regions[0] ?? "";
  const form = await one<{ id: string }>(
    `SELECT id FROM "ReportForm" WHERE code = 'COD_MONTHLY' ORDER BY revision DESC LIMIT 1`,
  );
  const indicators = (
    await db.query<Indicator>(
      `SELECT code, "hasRuralSplit" FROM "ReportIndicator" WHERE "formId" = $1 ORDER BY position`,
      [form.id],
    )
  ).rows;
  // A national service, and a point where one of its centres stands.
  const near = await one<{ serviceId: string; latitude: number; longitude: number }>(
    `SELECT cs."serviceId", c.latitude, c.longitude FROM "CentreService" cs JOIN "Centre" c ON c.id = cs."centreId"
     JOIN "Region" r ON r.id = c."regionId" WHERE r.code ~ '^N[0-9]{2}$' AND c.latitude IS NOT NULL
     ORDER BY c.id LIMIT 1`,
  );

  // DRAFT reports of the operator's centre on periods no other report has (the 22nd century),
  // so setReportValues writes real rows of a real reporter's reports.
  const draft = async (formId: string, monthsAhead: number) =>
    one<{ id: string; version: number; periodStart: Date }>(
      `INSERT INTO "Report" (id, "formId", scope, "centreId", "regionId", "periodStart", "periodEnd", status, "updatedAt")
       VALUES (gen_random_uuid(), $1, 'CENTRE', $2, $3, make_date(2100, 1, 1) + make_interval(months => $4),
               make_date(2100, 1, 1) + make_interval(months => $4 + 1) - interval '1 day', 'DRAFT', now())
       RETURNING id, version, "periodStart"`,
      [formId, operator.centreId, operator.regionId, monthsAhead],
    );
  const drafts: { id: string; version: number }[] = [];
  for (let i = 0; i < 64; i++) {
    const row = await draft(form.id, i);
    drafts.push({ id: toGlobalId("Report", row.id), version: row.version });
  }
  const countRow = await draft(form.id, 100);

  // The import: no form of the API has 10,000 indicators (a form has at most 200), and the
  // importer reads one row per indicator, so the honest 10,000-row file is a filled-in
  // template of a form with 10,000 indicators, inserted here as the API's own validation
  // would not create it. Every row is read, checked and written as one report value.
  const bigForm = await one<{ id: string }>(
    `INSERT INTO "ReportForm" (id, code, revision, name, periodicity, "dueDays", "updatedAt")
     VALUES (gen_random_uuid(), 'BENCH_10K', 1, 'Бенчмарк: 10 000 показателей', 'MONTHLY', 15, now()) RETURNING id`,
  );
  await db.query(
    `INSERT INTO "ReportIndicator" (id, "formId", code, name, unit, "hasRuralSplit", category, position, "updatedAt")
     SELECT gen_random_uuid(), $1, 'B' || lpad(n::text, 5, '0'), 'Показатель № ' || n, 'чел.', n % 2 = 0, 'BENCH', n, now()
     FROM generate_series(1, $2) AS n`,
    [bigForm.id, IMPORT_ROWS],
  );
  const importIndicators = (
    await db.query(
      `SELECT id, code, name, unit, "hasRuralSplit" FROM "ReportIndicator" WHERE "formId" = $1 ORDER BY position`,
      [bigForm.id],
    )
  ).rows;
  const importReports = [];
  for (let i = 0; i < 3; i++) {
    const row = await draft(bigForm.id, 200 + i);
    importReports.push({ id: toGlobalId("Report", row.id), version: row.version, periodStart: row.periodStart });
  }
  await db.query(`ANALYZE "Report", "ReportIndicator", "ReportValue"`);

  return {
    admin: { authorization: `Bearer ${await sign(admin.id)}` },
    operator: { authorization: `Bearer ${await sign(operator.id)}` },
    partner: { "x-api-key": key },
    adminUserId: admin.id,
    centreIds,
    manyCentreIds,
    nationalRegionIds: regions,
    n01,
    formId: toGlobalId("ReportForm", form.id),
    indicators,
    near: { serviceId: toGlobalId("Service", near.serviceId), latitude: near.latitude, longitude: near.longitude },
    drafts,
    countDraft: { id: toGlobalId("Report", countRow.id), version: countRow.version },
    importReports,
    importIndicators,
  };
}
