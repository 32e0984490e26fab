// Reconciliation, run by the scheduled job: rows and objects that one side of the upload
// protocol left behind. PENDING rows never confirmed are rejected and their uploads deleted;
// objects that no live row owns are deleted.
import type { FileStatus } from "../../generated/prisma/client.js";
import { change } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { logger } from "../../lib/logger.js";
import { bucket, s3, s3Sdk } from "../../lib/s3.js";

const DAY_MS = 24 * 60 * 60 * 1000;
export const STALE_UPLOAD_REASON = "upload not confirmed within 24 hours";

/** Deletes up to 1,000 keys per request; a key that is already gone counts as deleted. */
async function deleteKeys(objectBucket: string, keys: string[]): Promise<number> {
  let deleted = 0;
  const { DeleteObjectsCommand } = await s3Sdk();
  for (let start = 0; start < keys.length; start += 1000) {
    const batch = keys.slice(start, start + 1000);
    const result = await s3.send(
      new DeleteObjectsCommand({
        Bucket: objectBucket,
        Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    const failed = result.Errors ?? [];
    for (const error of failed) {
      logger.warn({ bucket: objectBucket, key: error.Key, code: error.Code }, "could not delete object");
    }
    deleted += batch.length - failed.length;
  }
  return deleted;
}

/**
 * Rejects PENDING rows created before `olderThan` and deletes whatever was uploaded for
 * them. One statement both selects and updates the rows, so a confirmation running at the
 * same moment either wins (the row is no longer PENDING) or loses; never both.
 */
export async function rejectStalePending(olderThan: Date): Promise<{ rejected: number }> {
  const rows = await change("file", async (tx) => {
    const rejected = await tx.storedFile.updateManyAndReturn({
      where: { status: "PENDING", createdAt: { lt: olderThan } },
      data: { status: "REJECTED", rejectReason: STALE_UPLOAD_REASON, rejectCode: "STALE", version: { increment: 1 } },
      select: { id: true, bucket: true, key: true, regionId: true },
    });
    if (rejected.length) {
      await tx.changeLog.createMany({
        data: rejected.map((row) => ({
          entity: "StoredFile",
          entityId: row.id,
          action: "TRANSITION" as const,
          regionId: row.regionId,
          changes: {
            status: { from: "PENDING", to: "REJECTED" },
            rejectReason: { from: null, to: STALE_UPLOAD_REASON },
            rejectCode: { from: null, to: "STALE" },
          },
        })),
      });
    }
    return rejected;
  });
  const keysByBucket = new Map<string, string[]>();
  for (const row of rows) keysByBucket.set(row.bucket, [...(keysByBucket.get(row.bucket) ?? []), row.key]);
  for (const [rowBucket, keys] of keysByBucket) await deleteKeys(rowBucket, keys);
  if (rows.length) logger.info({ rejected: rows.length }, "stale pending uploads rejected");
  return { rejected: rows.length };
}

/** Rows in these states own their object; REJECTED and DELETED rows' objects are garbage. */
const OWNING_STATUSES: FileStatus[] = ["PENDING", "AVAILABLE"];

/**
 * Deletes objects under `prefix` that no live StoredFile row owns and that were last
 * modified before `olderThan` (24 hours ago by default). Every upload gets its row before
 * its presigned form, so an object without a row is never an upload in flight; the age
 * limit is a second guard, e.g. for a row created in a transaction not yet committed.
 */
export async function deleteOrphanObjects(
  prefix = "",
  olderThan: Date = new Date(Date.now() - DAY_MS),
): Promise<{ scanned: number; deleted: number }> {
  let scanned = 0;
  let deleted = 0;
  let continuationToken: string | undefined;
  const { ListObjectsV2Command } = await s3Sdk();
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: continuationToken }),
    );
    const contents = page.Contents ?? [];
    scanned += contents.length;
    const candidates = contents
      .filter((object) => object.Key && object.LastModified && object.LastModified < olderThan)
      .map((object) => object.Key as string);
    if (candidates.length) {
      const owned = await prisma.storedFile.findMany({
        where: { bucket, key: { in: candidates }, status: { in: OWNING_STATUSES } },
        select: { key: true },
      });
      const ownedKeys = new Set(owned.map((row) => row.key));
      const orphans = candidates.filter((key) => !ownedKeys.has(key));
      if (orphans.length) {
        deleted += await deleteKeys(bucket, orphans);
        logger.info({ count: orphans.length, keys: orphans.slice(0, 20) }, "orphan objects deleted");
      }
    }
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
  return { scanned, deleted };
}
