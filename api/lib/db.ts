import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { config } from "../config.js";
import { PrismaClient } from "../generated/prisma/client.js";
import { logger } from "./logger.js";

/**
 * Makes a broken connection leave the pool even when its holder never hands it back.
 *
 * When PostgreSQL restarts, every connection gets an "error" event. pg-pool listens only
 * while a client is idle and the adapter only inside a transaction, so a client checked out
 * at that moment emitted it with no listener and the whole process died; and a transaction
 * whose connection broke is never released (Prisma's ROLLBACK fails first, so the adapter's
 * release is never reached): each restart shrank the pool for good until every request
 * waited forever. Both found by test/faults/postgres-restart.test.ts. So every client gets
 * an error listener for life that hands a checked-out client back as broken (the pool drops
 * it and the next request reconnects), and each checkout's release becomes idempotent, so a
 * later release by the holder is a no-op instead of pg-pool's double-release exception.
 */
function keepPoolWhole(client: pg.PoolClient): void {
  let release: pg.PoolClient["release"] | undefined;
  Object.defineProperty(client, "release", {
    configurable: true,
    get: () => release,
    // pg-pool assigns a fresh release function at every checkout.
    set(fn: pg.PoolClient["release"]) {
      let done = false;
      release = (error) => {
        if (done) return;
        done = true;
        fn(error);
      };
    },
  });
  client.on("error", (error) => {
    logger.warn({ err: error }, "database connection lost");
    release?.(error);
  });
}

/**
 * Query events are emitted (not printed) only where something counts them (the tests; see
 * config.queryEvents): Prisma serialises each statement for them even when nobody listens.
 */
export function createPrisma(connectionString: string, max = config.databasePoolSize) {
  // A runaway statement is cancelled by the server instead of holding a connection.
  // Waiting for a connection is bounded too: while PostgreSQL is away a request fails with
  // DATABASE_UNAVAILABLE within seconds instead of queueing for a free client forever.
  const pool = new pg.Pool({
    connectionString,
    max,
    statement_timeout: config.statementTimeoutMs,
    connectionTimeoutMillis: 10_000,
    // No JIT compilation: the API's statements take milliseconds, and PostgreSQL compiles those
    // whose estimate looks large (an aggregate over every centre) for 30–40 ms before running
    // them, more than the work itself (centresByPlace country-wide: 113 ms with JIT, 40 without).
    options: "-c jit=off",
  });
  pool.on("connect", (client) => keepPoolWhole(client));
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: config.queryEvents ? [{ emit: "event", level: "query" }] : [],
  });
}

/** Created once per process so that warm Lambdas reuse the connection. */
export const prisma = createPrisma(config.databaseUrl);

export type Database = typeof prisma;
