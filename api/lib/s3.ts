import type { S3Client } from "@aws-sdk/client-s3";
import { config } from "../config.js";

type Sdk = typeof import("@aws-sdk/client-s3");

// The SDK is loaded at its first use, not at start-up: most requests never touch a file, and
// loading it is a noticeable part of a Lambda cold start.
let sdk: Promise<Sdk> | undefined;
let loaded: Sdk | undefined;

/** The S3 SDK's module (commands, the client class), loaded once. */
export function s3Sdk(): Promise<Sdk> {
  sdk ??= import("@aws-sdk/client-s3").then((module) => {
    loaded = module;
    return module;
  });
  return sdk;
}

let client: Promise<S3Client> | undefined;

/**
 * Created once per process. Path-style addressing for s3rver and other local stores;
 * checksums only when an operation requires them, because presigned requests must not
 * carry SDK-computed CRC32 values the browser cannot reproduce.
 */
export function s3Client(): Promise<S3Client> {
  client ??= s3Sdk().then(
    ({ S3Client }) =>
      new S3Client({
        region: config.s3.region,
        endpoint: config.s3.endpoint,
        forcePathStyle: Boolean(config.s3.endpoint),
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        ...(config.s3.endpoint && !process.env.AWS_ACCESS_KEY_ID
          ? { credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } }
          : {}),
      }),
  );
  return client;
}

/** `s3.send(command)`: the client's `send`, once the client is there. */
export const s3 = {
  send: ((command: never, options?: never) =>
    s3Client().then((s3) => s3.send(command, options))) as unknown as S3Client["send"],
};

export const bucket = config.s3.bucket;

/** The HTTP status of an error the S3 service answered with; null for anything else (a network failure). */
export function s3ErrorStatus(error: unknown): number | null {
  // An S3 error can only come from the SDK once it is loaded.
  if (!loaded || !(error instanceof loaded.S3ServiceException)) return null;
  return error.$metadata.httpStatusCode ?? 0;
}

/** True when the bucket answers; used by /health. */
export async function bucketReachable(timeoutMs = 2000): Promise<boolean> {
  try {
    const { HeadBucketCommand } = await s3Sdk();
    await s3.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
