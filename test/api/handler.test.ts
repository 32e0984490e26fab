import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { clientAddressOf, handler } from "../../api/handler.js";
import { prisma } from "../../api/lib/db.js";
import { accountKey, addressKey } from "../../api/lib/sign-in-throttle.js";
import { asUser } from "../helpers/graphql.js";

let authorization = "";
beforeAll(async () => {
  authorization = (await asUser("auditor@dostup.local")).authorization ?? "";
});

/** A real HTTP API (payload format 2.0) event, as API Gateway sends it. */
function event(overrides: Partial<APIGatewayProxyEventV2> & { method?: string }): APIGatewayProxyEventV2 {
  const { method = "POST", ...rest } = overrides;
  return {
    version: "2.0",
    routeKey: `${method} /graphql`,
    rawPath: "/graphql",
    rawQueryString: "",
    headers: { "content-type": "application/json", host: "api.example.org", accept: "application/json", authorization },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "api.example.org",
      domainPrefix: "api",
      http: { method, path: "/graphql", protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "vitest" },
      requestId: "req-1",
      routeKey: `${method} /graphql`,
      stage: "$default",
      time: "21/Nov/2026:10:00:00 +0000",
      timeEpoch: 1_795_255_200_000,
    },
    isBase64Encoded: false,
    ...rest,
  };
}

const lambdaContext = { functionName: "dostup-test-graphql", awsRequestId: "req-1" } as Context;

async function invoke(e: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return (await handler(e, lambdaContext)) as APIGatewayProxyStructuredResultV2;
}

describe("Lambda handler", () => {
  it("answers a GraphQL query from an API Gateway v2 event", async () => {
    const result = await invoke(
      event({ body: JSON.stringify({ query: "{ centres(first: 3) { totalCount edges { node { name } } } }" }) }),
    );
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["content-type"]).toMatch(/application\/(graphql-response\+)?json/);
    const body = JSON.parse(result.body ?? "{}");
    expect(body.errors).toBeUndefined();
    expect(body.data.centres.totalCount).toBeGreaterThan(0);
    expect(body.data.centres.edges).toHaveLength(3);
  });

  it("decodes a base64-encoded body", async () => {
    const body = Buffer.from(JSON.stringify({ query: "{ regions(first: 1) { totalCount } }" })).toString("base64");
    const result = await invoke(event({ body, isBase64Encoded: true }));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? "{}").data.regions.totalCount).toBeGreaterThanOrEqual(6);
  });

  it("answers a malformed body with 400 and a readable error, not a crash", async () => {
    const result = await invoke(event({ body: '{"query": "{ centres { totalCount } ' }));
    expect(result.statusCode).toBe(400);
    const body = JSON.parse(result.body ?? "{}");
    expect(body.errors[0].message).toMatch(/POST body|JSON/i);
  });

  it("refuses a body over 4 MiB with 413, plain or base64", async () => {
    const json = JSON.stringify({
      query: "{ regions(first: 1) { totalCount } }",
      variables: { pad: "x".repeat(5 * 1024 * 1024) },
    });
    for (const refused of [
      await invoke(event({ body: json })),
      await invoke(event({ body: Buffer.from(json).toString("base64"), isBase64Encoded: true })),
    ]) {
      expect(refused.statusCode).toBe(413);
      expect(JSON.parse(refused.body ?? "{}").errors[0].extensions).toEqual({ code: "REQUEST_ENTITY_TOO_LARGE" });
    }
    // Just under the limit, the same padding is only unused variables.
    const under = JSON.stringify({
      query: "{ regions(first: 1) { totalCount } }",
      variables: { pad: "x".repeat(4 * 1024 * 1024 - 100) },
    });
    const answered = await invoke(event({ body: Buffer.from(under).toString("base64"), isBase64Encoded: true }));
    expect(answered.statusCode).toBe(200);
    expect(JSON.parse(answered.body ?? "{}").data.regions.totalCount).toBeGreaterThanOrEqual(6);
  });

  it("serves /health through the same function", async () => {
    const result = await invoke(event({ method: "GET", rawPath: "/health", routeKey: "GET /health", body: undefined }));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? "{}")).toEqual({ db: "ok", s3: "ok" });
  });

  it("counts sign-in attempts against the source address, never an address the caller claims", async () => {
    const email = `handler-${Date.now()}@dostup.local`;
    const spoofed = event({
      headers: {
        "content-type": "application/json",
        "x-dostup-viewer-address": "192.0.2.200",
        "x-dostup-edge": "a guess at the edge secret",
      },
      body: JSON.stringify({
        query: `mutation { login(input: { email: "${email}", password: "wrong" }) { __typename } }`,
      }),
    });
    const result = await invoke(spoofed);
    expect(JSON.parse(result.body ?? "{}").data.login.__typename).toBe("InvalidCredentialsError");
    expect(await prisma.loginThrottle.findUnique({ where: { key: addressKey("203.0.113.7") } })).not.toBeNull();
    expect(await prisma.loginThrottle.findUnique({ where: { key: addressKey("192.0.2.200") } })).toBeNull();
    expect(await prisma.loginThrottle.findUnique({ where: { key: accountKey(email) } })).not.toBeNull();
  });

  it("takes the viewer's address from CloudFront only with the edge secret", () => {
    const through = (headers: Record<string, string>) =>
      clientAddressOf(event({ headers }), "the-edge-secret-of-this-stage-0123456789");
    const viewer = { "x-dostup-viewer-address": "192.0.2.10" };
    expect(through({ ...viewer, "x-dostup-edge": "the-edge-secret-of-this-stage-0123456789" })).toBe("192.0.2.10");
    expect(through({ ...viewer, "x-dostup-edge": "wrong" })).toBe("203.0.113.7");
    expect(through(viewer)).toBe("203.0.113.7");
    // A stage without CloudFront in front (no secret configured) trusts no header at all.
    expect(clientAddressOf(event({ headers: { ...viewer, "x-dostup-edge": "" } }), undefined)).toBe("203.0.113.7");
  });
});
