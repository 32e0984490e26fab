// One private PostgreSQL cluster for the whole fault suite; each file creates (and drops)
// its own database on it. Removed, data directory and all, at the end.
import type { TestProject } from "vitest/node";
import { startCluster } from "./cluster.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  project.provide("cluster", { url: cluster.url, port: cluster.port, dir: cluster.dir });
  process.stdout.write(`fault suite: private PostgreSQL 15 at 127.0.0.1:${cluster.port} (${cluster.dir})\n`);
  return () => cluster.destroy();
}

declare module "vitest" {
  export interface ProvidedContext {
    cluster: { url: string; port: number; dir: string };
  }
}
