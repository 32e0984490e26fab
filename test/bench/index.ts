// `npm run bench [-- --quick] [-- --embedded] [-- --keep] [-- --centres N] [-- --years N]
//   [-- --skip-analytics] [-- --skip-cold-start]`
//
// The figures of issue 7 against their goals. On a throw-away database of the real PostgreSQL
// (BENCH_DATABASE_URL or DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres;
// or, with --embedded, PGlite in a temp folder) it loads the national data set with the seed
// CLI, starts api/server.ts as its own process (so autocannon never shares its event loop)
// and measures: the standard operations with autocannon at 1, 10 and 50 connections; SQL
// statements per request through a counting proxy in front of the database, read by a second
// server process; the Lambda bundle's size and cold start; a 10,000-row spreadsheet import;
// the analytics queries (test/bench/analytics.ts). Prints a table and writes .bench/*.json.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { ANALYTICS_P50, ANALYTICS_P95, type AnalyticsResult, runAnalytics } from "./analytics.js";
import { coldRun, graphqlEvent, lambdaNode, packageFunctions, prepareBundle } from "./cold-start.js";
import { type Indicator, M1, problemOf, Q1, Q2, Q3, Q4, reportValues } from "./operations.js";
import { type CountingProxy, startCountingProxy } from "./pg-proxy.js";
import {
  cleanEnv,
  cpuTicks,
  freePort,
  memoryOf,
  root,
  runTs,
  type ServerProcess,
  startServer,
  waitIdle,
} from "./processes.js";
import { type LoadFigure, type Row, type SqlFigure, targetRows } from "./targets.js";

// ── Options ──

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
function numberOption(name: string): number | undefined {
  const index = argv.indexOf(name);
  if (index < 0) return undefined;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}
const KNOWN = new Set([
  "--quick",
  "--embedded",
  "--keep",
  "--skip-analytics",
  "--skip-cold-start",
  "--centres",
  "--years",
]);
for (const [i, arg] of argv.entries()) {
  if (!KNOWN.has(arg) && !["--centres", "--years"].includes(argv[i - 1] ?? "")) {
    throw new Error(`unknown argument ${arg}; see the head of test/bench/index.ts`);
  }
}
const quick = flag("--quick");
const embedded = flag("--embedded");
const keep = flag("--keep");
/** PGlite takes minutes for the full national set; the embedded default is a tenth of it. */
const centres = numberOption("--centres") ?? (embedded ? 1_000 : undefined);
const years = numberOption("--years") ?? (embedded ? 1 : undefined);
const DURATION_S = quick ? 3 : 10;
const WARMUP_S = quick ? 1 : 3;
const CONNECTIONS = [1, 10, 50] as const;
const COLD_RUNS = 10;
const COUNT_SAMPLES = 3;
const IMPORT_ROWS = 10_000;

const GOALS = {
  q2P99Ms: 50,
  /** Issue 12: p50 at most 400 ms (300 the aim). */
  coldStartP50Ms: 400,
  zipBytes: 2 * 1024 * 1024,
  importMs: 3000,
};

