import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "../config.js";
import { PrismaClient } from "../generated/prisma/client.js";

export function createPrisma(connectionString: string, max = config.databasePoolSize): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

/** Created once per process so that warm Lambdas reuse the connection. */
export const prisma = createPrisma(config.databaseUrl);

export type { PrismaClient };
