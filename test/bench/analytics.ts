// Analytics latency benchmark: `npm run bench [-- --keep]`.
// Creates a throw-away database on a real PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL,
// default postgresql://postgres@127.0.0.1:5432/postgres), loads the demo and the national
// data set, serves the real Yoga instance over HTTP on loopback and times every analytics
// query for one national region (N01) and for the whole country as an administrator.
// Results are printed and written to .bench/analytics-<timestamp>.json.
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";

const WARMUP = 3;
const MEASURED = 30;
/** Per query and scope: a pathological query stops early instead of stretching the run. */
const CASE_BUDGET_MS = 20_000;
const TARGET_P50 = 100;
const TARGET_P95 = 250;

const print = (line: string) => process.stdout.write(`${line}\n`);

const keep = process.argv.includes("--keep");
const adminUrl =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `dostup_bench_${process.pid}`;
const benchUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

interface Case {
  name: string;
  scope: "N01" | "country";
  query: string;
  variables: Record<string, unknown>;
}

interface Result {
  query: string;
  scope: string;
  samples: number;
  p50: number | null;
  p95: number | null;
  status: "OK" | "MISS" | "FAILED";
  error?: string;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function ranges() {
  const now = new Date();
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return {
    today: day(now),
    // The national seed covers the last 10 × 12 complete months.
    tenYearsFrom: day(new Date(Date.UTC(y, m - 120, 1))),
    lastMonthEnd: day(new Date(Date.UTC(y, m, 0))),
    yearFrom: day(new Date(Date.UTC(y, m - 12, 1))),
    yearAgo: day(new Date(Date.UTC(y - 1, m, now.getUTCDate()))),
  };
}

function cases(regionId: string, formId: string): Case[] {
  const r = ranges();
  const list: Case[] = [];
  for (const scope of ["N01", "country"] as const) {
    const region = scope === "N01" ? regionId : null;
    const activityScope = region ? { regionId: region } : null;
    const add = (name: string, query: string, variables: Record<string, unknown>) =>
      list.push({ name, scope, query, variables });
    const dynamics = `query($input: IndicatorDynamicsInput!) {
      indicatorDynamics(input: $input) { label period total rural change changePct } }`;
    add("indicatorDynamics USERS/MONTH 10y", dynamics, {
      input: {
        indicatorCode: "USERS",
        granularity: "MONTH",
        from: r.tenYearsFrom,
        to: r.lastMonthEnd,
        scope: activityScope,
      },
    });
    add("indicatorDynamics USERS/YEAR 10y", dynamics, {
      input: {
        indicatorCode: "USERS",
        granularity: "YEAR",
        from: r.tenYearsFrom,
        to: r.lastMonthEnd,
        scope: activityScope,
      },
    });
    const activity = (field: string) => `query($input: ActivityRangeInput!) {
      ${field}(input: $input) { indicatorCode name total } }`;
    add("requestsByCategory 12m", activity("requestsByCategory"), {
      input: { from: r.yearFrom, to: r.lastMonthEnd, scope: activityScope },
    });
    add("eventsByType 12m", activity("eventsByType"), {
      input: { from: r.yearFrom, to: r.lastMonthEnd, scope: activityScope },
    });
    add("centresByKind", `query($input: CentresByKindInput) { centresByKind(input: $input) { kind total rural } }`, {
      input: { scope: activityScope },
    });
    const place = `query($input: CentresByPlaceInput!) {
      centresByPlace(input: $input) { id name total rural eSignature identity legalInfo } }`;
    add("centresByPlace REGION", place, { input: { groupBy: "REGION", regionId: region } });
    add("centresByPlace MUNICIPALITY", place, { input: { groupBy: "MUNICIPALITY", regionId: region } });
    add(
      "kpiProgress",
      `query($input: KpiProgressInput) { kpiProgress(input: $input) {
        kpi { id code } region { id } source target targetYear value year met periodStart periodEnd } }`,
      { input: { regionId: region } },
    );
    add(
      "serviceCompliance",
      `query($input: ServiceComplianceInput) { serviceCompliance(input: $input) {
        service { id name } targetCount metCount notMetCount noDataCount metShare averageRating feedbackCount
        targets { indicatorCode value met } } }`,
      { input: { regionId: region } },
    );
    add(
      "curatorCoverage",
      `query($input: CuratorCoverageInput) { curatorCoverage(input: $input) {
        region { id code } socialServices covered uncovered coveredShare } }`,
      { input: { regionId: region } },
    );
    add(
      "feedbackSla 12m",
      `query($input: FeedbackSlaInput) { feedbackSla(input: $input) {
        total answered open overdue medianHoursToAnswer averageRatingStaff averageRatingTime } }`,
      { input: { regionId: region, from: r.yearAgo, to: r.today } },
    );
    add(
      "alerts",
      `query($input: AlertsInput) { alerts(input: $input) {
        expiringSignatures { totalCount items { centre { id name } validUntil daysLeft } }
        overdueReports { totalCount items { report { id } dueDate daysOverdue } }
        servicesWithoutCurator { totalCount items { region { id } service { id name } } }
        unverifiedCentres { totalCount items { centre { id name } lastVerifiedAt } } } }`,
      { input: { regionId: region } },
    );
    add(
      "mobileOfficeActivity 12m",
      `query($input: MobileOfficeActivityInput!) { mobileOfficeActivity(input: $input) {
        totals { visits peopleServed documents } documents { documentType count }
        bySettlement { settlementId settlement municipality isRural visits peopleServed } } }`,
      { input: { regionId: region, from: r.yearAgo, to: r.today } },
    );
    add(
      "reportingCompleteness COD_MONTHLY/MUNICIPALITY 12m",
      `query($input: ReportingCompletenessInput!) { reportingCompleteness(input: $input) {
        regionId regionCode periodStart periodEnd dueDate expected submitted onTime shareSubmitted shareOnTime } }`,
      { input: { formId, from: r.yearFrom, to: r.lastMonthEnd, level: "MUNICIPALITY", regionId: region } },
    );
  }
  return list;
}

async function post(endpoint: string, token: string, item: Case): Promise<string | null> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: item.query, variables: item.variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[]; data?: unknown };
  if (body.errors?.length) return body.errors[0]?.message ?? "unknown error";
  if (!response.ok) return `HTTP ${response.status}`;
  return null;
}

