// The pieces the load and fault runs share: a uniquely named database on a real PostgreSQL
// server (migrated and seeded with the demo), the real server started as a child process
// (so it can be killed and restarted like in production), and a GraphQL client that times
// every request and never waits forever.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../api/generated/prisma/client.js";
import { freePort } from "../../api/lib/embedded.js";
import { migrate } from "../../api/lib/migrate.js";
import { seedDemo } from "../../prisma/seed/demo.js";
import { createTestDatabase } from "../helpers/databases.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface Database {
  name: string;
  url: string;
  /** Drops the database, closing whatever connections are left. */
  drop(): Promise<void>;
}

/** A new, empty database on the server `serverUrl` points at (the main suite's helper). */
export async function createDatabase(serverUrl: string, label: string): Promise<Database> {
  const database = await createTestDatabase(serverUrl, label);
  return { name: new URL(database.url).pathname.slice(1), url: database.url, drop: () => database.stop() };
}

/** Applies the migrations and seeds the demo data set (regions, centres, users, reports). */
export async function migrateAndSeed(url: string): Promise<void> {
  await migrate(url);
  // A client of its own, not api/lib/db.ts: that module reads the server's configuration.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  try {
    await seedDemo(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

export interface ServerOptions {
  databaseUrl: string;
  /** An S3 endpoint to use; without one the server starts its own embedded s3rver. */
  s3Endpoint?: string;
  s3Bucket?: string;
  dataDir: string;
  port?: number;
  /** Longest wait for "ready" before giving up. */
  startTimeoutMs?: number;
  env?: Record<string, string>;
}

export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote (stdout and stderr), for diagnosing a failure. */
  output(): string;
  /** SIGTERM and wait (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** SIGKILL: the process dies mid-whatever, as in a crash or an OOM kill. */
  kill9(): Promise<void>;
  exited(): boolean;
}

/**
 * Starts `api/server.ts` as its own Node process (one process: `node --import tsx`, so a
 * signal reaches the server itself, not a wrapper) and waits until it says it is ready.
 */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    DOSTUP_DATA_DIR: options.dataDir,
    S3_BUCKET: options.s3Bucket ?? "dostup-load",
    S3RVER_PORT: String(await freePort()),
    // Its own local SMTP server on a free port (a restarted server may overlap the old one).
    SMTP_PORT: "0",
    LOG_LEVEL: "warn",
    NODE_ENV: "development",
    ...options.env,
  };
  // The parent's test-runner variables would make config choose the silent log level.
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  delete env.NODE_OPTIONS;
  if (options.s3Endpoint) env.S3_ENDPOINT = options.s3Endpoint;
  else delete env.S3_ENDPOINT;

  const child = spawn(process.execPath, ["--import", "tsx", "api/server.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    // A long run logs a lot; the tail is what explains a failure.
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let exitedFlag = false;
  const exit = new Promise<void>((done) => {
    child.once("exit", () => {
      exitedFlag = true;
      done();
    });
  });

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  while (!output.includes("Dostup is ready")) {
    if (exitedFlag) throw new Error(`The server exited before it was ready:\n${output.slice(-4000)}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server was not ready within the time allowed:\n${output.slice(-4000)}`);
    }
    await sleep(100);
  }

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited: () => exitedFlag,
    async stop() {
      if (exitedFlag) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(timer);
    },
    async kill9() {
      if (exitedFlag) return;
      child.kill("SIGKILL");
      await exit;
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

export async function tempDir(label: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `dostup-${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

// ───────────────────────────── GraphQL over HTTP ─────────────────────────────

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: (string | number)[];
}

export interface Answer<T = Record<string, unknown>> {
  /** HTTP status; 0 when no answer came (network error or timeout). */
  status: number;
  ms: number;
  data?: T | null;
  errors?: GraphQLErrorBody[];
  /** "timeout" or the network error's code/message when status is 0. */
  failure?: string;
}

/** One POST /graphql; resolves (never rejects) within `timeoutMs`. */
export async function graphql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<Answer<T>> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    try {
      const body = JSON.parse(text) as { data?: T | null; errors?: GraphQLErrorBody[] };
      return { status: response.status, ms, data: body.data, errors: body.errors };
    } catch {
      return { status: response.status, ms, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
  } catch (error) {
    const ms = performance.now() - started;
    const err = error as Error & { cause?: { code?: string } };
    const failure =
      err.name === "TimeoutError" || err.name === "AbortError" ? "timeout" : (err.cause?.code ?? err.message);
    return { status: 0, ms, failure };
  }
}

/** Signs in a demo user and returns the Authorization header. */
export async function signIn(baseUrl: string, email: string, password = "dostup"): Promise<Record<string, string>> {
  const answer = await graphql<{ login: { __typename: string; data?: { token: string } } }>(
    baseUrl,
    `mutation L($input: LoginInput!) { login(input: $input) { __typename ... on LoginSuccess { data { token } } } }`,
    { input: { email, password } },
  );
  const token = answer.data?.login.data?.token;
  if (!token) throw new Error(`Sign-in of ${email} failed: ${JSON.stringify(answer)}`);
  return { authorization: `Bearer ${token}` };
}

/** Waits until the server answers a GraphQL query again (after a restart or an outage). */
export async function waitUntilAnswering(baseUrl: string, headers: Record<string, string>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last: Answer | null = null;
  while (Date.now() < deadline) {
    last = await graphql(baseUrl, "{ me { email } }", {}, headers, 5_000);
    if (last.status === 200 && !last.errors && last.data) return Date.now();
    await sleep(250);
  }
  throw new Error(`The server did not answer again within ${timeoutMs} ms; last answer ${JSON.stringify(last)}`);
}

/** Percentile (0–100) of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
