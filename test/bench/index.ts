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
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { ANALYTICS_P50, ANALYTICS_P95, type AnalyticsResult, runAnalytics } from "./analytics.js";
import { measureColdStart } from "./cold-start.js";
import { fixtures } from "./fixtures.js";
import { measureLoad } from "./load.js";
import { centres, DURATION_S, embedded, flag, keep, print, quick, type Results, seconds, years } from "./options.js";
import { type CountingProxy, startCountingProxy } from "./pg-proxy.js";
import { cleanEnv, freePort, root, runTs, type ServerProcess, startServer } from "./processes.js";
import { operations } from "./requests.js";
import { measureImports } from "./spreadsheet-import.js";
import { measureStatements } from "./statements.js";
import type { Row } from "./targets.js";

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
      // Two servers run at once: each its own local SMTP server, on a free port.
      SMTP_PORT: "0",
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

    // ── SQL statements per request, then the load ──
    const results: Results = { rows, json, notes };
    const { sql, importRow } = await measureStatements(counter.endpoint, proxy, f, results);
    await counter.stop();
    servers.splice(servers.indexOf(counter), 1);
    await proxy.close();
    proxy = undefined;
    await measureLoad(server, operations(f, db, fromGlobalId), sql, results);
    await measureImports(server.endpoint, f, results, importRow);

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
      await measureColdStart(f, { tmp, jwtSecret, databaseUrl: directUrl, bucket, s3Endpoint }, results);
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
