// Download links and the layer every download passes through. Files never pass through
// GraphQL: a caller gets a presigned GET. But S3 cannot add headers of our own to its
// responses, and a browser that sniffs an uploaded file instead of saving it would run
// whatever HTML or script it found there. So a link does not point at the bucket itself:
// its origin is swapped for FILES_DOWNLOAD_BASE_URL, a layer in front of the bucket that
// forwards the presigned request unchanged and adds DOWNLOAD_HEADERS to the answer. In AWS
// that layer is CloudFront (serverless.yml, FilesDistribution, which mirrors the headers);
// locally it is the local server's /downloads/ route (download-proxy.ts).
import type { GetObjectCommandInput } from "@aws-sdk/client-s3";
import { config } from "../config.js";
import { s3Client, s3Sdk } from "./s3.js";

/**
 * Points a presigned URL at the download layer: same path and query (the signature), the
 * layer's origin (and path prefix, if any). The signature covers the bucket's Host header,
 * which the layer sends on to the bucket. Without a configured layer the URL is left as S3
 * made it: fine for development, but then nothing adds DOWNLOAD_HEADERS (download-proxy.ts).
 */
export function throughDownloadLayer(signed: string, base: string | undefined = config.files.downloadBaseUrl): string {
  if (!base) return signed;
  const url = new URL(signed);
  return `${base.replace(/\/+$/, "")}${url.pathname}${url.search}`;
}

/** A presigned GET for an object, reached through the download layer. */
export async function downloadUrl(
  input: GetObjectCommandInput,
  options: { expiresIn: number; signingDate?: Date },
): Promise<string> {
  // The SDK and its presigner are loaded at the first download (lib/s3.ts says why).
  const [{ GetObjectCommand }, { getSignedUrl }, client] = await Promise.all([
    s3Sdk(),
    import("@aws-sdk/s3-request-presigner"),
    s3Client(),
  ]);
  return throughDownloadLayer(await getSignedUrl(client, new GetObjectCommand(input), options));
}
