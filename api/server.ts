// Local server: embedded PostgreSQL and s3rver unless real ones are configured, then
// migrations, demo data when the database is empty, /graphql, /admin/, /health,
// /downloads/ (the download layer in front of the local store, CloudFront's role in AWS),
// /photos/ (curators' published photos, api/modules/directory/public-photos.ts) and /docs/ (the
// partner guide, api/lib/docs.ts).
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  defaultDataDir,
  type Running,
  startEmbeddedDatabase,
  startEmbeddedS3,
  startEmbeddedSmtp,
} from "./lib/embedded.js";
import { migrate } from "./lib/migrate.js";
import { adminSecurityHeaders, serveStatic, uploadOrigin } from "./lib/static.js";

const env = process.env;
const port = Number(env.PORT ?? 4000);
// DOSTUP_ADMIN_DIR serves another build of the panel (e.g. one per parallel e2e run).
const adminRoot = env.DOSTUP_ADMIN_DIR ?? fileURLToPath(new URL("../admin/dist", import.meta.url));
const stopping: Running[] = [];
/** Where the local server passes presigned downloads on to the store (api/lib/downloads.ts). */
const DOWNLOADS_PATH = "/downloads";

function usesRealS3(): boolean {
  return Boolean(env.S3_ENDPOINT || env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE);
}

