// The embedded stack: PGlite behind a PostgreSQL wire-protocol socket, s3rver, and an SMTP
// server that keeps what it receives as .eml files. Used by `npm start`, the seed CLI and the
// tests, so that a fresh clone runs with nothing installed. A real PostgreSQL (DATABASE_URL),
// S3 (S3_ENDPOINT / AWS settings) or mail server (SMTP_URL, SES) replaces each part without
// code changes.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { simpleParser } from "mailparser";
import S3rver from "s3rver";
import { SMTPServer } from "smtp-server";
import { type MigrationResult, migrate } from "./migrate.js";

export const defaultDataDir = resolve(process.env.DOSTUP_DATA_DIR ?? ".data");

export interface Running {
  stop(): Promise<void>;
}

export interface EmbeddedDatabase extends Running {
  url: string;
}

export interface EmbeddedS3 extends Running {
  endpoint: string;
}

/** Asks the OS for a free loopback port (for tests; `npm start` uses fixed ports). */
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A PGlite directory must never be opened by two processes: the lock file turns that into
 * a clear message instead of a corrupted database.
 */
function lockDirectory(dir: string): () => void {
  const lockFile = join(dir, "dostup.pid");
  try {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && alive(pid)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${pid}. Stop it first (Ctrl-C in its terminal).`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/**
 * Starts PGlite (in memory when `dataDir` is undefined) behind a TCP socket on 127.0.0.1.
 * Several pooled connections are multiplexed; pglite-socket keeps a transaction on the
 * connection that opened it.
 */
export async function startEmbeddedDatabase(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedDatabase> {
  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDirectory(options.dataDir);
  }
  const db = await PGlite.create(options.dataDir ? join(options.dataDir, "pglite") : undefined);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 64 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    unlock();
    throw error;
  }
  const conn = server.getServerConn();
  return {
    url: `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}

/** Starts s3rver with the bucket created; objects persist under `dataDir`. */
export async function startEmbeddedS3(options: {
  dataDir: string;
  bucket: string;
  port?: number;
}): Promise<EmbeddedS3> {
  mkdirSync(options.dataDir, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    directory: options.dataDir,
    silent: true,
    configureBuckets: [{ name: options.bucket, configs: [CORS_CONFIG] }],
  });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}

export interface EmbeddedSmtp extends Running {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** Where each message received is kept, as it came over the wire (`<time>-<random>.eml`). */
  mailDir: string;
}

/** The largest message the local server accepts: digests are a few kilobytes. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * A real SMTP server on 127.0.0.1 (no TLS, no authentication: it is the local stand-in for SES,
 * reachable only from this machine) that writes every message it accepts to `mailDir`, where a
 * person opens it in a mail program and a test reads it with `readMailbox`.
 */
export async function startEmbeddedSmtp(options: { mailDir: string; port?: number }): Promise<EmbeddedSmtp> {
  mkdirSync(options.mailDir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", done);
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          done(Object.assign(new Error("Message too large"), { responseCode: 552 }));
          return;
        }
        const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
        writeFile(join(options.mailDir, name), Buffer.concat(chunks)).then(() => done(), done);
      });
    },
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, "127.0.0.1", () => done());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mailDir: options.mailDir,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface ReceivedMail {
  file: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  date: Date | null;
}

/** The messages the embedded SMTP server kept in `mailDir`, oldest first, parsed. */
export async function readMailbox(mailDir: string): Promise<ReceivedMail[]> {
  const files = (await readdir(mailDir).catch(() => [] as string[])).filter((file) => file.endsWith(".eml")).sort();
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await readFile(join(mailDir, file)));
      const addresses = (value: typeof mail.to) =>
        [value ?? []]
          .flat()
          .map((list) => list.text)
          .join(", ");
      return {
        file: join(mailDir, file),
        to: addresses(mail.to),
        from: addresses(mail.from),
        subject: mail.subject ?? "",
        text: mail.text ?? "",
        html: typeof mail.html === "string" ? mail.html : "",
        date: mail.date ?? null,
      };
    }),
  );
}

/** Browsers upload straight to the bucket (presigned POST), so the local store allows it. */
const CORS_CONFIG = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
  </CORSRule>
</CORSConfiguration>`;

/**
 * Runs `fn` with a migrated database: DATABASE_URL when set, else the embedded one under
 * `.data/` (started for the call and stopped after it).
 */
export async function withEmbeddedDatabase<T>(
  fn: (databaseUrl: string, migration: MigrationResult) => Promise<T>,
): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) return fn(configured, await migrate(configured));
  const database = await startEmbeddedDatabase({
    dataDir: defaultDataDir,
    port: Number(process.env.PGLITE_PORT ?? 54329),
  });
  try {
    return await fn(database.url, await migrate(database.url));
  } finally {
    await database.stop();
  }
}
