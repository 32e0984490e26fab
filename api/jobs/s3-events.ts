// S3 ObjectCreated notifications for the uploads bucket → the same verification the
// `confirmFileUpload` mutation runs (whichever comes first wins; both are idempotent).
import type { S3Event } from "aws-lambda";
import { logger } from "../lib/logger.js";
import { type VerifyOutcome, verifyStoredObject } from "../modules/files/verification.service.js";

/** INVALID: the record's key could not be decoded. ERROR: verification failed unexpectedly. */
export type RecordOutcome = VerifyOutcome | "INVALID" | "ERROR";

export interface S3EventSummary {
  results: { key: string; outcome: RecordOutcome; error?: string }[];
}

/** S3 sends keys form-encoded: spaces as `+`, everything else percent-encoded. */
function decodeKey(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

export async function handler(event: S3Event): Promise<S3EventSummary> {
  const results: S3EventSummary["results"] = [];
  for (const record of event.Records ?? []) {
    const raw = record.s3?.object?.key ?? "";
    const key = decodeKey(raw);
    if (!key) {
      logger.warn({ key: raw }, "S3 event with an undecodable key ignored");
      results.push({ key: raw, outcome: "INVALID" });
      continue;
    }
    try {
      const outcome = await verifyStoredObject(key);
      const level = outcome === "UNKNOWN" || outcome === "MISSING" ? "warn" : "info";
      logger[level]({ key, outcome, size: record.s3.object.size }, "S3 object checked");
      results.push({ key, outcome });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ key, err: error }, "S3 object check failed");
      results.push({ key, outcome: "ERROR", error: message });
    }
  }
  const failed = results.filter((result) => result.outcome === "ERROR");
  // A bad record (unknown key, mismatch, undecodable key) is an answer, not a failure. A
  // failure (database or S3 unreachable) is rethrown once every record has been tried, so
  // Lambda's asynchronous retries deliver the event again: verification is idempotent, the
  // records already settled come back as ALREADY_FINAL, and no upload waits 24 hours for
  // the scheduled job to reject it because of a passing outage.
  if (failed.length) {
    throw new Error(`${failed.length} of ${results.length} S3 records could not be checked: ${failed[0]?.error}`);
  }
  return { results };
}
