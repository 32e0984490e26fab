// The only AWS-aware file: an API Gateway HTTP API (payload v2) event in, a result out.
import { timingSafeEqual } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context as LambdaContext } from "aws-lambda";
import { config } from "./config.js";
import { LIMITS, tooLargeBody } from "./lib/limits.js";
import { isPhotoPath, publicPhoto } from "./modules/directory/public-photos.js";
import { yoga } from "./yoga.js";

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The caller's address. API Gateway's source address is the peer it saw, which behind
 * CloudFront is an edge server shared by many viewers; CloudFront therefore passes the
 * viewer's address in `x-dostup-viewer-address` (set by a CloudFront Function, overwriting
 * whatever the viewer sent) together with the edge secret. Without the secret the header is
 * the caller's own claim and is ignored.
 */
export function clientAddressOf(event: APIGatewayProxyEventV2, edgeSecret = config.auth.edgeSecret): string {
  const headers = event.headers ?? {};
  const viewer = headers["x-dostup-viewer-address"];
  if (viewer && edgeSecret && sameSecret(headers["x-dostup-edge"], edgeSecret)) return viewer;
  return event.requestContext.http.sourceIp;
}

/**
 * A curator's public photo (GET /photos/<fileId>), base64 as API Gateway wants binary bodies.
 * A Lambda answer holds at most 6 MB: encoded, a photo fits up to ~4.4 MB of the 5 MB an
 * upload may have; portraits are far smaller.
 */
async function photoResult(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const headers = event.headers ?? {};
  const answer = await publicPhoto(event.rawPath, event.requestContext.http.method, headers["if-none-match"]);
  const bytes = answer.body ? await answer.body.transformToByteArray() : null;
  return {
    statusCode: answer.status,
    headers: answer.headers,
    body: bytes ? Buffer.from(bytes).toString("base64") : "",
    isBase64Encoded: bytes !== null,
  };
}

export async function handler(
  event: APIGatewayProxyEventV2,
  lambdaContext: LambdaContext,
): Promise<APIGatewayProxyResultV2> {
  if (isPhotoPath(event.rawPath)) return photoResult(event);
  const query = event.rawQueryString ? `?${event.rawQueryString}` : "";
  const url = `https://${event.requestContext.domainName}${event.rawPath}${query}`;
  const method = event.requestContext.http.method;
  // Yoga's own (whatwg-node's) Headers: the global one would load Node's undici, ~20 ms of a
  // cold start, for nothing (.config/esbuild-plugins.cjs).
  const headers = new yoga.fetchAPI.Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    // The edge secret has done its work in clientAddressOf; it goes no further.
    if (value !== undefined && name.toLowerCase() !== "x-dostup-edge") headers.set(name, value);
  }
  if (event.cookies?.length) headers.set("cookie", event.cookies.join("; "));
  const hasBody = event.body !== undefined && event.body !== null && method !== "GET" && method !== "HEAD";
  // API Gateway accepts bodies of up to 10 MB; larger than the API's limit is refused before
  // it is decoded or parsed (Yoga would refuse it too, after the copy).
  const bodyBytes = !hasBody
    ? 0
    : event.isBase64Encoded
      ? Math.floor(((event.body as string).length * 3) / 4)
      : Buffer.byteLength(event.body as string);
  if (bodyBytes > LIMITS.bodyBytes) {
    const refusal = tooLargeBody();
    return { statusCode: refusal.status, headers: refusal.headers, body: refusal.body, isBase64Encoded: false };
  }
  const body = hasBody ? (event.isBase64Encoded ? Buffer.from(event.body as string, "base64") : event.body) : undefined;

  const response = await yoga.fetch(
    url,
    { method, headers, body },
    { lambdaContext, clientAddress: clientAddressOf(event) },
  );

  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name.toLowerCase()] = value;
  });
  return {
    statusCode: response.status,
    headers: responseHeaders,
    body: await response.text(),
    isBase64Encoded: false,
  };
}
