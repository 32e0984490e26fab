import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

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
 * Serves the built admin panel. Unknown paths fall back to index.html so that client-side
 * routes survive a reload; nothing outside `root` is ever read.
 */
export async function serveStatic(root: string, relativePath: string, res: ServerResponse): Promise<void> {
  const safe = normalize(decodeURIComponent(relativePath)).replace(/^(\.\.(\/|\\|$))+/, "");
  let file = join(root, safe);
  if (!file.startsWith(root + sep) && file !== root) file = join(root, "index.html");
  let info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    file = join(root, "index.html");
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("The admin panel is not built: run `npm run build:admin`.");
    return;
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  createReadStream(file).pipe(res);
}
