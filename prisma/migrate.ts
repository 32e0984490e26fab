// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded
// database under .data/ when no URL is set.
import { withEmbeddedDatabase } from "../api/lib/embedded.js";

try {
  await withEmbeddedDatabase(async (_url, result) => {
    process.stdout.write(
      `migrations: ${result.alreadyApplied} already applied, ${result.applied.length} applied now\n`,
    );
  });
} catch (error) {
  process.stderr.write(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
