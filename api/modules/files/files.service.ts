// The upload protocol's server side (DESIGN.md, "Upload protocol"): checking an uploaded
// object against what its StoredFile row declared, and reconciling rows and objects that
// one side of the protocol left behind. The S3 event, the `confirmFileUpload` mutation and
// the scheduled job all come here, so every rule lives in one place.
//
// Keys: a new upload goes to `pending/<id…>`; once verified it is copied to `files/<id…>`
// and the pending copy deleted. The bucket's lifecycle expires everything under `pending/`
// after two days (serverless.yml), so an abandoned upload disappears even if every job
// here failed, while confirmed files, which no longer live under `pending/`, are kept.
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  ListObjectsV2Command,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { FileStatus } from "../../generated/prisma/client.js";
import { prisma } from "../../lib/db.js";
import { logger } from "../../lib/logger.js";
import { bucket, s3 } from "../../lib/s3.js";

export const PENDING_PREFIX = "pending/";
export const FILES_PREFIX = "files/";

const DAY_MS = 24 * 60 * 60 * 1000;
export const STALE_UPLOAD_REASON = "upload not confirmed within 24 hours";

/**
 * AVAILABLE / REJECTED: this call decided the row. ALREADY_FINAL: the row was decided
 * before (or by a concurrent call), nothing changed. UNKNOWN: no row owns the key (the
 * scheduled job deletes such objects). MISSING: the row is pending but its object has not
 * arrived yet (a confirmation that came before the upload finished); nothing changed.
 */
export type VerifyOutcome = "AVAILABLE" | "REJECTED" | "UNKNOWN" | "ALREADY_FINAL" | "MISSING";

/** Where a verified upload is kept: the pending key with `pending/` replaced by `files/`. */
export function finalKeyFor(key: string): string {
  return key.startsWith(PENDING_PREFIX) ? FILES_PREFIX + key.slice(PENDING_PREFIX.length) : key;
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}

async function headObject(objectBucket: string, key: string): Promise<HeadObjectCommandOutput | null> {
  try {
    return await s3.send(new HeadObjectCommand({ Bucket: objectBucket, Key: key }));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Media types compare without case and without spaces around parameters. */
function normaliseContentType(value: string): string {
  return value
    .toLowerCase()
    .replace(/\s*;\s*/g, ";")
    .trim();
}

/** Why the object does not match its row, in words the uploader can act on; null when it matches. */
function mismatch(declared: { size: bigint; contentType: string }, head: HeadObjectCommandOutput): string | null {
  if (head.ContentLength === undefined) return "The storage did not report the uploaded file's size.";
  if (BigInt(head.ContentLength) !== declared.size) {
    return `The uploaded file is ${head.ContentLength} bytes, but ${declared.size} bytes were declared.`;
  }
  const actualType = head.ContentType ?? "";
  if (normaliseContentType(actualType) !== normaliseContentType(declared.contentType)) {
    return `The uploaded file has type "${actualType || "none"}", but "${declared.contentType}" was declared.`;
  }
  // The declared SHA-256 is not checked yet: S3 only knows it when the upload carried
  // x-amz-checksum-sha256 (then HeadObject with ChecksumMode returns it); that is a later
  // issue. Until then a row's sha256 is what the client claimed, not what was verified.
  return null;
}

async function stillPending(id: string): Promise<boolean> {
  const row = await prisma.storedFile.findUnique({ where: { id }, select: { status: true } });
  return row?.status === "PENDING";
}

/**
 * Checks the object under `key` against its StoredFile row and settles the row: AVAILABLE
 * (object moved to its final key) or REJECTED (object deleted, reason recorded). Safe to
 * call any number of times and concurrently: only the call whose conditional update moves
 * the row out of PENDING acts on it; every other call reports ALREADY_FINAL.
 */
export async function verifyStoredObject(key: string): Promise<VerifyOutcome> {
  // An S3 event for `pending/x` may arrive after a confirmation already moved the file to
  // `files/x`; finding the row under either key makes that event a no-op, not an unknown.
  const keys = [...new Set([key, finalKeyFor(key)])];
  const file = await prisma.storedFile.findFirst({
    where: { key: { in: keys } },
    select: { id: true, bucket: true, key: true, size: true, contentType: true, status: true },
  });
  if (!file) return "UNKNOWN";
  if (file.status !== "PENDING") return "ALREADY_FINAL";

  const head = await headObject(file.bucket, file.key);
  if (!head) return (await stillPending(file.id)) ? "MISSING" : "ALREADY_FINAL";

  const problem = mismatch(file, head);
  if (problem) {
    const { count } = await prisma.storedFile.updateMany({
      where: { id: file.id, status: "PENDING" },
      data: { status: "REJECTED", rejectReason: problem, version: { increment: 1 } },
    });
    if (count === 0) return "ALREADY_FINAL";
    await s3.send(new DeleteObjectCommand({ Bucket: file.bucket, Key: file.key }));
    logger.info({ fileId: file.id, key: file.key, reason: problem }, "upload rejected");
    return "REJECTED";
  }

  const finalKey = finalKeyFor(file.key);
  let versionId = head.VersionId;
  if (finalKey !== file.key) {
    // Copy exactly the version that was checked: a second POST with the same presigned
    // form could replace the pending object between HeadObject and here.
    const source = `${file.bucket}/${file.key.split("/").map(encodeURIComponent).join("/")}`;
    try {
      const copied = await s3.send(
        new CopyObjectCommand({
          Bucket: file.bucket,
          Key: finalKey,
          CopySource: head.VersionId ? `${source}?versionId=${encodeURIComponent(head.VersionId)}` : source,
          MetadataDirective: "COPY",
        }),
      );
      versionId = copied.VersionId;
    } catch (error) {
      // A concurrent confirmation finished first and deleted the pending object.
      if (isNotFound(error)) return (await stillPending(file.id)) ? "MISSING" : "ALREADY_FINAL";
      throw error;
    }
  }
  const { count } = await prisma.storedFile.updateMany({
    where: { id: file.id, status: "PENDING" },
    data: {
      status: "AVAILABLE",
      key: finalKey,
      s3VersionId: versionId ?? null,
      confirmedAt: new Date(),
      rejectReason: null,
      version: { increment: 1 },
    },
  });
  // The winner of a race removes the pending object; a crash before that leaves an
  // object no row owns, which deleteOrphanObjects and the lifecycle rule both remove.
  if (count === 0) return "ALREADY_FINAL";
  if (finalKey !== file.key) await s3.send(new DeleteObjectCommand({ Bucket: file.bucket, Key: file.key }));
  logger.info({ fileId: file.id, key: finalKey }, "upload verified");
  return "AVAILABLE";
}

/** Deletes up to 1,000 keys per request; a key that is already gone counts as deleted. */
async function deleteKeys(objectBucket: string, keys: string[]): Promise<number> {
  let deleted = 0;
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
  const rows = await prisma.storedFile.updateManyAndReturn({
    where: { status: "PENDING", createdAt: { lt: olderThan } },
    data: { status: "REJECTED", rejectReason: STALE_UPLOAD_REASON, version: { increment: 1 } },
    select: { bucket: true, key: true },
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
