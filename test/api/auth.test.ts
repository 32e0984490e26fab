import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { gql } from "../helpers/graphql.js";

const QUERY = "{ regions(first: 1) { totalCount } }";

describe("credentials", () => {
  it("lets anyone read the published registry without credentials", async () => {
    const result = await gql<{ regions: { totalCount: number } }>(QUERY);
    expect(result.errors).toBeUndefined();
    expect(result.data?.regions.totalCount).toBeGreaterThan(0);
  });

  it("refuses a token signed with another key", async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("00000000-0000-0000-0000-000000000000")
      .setIssuer("dostup")
      .setAudience("dostup-api")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-server-key-not-the-server-key"));
    const result = await gql(QUERY, {}, { authorization: `Bearer ${forged}` });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.data ?? null).toBeNull();
  });

  it("refuses an unsigned (alg: none) token and a malformed header", async () => {
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"x"}').toString("base64url")}.`;
    expect((await gql(QUERY, {}, { authorization: `Bearer ${none}` })).status).toBe(401);
    expect((await gql(QUERY, {}, { authorization: "Basic abc" })).status).toBe(401);
  });

  it("gives unknown API keys the same answer", async () => {
    const result = await gql(QUERY, {}, { "x-api-key": "dsp_unknown_key_1234567890" });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.message).toBe("The API key is not valid.");
  });
});