async function main(): Promise<void> {
  const started = Date.now();
  // This is the local server: development unless said otherwise (production needs JWT_SECRET).
  env.NODE_ENV ??= "development";
  env.S3_BUCKET ??= "dostup-local";
  if (!env.DATABASE_URL) {
    const database = await startEmbeddedDatabase({ dataDir: defaultDataDir, port: Number(env.PGLITE_PORT ?? 54329) });
    stopping.push(database);
    env.DATABASE_URL = database.url;
    // pglite-socket runs every connection on one PGlite session and queues protocol messages
    // one by one, so two connections' extended-protocol exchanges can interleave. One
    // connection per process keeps each exchange whole; a real PostgreSQL gets a pool.
    env.DATABASE_POOL_SIZE = "1";
  }
  if (!usesRealS3()) {
    const s3 = await startEmbeddedS3({
      dataDir: join(defaultDataDir, "s3"),
      bucket: env.S3_BUCKET,
      port: Number(env.S3RVER_PORT ?? 4569),
    });
    stopping.push(s3);
    env.S3_ENDPOINT = s3.endpoint;
  }
  // Mail goes to a local SMTP server that keeps each message under .data/mail/, unless a real
  // one (SMTP_URL) or SES (MAIL_TRANSPORT=ses) is configured.
  let mailDir: string | null = null;
  if (!env.SMTP_URL && env.MAIL_TRANSPORT !== "ses") {
    const smtp = await startEmbeddedSmtp({
      mailDir: join(defaultDataDir, "mail"),
      port: Number(env.SMTP_PORT ?? 2525),
    });
    stopping.push(smtp);
    env.SMTP_URL = smtp.url;
    mailDir = smtp.mailDir;
  }
  // The links in e-mails lead to this server's panel.
  env.ADMIN_URL ??= `http://localhost:${port}/admin`;
  // Download links point here unless another layer is configured (see api/lib/downloads.ts).
  if (env.S3_ENDPOINT) env.FILES_DOWNLOAD_BASE_URL ??= `http://localhost:${port}${DOWNLOADS_PATH}`;
  // The curator directory's photo URLs point at this server's /photos/ route.
  env.PUBLIC_API_URL ??= `http://localhost:${port}`;
  await migrate(env.DATABASE_URL);

  // Imported only now: these modules read the configuration the lines above completed.
  const { logger } = await import("./lib/logger.js");
  const { prisma } = await import("./lib/db.js");
  const { yoga } = await import("./yoga.js");
  const { config } = await import("./config.js");
  // The panel's CSP names the bucket the browser uploads to and the download layer it loads
  // photos from.
  const downloadOrigin = config.files.downloadBaseUrl ? new URL(config.files.downloadBaseUrl).origin : undefined;
  const adminHeaders = adminSecurityHeaders(uploadOrigin(config.s3), downloadOrigin);
  const { createDownloadProxy } = await import("./lib/download-proxy.js");
  const { isPhotoPath, servePublicPhoto } = await import("./modules/directory/public-photos.js");
  const { isDocsPath, serveDocs } = await import("./lib/docs.js");
  const downloads = env.S3_ENDPOINT
    ? createDownloadProxy({ prefix: DOWNLOADS_PATH, upstream: env.S3_ENDPOINT, bucket: env.S3_BUCKET })
    : null;

  let demo: { email: string; role: string }[] = [];
  if ((env.NODE_ENV === "development" || env.NODE_ENV === "test") && env.DOSTUP_DEMO !== "off") {
    const { seedDemoIfEmpty } = await import("../prisma/seed/demo.js");
    const result = await seedDemoIfEmpty(prisma);
    if (result.seeded) {
      const { seedDemoFiles } = await import("../prisma/seed/demo-files.js");
      await seedDemoFiles(prisma);
      process.stdout.write("The database was empty: demo data seeded.\n");
    }
    demo = result.users;
    // What the schedule does each morning in AWS, on every start here: the demo curator's
    // digest (overdue reports, expiring signatures… of their regions) reaches the inbox and the
    // local mailbox on first start; later starts send only what is due and new.
    const { runDigests } = await import("./modules/notifications/digests.service.js");
    const digests = await runDigests().catch((error: unknown) => {
      logger.error({ err: error }, "digests failed");
      return null;
    });
    if (digests && digests.digests > 0)
      process.stdout.write(`Digests: ${digests.digests} made, ${digests.mailed} items e-mailed.\n`);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/" || path === "/admin") {
      res.writeHead(302, { location: "/admin/" }).end();
      return;
    }
    if (path.startsWith("/admin/")) {
      serveStatic(adminRoot, path.slice("/admin/".length) || "index.html", res, adminHeaders).catch(
        (error: unknown) => {
          logger.error({ err: error }, "static file failed");
          if (!res.headersSent) res.writeHead(500);
          res.end();
        },
      );
      return;
    }
    if (isPhotoPath(path)) {
      servePublicPhoto(req, res);
      return;
    }
    if (isDocsPath(path)) {
      serveDocs(req, res).catch((error: unknown) => {
        logger.error({ err: error }, "partner guide failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    if (downloads && path.startsWith(`${DOWNLOADS_PATH}/`)) {
      downloads(req, res);
      return;
    }
    yoga(req, res, { clientAddress: req.socket.remoteAddress });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", done);
  });
  stopping.unshift({
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await prisma.$disconnect();
    },
  });

  const base = `http://localhost:${port}`;
  const lines = [
    `Dostup is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    `  GraphQL   ${base}/graphql`,
    `  Admin     ${base}/admin/`,
    `  Docs      ${base}/docs/`,
    `  Health    ${base}/health`,
    `  Database  ${env.DATABASE_URL.replace(/\/\/[^@]*@/, "//***@")}`,
    `  S3        ${env.S3_ENDPOINT ?? "AWS"} (bucket ${env.S3_BUCKET})`,
    `  Mail      ${mailDir ? `${env.SMTP_URL}, kept in ${mailDir}` : env.SMTP_URL ? env.SMTP_URL.replace(/\/\/[^@]*@/, "//***@") : "SES"}`,
  ];
  if (demo.length > 0) {
    lines.push("  Demo accounts (password: dostup):");
    for (const user of demo) lines.push(`    ${user.role.padEnd(9)} ${user.email}`);
  }
  lines.push("Press Ctrl-C to stop.");
  process.stdout.write(`${lines.join("\n")}\n`);
}

let shuttingDown = false;
async function shutdown(signal: string, exitCode = 0): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  process.stdout.write(`\n${signal}: stopping…\n`);
  // Stop in order: HTTP first (no new work), then the database client, s3rver and PGlite.
  for (const part of stopping) {
    await part.stop().catch((error: unknown) => process.stderr.write(`while stopping: ${String(error)}\n`));
  }
  process.stdout.write("Stopped.\n");
  process.exit(exitCode);
}

process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

main().catch(async (error: unknown) => {
  process.stderr.write(`Dostup failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown("error", 1);
});
