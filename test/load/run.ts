// `npm run test:load [-- --duration 60 --clients 50]`: 50 concurrent clients of mixed reads
// and writes against the real server on a real PostgreSQL, then a check that every
// acknowledged write is in the database as acknowledged. Fails (exit 1) on any 5xx, any
// masked internal error, any answer an operation should never give, or any lost write.
//
// Env: DATABASE_URL (the server to create the database on; default the local PostgreSQL),
// LOAD_DURATION_S, LOAD_CLIENTS (flags win over env).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { fromGlobalId } from "../../api/lib/ids.js";
import { checkDocuments } from "./documents.js";
import { type Ledger, verifyLedger } from "./ledger.js";
import {
  createDatabase,
  type Database,
  DEFAULT_SERVER_URL,
  migrateAndSeed,
  ROOT,
  type ServerProcess,
  startServer,
  tempDir,
} from "./stack.js";
import { formatSummary, summarise } from "./summary.js";
import { EXPECTED, prepare, runWorkload } from "./workload.js";

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string" },
    clients: { type: "string" },
    "request-timeout": { type: "string" },
  },
});
const durationS = Number(flags.duration ?? process.env.LOAD_DURATION_S ?? 60);
const clients = Number(flags.clients ?? process.env.LOAD_CLIENTS ?? 50);
const requestTimeoutMs = Number(flags["request-timeout"] ?? 30) * 1000;
const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER_URL;

if (!(durationS > 0) || !Number.isInteger(clients) || clients < 1 || clients > 600) {
  process.stderr.write("Usage: npm run test:load -- [--duration <seconds>] [--clients <1-600>]\n");
  process.exit(2);
}

/**
 * The check itself is checked: with one acknowledged feedback and one acknowledged centre
 * update changed behind its back (in a transaction that is rolled back), it must complain.
 */
async function checkerNotices(pool: pg.Pool, ledger: Ledger): Promise<boolean> {
  const feedback = ledger.feedback.acked[0];
  const centre = [...ledger.centres.entries()].find(([, entry]) => entry.acked.length > 0);
  if (!feedback || !centre) return true; // nothing acknowledged to tamper with (a very short run)
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`UPDATE "Feedback" SET text = text || ' (changed)' WHERE id = $1`, [
      fromGlobalId("Feedback", feedback.id),
    ]);
    await client.query(`UPDATE "Centre" SET workstations = workstations + 1 WHERE id = $1`, [
      fromGlobalId("Centre", centre[0]),
    ]);
    const problems = await verifyLedger(client, ledger);
    return problems.some((p) => p.startsWith("feedback")) && problems.some((p) => p.startsWith("centre"));
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

// Ctrl-C ends the run early; the finally block still stops the server and drops the database.
let interrupted = false;

async function main(): Promise<number> {
  checkDocuments(await readFile(join(ROOT, "api/schema.graphql"), "utf8"));
  const cleanup: (() => Promise<void>)[] = [];
  let server: ServerProcess | null = null;
  let database: Database | null = null;
  try {
    const t0 = Date.now();
    database = await createDatabase(serverUrl, "load");
    const db = database;
    cleanup.unshift(() => db.drop());
    await migrateAndSeed(database.url);
    const dir = await tempDir("load");
    cleanup.unshift(() => dir.remove());
    server = await startServer({ databaseUrl: database.url, dataDir: dir.path });
    const running = server;
    cleanup.unshift(() => running.stop());
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    cleanup.unshift(() => pool.end());
    const fixture = await prepare(server.url, pool, clients, 2070);
    process.stdout.write(
      `load: database ${database.name}, server ${server.url}, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
        `${clients} clients for ${durationS} s\n`,
    );

    const result = await runWorkload(fixture, {
      baseUrl: server.url,
      clients,
      durationMs: durationS * 1000,
      requestTimeoutMs,
      stop: () => interrupted,
    });
    const summary = summarise(result);
    process.stdout.write(`${formatSummary(summary)}\n`);

    const failures: string[] = [];
    const unexpected = new Map<string, { n: number; example?: string }>();
    for (const sample of result.samples) {
      if (EXPECTED[sample.op]?.includes(sample.kind)) continue;
      const key = `${sample.op}: ${sample.kind}`;
      const entry = unexpected.get(key) ?? { n: 0, example: sample.message };
      entry.n++;
      unexpected.set(key, entry);
    }
    for (const [key, { n, example }] of unexpected) failures.push(`${n} × ${key}${example ? ` (${example})` : ""}`);
    if (server.exited()) failures.push("the server process exited during the run");

    const problems = await verifyLedger(pool, result.ledger);
    failures.push(...problems);
    process.stdout.write(
      `check: ${summary.acknowledgedWrites} acknowledged writes verified in the database, ${problems.length} problems\n`,
    );
    if (!(await checkerNotices(pool, result.ledger)))
      failures.push("the ledger check did not notice tampered rows: it would not notice lost writes either");
    if (failures.length > 0) {
      process.stdout.write(`FAILED:\n${failures.map((f) => `  ${f}`).join("\n")}\n`);
      process.stdout.write(`server output (tail):\n${server.output().slice(-3000)}\n`);
      return 1;
    }
    process.stdout.write("load: passed (no 5xx, no internal errors, every acknowledged write present)\n");
    return 0;
  } catch (error) {
    process.stderr.write(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (server) process.stderr.write(`server output (tail):\n${server.output().slice(-3000)}\n`);
    return 1;
  } finally {
    for (const step of cleanup)
      await step().catch((error: unknown) => process.stderr.write(`cleanup: ${String(error)}\n`));
  }
}

process.on("SIGINT", () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  process.stderr.write("load: interrupted, cleaning up…\n");
});

main().then((code) => process.exit(code));
