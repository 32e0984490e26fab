// PostgreSQL goes away under load: restarted (`pg_ctl restart -m fast`, which rolls back open
// transactions and closes every connection) and stopped for a while, then started again.
// The server process is left alone throughout. Afterwards it answers again by itself (the
// pool reconnects), requests during the outage got an answer in time (a typed, coded error,
// never a hang), and every write acknowledged before, during or after is in the database.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkDocuments } from "../load/documents.js";
import { emptyLedger, type Ledger, verifyLedger } from "../load/ledger.js";
import {
  createDatabase,
  type Database,
  graphql,
  migrateAndSeed,
  ROOT,
  type ServerProcess,
  sleep,
  startServer,
  tempDir,
  waitUntilAnswering,
} from "../load/stack.js";
import { summarise } from "../load/summary.js";
import { EXPECTED, type Fixture, prepare, type RunResult, runWorkload, type Sample } from "../load/workload.js";
import { controlCluster } from "./cluster.js";

const CLIENTS = 20;
/**
 * An answer slower than this counts as a hang (clients give up at 60 s). Generous: on a
 * shared two-core machine a request under load can take several seconds on its own.
 */
const TIMELY_MS = 30_000;

const { dir: clusterDir, port: clusterPort } = inject("cluster");
const cluster = controlCluster(clusterDir, clusterPort);

let database: Database;
let server: ServerProcess;
let pool: pg.Pool;
let fixture: Fixture;
/** One ledger for both runs: the second run's check covers the first's writes too. */
let ledger: Ledger;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  checkDocuments(await readFile(join(ROOT, "api/schema.graphql"), "utf8"));
  database = await createDatabase(cluster.url, "faults_pg");
  await migrateAndSeed(database.url);
  const dir = await tempDir("faults-pg");
  removeDir = dir.remove;
  server = await startServer({ databaseUrl: database.url, dataDir: dir.path });
  // The suite's own pool: errors on idle clients when PostgreSQL goes away are expected.
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on("error", () => undefined);
  fixture = await prepare(server.url, pool, CLIENTS, 2080);
  ledger = emptyLedger(fixture.run);
});

afterAll(async () => {
  await server?.stop();
  await pool?.end();
  await database?.drop();
  await removeDir?.();
});

/** Answers an operation should never give (outside an outage). */
function unexpected(samples: Sample[]): string[] {
  return samples
    .filter((s) => !EXPECTED[s.op]?.includes(s.kind))
    .map((s) => `${s.op} at ${s.at.toFixed(0)} ms: ${s.kind} (${s.message ?? ""})`);
}

/**
 * During an outage: an answer within TIMELY_MS, either one the operation gives anyway or the
 * coded "try again shortly" (DATABASE_UNAVAILABLE), never the masked internal error.
 */
function untimelyOrUntyped(samples: Sample[]): string[] {
  return samples
    .filter((s) => s.ms > TIMELY_MS || !(EXPECTED[s.op]?.includes(s.kind) || s.kind === "error DATABASE_UNAVAILABLE"))
    .map((s) => `${s.op} at ${s.at.toFixed(0)} ms: ${s.kind} after ${s.ms.toFixed(0)} ms (${s.message ?? ""})`);
}

function describeRun(result: RunResult): string {
  const summary = summarise(result);
  const slow = result.samples
    .filter((s) => s.ms > TIMELY_MS)
    .slice(0, 10)
    .map((s) => `${s.op}@${s.at.toFixed(0)}:${s.kind}`);
  return `${summary.requests} requests, kinds ${JSON.stringify(summary.kinds)}, max ${summary.max.toFixed(0)} ms${
    slow.length ? `; slow: ${slow.join(" ")}` : ""
  }`;
}

