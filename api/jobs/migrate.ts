// `serverless invoke -f migrate` after each deploy: applies pending migrations, which this
// function's package carries under prisma/migrations (see serverless.yml).
import { join } from "node:path";
import { config } from "../config.js";
import { logger } from "../lib/logger.js";
import { migrate } from "../lib/migrate.js";

export async function handler(): Promise<{ applied: string[]; alreadyApplied: number }> {
  // In Lambda the bundle does not sit where api/lib/migrate.ts does in the source tree,
  // so the directory is named from the package root rather than from the module's URL.
  const root = process.env.LAMBDA_TASK_ROOT;
  const result = await migrate(config.databaseUrl, root ? join(root, "prisma", "migrations") : undefined);
  logger.info(result, "migrations applied");
  return result;
}
