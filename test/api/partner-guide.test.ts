// The partner guide cannot go stale: every example of docs/partners.md and docs/partners.en.md
// runs against the API over HTTP, the curl one with the real curl, the fetch one in a fresh
// `node`, each with a key holding only the scope the example names, and each answer must have
// the shape the guide documents. The two guides must hold the same examples.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiScope } from "../../api/lib/api-scopes.js";
import { serveDocs } from "../../api/lib/docs.js";
import { schema } from "../../api/schema.js";
import { yoga } from "../../api/yoga.js";
import { evaluate, GUIDES, type GuideExample, readGuide, shapeProblems } from "../helpers/partner-guide.js";
import { partnerKey } from "../helpers/partners.js";

const run = promisify(execFile);

let server: Server;
let api: string;
let scratch: string;
const keys = new Map<string, string>();
const guides: Record<keyof typeof GUIDES, GuideExample[]> = { ru: [], en: [] };

beforeAll(async () => {
  server = createServer((req, res) => yoga(req, res, { clientAddress: req.socket.remoteAddress }));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  api = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/graphql`;
  scratch = await mkdtemp(join(tmpdir(), "dostup-guide-"));
  guides.ru = await readGuide(GUIDES.ru);
  guides.en = await readGuide(GUIDES.en);
  for (const scope of new Set(guides.ru.map((example) => example.scope)))
    keys.set(scope, (await partnerKey({ name: `Руководство: ${scope}`, scopes: [scope as ApiScope] })).key);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  await rm(scratch, { recursive: true, force: true });
});

/** Only what a partner's shell would have: no test runner settings leak into the examples. */
function partnerEnv(key: string, saved: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: scratch, DOSTUP_API: api, DOSTUP_KEY: key, ...saved };
}

async function curl(example: GuideExample, env: NodeJS.ProcessEnv): Promise<unknown> {
  const { stdout } = await run("sh", ["-c", example.sh], { env, cwd: scratch, timeout: 20_000 });
  return JSON.parse(stdout);
}

async function node(example: GuideExample, env: NodeJS.ProcessEnv): Promise<unknown> {
  const file = join(scratch, `${example.name}.mjs`);
  await writeFile(file, example.js);
  const { stdout } = await run(process.execPath, [file], { env, cwd: scratch, timeout: 20_000 });
  return JSON.parse(stdout);
}

describe.each(Object.keys(GUIDES) as (keyof typeof GUIDES)[])("the %s partner guide", (language) => {
  it("answers every example, as curl and as fetch, in the shape the guide documents", async () => {
    const examples = guides[language];
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const saved: Record<string, string> = {};
    for (const example of examples) {
      const key = keys.get(example.scope);
      expect(key, `${example.name}: a scope the API knows`).toBeDefined();
      const env = partnerEnv(key ?? "", saved);
      for (const [how, answer] of [
        ["curl", await curl(example, env)],
        ["fetch", await node(example, env)],
      ] as const) {
        const label = `${language} ${example.name} (${how}): ${JSON.stringify(answer).slice(0, 600)}`;
        expect(shapeProblems(schema, example.answer, answer), label).toEqual([]);
        expect("errors" in (answer as object), label).toBe(example.expectsErrors);
        for (const { variable, expression } of example.saves) {
          const value = evaluate(answer, expression);
          expect(typeof value, `${label}: ${variable}`).toBe("string");
          // curl and fetch ask the same: the same record (the same feedback, sent twice, included).
          if (variable in saved && how === "fetch") expect(value, `${label}: ${variable}`).toBe(saved[variable]);
          saved[variable] = String(value);
        }
      }
    }
  }, 120_000);
});

describe("the two guides", () => {
  it("hold the same examples, with the same code, scopes and documented answers", () => {
    const outline = (examples: GuideExample[]) => examples.map(({ answer: _answer, ...example }) => example);
    expect(guides.en.length).toBe(guides.ru.length);
    expect(outline(guides.en)).toEqual(outline(guides.ru));
    // The documented answers may differ in language only: the same shape.
    for (const [i, example] of guides.ru.entries())
      expect(shapeProblems(schema, example.answer, guides.en[i]?.answer), example.name).toEqual([]);
  });

  it("cover the partner questions: nearest centres, life situations, statistics, curators, feedback", () => {
    const sh = guides.ru.map((example) => example.sh).join("\n");
    for (const field of [
      "centresNear",
      "lifeSituations",
      "regionStatistics",
      "curatorDirectory",
      "submitCitizenFeedback",
      "feedbackStatus",
    ])
      expect(sh).toContain(field);
  });
});

describe("the shape check", () => {
  it("fails on a renamed field, a changed type, an empty list or an unexpected error", () => {
    const documented = { data: { centresNear: [{ id: "x", name: "Центр", distanceKm: 1.5 }] } };
    const answer = (centres: unknown) => ({ data: { centresNear: centres } });
    expect(shapeProblems(schema, documented, answer([{ id: "y", name: "Другой", distanceKm: 0.3 }]))).toEqual([]);
    expect(shapeProblems(schema, documented, answer([{ id: "y", name: "Другой", distanceKm: null }]))).toEqual([]);
    expect(shapeProblems(schema, documented, answer([{ id: "y", title: "Другой", distanceKm: 0.3 }]))).not.toEqual([]);
    expect(shapeProblems(schema, documented, answer([{ id: "y", name: 5, distanceKm: 0.3 }]))).not.toEqual([]);
    expect(shapeProblems(schema, documented, answer([{ id: null, name: "Другой", distanceKm: 0.3 }]))).not.toEqual([]);
    expect(shapeProblems(schema, documented, answer([]))).not.toEqual([]);
    expect(
      shapeProblems(schema, documented, { ...answer(null), errors: [{ message: "Cannot query field" }] }),
    ).not.toEqual([]);
  });
});

describe("the guide as a page (/docs/)", () => {
  let docs: Server;
  let base: string;
  const home = process.cwd();

  beforeAll(async () => {
    // The server may run from any working directory: the guide is found beside the code.
    process.chdir(tmpdir());
    docs = createServer((req, res) => void serveDocs(req, res));
    await new Promise<void>((done) => docs.listen(0, "127.0.0.1", done));
    const address = docs.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });

  afterAll(async () => {
    process.chdir(home);
    docs.closeAllConnections();
    await new Promise<void>((done) => docs.close(() => done()));
  });

  it("renders each language as one readable page: contents, code, links to the other language, GraphiQL and the panel", async () => {
    for (const [path, title, other, contents] of [
      ["/docs/", "«Доступ» для партнёров: руководство по API", "/docs/en/", "Содержание"],
      ["/docs/en/", "Dostup for partners: the API guide", "/docs/", "Contents"],
    ]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
      const html = await response.text();
      expect(html, path).toContain(`<title>${title}</title>`);
      expect(html, path).toContain(`<a href="${other}"`);
      expect(html, path).toContain('<a href="/graphql">');
      expect(html, path).toContain('<a href="/admin/">');
      expect(html, path).toContain(contents);
      // Every h2 is in the table of contents, linking to its heading.
      const ids = [...html.matchAll(/<h2 id="([^"]+)">/g)].map((match) => match[1]);
      expect(ids.length, path).toBeGreaterThan(5);
      for (const id of ids) expect(html, `${path} #${id}`).toContain(`<a href="#${id}">`);
      expect(html, path).toContain('<pre><code class="language-sh">curl -sS &quot;$DOSTUP_API&quot;');
      // The test's markers stay out of the page; the style is inline, nothing is loaded from elsewhere.
      expect(html, path).not.toContain("<!-- example");
      expect(html, path).not.toMatch(/<script|<link /);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; .*frame-ancestors 'none'$/,
      );
    }
  });

  it("redirects the bare paths, and answers other paths and methods with 404 and 405", async () => {
    for (const [path, location] of [
      ["/docs", "/docs/"],
      ["/docs/en", "/docs/en/"],
    ]) {
      const response = await fetch(`${base}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(301);
      expect(response.headers.get("location"), path).toBe(location);
    }
    for (const path of ["/docs/partners.md", "/docs/../package.json", "/docs/de/", "/docs/en/x"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain("dostup");
    }
    const post = await fetch(`${base}/docs/`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});
