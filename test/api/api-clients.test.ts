// Partner keys that mean what they say: named scopes, a per-minute limit counted in the
// database (so every server process shares it), lastUsedAt written once a minute at most.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "../../api/lib/db.js";
import type { EmbeddedDatabase } from "../../api/lib/embedded.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { defaultMigrationsDir, migrate } from "../../api/lib/migrate.js";
import { authenticatePartnerKey } from "../../api/lib/partner-auth.js";
import { yoga } from "../../api/yoga.js";
import { emptyDatabase } from "../helpers/databases.js";
import { asUser, gql } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";
import { recordSql } from "../helpers/sql.js";

const REGIONS = "{ regions(first: 1) { totalCount } }";

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** A partner request as a client sends it, with the HTTP status and Retry-After header. */
async function request(key: string, query = REGIONS): Promise<Answer> {
  const response = await yoga.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": key },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

const usage = (id: string) =>
  prisma.apiClient.findUniqueOrThrow({
    where: { id },
    select: {
      lastUsedAt: true,
      rateWindowStartedAt: true,
      rateWindowCount: true,
      version: true,
      updatedAt: true,
    },
  });

/** Ends the key's current window as if a minute had passed, without waiting for it. */
/**
 * Lets `seconds` pass for the key's window, on both clocks that keep it: the database's (the
 * window moves back) and this process's (Date.now moves on, so what it leased and its remembered
 * identity lapse as they would). Undone by `vi.useRealTimers()`.
 */
async function moveWindowBack(id: string, seconds = 61): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "ApiClient" SET
      "rateWindowStartedAt" = "rateWindowStartedAt" - make_interval(secs => ${seconds}),
      "lastUsedAt" = "lastUsedAt" - make_interval(secs => ${seconds})
    WHERE id = ${id}::uuid`;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + seconds * 1000);
}

afterEach(() => {
  vi.useRealTimers();
});

/** What one lease of a key of `budget` requests a minute holds (api/lib/partner-auth.ts). */
const leaseOf = (budget: number) => Math.min(1000, Math.max(1, Math.floor(budget / 20)));

describe("createApiClient", () => {
  const create = (input: Record<string, unknown>, admin: Record<string, string>) =>
    gql<{
      createApiClient: {
        __typename: string;
        issues?: { field: string; message: string }[];
        data?: { key: string; apiClient: { id: string; scopes: string[]; rateLimitPerMinute: number } };
      };
    }>(
      `mutation C($input: CreateApiClientInput!) { createApiClient(input: $input) { __typename
        ... on ValidationError { issues { field message } }
        ... on MutationCreateApiClientSuccess { data { key apiClient { id scopes rateLimitPerMinute } } } } }`,
      { input },
      admin,
    );

  it("makes a key with the scopes asked for, and only those open to it", async () => {
    const admin = await asUser("admin@dostup.local");
    const created = await create(
      { name: "Статистика региона (тест)", scopes: ["STATISTICS_READ", "STATISTICS_READ"], rateLimitPerMinute: 30 },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const { key, apiClient } = created.data?.createApiClient.data ?? { key: "", apiClient: null };
    expect(apiClient).toMatchObject({ scopes: ["STATISTICS_READ"], rateLimitPerMinute: 30 });
    const stored = await prisma.apiClient.findFirstOrThrow({ where: { keyPrefix: key.slice(0, 12) } });
    expect(stored.scopes).toEqual(["statistics:read"]);

    const region = await prisma.region.findUniqueOrThrow({ where: { code: "18" } });
    const figures = await request(
      key,
      `{ regionStatistics(regionId: "${toGlobalId("Region", region.id)}", fromYear: 2015, toYear: 2016) { year } }`,
    );
    expect(figures.body.errors).toBeUndefined();
    const registry = await request(key, "{ centres(first: 1) { totalCount } }");
    expect(registry.body.errors?.[0]).toMatchObject({
      message: "This API key does not have the scope registry:read.",
      extensions: { code: "FORBIDDEN", requiredScopes: ["registry:read"] },
    });
    expect(registry.body.data?.centres ?? null).toBeNull();
  });

  it("refuses a key without scopes, or with a limit out of range, and stores nothing", async () => {
    const admin = await asUser("admin@dostup.local");
    const before = await prisma.apiClient.count();
    const none = await create({ name: "Без прав", scopes: [] }, admin);
    expect(none.data?.createApiClient).toEqual({
      __typename: "ValidationError",
      issues: [{ field: "input.scopes", message: "Give at least one scope." }],
    });
    const zero = await create({ name: "Без запросов", scopes: ["REGISTRY_READ"], rateLimitPerMinute: 0 }, admin);
    expect(zero.data?.createApiClient.issues?.[0]?.field).toBe("input.rateLimitPerMinute");
    const unknown = await create({ name: "Старое право", scopes: ["READ"] }, admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await prisma.apiClient.count()).toBe(before);
  });
});

describe("scopes", () => {
  it("keep a statistics key out of the registry and a registry key out of the figures, by any path", async () => {
    const statistics = await partnerKey({ scopes: ["statistics:read"] });
    const registry = await partnerKey({ scopes: ["registry:read"] });
    const centre = await prisma.centre.findFirstOrThrow({
      where: { archivedAt: null, mobileVisits: { some: {} } },
      orderBy: { id: "asc" },
    });
    const report = await prisma.report.findFirstOrThrow({
      where: { published: true, status: "APPROVED", centreId: { not: null } },
      orderBy: { id: "asc" },
    });
    const node = (key: string, id: string) =>
      request(key, `{ node(id: "${id}") { __typename id } }`).then((answer) => answer.body);

    // A statistics key: no centre list, no centre by id (null, as for an unknown id), no
    // centre through a report; the report itself it reads.
    expect((await request(statistics.key, "{ centres(first: 1) { totalCount } }")).body.errors?.[0]?.message).toBe(
      "This API key does not have the scope registry:read.",
    );
    expect(await node(statistics.key, toGlobalId("Centre", centre.id))).toEqual({ data: { node: null } });
    const viaReport = await request(
      statistics.key,
      `{ node(id: "${toGlobalId("Report", report.id)}") { ... on Report { periodStart centre { name address } } } }`,
    );
    expect(viaReport.body.data?.node).toEqual({
      periodStart: report.periodStart.toISOString().slice(0, 10),
      centre: null,
    });
    expect(viaReport.body.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      requiredScopes: ["registry:read"],
    });

    // A registry key: the opposite.
    expect((await request(registry.key, "{ reports(first: 1) { totalCount } }")).body.errors?.[0]?.message).toBe(
      "This API key does not have the scope statistics:read.",
    );
    expect(await node(registry.key, toGlobalId("Report", report.id))).toEqual({ data: { node: null } });
    const visits = await request(
      registry.key,
      `{ node(id: "${toGlobalId("Centre", centre.id)}") { ... on Centre { name mobileVisits(first: 5) { totalCount } } } }`,
    );
    expect(visits.body.data?.node).toBeNull();
    expect(visits.body.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      requiredScopes: ["statistics:read"],
    });
    expect(await node(registry.key, toGlobalId("Centre", centre.id))).toEqual({
      data: { node: { __typename: "Centre", id: toGlobalId("Centre", centre.id) } },
    });
  });
});

describe("rate limit", () => {
  it("answers the first request of a 1/min key and refuses the second within the minute with 429 and Retry-After", async () => {
    const { key } = await partnerKey({ rateLimitPerMinute: 1 });
    const first = await request(key);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();

    const second = await request(key);
    expect(second.status).toBe(429);
    expect(second.body.data ?? null).toBeNull();
    const error = second.body.errors?.[0];
    expect(error?.extensions?.code).toBe("RATE_LIMITED");
    const seconds = Number(second.retryAfter);
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60).toBe(true);
    expect(error?.extensions?.retryAfterSeconds).toBe(seconds);
    expect(error?.extensions).not.toHaveProperty("http");
  });

  it("admits exactly the limit when requests arrive together", async () => {
    const { key } = await partnerKey({ rateLimitPerMinute: 3 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => request(key)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
  });

  it("keeps the count in the database, shared by another server process with its own client", async () => {
    const { id, key } = await partnerKey({ rateLimitPerMinute: 2 });
    expect((await request(key)).status).toBe(200);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "test/helpers/partner-request.ts", key, "2"],
      { env: { ...process.env, LOG_LEVEL: "warn" } },
    );
    // The other process admits the second request of the minute and refuses the third.
    const [second, third] = JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as Answer[];
    expect(second?.status).toBe(200);
    expect(third?.status).toBe(429);
    expect(Number(third?.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(third?.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect((await request(key)).status).toBe(429);
    expect((await usage(id)).rateWindowCount).toBe(2);
  }, 120_000);

  it("opens a new window once the minute is over", async () => {
    const { id, key } = await partnerKey({ rateLimitPerMinute: 1 });
    expect((await request(key)).status).toBe(200);
    expect((await request(key)).status).toBe(429);
    await moveWindowBack(id);
    expect((await request(key)).status).toBe(200);
    expect((await request(key)).status).toBe(429);
  });

  it("authenticates and leases in one SQL statement, then admits from the lease without any", async () => {
    const { id, key } = await partnerKey();
    const { result, statements } = await recordSql(() => authenticatePartnerKey(key));
    expect(result).toEqual({ kind: "partner", apiClientId: id, scopes: ["registry:read", "statistics:read"] });
    expect(statements).toHaveLength(1);
    // The lease is counted in the database at once, as a share of the budget.
    expect((await usage(id)).rateWindowCount).toBe(leaseOf(100_000));
    for (let i = 0; i < 5; i++) {
      const whole = await recordSql(() => request(key));
      expect(whole.result.status).toBe(200);
      expect(whole.statements.filter((sql) => sql.includes('"ApiClient"'))).toHaveLength(0);
    }
    expect((await usage(id)).rateWindowCount).toBe(leaseOf(100_000));
  });

  it("hands back what it leased and did not use when it leases again in the same window", async () => {
    // Eight keys, each at its own instant: the window's start is named to the process to the
    // millisecond, and must match the stored one whatever the microseconds of the clock were
    // (half of all instants once failed to match on PostgreSQL, stranding the lease).
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let i = 0; i < 8; i++) {
      const { id, key } = await partnerKey({ rateLimitPerMinute: 100 });
      expect((await request(key)).status).toBe(200);
      expect((await usage(id)).rateWindowCount).toBe(leaseOf(100));
      // 31 s on, what this process knows of the key lapses (at most 30 s), not the window: the
      // next request leases anew and hands back the rest of the first lease.
      vi.setSystemTime(Date.now() + 31_000);
      expect((await request(key)).status).toBe(200);
      // 1 used of the first lease, a whole new lease taken: nothing stranded.
      expect((await usage(id)).rateWindowCount, `key ${i}`).toBe(1 + leaseOf(100));
    }
  });

  it("still gives a revoked or expired key the one answer for an invalid key, not a 429, and counts nothing", async () => {
    const { id, key } = await partnerKey({ rateLimitPerMinute: 1 });
    expect((await request(key)).status).toBe(200);
    expect((await request(key)).status).toBe(429);
    const admin = await asUser("admin@dostup.local");
    const { version } = await prisma.apiClient.findUniqueOrThrow({ where: { id } });
    const revoked = await gql<{ revokeApiClient: { __typename: string } }>(
      `mutation R($input: VersionedInput!) { revokeApiClient(input: $input) { __typename } }`,
      { input: { id: toGlobalId("ApiClient", id), version } },
      admin,
    );
    expect(revoked.data?.revokeApiClient.__typename).toBe("MutationRevokeApiClientSuccess");
    const expired = await partnerKey({ expiresAt: new Date(Date.now() - 1000) });
    const unknown = await request(`dsp_${"x".repeat(43)}`);
    for (const dead of [key, expired.key]) {
      const answer = await request(dead);
      expect(answer.status).toBe(401);
      expect(answer.retryAfter).toBeNull();
      expect(answer.body).toEqual(unknown.body);
    }
    expect(unknown.body.errors?.[0]?.message).toBe("The API key is not valid.");
    expect((await usage(expired.id)).rateWindowCount).toBe(0);
    expect((await usage(id)).rateWindowCount).toBe(1);
  });
});

describe("lastUsedAt", () => {
  it("is set on first use, kept within the minute, and written again once the minute is over, as usage, not an edit", async () => {
    const { id, key } = await partnerKey();
    const fresh = await usage(id);
    expect(fresh.lastUsedAt).toBeNull();

    expect((await request(key)).status).toBe(200);
    const first = await usage(id);
    expect(first.lastUsedAt).not.toBeNull();
    expect(first.rateWindowStartedAt).toEqual(first.lastUsedAt);
    expect(Math.abs((first.lastUsedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(5 * 60_000);

    expect((await request(key)).status).toBe(200);
    expect((await request(key)).status).toBe(200);
    const within = await usage(id);
    expect(within.lastUsedAt).toEqual(first.lastUsedAt);
    expect(within.rateWindowCount).toBe(leaseOf(100_000));

    await moveWindowBack(id, 120);
    const moved = await usage(id);
    expect((await request(key)).status).toBe(200);
    const after = await usage(id);
    expect(after.lastUsedAt?.getTime()).toBeGreaterThan(moved.lastUsedAt?.getTime() ?? 0);
    expect(after.rateWindowCount).toBe(leaseOf(100_000));

    // Usage is not an edit of the key: no version, no updatedAt, no history entry.
    expect({ version: after.version, updatedAt: after.updatedAt }).toEqual({
      version: fresh.version,
      updatedAt: fresh.updatedAt,
    });
    expect(await prisma.changeLog.count({ where: { entityId: id } })).toBe(0);
  });

  it("is shown to administrators", async () => {
    const { id, key } = await partnerKey({ scopes: ["registry:read"] });
    await request(key);
    const admin = await asUser("admin@dostup.local");
    const shown = await gql<{ node: { lastUsedAt: string | null; scopes: string[] } }>(
      `query N($id: ID!) { node(id: $id) { ... on ApiClient { lastUsedAt scopes } } }`,
      { id: toGlobalId("ApiClient", id) },
      admin,
    );
    const stored = await usage(id);
    expect(stored.lastUsedAt).not.toBeNull();
    expect(shown.data?.node).toEqual({ lastUsedAt: stored.lastUsedAt?.toISOString(), scopes: ["REGISTRY_READ"] });
  });
});

describe("the migration", () => {
  it("gives keys of the old read scope both named scopes", async () => {
    const database: EmbeddedDatabase = await emptyDatabase("apiscopes");
    const dir = await mkdtemp(join(tmpdir(), "dostup-migrations-"));
    const client = new pg.Client({ connectionString: database.url });
    try {
      const names = (await readdir(defaultMigrationsDir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      const ours = names.findIndex((name) => name.endsWith("_api_key_scopes_and_rate_limit"));
      expect(ours).toBeGreaterThan(0);
      for (const name of names.slice(0, ours))
        await cp(join(defaultMigrationsDir, name), join(dir, name), { recursive: true });
      await migrate(database.url, dir);
      await client.connect();
      const insert = (prefix: string, scopes: string[]) =>
        client.query(
          `INSERT INTO "ApiClient" (id, name, "keyPrefix", "keyHash", scopes, "updatedAt")
           VALUES (gen_random_uuid(), $1, $1, rpad($1, 64, '0'), $2, now())`,
          [prefix, scopes],
        );
      await insert("dsp_old_read", ["read"]);
      await insert("dsp_old_none", []);
      await migrate(database.url);
      const { rows } = await client.query(`SELECT "keyPrefix", scopes FROM "ApiClient" ORDER BY "keyPrefix"`);
      expect(rows).toEqual([
        { keyPrefix: "dsp_old_none", scopes: [] },
        { keyPrefix: "dsp_old_read", scopes: ["registry:read", "statistics:read"] },
      ]);
    } finally {
      await client.end().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
      await database.stop();
    }
  }, 120_000);
});
