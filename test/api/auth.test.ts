import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { asUser, gql } from "../helpers/graphql.js";

const QUERY = "{ regions(first: 1) { totalCount } }";

describe("credentials", () => {
  it("refuses data to callers without credentials, saying how to get access", async () => {
    const result = await gql<{ regions: { totalCount: number } }>(QUERY);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toMatch(/Sign in/);
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

  it("signs a demo user in and tells who they are with the token", async () => {
    const login = await gql<{
      login: { __typename: string; data: { token: string; me: { email: string; role: string } } };
    }>(
      `mutation { login(input: { email: "Curator@dostup.local ", password: "dostup" }) {
        __typename ... on LoginSuccess { data { token me { email role } } } ... on InvalidCredentialsError { message } } }`,
    );
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.__typename).toBe("LoginSuccess");
    const data = login.data?.login.data ?? { token: "", me: null };
    expect(data.me).toEqual({ email: "curator@dostup.local", role: "CURATOR" });
    const me = await gql<{ me: { email: string; role: string } | null }>(
      "{ me { email role } }",
      {},
      { authorization: `Bearer ${data.token}` },
    );
    expect(me.data?.me).toEqual({ email: "curator@dostup.local", role: "CURATOR" });
    expect((await gql<{ me: null }>("{ me { email } }")).data?.me).toBeNull();
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const query = `mutation L($email: String!) { login(input: { email: $email, password: "wrong" }) {
      __typename ... on InvalidCredentialsError { message } } }`;
    const wrongPassword = await gql<{ login: { __typename: string; message: string } }>(query, {
      email: "admin@dostup.local",
    });
    const unknown = await gql<{ login: { __typename: string; message: string } }>(query, {
      email: "nobody@dostup.local",
    });
    expect(wrongPassword.data?.login).toEqual({
      __typename: "InvalidCredentialsError",
      message: "The email or password is wrong.",
    });
    expect(unknown.data?.login).toEqual(wrongPassword.data?.login);
  });

  it("creates a partner key shown once, stored only as a hash, that works until revoked", async () => {
    const admin = await asUser("admin@dostup.local");
    const created = await gql<{
      createApiClient: {
        __typename: string;
        data: { key: string; apiClient: { id: string; keyPrefix: string; version: number } };
      };
    }>(
      `mutation { createApiClient(input: { name: "Карта центров (тест)", scopes: [REGISTRY_READ] }) { __typename
        ... on MutationCreateApiClientSuccess { data { key apiClient { id keyPrefix version } } } } }`,
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    const { key, apiClient } = created.data?.createApiClient.data ?? {
      key: "",
      apiClient: { id: "", keyPrefix: "", version: 0 },
    };
    expect(Buffer.from(key.replace(/^dsp_/, ""), "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(key.startsWith(apiClient.keyPrefix)).toBe(true);
    const stored = await prisma.apiClient.findFirstOrThrow({ where: { keyPrefix: apiClient.keyPrefix } });
    expect(JSON.stringify(stored)).not.toContain(key);

    const asPartner = { "x-api-key": key };
    const read = await gql<{ regions: { totalCount: number } }>(QUERY, {}, asPartner);
    expect(read.data?.regions.totalCount).toBeGreaterThan(0);
    const write = await gql(
      `mutation { createApiClient(input: { name: "x", scopes: [REGISTRY_READ] }) { __typename } }`,
      {},
      asPartner,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const revoked = await gql<{ revokeApiClient: { __typename: string } }>(
      `mutation R($input: VersionedInput!) { revokeApiClient(input: $input) { __typename } }`,
      { input: { id: apiClient.id, version: apiClient.version } },
      admin,
    );
    expect(revoked.data?.revokeApiClient.__typename).toBe("MutationRevokeApiClientSuccess");
    const after = await gql(QUERY, {}, asPartner);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.message).toBe("The API key is not valid.");
  });

  it("refuses an expired key with the same answer as an unknown one", async () => {
    const key = "dsp_expired_key_for_test_0123456789abcdef";
    const { hashApiKey } = await import("../../api/lib/auth.js");
    await prisma.apiClient.create({
      data: {
        name: "Expired",
        keyPrefix: key.slice(0, 12),
        keyHash: hashApiKey(key),
        scopes: ["registry:read"],
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    const result = await gql(QUERY, {}, { "x-api-key": key });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.message).toBe("The API key is not valid.");
  });
});
