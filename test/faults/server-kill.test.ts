// The server process dies (SIGKILL: no shutdown hook runs) in the middle of writing: during
// the import of a 10,000-row spreadsheet, and during a report's approval (in the middle of
// the rollup trigger's work). Each kill is timed from PostgreSQL's side, so it lands inside
// the open transaction, not before or after it. Afterwards the report holds all of the file
// or none of it, its status, version, history and the rollup agree, and a new server process
// on the same database answers at once, with no manual repair.
import { randomInt } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../api/lib/embedded.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import {
  createDatabase,
  type Database,
  graphql,
  migrateAndSeed,
  type ServerProcess,
  signIn,
  sleep,
  startServer,
  tempDir,
  waitUntilAnswering,
} from "../load/stack.js";
import { controlCluster } from "./cluster.js";

const ROWS = 10_000;
const { dir: clusterDir, port: clusterPort } = inject("cluster");
const cluster = controlCluster(clusterDir, clusterPort);

type Headers = Record<string, string>;
interface Result<T> {
  __typename: string;
  message?: string;
  data?: T;
}

let database: Database;
let server: ServerProcess;
let port: number;
let dataDir: Awaited<ReturnType<typeof tempDir>>;
let pool: pg.Pool;
let curator: Headers;
let admin: Headers;
let formId: string;
let centres: string[];

async function start(): Promise<void> {
  server = await startServer({ databaseUrl: database.url, dataDir: dataDir.path, port });
}

beforeAll(async () => {
  database = await createDatabase(cluster.url, "faults_kill");
  await migrateAndSeed(database.url);
  dataDir = await tempDir("faults-kill");
  port = await freePort();
  await start();
  pool = new pg.Pool({ connectionString: database.url, max: 3 });
  curator = await signIn(server.url, "curator@dostup.local");
  admin = await signIn(server.url, "admin@dostup.local");
  // A form with 10,000 indicators, more than the API lets a form have (200), written
  // directly: the import path itself reads up to 20,000 rows.
  const form = await pool.query<{ id: string }>(
    `INSERT INTO "ReportForm" (id, code, name, periodicity, "dueDays", status, "updatedAt")
     VALUES (gen_random_uuid(), 'FAULT-BIG', 'Большая форма для проверки сбоев', 'ANNUAL', 30, 'ACTIVE', now()) RETURNING id`,
  );
  const rawFormId = form.rows[0]?.id ?? "";
  await pool.query(
    `INSERT INTO "ReportIndicator" (id, "formId", code, name, unit, "hasRuralSplit", position, "updatedAt")
     SELECT gen_random_uuid(), $1, 'B' || lpad(i::text, 5, '0'), 'Показатель ' || i, 'ед.', i % 3 = 0, i, now()
     FROM generate_series(1, $2::int) AS i`,
    [rawFormId, ROWS],
  );
  formId = toGlobalId("ReportForm", rawFormId);
  const rows = await pool.query<{ id: string }>(
    `SELECT c.id FROM "Centre" c JOIN "Region" r ON r.id = c."regionId"
     WHERE r.code = '18' AND c."archivedAt" IS NULL ORDER BY c.id LIMIT 3`,
  );
  centres = rows.rows.map((row) => toGlobalId("Centre", row.id));
});

afterAll(async () => {
  await server?.stop();
  await pool?.end();
  await database?.drop();
  await dataDir?.remove();
});

