// A private PostgreSQL 15 cluster for the fault suite: initdb into a temporary directory and
// pg_ctl on a free port, so the suite can restart or stop "the database" mid-load without
// touching the shared server on 5432. initdb and postgres refuse to run as root, so as root
// every command runs as the `postgres` user (runuser), in a directory that user owns.
import { execFile } from "node:child_process";
import { access, chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../api/lib/embedded.js";

const run = promisify(execFile);

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

export interface Cluster {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dir: string;
  /** pg_ctl restart: "fast" rolls back open transactions and closes every connection. */
  restart(mode?: "fast" | "immediate"): Promise<void>;
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and removes its directory. */
  destroy(): Promise<void>;
}

async function asPostgres(command: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  try {
    const { stdout, stderr } = await run(file, argv, { timeout: timeoutMs });
    return stdout + stderr;
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

export async function startCluster(): Promise<Cluster> {
  const initdb = join(POSTGRES_BIN, "initdb");
  try {
    await access(initdb);
  } catch {
    throw new Error(
      `The fault suite needs PostgreSQL 15's server binaries: ${initdb} is missing. ` +
        "Install them (apt-get install postgresql-15) or set POSTGRES_BIN to their directory.",
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "dostup-faults-pg-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const port = await freePort();
  await asPostgres(initdb, [
    "-D",
    join(dir, "data"),
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  const cluster = controlCluster(dir, port);
  await cluster.start();
  return cluster;
}

/** pg_ctl for a cluster made by startCluster (also from a test worker, given its dir and port). */
export function controlCluster(dir: string, port: number): Cluster {
  const pgCtl = join(POSTGRES_BIN, "pg_ctl");
  const data = join(dir, "data");
  // Loopback only, a socket directory of its own, and enough connections for several
  // server processes' pools plus the suite's own clients.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=200 -c fsync=off`;
  const ctl = (args: string[]) =>
    asPostgres(pgCtl, ["-D", data, "-l", join(dir, "postgres.log"), "-w", "-t", "60", ...args]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async restart(mode = "fast") {
      await ctl(["-o", options, "-m", mode, "restart"]);
    },
    async stop(mode = "fast") {
      await ctl(["-m", mode, "stop"]);
    },
    async start() {
      await ctl(["-o", options, "start"]);
    },
    async destroy() {
      await ctl(["-m", "immediate", "stop"]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
