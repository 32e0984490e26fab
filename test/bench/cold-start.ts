// Cold start of the Lambda bundle: `serverless package` (as a deploy runs it, offline), then
// fresh `node` processes that import the unzipped graphql handler and answer one API Gateway
// (HTTP API, payload 2.0) event each, timed from spawn to the answer.
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { apiEvent, packageServerless, unzipFunction } from "../helpers/serverless.js";
import type { Fixtures } from "./fixtures.js";
import { problemOf } from "./operations.js";
import { COLD_RUNS, GOALS, percentile, print, type Results } from "./options.js";
import { root } from "./processes.js";

const run = promisify(execFile);

export interface PackageResult {
  dir: string;
  seconds: number;
  /** Zip sizes in bytes, by function. */
  zips: Record<string, number>;
}

export async function packageFunctions(dir: string): Promise<PackageResult> {
  const seconds = await packageServerless(dir, "bench");
  const zips: Record<string, number> = {};
  for (const name of await readdir(dir)) {
    if (name.endsWith(".zip")) zips[name.replace(/\.zip$/, "")] = (await stat(join(dir, name))).size;
  }
  return { dir, seconds, zips };
}

/**
 * The Node.js the cold start runs on: Lambda's (nodejs22.x), not this machine's Node 20. Node 22
 * comes from the npm registry (the `node` package), installed once under node_modules/.cache;
 * where that cannot be done, this machine's node, said in the result.
 */
export async function lambdaNode(): Promise<{ path: string; version: string }> {
  const dir = join(root, "node_modules/.cache/dostup-node-22");
  const bin = join(dir, "node_modules/.bin/node");
  if (!existsSync(bin)) {
    await mkdir(dir, { recursive: true });
    try {
      await run("npm", ["install", "--prefix", dir, "--no-save", "--no-audit", "--no-fund", "node@22"], {
        timeout: 300_000,
      });
    } catch {
      return { path: process.execPath, version: process.version };
    }
  }
  const { stdout } = await run(bin, ["--version"]);
  return { path: bin, version: stdout.trim() };
}

export interface ColdRun {
  /** Spawn → answer received, as the parent sees it. */
  totalMs: number;
  /** Spawn → the process has exited (its teardown is no part of a Lambda's answer). */
  exitMs: number;
  /** Inside the child, from its time origin: handler module imported, answer ready. */
  importedMs: number;
  answeredMs: number;
  statusCode: number;
  peakRssMiB: number;
  /** Whether Node loaded its own fetch (undici), ~20 ms that the handler never needs. */
  undici: boolean;
}

/** Unzips graphql.zip next to the package and prepares a one-event runner; returns its folder. */
export async function prepareBundle(packageDir: string): Promise<string> {
  // The handler never hashes a password for a bearer token, but it loads the native hasher.
  const app = await unzipFunction(packageDir, "graphql");
  await writeFile(
    join(app, "cold.mjs"),
    `import { readFileSync } from "node:fs";
const { handler } = await import("./api/handler.mjs");
const importedMs = performance.now();
const result = await handler(JSON.parse(process.argv[2]), { functionName: "dostup-bench-graphql" });
const answeredMs = performance.now();
const hwm = Number(/^VmHWM:\\s+(\\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? "NaN");
const undici = process.moduleLoadList.some((name) => name.includes("undici"));
process.stdout.write(JSON.stringify({ importedMs, answeredMs, statusCode: result.statusCode, body: result.body, peakRssMiB: hwm / 1024, undici }));
process.exit(0);
`,
  );
  return app;
}

export function coldRun(
  app: string,
  event: unknown,
  env: NodeJS.ProcessEnv,
  node = process.execPath,
): Promise<ColdRun & { body: string }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(node, ["cold.mjs", JSON.stringify(event)], { cwd: app, env });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    let answeredAt = Number.NaN;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      answeredAt = performance.now();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", fail);
    child.once("exit", (code) => {
      const exitMs = performance.now() - started;
      const totalMs = answeredAt - started;
      clearTimeout(timer);
      if (code !== 0) {
        fail(new Error(`cold start run failed (${code}): ${stderr.slice(-2000)}`));
        return;
      }
      try {
        done({ totalMs, exitMs, ...(JSON.parse(stdout) as Omit<ColdRun, "totalMs" | "exitMs"> & { body: string }) });
      } catch (error) {
        fail(new Error(`cold start run answered ${stdout.slice(0, 500)} ${stderr.slice(-500)}`, { cause: error }));
      }
    });
  });
}

