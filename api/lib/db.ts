import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "../config.js";
import { PrismaClient } from "../generated/prisma/client.js";

/**
 * Query events are emitted (not printed) so that tests and benchmarks can count the SQL
 * statements a request issues; nothing listens in production, which costs next to nothing.
 */
export function createPrisma(connectionString: string, max = config.databasePoolSize) {
  return new PrismaClient({
    // A runaway statement is cancelled by the server instead of holding a connection.
    adapter: new PrismaPg({ connectionString, max, statement_timeout: config.statementTimeoutMs }),
    log: [{ emit: "event", level: "query" }],
  });
}

/** Created once per process so that warm Lambdas reuse the connection. */
export const prisma = createPrisma(config.databaseUrl);

export type Database = typeof prisma;
