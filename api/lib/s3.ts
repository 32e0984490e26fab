import { HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { config } from "../config.js";

/**
 * Created once per process. Path-style addressing for s3rver and other local stores;
 * checksums only when an operation requires them, because presigned requests must not
 * carry SDK-computed CRC32 values the browser cannot reproduce.
 */
export const s3 = new S3Client({
  region: config.s3.region,
  endpoint: config.s3.endpoint,
  forcePathStyle: Boolean(config.s3.endpoint),
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
  ...(config.s3.endpoint && !process.env.AWS_ACCESS_KEY_ID
    ? { credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } }
    : {}),
});

export const bucket = config.s3.bucket;

/** True when the bucket answers; used by /health. */
export async function bucketReachable(timeoutMs = 2000): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
