import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedDatabase } from "../../api/lib/embedded.js";
import { defaultMigrationsDir, migrate } from "../../api/lib/migrate.js";
import { emptyDatabase } from "../helpers/databases.js";

let database: EmbeddedDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await emptyDatabase("migrate");
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await database.stop();
});

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await client.query(sql, params);
  return rows[0] as T;
}

describe("migrations on an empty database", () => {
  it("apply every migration once and record them as Prisma does", async () => {
    const expected = (await readdir(defaultMigrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const first = await migrate(database.url);
    expect(first.applied).toEqual(expected.sort());
    const again = await migrate(database.url);
    expect(again).toEqual({ applied: [], alreadyApplied: expected.length });
    const recorded = await client.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`,
    );
    expect(recorded.rows.map((r) => r.migration_name)).toEqual(expected.sort());
  });

  it("create every table of the data model", async () => {
    const { rows } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const tables = rows.map((r) => r.table_name as string);
    for (const table of [
      "Region",
      "Municipality",
      "Settlement",
      "Organisation",
      "Centre",
      "OpeningHours",
      "OpeningHoursException",
      "MobileVisit",
      "Service",
      "CentreService",
      "LifeSituation",
      "LifeSituationService",
      "Person",
      "CuratorAssignment",
      "QualityStandard",
      "QualityTarget",
      "QualityMeasurement",
      "Feedback",
      "FeedbackEvent",
      "ReportForm",
      "ReportIndicator",
      "Report",
      "ReportValue",
      "StoredFile",
      "FileAccess",
      "Kpi",
      "KpiValue",
      "User",
      "ApiClient",
      "ChangeLog",
      "ImportBatch",
    ]) {
      expect(tables).toContain(table);
    }
  });

  it("give every foreign key an index", async () => {
    // A foreign key whose leading columns no index covers makes deletes and joins scan.
    const { rows } = await client.query(`
      SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])`);
    expect(rows).toEqual([]);
  });

  it("allow only one primary active curator per service and region, and keep history", async () => {
    const region = await one<{ id: string }>(
      `INSERT INTO "Region" (id, code, name, "updatedAt") VALUES (gen_random_uuid(), '99', 'Тест', now()) RETURNING id`,
    );
    const service = await one<{ id: string }>(
      `INSERT INTO "Service" (id, name, level, "updatedAt") VALUES (gen_random_uuid(), 'Услуга', 'REGIONAL', now()) RETURNING id`,
    );
    const person = await one<{ id: string }>(
      `INSERT INTO "Person" (id, "regionId", "lastName", "firstName", "updatedAt") VALUES (gen_random_uuid(), $1, 'Иванова', 'Анна', now()) RETURNING id`,
      [region.id],
    );
    const assign = (validTo: string | null) =>
      client.query(
        `INSERT INTO "CuratorAssignment" (id, "personId", role, "targetType", "serviceId", "regionId", "validFrom", "validTo", "primary", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'SERVICE_CURATOR', 'SERVICE', $2, $3, '2024-01-01', $4, true, now())`,
        [person.id, service.id, region.id, validTo],
      );
    await assign("2024-06-30");
    await assign(null);
    await expect(assign(null)).rejects.toThrow(/CuratorAssignment_primary_active_service_key/);
    await assign("2025-01-31");
  });

  it("refuse report values below zero or with a rural part above the total", async () => {
    await expect(
      client.query(
        `INSERT INTO "ReportValue" (id, "reportId", "indicatorId", total, rural, "updatedAt") VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 5, 6, now())`,
      ),
    ).rejects.toThrow(/ReportValue_values_check/);
    await expect(
      client.query(
        `INSERT INTO "ReportValue" (id, "reportId", "indicatorId", total, "updatedAt") VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), -1, now())`,
      ),
    ).rejects.toThrow(/ReportValue_values_check/);
  });

  it("refuse to run a migration that changed after it was applied", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dostup-migrations-"));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      const [firstName] = (await readdir(dir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      await writeFile(join(dir, firstName ?? "", "migration.sql"), "SELECT 1;");
      await expect(migrate(database.url, dir)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
