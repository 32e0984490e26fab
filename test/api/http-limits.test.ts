import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../api/lib/embedded.js";
import { type LocalServer, startLocalServer, stopLocalServer } from "../helpers/local-server.js";

const MIB = 1024 * 1024;
const ALLOWED = "https://partner.example.org";
const OTHER = "https://evil.example";

let dataDir: string;
let server: LocalServer | null = null;
let base = "";

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "dostup-http-limits-"));
  server = await startLocalServer({
    ports: { http: await freePort(), pglite: await freePort(), s3: await freePort() },
    dataDir,
    env: { DOSTUP_DEMO: "off", CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` },
  });
  base = server.base;
}, 180_000);

afterAll(async () => {
  if (server) await stopLocalServer(server);
  await rm(dataDir, { recursive: true, force: true });
});

const SMALL = JSON.stringify({ query: "{ __typename }" });

async function graphql(body: BodyInit, headers: Record<string, string> = {}, extra: RequestInit = {}) {
  const began = performance.now();
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    ...extra,
  });
  const text = await response.text();
  return { response, text, ms: Math.round(performance.now() - began) };
}

describe("request bodies", () => {
  it("refuses a body over 4 MiB with 413 and a coded error, then answers the next request", async () => {
    const big = JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(5 * MIB) } });
    const refused = await graphql(big);
    expect(refused.response.status).toBe(413);
    expect(JSON.parse(refused.text)).toEqual({
      errors: [
        {
          message: "The request body is larger than 4 MiB. Send files with requestFileUpload, not inline.",
          extensions: { code: "REQUEST_ENTITY_TOO_LARGE" },
        },
      ],
    });
    const next = await graphql(SMALL);
    expect(JSON.parse(next.text)).toEqual({ data: { __typename: "Query" } });
    process.stdout.write(`HTTP: 5 MiB body refused in ${refused.ms} ms; next request ${next.ms} ms\n`);
  });

  it("refuses a chunked body without a length once 4 MiB have arrived", async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    // 16 MiB of whitespace, streamed: the server stops reading at 4 MiB.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }"'));
        if (sent >= 16 * MIB) controller.enqueue(new TextEncoder().encode("}"));
        if (sent >= 16 * MIB) controller.close();
        else controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const refused = await graphql(body, {}, { duplex: "half" } as RequestInit);
    expect(refused.response.status).toBe(413);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    const next = await graphql(SMALL);
    expect(JSON.parse(next.text)).toEqual({ data: { __typename: "Query" } });
  });

  it("answers a 3 MiB search with the argument's maximum, not a search", async () => {
    const search = JSON.stringify({
      query: "query S($s: String) { regions(filter: { search: $s }) { totalCount } }",
      variables: { s: "x".repeat(3 * MIB) },
    });
    const refused = await graphql(search);
    expect(refused.response.status).toBe(200);
    expect(JSON.parse(refused.text).errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "filter.search",
      maxLength: 200,
    });
    process.stdout.write(`HTTP: 3 MiB search refused in ${refused.ms} ms\n`);
  });
});

describe("CORS", () => {
  it("lets a listed origin read answers, without credentials", async () => {
    const { response } = await graphql(SMALL, { origin: ALLOWED });
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("gives another origin no CORS headers at all", async () => {
    const { response, text } = await graphql(SMALL, { origin: OTHER });
    // The request itself is answered (a browser would hide it from the page); nothing allows it.
    expect(JSON.parse(text)).toEqual({ data: { __typename: "Query" } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("answers a listed origin's preflight with what it may send, and another's with nothing", async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/graphql`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type, authorization, x-api-key",
        },
      });
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(allowed.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(allowed.headers.get("access-control-allow-headers")?.split(", ")).toEqual(
      expect.arrayContaining(["content-type", "authorization", "x-api-key"]),
    );
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    expect(allowed.headers.get("access-control-max-age")).toBe("600");

    const other = await preflight(OTHER);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("access-control-allow-methods")).toBeNull();
    expect(other.headers.get("access-control-allow-headers")).toBeNull();
    expect(other.headers.get("access-control-allow-credentials")).toBeNull();
    // The second listed origin, with its port.
    expect((await preflight("http://localhost:5173")).headers.get("access-control-allow-origin")).toBe(
      "http://localhost:5173",
    );
  });
});
