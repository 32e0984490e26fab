// Prisma CLI configuration. The JS schema engine and the pg driver adapter keep every
// Prisma command offline (see shared/ENVIRONMENT.md): no native engine is downloaded.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "../prisma/schema.prisma",
  migrations: { path: "../prisma/migrations" },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error(
        "DATABASE_URL is not set: run this through `npm run db:migrate`, which starts the embedded database when no URL is configured.",
      );
    }
    return new PrismaPg({ connectionString });
  },
});