async function freshWriteWorks(): Promise<void> {
  const answer = await graphql<{ result: { __typename: string } }>(
    server.url,
    `mutation P($input: CreatePersonInput!) { result: createPerson(input: $input) { __typename } }`,
    { input: { lastName: "Послеперезапускова", firstName: "Ольга", regionId: fixture.regionIds[0] } },
    fixture.headers.curator,
  );
  expect(answer.status).toBe(200);
  expect(answer.data?.result.__typename).toBe("MutationCreatePersonSuccess");
}

describe("PostgreSQL restarted during load", () => {
  it("keeps answering in time, recovers by itself and loses no acknowledged write", async () => {
    const started = performance.now();
    const running = runWorkload(
      fixture,
      { baseUrl: server.url, clients: CLIENTS, durationMs: 30_000, requestTimeoutMs: 60_000 },
      ledger,
    );
    // Three restarts: connections broken mid-transaction must not use up the pool either.
    const outages: [number, number][] = [];
    for (const at of [5_000, 12_000, 19_000]) {
      await sleep(at - (performance.now() - started));
      const from = performance.now() - started;
      await cluster.restart("fast");
      outages.push([from, performance.now() - started]);
    }
    const result = await running;
    process.stdout.write(
      `restart: outages ${outages.map(([a, b]) => `${a.toFixed(0)}–${b.toFixed(0)}`).join(", ")} ms; ${describeRun(result)}\n`,
    );

    expect(server.exited(), server.output().slice(-3000)).toBe(false);
    // Requests that overlapped a restart: answered in time, typed or coded as unavailable.
    expect(untimelyOrUntyped(result.samples)).toEqual([]);
    // Everything well clear of the outages (3 s for the pool to reconnect) is normal.
    const clear = result.samples.filter((s) => outages.every(([from, to]) => s.at + s.ms < from || s.at > to + 3_000));
    expect(unexpected(clear)).toEqual([]);
    // Work went on after the last restart, and writes succeeded then too.
    const lastEnd = outages[outages.length - 1]?.[1] ?? 0;
    const after = result.samples.filter((s) => s.at > lastEnd + 3_000);
    expect(after.length).toBeGreaterThan(CLIENTS);
    expect(after.filter((s) => s.kind === "success").length).toBeGreaterThan(5);

    expect(await verifyLedger(pool, result.ledger)).toEqual([]);
    await freshWriteWorks();
  });
});

describe("PostgreSQL stopped for a while during load, then started", () => {
  it("fails requests fast while it is down and recovers without a server restart", async () => {
    const started = performance.now();
    const running = runWorkload(
      fixture,
      {
        baseUrl: server.url,
        clients: CLIENTS,
        durationMs: 30_000,
        requestTimeoutMs: 60_000,
      },
      ledger,
    );
    await sleep(5_000);
    const outageFrom = performance.now() - started;
    await cluster.stop("fast");
    await sleep(8_000);
    await cluster.start();
    const outageTo = performance.now() - started;
    const result = await running;
    process.stdout.write(
      `stop/start: outage ${outageFrom.toFixed(0)}–${outageTo.toFixed(0)} ms; ${describeRun(result)}\n`,
    );

    expect(server.exited(), server.output().slice(-3000)).toBe(false);
    // Requests kept coming while it was down (8 s), and were told "unavailable" in time.
    const sentDuring = result.samples.filter((s) => s.at > outageFrom + 500 && s.at < outageTo - 500);
    expect(sentDuring.length).toBeGreaterThan(0);
    expect(sentDuring.some((s) => s.kind === "error DATABASE_UNAVAILABLE")).toBe(true);
    expect(untimelyOrUntyped(result.samples)).toEqual([]);
    expect(unexpected(result.samples.filter((s) => s.at + s.ms < outageFrom || s.at > outageTo + 3_000))).toEqual([]);
    expect(result.samples.filter((s) => s.at > outageTo + 3_000 && s.kind === "success").length).toBeGreaterThan(5);

    expect(await verifyLedger(pool, result.ledger)).toEqual([]);
    await waitUntilAnswering(server.url, fixture.headers.auditor, 10_000);
    await freshWriteWorks();
  });
});
