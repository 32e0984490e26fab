// The only AWS-aware file: an API Gateway HTTP API (payload v2) event in, a result out.
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context as LambdaContext } from "aws-lambda";
import { LIMITS, tooLargeBody } from "./lib/limits.js";
import { yoga } from "./yoga.js";

export async function handler(
  event: APIGatewayProxyEventV2,
  lambdaContext: LambdaContext,
): Promise<APIGatewayProxyResultV2> {
  const query = event.rawQueryString ? `?${event.rawQueryString}` : "";
  const url = `https://${event.requestContext.domainName}${event.rawPath}${query}`;
  const method = event.requestContext.http.method;
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers.set(name, value);
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

  const response = await yoga.fetch(url, { method, headers, body }, { lambdaContext });

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
