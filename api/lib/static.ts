import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, join, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

/**
 * Where the browser reaches the uploads bucket: presigned POSTs (uploads) and GETs (photos).
 * An S3-compatible endpoint (s3rver) is used path-style, so its origin; AWS is reached
 * virtual-hosted, as the SDK signs it: https://<bucket>.s3.<region>.amazonaws.com.
 */
export function uploadOrigin(s3: { endpoint?: string; bucket: string; region: string }): string {
  return s3.endpoint ? new URL(s3.endpoint).origin : `https://${s3.bucket}.s3.${s3.region}.amazonaws.com`;
}

/**
 * The admin panel's Content-Security-Policy. Scripts only from the panel itself (Vite emits
 * no inline script); styles also inline, because MUI's emotion injects <style> elements and
 * style attributes at run time; images also as data:/blob: URLs, from the uploads bucket and
 * from the download layer (`downloads`: FILES_DOWNLOAD_BASE_URL's origin, through which
 * people's photos are linked); XHR to the API and to the bucket (uploads). No plugins, no
 * framing, no <base> or form posts elsewhere. serverless.yml sends the same for CloudFront (a
 * test compares them).
 */
export function adminContentSecurityPolicy(uploads: string, downloads?: string): string {
  const images = [uploads, downloads].filter((origin, i, all) => origin && all.indexOf(origin) === i).join(" ");
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${images}`,
    "font-src 'self' data:",
    `connect-src 'self' ${uploads}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers every /admin/ response carries, files, fallbacks and errors alike. */
export function adminSecurityHeaders(uploads: string, downloads?: string): Record<string, string> {
  return {
    "content-security-policy": adminContentSecurityPolicy(uploads, downloads),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
}

function refuse(res: ServerResponse, headers: Record<string, string>, status: 400 | 404, message: string): void {
  res.writeHead(status, { ...headers, "content-type": "text/plain; charset=utf-8" });
  res.end(message);
}

/**
 * Serves the built admin panel. Unknown paths fall back to index.html so that client-side
 * routes survive a reload, except under assets/, where a missing file is a 404 (not HTML
 * in place of a script). A path that is not valid percent-encoding, or that holds a NUL or
 * a `..` segment, is a bad request: nothing outside `root` is ever read.
 */
export async function serveStatic(
  root: string,
  relativePath: string,
  res: ServerResponse,
  headers: Record<string, string> = {},
): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    refuse(res, headers, 400, "Bad request: the path is not valid percent-encoding.");
    return;
  }
  const segments = decoded.split(/[/\\]/);
  if (decoded.includes("\0") || segments.includes("..")) {
    refuse(res, headers, 400, "Bad request: the path leaves the admin panel.");
    return;
  }
  let file = join(root, ...segments);
  if (!file.startsWith(root + sep) && file !== root) file = join(root, "index.html");
  let info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    if (segments[0] === "assets") {
      refuse(res, headers, 404, "Not found.");
      return;
    }
    file = join(root, "index.html");
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    refuse(res, headers, 404, "The admin panel is not built: run `npm run build:admin`.");
    return;
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    ...headers,
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  createReadStream(file).pipe(res);
}