/** The environment a cold start runs with: the bench's database and S3, as a deployed function. */
export interface ColdStartEnv {
  tmp: string;
  jwtSecret: string;
  databaseUrl: string;
  bucket: string;
  s3Endpoint: string;
}

/** The zip's size, then COLD_RUNS cold starts answering one authenticated Q1-like query. */
export async function measureColdStart(f: Fixtures, stack: ColdStartEnv, { rows, json }: Results): Promise<void> {
  print("serverless package (stage bench)…");
  const packaged = await packageFunctions(join(stack.tmp, "package"));
  print(`  packaged in ${packaged.seconds.toFixed(0)} s: ${JSON.stringify(packaged.zips)}`);
  const zip = packaged.zips.graphql ?? Number.NaN;
  rows.push({
    figure: "graphql.zip size",
    value: `${(zip / 1024 / 1024).toFixed(2)} MB`,
    goal: "<= 2 MB",
    status: zip <= GOALS.zipBytes ? "OK" : "MISS",
  });
  const app = await prepareBundle(packaged.dir);
  const node = await lambdaNode();
  const event = apiEvent(
    "POST",
    "/graphql",
    JSON.stringify({
      query: "query Cold($id: ID!) { node(id: $id) { ... on Centre { id name address } } }",
      variables: { id: f.centreIds[0] },
    }),
    f.admin,
  );
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    JWT_SECRET: stack.jwtSecret,
    LOG_LEVEL: "warn",
    AWS_LAMBDA_FUNCTION_NAME: "dostup-bench-graphql",
    AWS_REGION: "eu-central-1",
    LAMBDA_TASK_ROOT: app,
    DATABASE_URL: stack.databaseUrl,
    S3_BUCKET: stack.bucket,
    S3_ENDPOINT: stack.s3Endpoint,
  };
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const result = await coldRun(app, event, env, node.path);
    if (result.statusCode !== 200 || problemOf(result.body)) {
      throw new Error(`cold start answered ${result.statusCode}: ${result.body.slice(0, 300)}`);
    }
    const { body: _body, ...timing } = result;
    runs.push(timing);
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  const p50 = median(runs.map((r) => r.totalMs));
  const importP50 = median(runs.map((r) => r.importedMs));
  const answerP50 = median(runs.map((r) => r.answeredMs - r.importedMs));
  const exitP50 = median(runs.map((r) => r.exitMs));
  const peak = Math.max(...runs.map((r) => r.peakRssMiB));
  const undici = runs.some((r) => r.undici);
  print(
    `  cold start ×${COLD_RUNS}: p50 ${p50.toFixed(0)} ms (node + import of the handler ${importP50.toFixed(0)} ms, ` +
      `first answer ${answerP50.toFixed(0)} ms), peak RSS ${peak.toFixed(0)} MiB`,
  );
  rows.push(
    {
      figure: `cold start p50 of ${COLD_RUNS} (spawn → answer, Node ${node.version})`,
      value: `${p50.toFixed(0)} ms`,
      goal: `<= ${GOALS.coldStartP50Ms} ms`,
      status: p50 <= GOALS.coldStartP50Ms ? "OK" : "MISS",
    },
    {
      figure: "  of which node start + handler import / first answer",
      value: `${importP50.toFixed(0)} / ${answerP50.toFixed(0)} ms`,
      goal: "-",
      status: "INFO",
    },
    {
      figure: "  spawn → the process has exited (teardown, no part of an answer)",
      value: `${exitP50.toFixed(0)} ms`,
      goal: "-",
      status: "INFO",
    },
    { figure: "cold start peak RSS", value: `${peak.toFixed(0)} MiB`, goal: "-", status: "INFO" },
    {
      figure: "  Node's fetch (undici) loaded by a cold answer",
      value: undici ? "yes" : "no",
      goal: "no",
      status: undici ? "MISS" : "OK",
    },
  );
  json.package = packaged;
  json.coldStart = { node: node.version, runs, p50, importP50, answerP50, exitP50, peakRssMiB: peak };
}
