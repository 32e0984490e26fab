// The download layer for the local server and the test suite: what CloudFront does in AWS
// (serverless.yml, FilesDistribution). Reads no configuration, so the test suite's global
// setup can start it before the application's settings exist.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";

/**
 * Sent with every download: never sniff (the type is the one verified from the content),
 * and should a browser render the file after all, run nothing, load nothing and be an
 * opaque origin (CSP sandbox), never framed, never told where the link came from.
 */
export const DOWNLOAD_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
} as const;

/** Only verified files are ever handed out; their keys start here (see files.service.ts). */
const DOWNLOADABLE_PREFIX = "files/";

/** What the store answers that a download needs; everything else stays behind. */
const FORWARDED_RESPONSE_HEADERS = [
  "content-type",
  "content-length",
  "content-disposition",
  "content-range",
  "accept-ranges",
  "etag",
  "last-modified",
  "cache-control",
];

const FORWARDED_REQUEST_HEADERS = ["range", "if-none-match", "if-modified-since", "if-range"];

export interface DownloadProxyOptions {
  /** The path the layer is mounted at, e.g. "/downloads". */
  prefix: string;
  /** The store's endpoint (path-style, as the S3 client signs for it), e.g. s3rver's. */
  upstream: string;
  bucket: string;
}

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...DOWNLOAD_HEADERS, "content-type": "text/plain; charset=utf-8" }).end(text);
}

/**
 * What CloudFront does in AWS, for the local server and the test suite: passes a presigned
 * GET for a verified file (`<prefix>/<bucket>/files/…?X-Amz-…`) on to the store unchanged,
 * with the store's own Host (which the signature covers), and streams the answer back with
 * DOWNLOAD_HEADERS. The store still checks the signature and its expiry; this layer adds
 * headers and nothing else.
 */
export function createDownloadProxy(
  options: DownloadProxyOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const upstream = new URL(options.upstream);
  const allowed = `${upstream.pathname.replace(/\/+$/, "")}/${encodeURIComponent(options.bucket)}/${DOWNLOADABLE_PREFIX}`;
  const send = upstream.protocol === "https:" ? httpsRequest : httpRequest;
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      refuse(res, 405, "Downloads are GET requests.");
      return;
    }
    const raw = req.url ?? "/";
    if (!raw.startsWith(`${options.prefix}/`)) {
      refuse(res, 404, "Not found.");
      return;
    }
    let target: URL;
    try {
      target = new URL(`${upstream.pathname.replace(/\/+$/, "")}${raw.slice(options.prefix.length)}`, upstream);
    } catch {
      refuse(res, 400, "Not a download link.");
      return;
    }
    // Compared after URL normalisation (which reads `..` and `%2e%2e` alike), so no path
    // can step out of files/.
    if (!target.pathname.startsWith(allowed)) {
      refuse(res, 404, "Not found.");
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const forwarded = send(target, { method: req.method, headers }, (answer) => {
      const out: Record<string, string | string[]> = {};
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = answer.headers[name];
        if (value !== undefined) out[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, { ...out, ...DOWNLOAD_HEADERS });
      answer.pipe(res);
    });
    forwarded.once("error", () => {
      if (!res.headersSent) refuse(res, 502, "The file store is not reachable; try again shortly.");
      else res.destroy();
    });
    // The browser went away before the end: stop reading from the store too.
    res.once("close", () => {
      if (!res.writableFinished) forwarded.destroy();
    });
    forwarded.end();
  };
}
