// The local server (api/server.ts) as `npm start` runs it: a child process on its own ports and
// data folder, on the embedded stack whatever the shell running the tests points at.
import { type ChildProcess, spawn } from "node:child_process";

const root = new URL("../..", import.meta.url).pathname;
const READY_TIMEOUT_MS = 150_000;

/** Settings of the test runner's own stack that must not reach the child. */
const INHERITED = [
  "DATABASE_URL",
  "S3_ENDPOINT",
  "S3_BUCKET",
  "FILES_DOWNLOAD_BASE_URL",
  "SMTP_URL",
  "DOSTUP_MAIL_DIR",
  "ADMIN_URL",
  "MAIL_TRANSPORT",
  "AWS_ACCESS_KEY_ID",
  "AWS_PROFILE",
  "VITEST",
  "VITEST_WORKER_ID",
  "VITEST_POOL_ID",
  "NODE_ENV",
];

export interface LocalServer {
  child: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  /** From the start to "Dostup is ready". */
  readyMs: number;
  base: string;
}

export interface LocalServerOptions {
  ports: { http: number; pglite: number; s3: number };
  dataDir: string;
  /** More settings (DOSTUP_DEMO, CORS_ORIGINS, DOSTUP_ADMIN_DIR…). */
  env?: NodeJS.ProcessEnv;
}

export async function startLocalServer({ ports, dataDir, env: extra = {} }: LocalServerOptions): Promise<LocalServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED) delete env[name];
  Object.assign(env, {
    PORT: String(ports.http),
    PGLITE_PORT: String(ports.pglite),
    S3RVER_PORT: String(ports.s3),
    DOSTUP_DATA_DIR: dataDir,
    // Its own SMTP server on a free port; the mail it receives is kept in <dataDir>/mail.
    SMTP_PORT: "0",
    LOG_LEVEL: "warn",
    ...extra,
  });
  const began = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "api/server.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  while (!output.includes("Dostup is ready")) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() - began > READY_TIMEOUT_MS) {
      child.kill("SIGKILL");
      throw new Error(`The server was not ready in ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output, readyMs: Date.now() - began, base: `http://127.0.0.1:${ports.http}` };
}

/** Stops it as Ctrl-C does (SIGINT), killing it if it does not exit within `timeoutMs`; answers how long it took. */
export async function stopLocalServer(server: LocalServer, timeoutMs = 30_000): Promise<number> {
  const began = Date.now();
  if (server.child.exitCode !== null) return 0;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGINT");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
  return Date.now() - began;
}
