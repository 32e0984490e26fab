// Who is calling, remembered by the process for config.identityCacheSeconds: a warm token or
// key costs no statement; a change made through this process applies at once; one made elsewhere
// (another container, here: straight in the database) within the cache's time, never later.
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../../api/config.js";
import { prisma } from "../../api/lib/db.js";
import { startSession } from "../../api/lib/sessions.js";
import { gql } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";
import { recordSql } from "../helpers/sql.js";
import { newUser } from "../helpers/users.js";

afterEach(() => {
  vi.useRealTimers();
});

/** Lets the cache's time pass for this process (Date only; the database's clock is not involved). */
function letCacheLapse(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + (config.identityCacheSeconds + 1) * 1000);
}

const asksWhoCalls = (sql: string) => sql.includes('"UserSession"') || sql.includes('"ApiClient"');

describe("the identity cache", () => {
  it("is at most 30 s, and on here", () => {
    expect(config.identityCacheSeconds).toBeGreaterThan(0);
    expect(config.identityCacheSeconds).toBeLessThanOrEqual(30);
  });

  it("answers a warm token without asking the database who is calling", async () => {
    const user = await newUser("CURATOR", ["67"]);
    const first = await recordSql(() => gql("{ regions(first: 1) { totalCount } }", {}, user.headers));
    expect(first.result.errors).toBeUndefined();
    expect(first.statements.filter(asksWhoCalls)).toHaveLength(1);
    const second = await recordSql(() => gql("{ regions(first: 1) { totalCount } }", {}, user.headers));
    expect(second.result.errors).toBeUndefined();
    expect(second.statements.filter(asksWhoCalls)).toHaveLength(0);
  });

  it("takes a deactivation made elsewhere into account within its time, not later", async () => {
    const user = await newUser("CURATOR", ["67"]);
    expect((await gql("{ me { email } }", {}, user.headers)).status).toBe(200);
    // Another container deactivates the user: this process still remembers the identity…
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await gql("{ me { email } }", {}, user.headers)).status).toBe(200);
    // …until its time is over.
    letCacheLapse();
    const after = await gql("{ me { email } }", {}, user.headers);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("takes a session ended elsewhere into account within its time, and never outlives the token", async () => {
    const user = await newUser("AUDITOR", ["67"]);
    const session = await startSession(user.id);
    const headers = { authorization: `Bearer ${session.token}` };
    expect((await gql("{ me { email } }", {}, headers)).status).toBe(200);
    await prisma.userSession.update({ where: { id: session.sessionId }, data: { endedAt: new Date() } });
    expect((await gql("{ me { email } }", {}, headers)).status).toBe(200);
    letCacheLapse();
    expect((await gql("{ me { email } }", {}, headers)).status).toBe(401);
  });

  it("takes a key revoked elsewhere into account within its time", async () => {
    const { id, key } = await partnerKey();
    const ask = () => gql("{ regions(first: 1) { totalCount } }", {}, { "x-api-key": key });
    expect((await ask()).status).toBe(200);
    await prisma.apiClient.update({ where: { id }, data: { revokedAt: new Date() } });
    expect((await ask()).status).toBe(200);
    letCacheLapse();
    const after = await ask();
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.message).toBe("The API key is not valid.");
  });
});
