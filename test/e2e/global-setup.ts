// Starts the real server (`tsx api/server.ts`: embedded PGlite, s3rver, API and the built
// admin) on free ports with a fresh data folder, as `npm start` does, and stops it after.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../api/lib/embedded.js";
import { type LocalServer, startLocalServer, stopLocalServer } from "../helpers/local-server.js";

const root = new URL("../..", import.meta.url).pathname;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminDir = process.env.DOSTUP_ADMIN_DIR ?? join(root, "admin/dist");
  if (!existsSync(join(adminDir, "index.html"))) {
    throw new Error(`The admin panel is not built in ${adminDir}: run \`npm run test:e2e\`, which builds it first`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), "dostup-e2e-"));
  let server: LocalServer;
  try {
    const ports = { http: await freePort(), pglite: await freePort(), s3: await freePort() };
    server = await startLocalServer({
      ports,
      dataDir,
      // Links on the address the browser opens the panel at, which its CSP allows images from
      // (the server's default, localhost, is another origin than 127.0.0.1).
      env: {
        DOSTUP_ADMIN_DIR: adminDir,
        FILES_DOWNLOAD_BASE_URL: `http://127.0.0.1:${ports.http}/downloads`,
        PUBLIC_API_URL: `http://127.0.0.1:${ports.http}`,
      },
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide("baseUrl", server.base);

  return async () => {
    await stopLocalServer(server, 10_000);
    await rm(dataDir, { recursive: true, force: true });
  };
}
