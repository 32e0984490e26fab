// Prisma CLI configuration (Prisma 7). `prisma generate` needs no database. The project applies
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/true";

// migrations with its own runner (api/lib/migrate.ts) and writes new migration SQL with
// `npm run db:diff` (README, "Making a migration"), so the CLI's native schema engine, which it
// would download, is never needed.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "../prisma/schema.prisma",
  migrations: { path: "../prisma/migrations" },
});
