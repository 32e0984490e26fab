import { mkdtemp, readdir, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, readMailbox } from "../../api/lib/embedded.js";
import { type LocalServer, startLocalServer, stopLocalServer } from "../helpers/local-server.js";

let dataDir: string;
let ports: { http: number; pglite: number; s3: number };

type Started = LocalServer;

const start = (stack = { dataDir, ports }, env: NodeJS.ProcessEnv = {}): Promise<Started> =>
  startLocalServer({ ...stack, env });
const stop = (server: Started): Promise<number> => stopLocalServer(server);

/** Signs in as the demo administrator, as a user of the started server would. */
async function post<T>(query: string, token?: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${ports.http}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: T }).data;
}

async function login(email: string): Promise<string> {
  const data = await post<{ login: { data: { token: string } } }>(
    `mutation { login(input: { email: "${email}", password: "dostup" }) { ... on LoginSuccess { data { token } } } }`,
  );
  return data.login.data.token;
}

const adminToken = () => login("admin@dostup.local");

async function centresTotal(): Promise<number> {
  return (await post<{ centres: { totalCount: number } }>("{ centres(first: 1) { totalCount } }", await adminToken()))
    .centres.totalCount;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "dostup-server-"));
  ports = { http: await freePort(), pglite: await freePort(), s3: await freePort() };
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm start on the embedded stack", () => {
  it("starts with demo data, stops on Ctrl-C and finds the same data on the next start", async () => {
    const first = await start();
    expect(first.output()).toContain(`http://localhost:${ports.http}/graphql`);
    expect(first.output()).toContain("demo data seeded");
    expect(first.output()).toContain("admin@dostup.local");
    const health = await fetch(`http://127.0.0.1:${ports.http}/health`);
    expect(await health.json()).toEqual({ db: "ok", s3: "ok" });
    const total = await centresTotal();
    expect(total).toBeGreaterThan(100);
    const admin = await fetch(`http://127.0.0.1:${ports.http}/admin/`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<div id="root">');

    // The demo curator's digest went to the local SMTP server, which kept it under .data/mail/;
    // it names things of the curator's regions only, and the inbox's bell counts them.
    const mailDir = join(dataDir, "mail");
    expect(first.output()).toContain(`kept in ${mailDir}`);
    const curatorMail = async () =>
      (await readMailbox(mailDir)).filter((mail) => mail.to.includes("curator@dostup.local"));
    const [digest, ...more] = await curatorMail();
    expect(more).toEqual([]);
    const count = Number(/^Доступ: (\d+) нов/.exec(digest?.subject ?? "")?.[1]);
    expect(count).toBeGreaterThan(0);
    const curator = await login("curator@dostup.local");
    expect(
      (await post<{ unreadNotificationCount: number }>("{ unreadNotificationCount }", curator)).unreadNotificationCount,
    ).toBe(count);
    const everyRegion = await post<{ regions: { edges: { node: { code: string; name: string } }[] } }>(
      "{ regions(first: 100) { edges { node { code name } } } }",
      await adminToken(),
    );
    const named = everyRegion.regions.edges.map((e) => e.node).filter((region) => digest?.text.includes(region.name));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((region) => !["67", "18"].includes(region.code))).toEqual([]);
    expect(digest?.text).toContain(`http://localhost:${ports.http}/admin/#/`);

    // An auditor downloads a seeded report file, and the access log shows it.
    const auditor = await login("auditor@dostup.local");
    const files = await post<{ reports: { edges: { node: { files: { id: string; name: string }[] } }[] } }>(
      '{ reports(first: 10, filter: { scope: REGION, periodFrom: "2018-01-01", periodTo: "2018-01-01" }) { edges { node { files { id name } } } } }',
      auditor,
    );
    const file = files.reports.edges.flatMap((e) => e.node.files).find((f) => f.name.endsWith(".xlsx"));
    expect(file).toBeDefined();
    const download = await post<{ fileDownloadUrl: { data: { url: string } } }>(
      `{ fileDownloadUrl(input: { fileId: "${file?.id}", purpose: "Проверка отчёта" }) { ... on QueryFileDownloadUrlSuccess { data { url } } } }`,
      auditor,
    );
    // The link leads through the server's own download layer, which adds nosniff.
    const url = download.fileDownloadUrl.data.url;
    expect(url.startsWith(`http://localhost:${ports.http}/downloads/`)).toBe(true);
    const body = await fetch(url);
    expect(body.status).toBe(200);
    expect(body.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(body.headers.get("x-content-type-options")).toBe("nosniff");
    expect(body.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect((await body.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const log = await post<{ fileAccesses: { edges: { node: { purpose: string; role: string } }[] } }>(
      "{ fileAccesses(first: 5) { edges { node { purpose role } } } }",
      auditor,
    );
    expect(log.fileAccesses.edges[0]?.node).toEqual({ purpose: "Проверка отчёта", role: "AUDITOR" });

    // A row written straight to the database must survive the restart too.
    const db = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${ports.pglite}/postgres` });
    await db.connect();
    await db.query(
      `INSERT INTO "Region" (id, code, name, "updatedAt") VALUES (gen_random_uuid(), '98', 'Проверочный регион', now())`,
    );
    await db.end();

    const stopMs = await stop(first);
    expect(first.output()).toContain("Stopped.");
    expect(stopMs).toBeLessThan(5000);

    const second = await start();
    expect(second.output()).not.toContain("demo data seeded");
    // The same day, nothing new: no second digest.
    expect(await curatorMail()).toHaveLength(1);
    expect(second.output()).toContain("admin@dostup.local");
    expect(await centresTotal()).toBe(total);
    const regions = await post<{ regions: { totalCount: number } }>(
      '{ regions(first: 1, filter: { search: "Проверочный" }) { totalCount } }',
      await adminToken(),
    );
    expect(regions.regions.totalCount).toBe(1);
    await stop(second);
    process.stdout.write(
      `npm start: first answer after ${first.readyMs} ms (with seeding), ${second.readyMs} ms (restart)\n`,
    );
  }, 180_000);
});

// ── The admin panel's responses ──

/** A GET with the path sent byte for byte (fetch would resolve `..` before sending it). */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the admin panel over HTTP", () => {
  const stack = { dataDir: "", ports: { http: 0, pglite: 0, s3: 0 } };
  let server: Started | undefined;
  let asset: string;

  beforeAll(async () => {
    stack.dataDir = await mkdtemp(join(tmpdir(), "dostup-admin-http-"));
    stack.ports = { http: await freePort(), pglite: await freePort(), s3: await freePort() };
    const built = await readdir(new URL("../../admin/dist/assets/", import.meta.url));
    asset = `/admin/assets/${built.find((name) => name.endsWith(".js"))}`;
    server = await start(stack, { DOSTUP_DEMO: "off" });
  }, 180_000);

  afterAll(async () => {
    if (server) await stop(server);
    await rm(stack.dataDir, { recursive: true, force: true });
  });

  const get = (path: string, headers?: Record<string, string>) => rawGet(stack.ports.http, path, headers);

  it("sends the panel, its assets, its client routes and its errors with CSP, nosniff, frame and referrer headers", async () => {
    for (const path of ["/admin/", "/admin/index.html", asset, "/admin/centres/abc/show", "/admin/%E0%A4%A"]) {
      const response = await get(path);
      expect(response.headers["x-content-type-options"], path).toBe("nosniff");
      expect(response.headers["x-frame-options"], path).toBe("DENY");
      expect(response.headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      const csp = Object.fromEntries(
        (response.headers["content-security-policy"] ?? "").split("; ").map((d) => {
          const [name, ...sources] = d.split(" ");
          return [name, sources];
        }),
      );
      const s3 = `http://127.0.0.1:${stack.ports.s3}`;
      expect(csp, path).toEqual({
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        // Photos come through the download layer, here the server itself under /downloads/.
        "img-src": ["'self'", "data:", "blob:", s3, `http://localhost:${stack.ports.http}`],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", s3],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      });
    }
    const script = await get(asset);
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
  });

  it("answers a path that is not valid percent-encoding with 400, not 500", async () => {
    for (const path of [
      "/admin/%E0%A4%A",
      "/admin/%",
      "/admin/%zz",
      "/admin/assets/%C0%AF",
      "/admin/centres/%E0%A4%A?x=1",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.body, path).toMatch(/percent-encoding/);
    }
  });

  it("reads nothing outside the panel, whatever the .. is spelled like", async () => {
    const refused = [
      "/admin/../package.json",
      "/admin/../../etc/passwd",
      "/admin/assets/../../../package.json",
      "/admin/%2e%2e/package.json",
      "/admin/%2E%2E/%2E%2E/package.json",
      "/admin/..%2fpackage.json",
      "/admin/..%2F..%2Fapi%2Fserver.ts",
      "/admin/..%5cpackage.json",
      "/admin/..\\package.json",
      "/admin/assets/..%2f..%2f..%2fpackage.json",
      "/admin/index.html%00.js",
    ];
    for (const path of refused) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.body, path).not.toMatch(/"name": "dostup"|root:|createServer/);
    }
    // Look-alikes that name no parent folder stay inside: the app shell, or a 404 under assets/.
    for (const path of [
      "/admin/....//....//package.json",
      "/admin/%252e%252e/package.json",
      "/admin/.../package.json",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.body, path).toContain('<div id="root">');
    }
    const missing = await get("/admin/assets/nothing-here.js");
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('<div id="root">');
  });

  it("keeps GraphiQL at /graphql outside the panel's policy", async () => {
    const response = await get("/graphql", { accept: "text/html" });
    expect(response.status).toBe(200);
    expect(response.body).toMatch(/graphiql/i);
    expect(response.headers["content-security-policy"]).toBeUndefined();
  });

  it("serves the partner guide at /docs/ in Russian and at /docs/en/ in English, and prints where", async () => {
    expect(server?.output()).toContain(`  Docs      http://localhost:${stack.ports.http}/docs/`);
    const russian = await get("/docs/");
    expect(russian.status).toBe(200);
    expect(russian.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(russian.body).toContain("<title>«Доступ» для партнёров: руководство по API</title>");
    expect(russian.headers["x-content-type-options"]).toBe("nosniff");
    const english = await get("/docs/en/");
    expect(english.status).toBe(200);
    expect(english.body).toContain("<title>Dostup for partners: the API guide</title>");
  });
});
