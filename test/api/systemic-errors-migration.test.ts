// The yes/no systemic-error flag of feedback becomes the register: a database migrated up to the
// flag, with one flagged and one plain complaint, then migrated on, has one OPEN error of the
// same id, titled by the day the complaint came in, due 30 days later, the service's competent
// authority responsible, and the complaint linked to it; the flag column is gone.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedDatabase } from "../../api/lib/embedded.js";
import { defaultMigrationsDir, migrate } from "../../api/lib/migrate.js";
import { emptyDatabase } from "../helpers/databases.js";

/** The migration that replaces the flag with the register (issue 15). */
const REGISTER = "20261206210704_partner_directory_feedback_kpi_formulas";

let database: EmbeddedDatabase;
let client: pg.Client;
let before: string;

beforeAll(async () => {
  database = await emptyDatabase("systemic-migration");
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // The migrations before the register, applied from a copy that leaves it (and later ones) out.
  before = await mkdtemp(join(tmpdir(), "dostup-migrations-"));
  await cp(defaultMigrationsDir, before, { recursive: true });
  for (const entry of await readdir(before, { withFileTypes: true }))
    if (entry.isDirectory() && entry.name >= REGISTER) await rm(join(before, entry.name), { recursive: true });
  await migrate(database.url, before);
});

afterAll(async () => {
  await client.end();
  await database.stop();
  await rm(before, { recursive: true, force: true });
});

const row = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
  (await client.query(sql, params)).rows[0] as T;

describe("the systemic-error flag carried over into the register", () => {
  it("opens an error for each flagged feedback and links it", async () => {
    const region = await row<{ id: string }>(
      `INSERT INTO "Region" (id, code, name, "updatedAt") VALUES (gen_random_uuid(), '67', 'Смоленская область', now()) RETURNING id`,
    );
    const authority = await row<{ id: string }>(
      `INSERT INTO "Organisation" (id, "regionId", name, kind, "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Управление образования', 'AUTHORITY', now()) RETURNING id`,
      [region.id],
    );
    const service = await row<{ id: string }>(
      `INSERT INTO "Service" (id, name, level, "regionId", "competentAuthorityId", "updatedAt")
       VALUES (gen_random_uuid(), 'Запись в детский сад', 'MUNICIPAL', $1, $2, now()) RETURNING id`,
      [region.id, authority.id],
    );
    const category = await row<{ id: string }>(
      `INSERT INTO "FeedbackCategory" (id, code, name, "slaDays", "updatedAt")
       VALUES (gen_random_uuid(), 'COMPLAINT', 'Жалоба', 30, now()) RETURNING id`,
    );
    const feedback = (flagged: boolean) =>
      row<{ id: string }>(
        `INSERT INTO "Feedback" (id, "categoryId", "subjectType", "serviceId", "regionId", text, "receivedAt", "dueAt", "systemicError", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'SERVICE', $2, $3, 'Форма не принимает СНИЛС', '2026-11-02T09:00:00Z', '2026-12-02T09:00:00Z', $4, now())
         RETURNING id`,
        [category.id, service.id, region.id, flagged],
      );
    const flagged = await feedback(true);
    const plain = await feedback(false);

    await migrate(database.url);

    const errors = (await client.query(`SELECT * FROM "SystemicError"`)).rows;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      id: flagged.id,
      regionId: region.id,
      serviceId: service.id,
      authorityId: authority.id,
      title: "Системная ошибка по обращению от 02.11.2026",
      description: "Форма не принимает СНИЛС",
      status: "OPEN",
    });
    expect((errors[0].dueAt as Date).toISOString().slice(0, 10)).toBe("2026-12-02");
    const links = await client.query(
      `SELECT id, "systemicErrorId" FROM "Feedback" ORDER BY "systemicErrorId" NULLS LAST`,
    );
    expect(links.rows).toEqual([
      { id: flagged.id, systemicErrorId: flagged.id },
      { id: plain.id, systemicErrorId: null },
    ]);
    const flag = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Feedback' AND column_name = 'systemicError'`,
    );
    expect(flag.rowCount).toBe(0);
  });
});
