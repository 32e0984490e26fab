// GET /photos/<fileId>: a curator's photo at a stable URL a partner's public page can embed
// and cache, unlike the five-minute presigned links of the admin. The URL names nothing but
// the file. Every request checks the database again: the file is a verified photo and the
// current photo of a person who is not archived and consents to its publication; anything
// else is a 404 that says nothing more. Caches may keep a photo an hour, so a withdrawn
// consent takes effect within that. Served by the local server (api/server.ts) and, in AWS,
// by the graphql function behind API Gateway (api/handler.ts, serverless.yml).
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { config } from "../../config.js";
import { prisma } from "../../lib/db.js";
import { DOWNLOAD_HEADERS } from "../../lib/download-proxy.js";
import { logger } from "../../lib/logger.js";
import { s3, s3ErrorStatus, s3Sdk } from "../../lib/s3.js";

/** Where the photos are served, on the API's own origin. */
export const PHOTOS_PATH = "/photos/";

/** How long a browser or CDN may keep a photo: also how long a withdrawn consent may take to show. */
export const PHOTO_MAX_AGE_SECONDS = 3600;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bytes of an answer, as the S3 SDK hands them over (a Node stream with helpers). */
export interface PhotoBody {
  transformToByteArray(): Promise<Uint8Array>;
}

export interface PhotoAnswer {
  status: 200 | 304 | 404 | 405;
  headers: Record<string, string>;
  body: PhotoBody | null;
}

/** The public URL of a photo file, on the configured origin or else the one the request came to. */
export function publicPhotoUrl(fileId: string, requestOrigin: string | null): string {
  return `${config.files.publicApiUrl ?? requestOrigin ?? ""}${PHOTOS_PATH}${fileId}`;
}

export function isPhotoPath(path: string): boolean {
  return path.startsWith(PHOTOS_PATH);
}

const NOT_FOUND: PhotoAnswer = {
  status: 404,
  // Not cached: a consent given later shows at once.
  headers: { ...DOWNLOAD_HEADERS, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  body: null,
};

/** If-None-Match names this entity tag (or any, `*`); weak tags compare by their value. */
function matches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    return value === "*" || value === etag;
  });
}

/** The verified photo file a public page may show, or null. */
function publishedPhoto(id: string) {
  return prisma.storedFile.findFirst({
    where: {
      id,
      purpose: "PHOTO",
      status: "AVAILABLE",
      personPhoto: { is: { archivedAt: null, photoConsent: true } },
    },
    select: { bucket: true, key: true, contentType: true, size: true, sha256: true },
  });
}

/** The answer to a request of `path` (under PHOTOS_PATH). */
export async function publicPhoto(
  path: string,
  method: string,
  ifNoneMatch: string | null | undefined,
): Promise<PhotoAnswer> {
  if (method !== "GET" && method !== "HEAD") {
    return { status: 405, headers: { ...NOT_FOUND.headers, allow: "GET, HEAD" }, body: null };
  }
  const id = path.slice(PHOTOS_PATH.length);
  if (!UUID.test(id)) return NOT_FOUND;
  const file = await publishedPhoto(id.toLowerCase());
  if (!file) return NOT_FOUND;
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    ...DOWNLOAD_HEADERS,
    "cache-control": `public, max-age=${PHOTO_MAX_AGE_SECONDS}`,
    etag,
    // Partners' pages on other origins embed it.
    "cross-origin-resource-policy": "cross-origin",
  };
  if (matches(ifNoneMatch, etag)) return { status: 304, headers, body: null };
  headers["content-type"] = file.contentType;
  headers["content-length"] = String(file.size);
  if (method === "HEAD") return { status: 200, headers, body: null };
  const { GetObjectCommand } = await s3Sdk();
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: file.bucket, Key: file.key }));
    if (!object.Body) return NOT_FOUND;
    if (object.ContentLength !== undefined) headers["content-length"] = String(object.ContentLength);
    return { status: 200, headers, body: object.Body };
  } catch (error) {
    // The row says AVAILABLE but the object is gone: nothing to show, and the sweep's business.
    if (s3ErrorStatus(error) === 404) {
      logger.warn({ fileId: id }, "published photo missing from the bucket");
      return NOT_FOUND;
    }
    throw error;
  }
}

/** The local server's route: the same answer, streamed. */
export function servePublicPhoto(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  publicPhoto(path, req.method ?? "GET", req.headers["if-none-match"])
    .then(async (answer) => {
      res.writeHead(answer.status, answer.headers);
      if (answer.body) await pipeline(answer.body as unknown as NodeJS.ReadableStream, res);
      else res.end();
    })
    .catch((error: unknown) => {
      logger.error({ err: error }, "photo failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
}
