// Starts the real server (`tsx api/server.ts`: embedded PGlite, s3rver, API and the built
// admin) on free ports with a fresh data folder, as `npm start` does, and stops it after.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../api/lib/embedded.js";

const root = new URL("../..", import.meta.url).pathname;
const STARTUP_TIMEOUT_MS = 150_000;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function waitUntilReady(child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with ${child.exitCode}:\n${output()}`);
    }
    if (output().includes("Dostup is ready")) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready in ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminDir = process.env.DOSTUP_ADMIN_DIR ?? join(root, "admin/dist");
  if (!existsSync(join(adminDir, "index.html"))) {
    throw new Error(`The admin panel is not built in ${adminDir}: run \`npm run test:e2e\`, which builds it first`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), "dostup-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PGLITE_PORT: String(await freePort()),
    S3RVER_PORT: String(await freePort()),
    DOSTUP_DATA_DIR: dataDir,
    DOSTUP_ADMIN_DIR: adminDir,
    LOG_LEVEL: "warn",
  };
  // The embedded stack, whatever the shell that runs the tests points at.
  for (const name of [
    "DATABASE_URL",
    "S3_ENDPOINT",
    "S3_BUCKET",
    "FILES_DOWNLOAD_BASE_URL",
    "AWS_ACCESS_KEY_ID",
    "AWS_PROFILE",
  ]) {
    delete env[name];
  }
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
  try {
    await waitUntilReady(child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide("baseUrl", `http://127.0.0.1:${port}`);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await rm(dataDir, { recursive: true, force: true });
  };
}