async function measure(endpoint: string, token: string, item: Case): Promise<Result> {
  const base = { query: item.name, scope: item.scope };
  try {
    for (let i = 0; i < WARMUP; i++) {
      const error = await post(endpoint, token, item);
      if (error) return { ...base, samples: 0, p50: null, p95: null, status: "FAILED", error };
    }
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < MEASURED && performance.now() - started < CASE_BUDGET_MS; i++) {
      const t0 = performance.now();
      const error = await post(endpoint, token, item);
      samples.push(performance.now() - t0);
      if (error) return { ...base, samples: samples.length, p50: null, p95: null, status: "FAILED", error };
    }
    samples.sort((a, b) => a - b);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const ok = p50 <= TARGET_P50 && p95 <= TARGET_P95;
    return { ...base, samples: samples.length, p50, p95, status: ok ? "OK" : "MISS" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, samples: 0, p50: null, p95: null, status: "FAILED", error: message };
  }
}

function table(results: Result[]): string {
  const ms = (v: number | null) => (v === null ? "-" : v.toFixed(1));
  const rows = [
    ["query", "scope", "n", "p50 ms", "p95 ms", "target", "result"],
    ...results.map((r) => [
      r.query,
      r.scope,
      String(r.samples),
      ms(r.p50),
      ms(r.p95),
      `p50<=${TARGET_P50} p95<=${TARGET_P95}`,
      r.status === "FAILED" ? `FAILED: ${r.error ?? ""}` : r.status,
    ]),
  ];
  const widths =
    rows[0]?.map((_, c) => Math.max(...rows.slice(0, rows.length).map((row) => (row[c] ?? "").length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join(" | ")
      .trimEnd();
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("-|-"), ...body.map(line)].join("\n");
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let server: Server | undefined;
  let disconnect: (() => Promise<void>) | undefined;
  try {
    await admin.query(`CREATE DATABASE "${dbName}"`);
    print(`database: ${dbName} on ${adminUrl.replace(/\/\/[^@]*@/, "//***@")}`);

    // The API modules read their configuration at import: set it before importing them.
    process.env.DATABASE_URL = benchUrl;
    process.env.S3_BUCKET = "dostup-bench";
    process.env.LOG_LEVEL = "warn";
    delete process.env.NODE_ENV;

    const { migrate } = await import("../../api/lib/migrate.js");
    const migration = await migrate(benchUrl);
    print(`migrated: ${migration.applied.length} migration(s)`);

    const { prisma } = await import("../../api/lib/db.js");
    disconnect = () => prisma.$disconnect();
    const { seedDemo } = await import("../../prisma/seed/demo.js");
    let t0 = performance.now();
    await seedDemo(prisma);
    print(`demo seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const { seedNational } = await import("../../prisma/seed/national.js");
    const pool = new pg.Pool({ connectionString: benchUrl, max: 1 });
    try {
      print("national data set:");
      const national = await seedNational(pool, { onProgress: (message) => print(`  ${message}`) });
      print(
        `national: ${national.regions} regions, ${national.centres} centres, ${national.reports} reports, ` +
          `${national.values} values in ${national.seconds.toFixed(1)} s`,
      );
      t0 = performance.now();
      await pool.query("ANALYZE");
      print(`ANALYZE in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } finally {
      await pool.end();
    }

    const { yoga } = await import("../../api/yoga.js");
    const { signAccessToken } = await import("../../api/lib/auth.js");
    const { toGlobalId } = await import("../../api/lib/ids.js");

    const user = await prisma.user.findUniqueOrThrow({ where: { email: "admin@dostup.local" } });
    const token = await signAccessToken(user.id);
    const region = await prisma.region.findUniqueOrThrow({ where: { code: "N01" } });
    const form = await prisma.reportForm.findFirstOrThrow({
      where: { code: "COD_MONTHLY" },
      orderBy: { revision: "desc" },
    });

    const httpServer = createServer((req, res) => {
      yoga(req, res);
    });
    server = httpServer;
    await new Promise<void>((done, fail) => {
      httpServer.once("error", fail);
      httpServer.listen(0, "127.0.0.1", done);
    });
    const { port } = httpServer.address() as AddressInfo;
    const endpoint = `http://127.0.0.1:${port}/graphql`;
    print(`serving ${endpoint}; ${WARMUP} warm-up + ${MEASURED} measured sequential requests per case`);

    const results: Result[] = [];
    for (const item of cases(toGlobalId("Region", region.id), toGlobalId("ReportForm", form.id))) {
      const result = await measure(endpoint, token, item);
      results.push(result);
      const ms =
        result.p50 === null ? result.error : `p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95?.toFixed(1)} ms`;
      print(`  ${item.name} [${item.scope}]: ${result.status} (${ms})`);
    }

    print("");
    print(table(results));
    const misses = results.filter((r) => r.status !== "OK");
    print("");
    print(
      `${results.length - misses.length}/${results.length} within target; total run ${((performance.now() - runStarted) / 1000).toFixed(0)} s`,
    );

    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    await mkdir(".bench", { recursive: true });
    const file = `.bench/analytics-${stamp}.json`;
    await writeFile(
      file,
      `${JSON.stringify(
        {
          startedAt: new Date().toISOString(),
          database: dbName,
          warmup: WARMUP,
          measured: MEASURED,
          target: { p50: TARGET_P50, p95: TARGET_P95 },
          results,
        },
        null,
        2,
      )}\n`,
    );
    print(`written ${file}`);
  } finally {
    if (server) {
      const s = server;
      s.closeAllConnections();
      await new Promise<void>((done) => s.close(() => done()));
    }
    if (disconnect) await disconnect().catch(() => undefined);
    if (keep) {
      print(`kept database ${dbName} (--keep)`);
    } else {
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((error: unknown) => {
        process.stderr.write(`could not drop ${dbName}: ${String(error)}\n`);
      });
    }
    await admin.end();
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
