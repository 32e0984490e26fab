// The suite's own stack: a fresh database (embedded PGlite, or a new uniquely named
// database on the server DATABASE_URL points at) and a fresh s3rver, migrated and seeded
// with the demo data. Everything is dropped at the end.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ProvidedContext } from "vitest";
import type { TestProject } from "vitest/node";
import { createDownloadProxy } from "../../api/lib/download-proxy.js";
import {
  freePort,
  type Running,
  startEmbeddedDatabase,
  startEmbeddedS3,
  startEmbeddedSmtp,
} from "../../api/lib/embedded.js";
import { migrate } from "../../api/lib/migrate.js";
import { seedDemo } from "../../prisma/seed/demo.js";
import { createTestDatabase } from "./databases.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanup: Running[] = [];
  const tempDir = await mkdtemp(join(tmpdir(), "dostup-test-"));
  cleanup.push({ stop: () => rm(tempDir, { recursive: true, force: true }) });

  let databaseUrl: string;
  let databaseKind: string;
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase(process.env.DATABASE_URL, "suite");
    cleanup.unshift(database);
    databaseUrl = database.url;
    databaseKind = "real PostgreSQL";
  } else {
    const database = await startEmbeddedDatabase({ port: await freePort() });
    cleanup.unshift(database);
    databaseUrl = database.url;
    databaseKind = "embedded PGlite";
  }
  const s3 = await startEmbeddedS3({ dataDir: join(tempDir, "s3"), bucket: "dostup-test", port: await freePort() });
  cleanup.unshift(s3);
  // Download links go through the same layer the local server puts in front of s3rver
  // (CloudFront's role in AWS), so tests fetch them as a browser would.
  const downloads = createServer(
    createDownloadProxy({ prefix: "/downloads", upstream: s3.endpoint, bucket: "dostup-test" }),
  );
  const downloadsPort = await freePort();
  await new Promise<void>((done) => downloads.listen(downloadsPort, "127.0.0.1", done));
  cleanup.unshift({
    stop: () =>
      new Promise<void>((done) => {
        downloads.closeAllConnections();
        downloads.close(() => done());
      }),
  });

  // A real SMTP server: what the code under test e-mails arrives here as .eml files, which the
  // tests read (readMailbox) as a person would open them.
  const smtp = await startEmbeddedSmtp({ mailDir: join(tempDir, "mail"), port: await freePort() });
  cleanup.unshift(smtp);

  const env: ProvidedContext["stack"] = {
    DATABASE_URL: databaseUrl,
    DOSTUP_ROOT_DATABASE_URL: process.env.DATABASE_URL ?? "",
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: "dostup-test",
    FILES_DOWNLOAD_BASE_URL: `http://127.0.0.1:${downloadsPort}/downloads`,
    DOSTUP_TEST_DATABASE: databaseKind,
    SMTP_URL: smtp.url,
    DOSTUP_MAIL_DIR: smtp.mailDir,
    ADMIN_URL: "http://localhost:4000/admin",
    // One connection per process on PGlite (see api/server.ts).
    DATABASE_POOL_SIZE: process.env.DATABASE_URL ? "4" : "1",
  };
  Object.assign(process.env, env);

  await migrate(databaseUrl);
  // Imported only now: the module reads DATABASE_URL when it loads.
  const { createPrisma } = await import("../../api/lib/db.js");
  const prisma = createPrisma(databaseUrl, 1);
  await seedDemo(prisma);
  await prisma.$disconnect();
  // On a real server, each worker runs its files on a copy of the seeded database of its own,
  // so files run side by side and still see the demo data as seeded (totals included).
  const workers = process.env.DATABASE_URL ? project.config.maxWorkers : 1;
  const copies: string[] = [];
  for (let worker = 1; process.env.DATABASE_URL && worker <= workers; worker++) {
    const copy = await createTestDatabase(
      process.env.DATABASE_URL,
      `worker${worker}`,
      new URL(databaseUrl).pathname.slice(1),
    );
    cleanup.unshift(copy);
    copies.push(copy.url);
  }
  if (copies.length) {
    env.DOSTUP_TEST_DATABASE_URLS = copies.join(" ");
    process.env.DOSTUP_TEST_DATABASE_URLS = env.DOSTUP_TEST_DATABASE_URLS;
  }
  project.provide("stack", env);
  process.stdout.write(`test stack: ${databaseKind}, s3rver at ${s3.endpoint}, SMTP at ${smtp.url}\n`);

  return async () => {
    for (const part of cleanup) await part.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    stack: {
      DATABASE_URL: string;
      DOSTUP_ROOT_DATABASE_URL: string;
      S3_ENDPOINT: string;
      S3_BUCKET: string;
      FILES_DOWNLOAD_BASE_URL: string;
      DOSTUP_TEST_DATABASE: string;
      /** The suite's SMTP server, and the folder its received messages are kept in. */
      SMTP_URL: string;
      DOSTUP_MAIL_DIR: string;
      /** The base of the admin panel links in e-mails. */
      ADMIN_URL: string;
      DATABASE_POOL_SIZE: string;
      /** On a real server: one seeded copy per worker (test/helpers/worker-database.ts). */
      DOSTUP_TEST_DATABASE_URLS?: string;
    };
  }
}