const print = (line = "") => process.stdout.write(`${line}\n`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

// ── Small helpers ──

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function gql<T = Record<string, unknown>>(
  endpoint: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const problem = problemOf(text);
  if (problem || !response.ok) throw new Error(`HTTP ${response.status}: ${problem ?? text.slice(0, 300)}`);
  return (JSON.parse(text) as { data: T }).data;
}

// ── Types of the figures ──

// ── The run ──

interface Fixtures {
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

async function fixtures(
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

/** One operation as autocannon requests, built per request (ids rotate, versions follow). */
interface Operation {
  name: string;
  description: string;
  headers: Record<string, string>;
  /** The body of the next request; `release` is called with the answer. */
  next(): { body: string; release?: (body: string) => void };
  /** Called between runs, once the server has finished what the last run left in flight. */
  settle?: () => Promise<void>;
}

/** The versions of the DRAFT reports as stored, once two reads 300 ms apart agree. */
async function storedVersions(db: pg.Client, ids: string[]): Promise<Map<string, number>> {
  const read = async () =>
    new Map(
      (
        await db.query<{ id: string; version: number }>(
          `SELECT id::text, version FROM "Report" WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      ).rows.map((r) => [r.id, r.version]),
    );
  let last = await read();
  for (let i = 0; i < 100; i++) {
    await new Promise((done) => setTimeout(done, 300));
    const now = await read();
    if ([...now].every(([id, version]) => last.get(id) === version)) return now;
    last = now;
  }
  throw new Error("the DRAFT reports' versions did not settle");
}

function operations(f: Fixtures, db: pg.Client, fromGlobalId: (type: string, id: string) => string): Operation[] {
  let q1 = 0;
  let q1partner = 0;
  let q4 = 0;
  let seed = 0;
  const free = [...f.drafts];
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  return [
    {
      name: "Q1",
      description: "a centre by id (node), 16 fields, ids rotating over 500 national centres",
      headers: f.admin,
      next: () => ({ body: body(Q1, { id: f.centreIds[q1++ % f.centreIds.length] }) }),
    },
    {
      name: "Q1 partner",
      description: `Q1 with a partner API key, ids rotating over ${f.manyCentreIds.length} centres (more than the response cache holds: every request a miss)`,
      headers: f.partner,
      next: () => ({ body: body(Q1, { id: f.manyCentreIds[q1partner++ % f.manyCentreIds.length] }) }),
    },
    {
      name: "Q2",
      description: "centres(first: 50) with host, settlement→municipality→region, curators, services",
      headers: f.admin,
      next: () => ({ body: body(Q2, { first: 50 }) }),
    },
    {
      name: "Q3",
      description: "services(first: 5) → centres(first: 10) → services, regions rotating",
      headers: f.admin,
      next: () => ({ body: body(Q3, { regionId: f.nationalRegionIds[q1++ % f.nationalRegionIds.length] }) }),
    },
    {
      name: "Q4",
      description:
        "centresNear (partner API key): 20 nearest within 100 km helping with a service, a point a few metres on each request (never a cache hit)",
      headers: f.partner,
      next: () => ({ body: body(Q4, nearVariables(f, q4++)) }),
    },
    {
      name: "M1",
      description: `setReportValues as the operator: all ${f.indicators.length} values of a DRAFT report, new numbers each time`,
      headers: f.operator,
      // One report per request in flight (a pool larger than the connections): each write is
      // a real, successful change on the report's current version, not a conflict.
      next: () => {
        const report = free.shift() ?? f.drafts[0];
        if (!report) throw new Error("no DRAFT report");
        seed += 1;
        return {
          body: body(M1, {
            input: { id: report.id, version: report.version, values: reportValues(f.indicators, seed) },
          }),
          release: (answer: string) => {
            const version = /"version":(\d+)/.exec(answer)?.[1];
            if (version) report.version = Number(version);
            if (!free.includes(report)) free.push(report);
          },
        };
      },
      // A run ends with requests in flight whose answers never come back (they may or may not
      // have been applied): take every report's version from the database before the next run.
      settle: async () => {
        const versions = await storedVersions(
          db,
          f.drafts.map((d) => fromGlobalId("Report", d.id)),
        );
        for (const draft of f.drafts) draft.version = versions.get(fromGlobalId("Report", draft.id)) ?? draft.version;
        free.splice(0, free.length, ...f.drafts);
      },
    },
    {
      name: "cache hit",
      description:
        "a partner's repeated published read: Q1 of one centre with the partner key, answered from the response cache",
      headers: f.partner,
      next: () => ({ body: body(Q1, { id: f.centreIds[0] }) }),
    },
  ];
}

/** Q4's variables: the point moves north by ~1 cm per request, so no two requests share a cache entry. */
function nearVariables(f: Fixtures, n: number) {
  return { s: f.near.serviceId, lat: f.near.latitude + n * 1e-7, lon: f.near.longitude };
}

async function load(endpoint: string, serverPid: number, operation: Operation, connections: number, duration: number) {
  const ticksBefore = await cpuTicks(serverPid);
  const latencies: number[] = [];
  let failedAnswers = 0;
  let firstProblem: string | null = null;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((done, reject) => {
    finish = done;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: endpoint,
      connections,
      duration,
      pipelining: 1,
      timeout: 30,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json", ...operation.headers },
          setupRequest: (request, context) => {
            const next = operation.next();
            (context as { release?: (body: string) => void }).release = next.release;
            return { ...request, body: next.body };
          },
          onResponse: (_status, body, context) => {
            (context as { release?: (body: string) => void }).release?.(body);
            const problem = problemOf(body);
            if (problem) {
              failedAnswers += 1;
              firstProblem ??= problem;
            }
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (...args: unknown[]) => {
    // autocannon emits (client, statusCode, resBytes, responseTime); its types omit the client.
    latencies.push(Number(args[3]));
  });
  const result = await finished;
  // Ticks are 10 ms; what the server still does for dropped requests after the deadline is
  // not counted, as those requests are not either.
  const serverCpuMs = latencies.length
    ? (((await cpuTicks(serverPid)) - ticksBefore) * 10) / latencies.length
    : Number.NaN;
  latencies.sort((a, b) => a - b);
  return {
    figure: {
      operation: operation.name,
      connections,
      requests: latencies.length,
      reqPerSec: latencies.length / duration,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      failedAnswers,
      serverCpuMs,
    } satisfies LoadFigure,
    firstProblem,
  };
}

async function countStatements(
  endpoint: string,
  proxy: CountingProxy,
  name: string,
  headers: Record<string, string>,
  next: () => string,
): Promise<SqlFigure> {
  const send = async () => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: next(),
    });
    const text = await response.text();
    const problem = problemOf(text);
    if (problem) throw new Error(`${name}: ${problem}`);
  };
  await send();
  const counts: { data: number; overhead: number }[] = [];
  const requestMs: number[] = [];
  const sqlMs: number[] = [];
  let statements: SqlFigure["statements"] = [];
  for (let i = 0; i < COUNT_SAMPLES; i++) {
    proxy.reset();
    const started = performance.now();
    await send();
    requestMs.push(performance.now() - started);
    sqlMs.push(proxy.statements.reduce((sum, s) => sum + (Number.isNaN(s.ms) ? 0 : s.ms), 0));
    counts.push({
      data: proxy.statements.filter((s) => !s.overhead).length,
      overhead: proxy.statements.filter((s) => s.overhead).length,
    });
    statements = proxy.statements.map((s) => ({
      ms: Math.round(s.ms * 10) / 10,
      text: `${s.overhead ? "[tx] " : ""}${s.text.replace(/\s+/g, " ").trim().slice(0, 160)}`,
    }));
  }
  // Requests alike cost alike, except that a partner key takes a new lease of its rate limit when
  // a minute's window turns (one statement a minute, not a request's): the fewest is the request's.
  const fewest = Math.min(...counts.map((c) => c.data + c.overhead));
  const first = counts.find((c) => c.data + c.overhead === fewest) ?? { data: Number.NaN, overhead: Number.NaN };
  if (counts.some((c) => c.data + c.overhead > fewest + 1)) {
    throw new Error(`${name}: statement counts differ between like requests: ${JSON.stringify(counts)}`);
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  return {
    operation: name,
    data: first.data,
    overhead: first.overhead,
    requestMs: median(requestMs),
    sqlMs: median(sqlMs),
    statements,
  };
}

async function importSpreadsheet(
  endpoint: string,
  f: Fixtures,
  report: Fixtures["importReports"][number],
  format: "XLSX" | "CSV",
  beforeImport: () => void = () => {},
) {
  const { templateLayout } = await import("../../api/modules/spreadsheets/report-sheet.js");
  const { CONTENT_TYPES, EXTENSIONS, writeSheet } = await import("../../api/modules/spreadsheets/sheet-files.js");
  const values = new Map(
    f.importIndicators.map((indicator, i) => [
      indicator.id,
      { total: 100 + (i % 900), rural: indicator.hasRuralSplit ? i % 100 : null },
    ]),
  );
  const bytes = await writeSheet(format, templateLayout(f.importIndicators, report.periodStart, values));
  // The upload accepts the bare media type; the charset is the download's.
  const contentType = CONTENT_TYPES[format].split(";")[0] ?? "";
  const started = performance.now();
  const requested = await gql<{
    requestFileUpload: {
      data: { file: { id: string }; upload: { url: string; fields: { name: string; value: string }[] } };
    };
  }>(
    endpoint,
    f.operator,
    `mutation R($input: RequestFileUploadInput!) { requestFileUpload(input: $input) {
      ... on MutationRequestFileUploadSuccess { data { file { id } upload { url fields { name value } } } }
      ... on Error { message } } }`,
    {
      input: {
        purpose: "REPORT",
        reportId: report.id,
        fileName: `bench-${IMPORT_ROWS}.${EXTENSIONS[format]}`,
        contentType,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    },
  );
  const form = requested.requestFileUpload.data;
  if (!form) throw new Error(`requestFileUpload: ${JSON.stringify(requested)}`);
  const data = new FormData();
  for (const field of form.upload.fields) data.append(field.name, field.value);
  data.append("file", new Blob([new Uint8Array(bytes)], { type: contentType }), "file");
  const posted = await fetch(form.upload.url, { method: "POST", body: data });
  if (posted.status >= 300) throw new Error(`upload POST: HTTP ${posted.status} ${await posted.text()}`);
  const confirmed = await gql<{ confirmFileUpload: { data?: { status: string } } }>(
    endpoint,
    f.operator,
    `mutation C($input: ConfirmFileUploadInput!) { confirmFileUpload(input: $input) {
      ... on MutationConfirmFileUploadSuccess { data { status } } ... on Error { message } } }`,
    { input: { fileId: form.file.id } },
  );
  if (confirmed.confirmFileUpload.data?.status !== "AVAILABLE") {
    throw new Error(`confirmFileUpload: ${JSON.stringify(confirmed)}`);
  }
  const uploadedMs = performance.now() - started;
  beforeImport();
  const importStarted = performance.now();
  const imported = await gql<{
    importReportValues: { data?: { status: string; rowCount: number; errors: { reason: string }[] } };
  }>(
    endpoint,
    f.operator,
    `mutation I($input: ImportReportValuesInput!) { importReportValues(input: $input) {
      ... on MutationImportReportValuesSuccess { data { status rowCount errors { line reason } } }
      ... on Error { message } } }`,
    { input: { reportId: report.id, version: report.version, fileId: form.file.id, format } },
  );
  const importMs = performance.now() - importStarted;
  const batch = imported.importReportValues.data;
  if (batch?.status !== "SUCCEEDED" || batch.rowCount !== IMPORT_ROWS) {
    throw new Error(`importReportValues: ${JSON.stringify(imported).slice(0, 1000)}`);
  }
  return { format, bytes: bytes.length, rows: batch.rowCount, uploadMs: uploadedMs, importMs };
}

function renderTable(rows: Row[]): string {
  const head = ["figure", "value", "goal", "result"];
  const cells = [head, ...rows.map((r) => [r.figure, r.value, r.goal, r.status])];
  const widths = head.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join(" | ")
      .trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.slice(1).map(line)].join("\n");
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const adminUrl =
    process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const dbName = `dostup_bench_${process.pid}_${Date.now().toString(36)}`;
  const tmp = await mkdtemp(join(tmpdir(), "dostup-bench-"));
  const dataDir = join(tmp, "data");
  const jwtSecret = randomBytes(32).toString("hex");
  const bucket = "dostup-bench";
  const servers: ServerProcess[] = [];
  let proxy: CountingProxy | undefined;
  let admin: pg.Client | undefined;
  const clients: pg.Client[] = [];
  let created = false;
  const notes: string[] = [];
  const rows: Row[] = [];
  const json: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    options: { quick, embedded, centres: centres ?? 10_000, years: years ?? 10, durationS: DURATION_S },
  };

  try {
    // ── Database and national data ──
    let databaseUrl: string | undefined;
    const pglitePort = await freePort();
    if (embedded) {
      print(`database: embedded PGlite in ${dataDir}`);
    } else {
      admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${dbName}"`);
      created = true;
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      databaseUrl = url.toString();
      print(`database: ${dbName} on ${adminUrl.replace(/\/\/[^@]*@/, "//***@")}`);
    }
    const common = {
      S3_BUCKET: bucket,
      JWT_SECRET: jwtSecret,
      DOSTUP_DATA_DIR: dataDir,
      PGLITE_PORT: String(pglitePort),
      LOG_LEVEL: "warn",
    };
    const seedArgs = ["--scale", "national"];
    if (centres) seedArgs.push("--centres", String(centres));
    if (years) seedArgs.push("--years", String(years));
    if (embedded) {
      notes.push(
        `--embedded: national data set reduced to ${centres ?? 10_000} centres and ${years ?? 10} years (PGlite); figures are not comparable with real PostgreSQL`,
      );
    }
    let t0 = performance.now();
    print(`seeding: prisma/seed/index.ts ${seedArgs.join(" ")}`);
    await runTs(
      "prisma/seed/index.ts",
      seedArgs,
      cleanEnv({ ...common, DATABASE_URL: databaseUrl }),
      print,
      20 * 60_000,
    );
    json.seedSeconds = Number(seconds(t0));
    print(`seeded in ${seconds(t0)} s`);

    // ── The server under load, and a second one behind the counting proxy ──
    const port = await freePort();
    const s3Port = await freePort();
    t0 = performance.now();
    const server = await startServer(
      cleanEnv({
        ...common,
        NODE_ENV: "production",
        DOSTUP_DEMO: "off",
        PORT: String(port),
        S3RVER_PORT: String(s3Port),
        DATABASE_URL: databaseUrl,
      }),
    );
    servers.push(server);
    print(`server: pid ${server.pid}, ${server.endpoint} (NODE_ENV=production), ready in ${seconds(t0)} s`);
    const s3Endpoint = server.output.map((l) => /^\s+S3\s+(\S+)/.exec(l)?.[1]).find(Boolean);
    if (!s3Endpoint) throw new Error(`no S3 endpoint in the server's output:\n${server.output.join("\n")}`);
    const directUrl = databaseUrl ?? `postgresql://postgres@127.0.0.1:${pglitePort}/postgres`;
    const target = new URL(directUrl);
    proxy = await startCountingProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(directUrl);
    proxied.port = String(proxy.port);
    const countPort = await freePort();
    const counter = await startServer(
      cleanEnv({
        ...common,
        NODE_ENV: "production",
        DOSTUP_DEMO: "off",
        PORT: String(countPort),
        DATABASE_URL: proxied.toString(),
        S3_ENDPOINT: s3Endpoint,
        // PGlite serves one session: one connection, used only while the other server is idle.
        ...(embedded ? { DATABASE_POOL_SIZE: "1" } : {}),
      }),
    );
    servers.push(counter);

    // ── Fixtures, written directly (ids, DRAFT reports, a partner key) ──
    process.env.DATABASE_URL = directUrl;
    process.env.S3_BUCKET = bucket;
    process.env.JWT_SECRET = jwtSecret;
    process.env.LOG_LEVEL = "warn";
    delete process.env.NODE_ENV;
    const { signAccessToken } = await import("../../api/lib/auth.js");
    const { toGlobalId } = await import("../../api/lib/ids.js");
    const { fromGlobalId } = await import("../../api/lib/ids.js");
    const db = new pg.Client({ connectionString: directUrl });
    await db.connect();
    clients.push(db);
    // A session per token, as a sign-in makes: the server checks it on every request.
    const sign = async (userId: string) => {
      const expiresAt = new Date(Date.now() + 24 * 3600 * 1000);
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO "UserSession" (id, "userId", "expiresAt") VALUES (gen_random_uuid(), $1, $2) RETURNING id`,
        [userId, expiresAt],
      );
      return signAccessToken({ userId, sessionId: rows[0]?.id ?? "" }, expiresAt);
    };
    const f = await fixtures(db, toGlobalId, sign);

    // ── SQL statements per request ──
    print("SQL statements per request (counting proxy; data statements + transaction overhead):");
    const ops = operations(f, db, fromGlobalId);
    const sql: SqlFigure[] = [];
    const countBody = (query: string, variables: Record<string, unknown>) => () => JSON.stringify({ query, variables });
    for (const first of [10, 50, 100]) {
      sql.push(await countStatements(counter.endpoint, proxy, `Q2 first: ${first}`, f.admin, countBody(Q2, { first })));
    }
    sql.push(await countStatements(counter.endpoint, proxy, "Q1", f.admin, countBody(Q1, { id: f.centreIds[0] })));
    sql.push(
      await countStatements(
        counter.endpoint,
        proxy,
        "Q3",
        f.admin,
        countBody(Q3, { regionId: f.nationalRegionIds[0] }),
      ),
    );
    let countQ4 = 1_000_000;
    sql.push(
      await countStatements(counter.endpoint, proxy, "Q4", f.partner, () =>
        JSON.stringify({ query: Q4, variables: nearVariables(f, countQ4++) }),
      ),
    );
    let countQ1 = 0;
    sql.push(
      await countStatements(counter.endpoint, proxy, "Q1 partner", f.partner, () =>
        JSON.stringify({ query: Q1, variables: { id: f.manyCentreIds[countQ1++ % f.manyCentreIds.length] } }),
      ),
    );
    sql.push(
      await countStatements(counter.endpoint, proxy, "cache hit", f.partner, countBody(Q1, { id: f.centreIds[0] })),
    );
    let countSeed = 1_000_000;
    const countDraft = f.countDraft;
    sql.push(
      await countStatements(counter.endpoint, proxy, "M1", f.operator, () => {
        countSeed += 1;
        return JSON.stringify({
          query: M1,
          variables: {
            input: { id: countDraft.id, version: countDraft.version++, values: reportValues(f.indicators, countSeed) },
          },
        });
      }),
    );
    for (const s of sql) {
      print(
        `  ${s.operation.padEnd(14)} ${s.data} data + ${s.overhead} overhead; ` +
          `request ${s.requestMs.toFixed(1)} ms, of which SQL ${s.sqlMs.toFixed(1)} ms`,
      );
    }
    // Where an import's time goes: the same XLSX import as below, through the counting proxy.
    let importSqlRow: Row | undefined;
    const counting = proxy;
    const probeReport = f.importReports[2];
    if (probeReport) {
      const probe = await importSpreadsheet(counter.endpoint, f, probeReport, "XLSX", () => counting.reset());
      const statements = counting.statements.map((s) => ({
        ms: Math.round(s.ms * 10) / 10,
        text: `${s.overhead ? "[tx] " : ""}${s.text.replace(/\s+/g, " ").trim().slice(0, 160)}`,
      }));
      const sqlMs = statements.reduce((sum, s) => sum + (Number.isNaN(s.ms) ? 0 : s.ms), 0);
      const slowest = [...statements].sort((a, b) => b.ms - a.ms).slice(0, 3);
      print(
        `  import XLSX    ${statements.filter((s) => !s.text.startsWith("[tx]")).length} data + ` +
          `${statements.filter((s) => s.text.startsWith("[tx]")).length} overhead; request ${probe.importMs.toFixed(0)} ms, ` +
          `of which SQL ${sqlMs.toFixed(0)} ms (slowest: ${slowest.map((s) => `${s.ms.toFixed(0)} ms ${s.text.slice(0, 40)}…`).join("; ")})`,
      );
      importSqlRow = {
        figure: `import ${IMPORT_ROWS} rows XLSX: SQL ms of request ms (through the proxy)`,
        value: `${sqlMs.toFixed(0)} of ${probe.importMs.toFixed(0)} ms`,
        goal: "-",
        status: "INFO",
      };
      json.importSql = { requestMs: probe.importMs, sqlMs, statements };
    }
    await counter.stop();
    servers.splice(servers.indexOf(counter), 1);
    await proxy.close();
    proxy = undefined;
    json.sql = sql;
    const q2Counts = sql.filter((s) => s.operation.startsWith("Q2"));
    const constant = q2Counts.every((s) => s.data === q2Counts[0]?.data && s.overhead === q2Counts[0]?.overhead);
    rows.push({
      figure: "Q2 SQL statements at first: 10 / 50 / 100 (data+overhead)",
      value: q2Counts.map((s) => `${s.data}+${s.overhead}`).join(" / "),
      goal: "constant",
      status: constant ? "OK" : "MISS",
    });
    for (const s of sql.filter((x) => !x.operation.startsWith("Q2") || x.operation === "Q2 first: 50")) {
      rows.push({
        figure: `${s.operation} SQL statements (data+overhead); SQL ms of request ms`,
        value: `${s.data}+${s.overhead}; ${s.sqlMs.toFixed(0)} of ${s.requestMs.toFixed(0)} ms`,
        goal: "-",
        status: "INFO",
      });
    }

    // ── Load ──
    print(
      `load: autocannon, ${WARMUP_S} s warm-up at 10 connections, then ${DURATION_S} s at ${CONNECTIONS.join(", ")}`,
    );
    const figures: LoadFigure[] = [];
    const problems: Record<string, string> = {};
    for (const operation of ops) {
      const check = operation.next();
      const answer = await fetch(server.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", ...operation.headers },
        body: check.body,
      });
      const text = await answer.text();
      check.release?.(text);
      const problem = problemOf(text);
      if (problem) throw new Error(`${operation.name} does not answer cleanly: ${problem}`);
      await load(server.endpoint, server.pid, operation, 10, WARMUP_S);
      for (const connections of CONNECTIONS) {
        await waitIdle(server.pid);
        await operation.settle?.();
        const { figure, firstProblem } = await load(server.endpoint, server.pid, operation, connections, DURATION_S);
        if (firstProblem) problems[`${operation.name}@${connections}`] = firstProblem;
        figures.push(figure);
        print(
          `  ${operation.name} ×${String(connections).padStart(2)}: ${figure.reqPerSec.toFixed(0).padStart(5)} req/s, ` +
            `p50 ${figure.p50.toFixed(0)} / p95 ${figure.p95.toFixed(0)} / p99 ${figure.p99.toFixed(0)} ms, ` +
            `server CPU ${figure.serverCpuMs.toFixed(1)} ms/request` +
            (figure.non2xx + figure.errors + figure.failedAnswers
              ? `, ${figure.non2xx} non-2xx, ${figure.errors} errors, ${figure.failedAnswers} failed answers (${firstProblem ?? ""})`
              : ""),
        );
      }
    }
    await waitIdle(server.pid);
    const serverMemory = await memoryOf(server.pid);
    json.load = { durationS: DURATION_S, warmupS: WARMUP_S, figures, problems };
    json.operations = ops.map((o) => ({ name: o.name, description: o.description }));
    for (const figure of figures) {
      const isGoal = figure.operation === "Q2" && figure.connections === 10;
      const clean = figure.requests > 0 && figure.non2xx + figure.errors + figure.failedAnswers === 0;
      rows.push({
        figure: `${figure.operation} ×${figure.connections}: req/s, p50/p95/p99 ms, server CPU ms/req`,
        value:
          figure.requests === 0
            ? `no answer in ${DURATION_S} s`
            : `${figure.reqPerSec.toFixed(0)} req/s, ${figure.p50.toFixed(0)}/${figure.p95.toFixed(0)}/${figure.p99.toFixed(0)}, ${figure.serverCpuMs.toFixed(1)}`,
        goal: isGoal ? `p99 <= ${GOALS.q2P99Ms}${embedded ? " (real PG)" : ""}` : "no failures",
        status: !clean ? "FAILED" : isGoal && !embedded ? (figure.p99 <= GOALS.q2P99Ms ? "OK" : "MISS") : "INFO",
      });
    }
    rows.push(...targetRows(sql, figures));
    rows.push({
      figure: "server peak RSS (VmHWM, after the 50-connection runs)",
      value: serverMemory ? `${serverMemory.peakMiB.toFixed(0)} MiB` : "-",
      goal: "-",
      status: "INFO",
    });
    json.serverMemory = serverMemory;

    // ── Spreadsheet import ──
    print(`import: a filled-in template of ${IMPORT_ROWS} rows (one per indicator) via the upload protocol`);
    const imports = [];
    for (const [i, format] of (["XLSX", "CSV"] as const).entries()) {
      const report = f.importReports[i];
      if (!report) continue;
      const result = await importSpreadsheet(server.endpoint, f, report, format);
      imports.push(result);
      print(
        `  ${format}: ${(result.bytes / 1024).toFixed(0)} KiB, upload+confirm ${result.uploadMs.toFixed(0)} ms, ` +
          `importReportValues ${result.importMs.toFixed(0)} ms`,
      );
      rows.push({
        figure: `import ${IMPORT_ROWS} rows ${format} (importReportValues)`,
        value: `${result.importMs.toFixed(0)} ms`,
        goal: `<= ${GOALS.importMs} ms`,
        status: result.importMs <= GOALS.importMs ? "OK" : "MISS",
      });
    }
    if (importSqlRow) rows.push(importSqlRow);
    json.imports = imports;

    // ── Analytics (issue 5) on the same data ──
    let analytics: AnalyticsResult[] = [];
    if (!flag("--skip-analytics")) {
      analytics = await runAnalytics(server.endpoint, f.admin.authorization?.slice(7) ?? "", f.n01, f.formId, print);
      json.analytics = analytics;
      for (const a of analytics) {
        rows.push({
          figure: `analytics ${a.query} [${a.scope}] p50/p95 ms`,
          value: a.p50 === null ? (a.error ?? "-") : `${a.p50.toFixed(0)}/${(a.p95 ?? 0).toFixed(0)}`,
          goal: `<= ${ANALYTICS_P50}/${ANALYTICS_P95}`,
          status: a.status === "FAILED" ? "FAILED" : a.status,
        });
      }
    }

    // ── Lambda bundle: size and cold start ──
    if (!flag("--skip-cold-start")) {
      print("serverless package (stage bench)…");
      const packaged = await packageFunctions(join(tmp, "package"));
      print(`  packaged in ${packaged.seconds.toFixed(0)} s: ${JSON.stringify(packaged.zips)}`);
      const zip = packaged.zips.graphql ?? Number.NaN;
      rows.push({
        figure: "graphql.zip size",
        value: `${(zip / 1024 / 1024).toFixed(2)} MB`,
        goal: "<= 2 MB",
        status: zip <= GOALS.zipBytes ? "OK" : "MISS",
      });
      const app = await prepareBundle(packaged.dir);
      const node = await lambdaNode();
      const event = graphqlEvent(
        JSON.stringify({
          query: "query Cold($id: ID!) { node(id: $id) { ... on Centre { id name address } } }",
          variables: { id: f.centreIds[0] },
        }),
        f.admin,
      );
      const env = {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        JWT_SECRET: jwtSecret,
        LOG_LEVEL: "warn",
        AWS_LAMBDA_FUNCTION_NAME: "dostup-bench-graphql",
        AWS_REGION: "eu-central-1",
        LAMBDA_TASK_ROOT: app,
        DATABASE_URL: directUrl,
        S3_BUCKET: bucket,
        S3_ENDPOINT: s3Endpoint,
      };
      const runs = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        const result = await coldRun(app, event, env, node.path);
        if (result.statusCode !== 200 || problemOf(result.body)) {
          throw new Error(`cold start answered ${result.statusCode}: ${result.body.slice(0, 300)}`);
        }
        const { body: _body, ...timing } = result;
        runs.push(timing);
      }
      const totals = runs.map((r) => r.totalMs).sort((a, b) => a - b);
      const p50 = percentile(totals, 50);
      const importP50 = percentile(
        runs.map((r) => r.importedMs).sort((a, b) => a - b),
        50,
      );
      const answerP50 = percentile(
        runs.map((r) => r.answeredMs - r.importedMs).sort((a, b) => a - b),
        50,
      );
      const peak = Math.max(...runs.map((r) => r.peakRssMiB));
      print(
        `  cold start ×${COLD_RUNS}: p50 ${p50.toFixed(0)} ms (node + import of the handler ${importP50.toFixed(0)} ms, ` +
          `first answer ${answerP50.toFixed(0)} ms), peak RSS ${peak.toFixed(0)} MiB`,
      );
      rows.push({
        figure: `cold start p50 of ${COLD_RUNS} (spawn → answer, Node ${node.version})`,
        value: `${p50.toFixed(0)} ms`,
        goal: `<= ${GOALS.coldStartP50Ms} ms`,
        status: p50 <= GOALS.coldStartP50Ms ? "OK" : "MISS",
      });
      rows.push({
        figure: "  of which node start + handler import / first answer",
        value: `${importP50.toFixed(0)} / ${answerP50.toFixed(0)} ms`,
        goal: "-",
        status: "INFO",
      });
      const exitP50 = percentile(
        runs.map((r) => r.exitMs).sort((a, b) => a - b),
        50,
      );
      rows.push({
        figure: "  spawn → the process has exited (teardown, no part of an answer)",
        value: `${exitP50.toFixed(0)} ms`,
        goal: "-",
        status: "INFO",
      });
      rows.push({ figure: "cold start peak RSS", value: `${peak.toFixed(0)} MiB`, goal: "-", status: "INFO" });
      rows.push({
        figure: "  Node's fetch (undici) loaded by a cold answer",
        value: runs.some((r) => r.undici) ? "yes" : "no",
        goal: "no",
        status: runs.some((r) => r.undici) ? "MISS" : "OK",
      });
      json.package = packaged;
      json.coldStart = { node: node.version, runs, p50, importP50, answerP50, exitP50, peakRssMiB: peak };
    }

    // ── Report ──
    print();
    print(renderTable(rows));
    for (const note of notes) print(`note: ${note}`);
    const misses = rows.filter((r) => r.status === "MISS" || r.status === "FAILED");
    print(
      `${misses.length === 0 ? "every goal met" : `${misses.length} miss(es)`}; total run ${seconds(runStarted)} s`,
    );
    json.rows = rows;
    json.notes = notes;
    json.totalSeconds = Number(seconds(runStarted));
    await mkdir(join(root, ".bench"), { recursive: true });
    const file = join(
      ".bench",
      `bench-${embedded ? "embedded" : "postgres"}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
    );
    await writeFile(join(root, file), `${JSON.stringify(json, null, 2)}\n`);
    print(`written ${file}`);
  } finally {
    for (const client of clients) await client.end().catch(() => undefined);
    for (const server of servers.reverse()) await server.stop().catch(() => undefined);
    if (proxy) await proxy.close().catch(() => undefined);
    if (admin) {
      if (created && !keep) {
        await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((error: unknown) => {
          process.stderr.write(`could not drop ${dbName}: ${String(error)}\n`);
        });
      } else if (created) {
        print(`kept database ${dbName} (--keep)`);
      }
      await admin.end();
    }
    if (keep) print(`kept ${tmp} (--keep)`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
