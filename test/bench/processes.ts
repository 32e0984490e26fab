// Child processes of the bench: the seed CLI and API servers, run with plain `node --import
// tsx` so that the pid is the server itself (tsx's own CLI would put a wrapper in between,
// and the memory figures would be the wrapper's).
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";

export const root = new URL("../..", import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** The environment without what would point a child at another database or store. */
export function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "S3_ENDPOINT", "NODE_ENV", "VITEST", "DATABASE_POOL_SIZE"]) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith("AWS_")) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs a TypeScript entry to completion, passing its output through with a prefix. */
export function runTs(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
  timeoutMs: number,
): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], { cwd: root, env });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    let stderr = "";
    lines(child, "stdout", (line) => print(`  ${line}`));
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", fail);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) done();
      else fail(new Error(`${entry} ${args.join(" ")} failed (${signal ?? code}):\n${stderr.slice(-4000)}`));
    });
  });
}

function lines(child: ChildProcess, stream: "stdout" | "stderr", each: (line: string) => void): void {
  let buffer = "";
  child[stream]?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    for (const part of parts) each(part);
  });
}

export interface ServerProcess {
  pid: number;
  endpoint: string;
  output: string[];
  stop(): Promise<void>;
}

/** Starts `api/server.ts` and resolves once it says it is ready (or fails with its output). */
export function startServer(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<ServerProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "api/server.ts"], { cwd: root, env });
    const output: string[] = [];
    let ready = false;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`the server did not start in ${timeoutMs / 1000} s:\n${output.join("\n")}`));
    }, timeoutMs);
    const onLine = (line: string) => {
      if (output.length < 500) output.push(line);
      if (!ready && line.startsWith("Dostup is ready")) {
        ready = true;
        clearTimeout(timer);
        done({ pid: child.pid ?? 0, endpoint: `http://127.0.0.1:${env.PORT}/graphql`, output, stop });
      }
    };
    lines(child, "stdout", onLine);
    lines(child, "stderr", onLine);
    child.once("exit", (code, signal) => {
      if (!ready) {
        clearTimeout(timer);
        fail(new Error(`the server exited (${signal ?? code}) before it was ready:\n${output.join("\n")}`));
      }
    });
  });
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MiB. */
export async function memoryOf(pid: number): Promise<{ peakMiB: number; rssMiB: number } | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { peakMiB: kib("VmHWM") / 1024, rssMiB: kib("VmRSS") / 1024 };
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used, in clock ticks. */
export async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until a server has finished the work a load run left behind: autocannon stops at
 * its deadline and drops its connections, but the server still answers what it accepted,
 * and the next run would otherwise measure that backlog. Idle = under 5 % of a core for
 * 500 ms. Returns the seconds waited.
 */
export async function waitIdle(pid: number, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  const windowMs = 500;
  let before = await cpuTicks(pid);
  while (performance.now() - started < timeoutMs) {
    await new Promise((done) => setTimeout(done, windowMs));
    const now = await cpuTicks(pid);
    // 100 ticks per second on Linux: 5 % of 500 ms is 2.5 ticks.
    if (now - before <= 2) return (performance.now() - started) / 1000;
    before = now;
  }
  throw new Error(`the server (pid ${pid}) stayed busy for ${timeoutMs / 1000} s after a load run`);
}
