// Partner reads from the response cache: a repeated published read costs no SQL; answers are
// kept per scope set, so no key ever gets an answer its scopes would not give it; a change shows
// up after its mutation; a revoked or spent key is refused even when an answer is cached; and
// nothing is cached for people signed in.
import { describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { yoga } from "../../api/yoga.js";
import { asUser, gql } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";
import { recordSql } from "../helpers/sql.js";

interface Answer {
  status: number;
  etag: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function ask(key: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await yoga.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": key },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    etag: response.headers.get("etag"),
    body: (await response.json()) as Answer["body"],
  };
}

const CENTRES =
  "{ centres(first: 3, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { id name } } } }";

describe("the partner response cache", () => {
  it("answers a repeated published read without any SQL, the same as the first time", async () => {
    const { key } = await partnerKey({ scopes: ["registry:read"] });
    const first = await recordSql(() => ask(key, CENTRES));
    expect(first.result.status).toBe(200);
    expect(first.statements.length).toBeGreaterThan(0);
    const again = await recordSql(() => ask(key, CENTRES));
    expect(again.statements).toEqual([]);
    expect(again.result.body).toEqual(first.result.body);
    expect(again.result.etag).toBeTruthy();
  });

  it("shares answers between keys of the same scopes only: no key gets another scope's answer", async () => {
    const both = await partnerKey({ scopes: ["registry:read", "statistics:read"] });
    const same = await partnerKey({ scopes: ["statistics:read", "registry:read"] });
    const registryOnly = await partnerKey({ scopes: ["registry:read"] });
    const reports = "{ reports(first: 1) { totalCount } }";
    const answered = await ask(both.key, reports);
    expect(answered.body.errors).toBeUndefined();
    // The same scopes: the cached answer, without SQL (once the key itself is known here).
    await ask(same.key, "{ regions(first: 1) { totalCount } }");
    const shared = await recordSql(() => ask(same.key, reports));
    expect(shared.statements).toEqual([]);
    expect(shared.result.body).toEqual(answered.body);
    // Other scopes: the key's own answer, a refusal.
    const refused = await ask(registryOnly.key, reports);
    expect(refused.body.data?.reports ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("shows a change after its mutation", async () => {
    const { key } = await partnerKey({ scopes: ["registry:read"] });
    const centre = await prisma.centre.findFirstOrThrow({ where: { archivedAt: null, region: { code: "67" } } });
    const id = toGlobalId("Centre", centre.id);
    const query = "query C($id: ID!) { node(id: $id) { ... on Centre { name } } }";
    expect((await ask(key, query, { id })).body.data?.node).toEqual({ name: centre.name });
    expect((await ask(key, query, { id })).body.data?.node).toEqual({ name: centre.name });

    const admin = await asUser("admin@dostup.local");
    const renamed = `${centre.name} (переименован)`;
    const updated = await gql<{ updateCentre: { __typename: string } }>(
      `mutation U($input: UpdateCentreInput!) { updateCentre(input: $input) { __typename } }`,
      { input: { id, version: centre.version, name: renamed } },
      admin,
    );
    expect(updated.data?.updateCentre.__typename).toBe("MutationUpdateCentreSuccess");
    expect((await ask(key, query, { id })).body.data?.node).toEqual({ name: renamed });
  });

  it("refuses a key revoked here, or over its limit, even with an answer cached", async () => {
    const revoked = await partnerKey({ scopes: ["registry:read"] });
    expect((await ask(revoked.key, CENTRES)).status).toBe(200);
    const admin = await asUser("admin@dostup.local");
    const { version } = await prisma.apiClient.findUniqueOrThrow({ where: { id: revoked.id } });
    await gql(
      `mutation R($input: VersionedInput!) { revokeApiClient(input: $input) { __typename } }`,
      { input: { id: toGlobalId("ApiClient", revoked.id), version } },
      admin,
    );
    const after = await ask(revoked.key, CENTRES);
    expect(after.status).toBe(401);
    expect(after.body.data ?? null).toBeNull();

    const spent = await partnerKey({ scopes: ["registry:read"], rateLimitPerMinute: 1 });
    expect((await ask(spent.key, CENTRES)).status).toBe(200);
    const second = await ask(spent.key, CENTRES);
    expect(second.status).toBe(429);
    expect(second.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });

  it("caches nothing for people signed in, and no refusal for anyone", async () => {
    const admin = await asUser("admin@dostup.local");
    await gql(CENTRES, {}, admin);
    const again = await recordSql(() => gql(CENTRES, {}, admin));
    expect(again.statements.length).toBeGreaterThan(0);

    const { key } = await partnerKey({ scopes: ["registry:read"] });
    const refused = "{ users(first: 1) { totalCount } }";
    expect((await ask(key, refused)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const twice = await recordSql(() => ask(key, refused));
    expect(twice.result.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
