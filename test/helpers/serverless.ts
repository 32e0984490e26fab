// The Lambda side of the tests and the bench: `serverless package` as CI and a deploy run it
// (offline, without AWS credentials), API Gateway's events, and a packaged function run with
// plain Node from its unzipped bundle.
import { execFile } from "node:child_process";
import { cp, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { APIGatewayProxyEventV2 } from "aws-lambda";

export const run = promisify(execFile);
export const root = new URL("../..", import.meta.url).pathname;

/** Packages every function into `dir` for `stage`; the seconds it took. */
export async function packageServerless(dir: string, stage: string, timeout = 300_000): Promise<number> {
  // No AWS credentials or profile may leak in: packaging must not need them.
  const env: NodeJS.ProcessEnv = { ...process.env, SLS_TELEMETRY_DISABLED: "1", SLS_NOTIFICATIONS_MODE: "off" };
  for (const name of Object.keys(env)) if (name.startsWith("AWS_")) delete env[name];
  const started = performance.now();
  try {
    await run(
      process.execPath,
      [join(root, "node_modules/serverless/bin/serverless.js"), "package", "--stage", stage, "--package", dir],
      { cwd: root, env, timeout, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`serverless package failed:\n${stdout ?? ""}\n${stderr ?? ""}`, { cause: error });
  }
  return (performance.now() - started) / 1000;
}

/** An HTTP API (payload format 2.0) event as API Gateway sends it. */
export function apiEvent(
  method: string,
  path: string,
  body?: string,
  extraHeaders: Record<string, string> = {},
): APIGatewayProxyEventV2 {
  return {
    version: "2.0",
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: "",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      host: "api.example.org",
      ...extraHeaders,
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "api.example.org",
      domainPrefix: "api",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "vitest" },
      requestId: "bundle-test",
      routeKey: `${method} ${path}`,
      stage: "$default",
      time: "21/Nov/2026:10:00:00 +0000",
      timeEpoch: 1_795_255_200_000,
    },
    isBase64Encoded: false,
    ...(body ? { body } : {}),
  };
}

/**
 * Unzips `fn` from the package in `dir` beside it, with this machine's build of the native
 * hasher where the zip carries Lambda's (arm64) one. The unzipped function's folder.
 */
export async function unzipFunction(dir: string, fn: string): Promise<string> {
  const app = join(dir, fn);
  await run("unzip", ["-q", "-o", join(dir, `${fn}.zip`), "-d", app]);
  if (!(process.platform === "linux" && process.arch === "arm64")) {
    const nodeRs = join(root, "node_modules/@node-rs");
    const zipped = await readdir(join(app, "node_modules/@node-rs")).catch(() => []);
    for (const name of zipped.length ? await readdir(nodeRs) : []) {
      if (name.startsWith("argon2-")) {
        await cp(join(nodeRs, name), join(app, "node_modules/@node-rs", name), { recursive: true });
      }
    }
  }
  return app;
}

export const BUNDLE_JWT_SECRET = "bundle-test-secret-0123456789abcdefghijklmnop";

/** Runs the unzipped `fn`'s handler with plain Node on each event in turn; its results. */
export async function runBundled(
  dir: string,
  fn: string,
  modulePath: string,
  events: unknown[],
  env: NodeJS.ProcessEnv,
): Promise<unknown[]> {
  const app = await unzipFunction(dir, fn);
  await writeFile(
    join(app, "invoke.mjs"),
    `const { handler } = await import(${JSON.stringify(`./${modulePath}`)});
const results = [];
for (const event of JSON.parse(process.argv[2])) results.push(await handler(event, { functionName: "dostup-test-${fn}" }));
process.stdout.write(JSON.stringify(results));
process.exit(0);
`,
  );
  const { stdout } = await run(process.execPath, ["invoke.mjs", JSON.stringify(events)], {
    cwd: app,
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      JWT_SECRET: BUNDLE_JWT_SECRET,
      LOG_LEVEL: "warn",
      AWS_LAMBDA_FUNCTION_NAME: `dostup-test-${fn}`,
      AWS_REGION: "eu-central-1",
      LAMBDA_TASK_ROOT: app,
      ...env,
    },
  });
  return JSON.parse(stdout) as unknown[];
}