async function mutate<T>(name: string, input: object, headers: Headers, fields: string, timeoutMs = 120_000) {
  // Workflow steps take the shared VersionedInput; the rest an input named after them.
  const type = name === "submitReport" ? "VersionedInput" : `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
  const answer = await graphql<{ r: Result<T> }>(
    server.url,
    `mutation M($input: ${type}!) { r: ${name}(input: $input) { __typename ... on Error { message }
      ... on Mutation${name.charAt(0).toUpperCase()}${name.slice(1)}Success { data { ${fields} } } } }`,
    { input },
    headers,
    timeoutMs,
  );
  return answer;
}

async function ok<T>(name: string, input: object, headers: Headers, fields: string): Promise<T> {
  const answer = await mutate<T>(name, input, headers, fields);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.data?.r.__typename, JSON.stringify(answer.data)).toMatch(/Success$/);
  return answer.data?.r.data as T;
}

async function newReport(centre: string, year: number): Promise<{ id: string; version: number }> {
  return ok("createReport", { formId, centreId: centre, periodStart: `${year}-01-01` }, curator, "id version");
}

/** A filled-in template: every indicator, random totals, rural parts where split. */
function spreadsheet(year: number): { csv: string; values: Map<string, { total: number; rural: number | null }> } {
  const values = new Map<string, { total: number; rural: number | null }>();
  const lines = ["period_start,indicator_code,indicator_name,unit,total,rural"];
  for (let i = 1; i <= ROWS; i++) {
    const code = `B${String(i).padStart(5, "0")}`;
    const total = randomInt(0, 100_000);
    const rural = i % 3 === 0 ? randomInt(0, total + 1) : null;
    values.set(code, { total, rural });
    lines.push(`${year}-01-01,${code},Показатель ${i},ед.,${total},${rural ?? ""}`);
  }
  return { csv: `${lines.join("\n")}\n`, values };
}

function importInput(report: { id: string; version: number }, csv: string) {
  return { reportId: report.id, version: report.version, format: "CSV", content: Buffer.from(csv).toString("base64") };
}

async function valuesOf(reportId: string): Promise<Map<string, { total: number; rural: number | null }>> {
  const rows = await pool.query<{ code: string; total: number; rural: number | null }>(
    `SELECT i.code, v.total, v.rural FROM "ReportValue" v JOIN "ReportIndicator" i ON i.id = v."indicatorId"
     WHERE v."reportId" = $1`,
    [fromGlobalId("Report", reportId)],
  );
  return new Map(rows.rows.map((row) => [row.code, { total: row.total, rural: row.rural }]));
}

async function reportRow(reportId: string) {
  const { rows } = await pool.query<{ status: string; version: number; approvedAt: Date | null }>(
    `SELECT status, version, "approvedAt" FROM "Report" WHERE id = $1`,
    [fromGlobalId("Report", reportId)],
  );
  return rows[0];
}

/** Rollup rows that differ from a recomputation over approved and locked reports. */
async function rollupDifferences(): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`
    WITH expected AS (
      SELECT r."regionId", v."indicatorId", r."periodStart", r."periodEnd", r.scope, r.published,
             sum(v.total)::bigint AS total, sum(coalesce(v.rural, 0))::bigint AS rural,
             count(v.rural)::int AS "ruralCount", count(*)::int AS reports
      FROM "ReportValue" v JOIN "Report" r ON r.id = v."reportId"
      WHERE r.status IN ('APPROVED', 'LOCKED')
      GROUP BY 1, 2, 3, 4, 5, 6)
    SELECT count(*) AS n FROM expected e
    FULL JOIN "ReportRollup" t USING ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published)
    WHERE e.total IS DISTINCT FROM t.total OR e.rural IS DISTINCT FROM t.rural
       OR e."ruralCount" IS DISTINCT FROM t."ruralCount" OR e.reports IS DISTINCT FROM t.reports`);
  return Number(rows[0]?.n);
}

/** Waits (polling PostgreSQL) until `ready` finds the server's transaction where we want it. */
async function waitFor(what: string, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Backends of the app database other than ours that hold a transaction id (have written). */
async function writingBackends(): Promise<{ pid: number; state: string; wait: string | null; query: string }[]> {
  const { rows } = await pool.query<{ pid: number; state: string; wait: string | null; query: string }>(
    `SELECT pid, state, wait_event_type AS wait, left(query, 200) AS query FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
  );
  return rows;
}

