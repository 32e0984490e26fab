import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { config } from "../config.js";
import { PrismaClient } from "../generated/prisma/client.js";
import { logger } from "./logger.js";

/**
 * Query events are emitted (not printed) so that tests and benchmarks can count the SQL
 * statements a request issues; nothing listens in production, which costs next to nothing.
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
  });
  // When PostgreSQL restarts, every connection gets an "error" event. pg-pool listens only
  // while a client is idle and the adapter only inside a transaction, so a client checked
  // out at that moment emitted it with no listener and the whole process died (found by
  // test/faults/postgres-restart.test.ts). A listener for the client's lifetime makes it a
  // log line; the pool still drops the broken client and the next request reconnects.
  pool.on("connect", (client) => {
    client.on("error", (error) => logger.warn({ err: error }, "database connection lost"));
  });
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: [{ emit: "event", level: "query" }],
  });
}

/** Created once per process so that warm Lambdas reuse the connection. */
export const prisma = createPrisma(config.databaseUrl);

export type Database = typeof prisma;