async function killAndRestart(): Promise<number> {
  await server.kill9();
  // PostgreSQL notices the dead client and rolls its transaction back.
  await waitFor("the dead server's transaction to end", async () => (await writingBackends()).length === 0, 30_000);
  const started = Date.now();
  await start();
  await waitUntilAnswering(server.url, curator, 30_000);
  return Date.now() - started;
}

async function changeCount(reportId: string, action: string, note?: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM "ChangeLog" WHERE entity = 'Report' AND "entityId" = $1 AND action = $2::"ChangeAction"
     AND ($3::text IS NULL OR changes -> '_note' ? $3)`,
    [fromGlobalId("Report", reportId), action, note ?? null],
  );
  return Number(rows[0]?.n);
}

describe("kill -9 during a spreadsheet import", () => {
  it("applies all of the file or none of it, and a new process finishes the import", async () => {
    const report = await newReport(centres[0] ?? "", 2095);
    // Some values before the import: "none of the file" must mean exactly these.
    const before = await ok<{ version: number }>(
      "setReportValues",
      {
        id: report.id,
        version: report.version,
        values: [
          { indicatorCode: "B00001", total: 11 },
          { indicatorCode: "B00002", total: 22 },
          { indicatorCode: "B00003", total: 33, rural: 3 },
        ],
      },
      curator,
      "version",
    );
    const previous = await valuesOf(report.id);
    const file = spreadsheet(2095);

    // Hold one of the report's value rows, so the import's bulk write stops on it: the
    // report's version is bumped and part of the values written, none of it committed.
    const holder = await pool.connect();
    let importing: ReturnType<typeof mutate> | null = null;
    try {
      await holder.query("BEGIN");
      await holder.query(
        `SELECT 1 FROM "ReportValue" v JOIN "ReportIndicator" i ON i.id = v."indicatorId"
         WHERE v."reportId" = $1 AND i.code = 'B00002' FOR UPDATE OF v`,
        [fromGlobalId("Report", report.id)],
      );
      importing = mutate(
        "importReportValues",
        importInput({ id: report.id, version: before.version }, file.csv),
        curator,
        "id status rowCount",
      );
      await waitFor("the import to block inside its transaction", async () =>
        (await writingBackends()).some((backend) => backend.wait === "Lock"),
      );
      await server.kill9();
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
    const restartMs = await killAndRestart();
    const answer = await importing;
    expect(answer?.status, "the client saw the connection drop").toBe(0);

    expect(await reportRow(report.id)).toMatchObject({ status: "DRAFT", version: before.version });
    expect(await valuesOf(report.id)).toEqual(previous);
    const batches = await pool.query(`SELECT status FROM "ImportBatch" WHERE "reportId" = $1`, [
      fromGlobalId("Report", report.id),
    ]);
    expect(batches.rows).toEqual([]);
    expect(await changeCount(report.id, "UPDATE", "importBatchId")).toBe(0);

    // The same request again, to the new process: all rows applied, one batch, one history entry.
    const batch = await ok<{ status: string; rowCount: number }>(
      "importReportValues",
      importInput({ id: report.id, version: before.version }, file.csv),
      curator,
      "id status rowCount",
    );
    expect(batch).toMatchObject({ status: "SUCCEEDED", rowCount: ROWS });
    expect(await valuesOf(report.id)).toEqual(file.values);
    expect(await reportRow(report.id)).toMatchObject({ status: "DRAFT", version: before.version + 1 });
    expect(await changeCount(report.id, "UPDATE", "importBatchId")).toBe(1);
    process.stdout.write(`import: killed mid-transaction, new process answering ${restartMs} ms after the kill\n`);
  });
});

describe("kill -9 during report approval", () => {
  it("leaves the report submitted with its values and the rollup exact, and approval then succeeds", async () => {
    // Another centre's approved report of the same form and period: its rollup rows are the
    // ones the approval below must add to, and one of them is held locked to stop it midway.
    const other = await newReport(centres[1] ?? "", 2096);
    const otherFile = spreadsheet(2096);
    await ok("importReportValues", importInput(other, otherFile.csv), curator, "id");
    const otherSubmitted = await ok<{ version: number }>(
      "submitReport",
      { id: other.id, version: other.version + 1 },
      curator,
      "version",
    );
    await ok("approveReport", { id: other.id, version: otherSubmitted.version }, admin, "status");

    const report = await newReport(centres[0] ?? "", 2096);
    const file = spreadsheet(2096);
    await ok("importReportValues", importInput(report, file.csv), curator, "id");
    const submitted = await ok<{ version: number }>(
      "submitReport",
      { id: report.id, version: report.version + 1 },
      curator,
      "version",
    );
    expect(await rollupDifferences()).toBe(0);

    // Hold one rollup row in the middle of the form, so the approval's trigger stops there.
    const holder = await pool.connect();
    let approving: ReturnType<typeof mutate> | null = null;
    try {
      await holder.query("BEGIN");
      await holder.query(
        `SELECT 1 FROM "ReportRollup" t JOIN "ReportIndicator" i ON i.id = t."indicatorId"
         WHERE i."formId" = $1 AND i.code = 'B05000' AND t."periodStart" = '2096-01-01' FOR UPDATE OF t`,
        [fromGlobalId("ReportForm", formId)],
      );
      approving = mutate("approveReport", { id: report.id, version: submitted.version }, admin, "status");
      // The approval has changed the report and waits on the held row: mid-transaction.
      await waitFor("the approval to block inside its transaction", async () =>
        (await writingBackends()).some((backend) => backend.wait === "Lock"),
      );
      await server.kill9();
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
    await waitFor("the dead server's transaction to end", async () => (await writingBackends()).length === 0, 30_000);
    const answer = await approving;
    expect(answer?.status, "the client saw the connection drop").toBe(0);

    expect(await reportRow(report.id)).toMatchObject({
      status: "SUBMITTED",
      version: submitted.version,
      approvedAt: null,
    });
    expect((await valuesOf(report.id)).size).toBe(ROWS);
    expect(await valuesOf(report.id)).toEqual(file.values);
    expect(await changeCount(report.id, "TRANSITION")).toBe(1); // the submission only
    expect(await rollupDifferences()).toBe(0);

    const started = Date.now();
    await start();
    await waitUntilAnswering(server.url, admin, 30_000);
    const restartMs = Date.now() - started;
    const approved = await ok<{ status: string }>(
      "approveReport",
      { id: report.id, version: submitted.version },
      admin,
      "status",
    );
    expect(approved.status).toBe("APPROVED");
    expect(await reportRow(report.id)).toMatchObject({ status: "APPROVED", version: submitted.version + 1 });
    expect(await valuesOf(report.id)).toEqual(file.values);
    expect(await changeCount(report.id, "TRANSITION")).toBe(2);
    expect(await rollupDifferences()).toBe(0);
    // And the rollup now counts both centres' reports for the held indicator.
    const { rows } = await pool.query<{ reports: number; total: string }>(
      `SELECT t.reports, t.total FROM "ReportRollup" t JOIN "ReportIndicator" i ON i.id = t."indicatorId"
       WHERE i."formId" = $1 AND i.code = 'B05000' AND t."periodStart" = '2096-01-01'`,
      [fromGlobalId("ReportForm", formId)],
    );
    const expectedTotal = (file.values.get("B05000")?.total ?? 0) + (otherFile.values.get("B05000")?.total ?? 0);
    expect(rows).toEqual([{ reports: 2, total: String(expectedTotal) }]);
    process.stdout.write(`approval: killed mid-transaction, new process answering ${restartMs} ms after start\n`);
  });
});
