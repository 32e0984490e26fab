// Verifying an upload and settling its row, for the S3 event and the client's confirmation
// alike (whichever comes first; both idempotent): the object is checked against its row
// (inspection.service.ts), then the row moves out of PENDING exactly once, to AVAILABLE (the
// object copied to its final key, a photo attached to its person) or REJECTED (the object
// deleted, the reason recorded), in a transaction that logs the decision.
import type { FileStatus, ReportStatus } from "../../generated/prisma/client.js";
import { type Access, accessFor } from "../../lib/access.js";
import { change, log, type Tx } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { logger } from "../../lib/logger.js";
import { s3, s3Sdk } from "../../lib/s3.js";
import { FILES_PREFIX, PENDING_PREFIX, REPORT_STATUSES_TAKING_FILES, reportClosedReason } from "./files.service.js";
import { headObject, inspect, isNotFound, type PendingFile, type Rejection } from "./inspection.service.js";

/** Calls from S3 events and schedules act for nobody: their ChangeLog rows have no actor. */
const SYSTEM: Access = accessFor(null);

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

const PHOTO_KEY = /^(?:pending|files)\/photo\/([0-9a-f-]{36})\//;

/** The person a photo was uploaded for, from its server-made key. */
export function photoOwnerOf(key: string): string | null {
  return PHOTO_KEY.exec(key)?.[1] ?? null;
}

async function stillPending(id: string): Promise<boolean> {
  const row = await prisma.storedFile.findUnique({ where: { id }, select: { status: true } });
  return row?.status === "PENDING";
}

/**
 * Makes a verified photo the person's photo in the same transaction, unless a newer
 * upload was confirmed first (confirmations may arrive in any order).
 */
async function attachPhoto(tx: Tx, access: Access, file: PendingFile): Promise<void> {
  const personId = photoOwnerOf(file.key);
  if (!personId) return;
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: { id: true, regionId: true, photoFileId: true, photo: { select: { createdAt: true } } },
  });
  if (!person || person.photoFileId === file.id) return;
  if (person.photo && person.photo.createdAt > file.createdAt) return;
  const { count } = await tx.person.updateMany({
    where: { id: person.id, photoFileId: person.photoFileId },
    data: { photoFileId: file.id, version: { increment: 1 } },
  });
  if (count === 0) return;
  await log(tx, access, {
    entity: "Person",
    entityId: person.id,
    action: "UPDATE",
    regionId: person.regionId,
    before: { photoFileId: person.photoFileId },
    after: { photoFileId: file.id },
  });
}

/**
 * The status of the report a file belongs to, read with a share lock: a submission or an
 * approval of the report waits until this transaction ends, so a file never becomes
 * AVAILABLE on a report that left DRAFT/RETURNED in the meantime. Null for files of no report.
 */
async function reportStatusLocked(tx: Tx, reportId: string | null): Promise<ReportStatus | null> {
  if (!reportId) return null;
  const rows = await tx.$queryRaw<{ status: ReportStatus }[]>`
    SELECT "status" FROM "Report" WHERE "id" = ${reportId}::uuid FOR SHARE`;
  return rows[0]?.status ?? null;
}

type Settlement =
  | { status: "AVAILABLE"; key: string; s3VersionId: string | null; contentType: string }
  | { status: "REJECTED"; rejection: Rejection };

/** What a verified file asks for: its type, and the copy to its final key (made only if it still may). */
interface Acceptance {
  status: "AVAILABLE";
  contentType: string;
  place: () => Promise<{ key: string; s3VersionId: string | null }>;
}

/**
 * Moves the row out of PENDING if, and only if, it still is; logs the decision in the same
 * transaction. Answers what the row became (an acceptance turns into a rejection when its
 * report stopped taking files), or null when another call decided first.
 *
 * The row is locked first, so that concurrent verifiers of one file (the S3 event and the
 * confirmation) take turns, and the second finds it decided. Only the first therefore copies
 * the object to its final key: a second copy onto the same key is not atomic on every
 * S3-compatible store (s3rver deletes the destination before copying), and one racing the
 * winner's removal of the pending object lost the file.
 */
async function settle(access: Access, file: PendingFile, wanted: Acceptance | Settlement): Promise<Settlement | null> {
  return change("file", async (tx) => {
    const [row] = await tx.$queryRaw<{ status: FileStatus }[]>`
      SELECT "status" FROM "StoredFile" WHERE "id" = ${file.id}::uuid FOR UPDATE`;
    if (row?.status !== "PENDING") return null;
    let data: Settlement;
    if (wanted.status === "AVAILABLE") {
      const reportStatus = await reportStatusLocked(tx, file.reportId);
      data =
        reportStatus && !REPORT_STATUSES_TAKING_FILES.includes(reportStatus)
          ? { status: "REJECTED", rejection: { code: "REPORT_NOT_EDITABLE", reason: reportClosedReason(reportStatus) } }
          : "place" in wanted
            ? { status: "AVAILABLE", contentType: wanted.contentType, ...(await wanted.place()) }
            : wanted;
    } else {
      data = wanted;
    }
    await tx.storedFile.update({
      where: { id: file.id },
      data:
        data.status === "AVAILABLE"
          ? {
              status: "AVAILABLE",
              key: data.key,
              s3VersionId: data.s3VersionId,
              contentType: data.contentType,
              confirmedAt: new Date(),
              version: { increment: 1 },
            }
          : {
              status: "REJECTED",
              rejectReason: data.rejection.reason,
              rejectCode: data.rejection.code,
              detectedType: data.rejection.detectedType ?? null,
              version: { increment: 1 },
            },
    });
    await log(tx, access, {
      entity: "StoredFile",
      entityId: file.id,
      action: "TRANSITION",
      regionId: file.regionId,
      before: { status: "PENDING", key: file.key, contentType: file.contentType },
      after:
        data.status === "AVAILABLE"
          ? { status: "AVAILABLE", key: data.key, contentType: data.contentType }
          : { status: "REJECTED", key: file.key, contentType: file.contentType },
      note:
        data.status === "REJECTED"
          ? { reason: data.rejection.reason, code: data.rejection.code, detectedType: data.rejection.detectedType }
          : undefined,
    });
    if (data.status === "AVAILABLE" && file.purpose === "PHOTO") await attachPhoto(tx, access, file);
    return data;
  });
}

/** Rejects the row (if still PENDING) and deletes what was uploaded for it. */
async function reject(access: Access, file: PendingFile, rejection: Rejection): Promise<VerifyOutcome> {
  if (!(await settle(access, file, { status: "REJECTED", rejection }))) return "ALREADY_FINAL";
  const { DeleteObjectCommand } = await s3Sdk();
  await s3.send(new DeleteObjectCommand({ Bucket: file.bucket, Key: file.key }));
  logger.info({ fileId: file.id, key: file.key, code: rejection.code, reason: rejection.reason }, "upload rejected");
  return "REJECTED";
}

/**
 * Checks the object under `key` against its StoredFile row and settles the row: AVAILABLE
 * (object moved to its final key, stored with the type verified from its content) or
 * REJECTED (object deleted, reason recorded). Safe to call any number of times and
 * concurrently: only the call whose conditional update moves the row out of PENDING acts
 * on it; every other call reports ALREADY_FINAL.
 */
export async function verifyStoredObject(key: string, access: Access = SYSTEM): Promise<VerifyOutcome> {
  // An S3 event for `pending/x` may arrive after a confirmation already moved the file to
  // `files/x`; finding the row under either key makes that event a no-op, not an unknown.
  const keys = [...new Set([key, finalKeyFor(key)])];
  const found = await prisma.storedFile.findFirst({
    where: { key: { in: keys } },
    select: {
      id: true,
      bucket: true,
      key: true,
      name: true,
      size: true,
      contentType: true,
      sha256: true,
      purpose: true,
      reportId: true,
      regionId: true,
      createdAt: true,
      status: true,
      report: { select: { status: true } },
    },
  });
  if (!found) return "UNKNOWN";
  const { status, report, ...file } = found;
  if (status !== "PENDING") return "ALREADY_FINAL";

  // A report that was submitted (or further) since the upload was requested takes no more
  // files, whatever was uploaded: nothing is read, the upload is refused.
  if (report && !REPORT_STATUSES_TAKING_FILES.includes(report.status)) {
    return reject(access, file, { code: "REPORT_NOT_EDITABLE", reason: reportClosedReason(report.status) });
  }

  const head = await headObject(file.bucket, file.key);
  if (!head) return (await stillPending(file.id)) ? "MISSING" : "ALREADY_FINAL";

  let verified: Awaited<ReturnType<typeof inspect>>;
  try {
    verified = await inspect(file, head);
  } catch (error) {
    // A concurrent call that settled the row first deletes the pending object, which can
    // break a read of it half-way: not a failure, the row is decided.
    if (!(await stillPending(file.id))) return "ALREADY_FINAL";
    throw error;
  }
  if (verified === "MISSING") return (await stillPending(file.id)) ? "MISSING" : "ALREADY_FINAL";
  if (typeof verified !== "string") return reject(access, file, verified);

  const finalKey = finalKeyFor(file.key);
  // Copy exactly the version that was checked: a second POST with the same presigned form
  // could replace the pending object between HeadObject and here. The copy carries the
  // verified type (and saves as an attachment), whatever the upload said.
  const place = async () => {
    if (finalKey === file.key) return { key: finalKey, s3VersionId: head.VersionId ?? null };
    const source = `${file.bucket}/${file.key.split("/").map(encodeURIComponent).join("/")}`;
    const { CopyObjectCommand } = await s3Sdk();
    const copied = await s3.send(
      new CopyObjectCommand({
        Bucket: file.bucket,
        Key: finalKey,
        CopySource: head.VersionId ? `${source}?versionId=${encodeURIComponent(head.VersionId)}` : source,
        MetadataDirective: "REPLACE",
        ContentType: verified,
        ContentDisposition: "attachment",
        Metadata: { sha256: file.sha256 },
      }),
    );
    return { key: finalKey, s3VersionId: copied.VersionId ?? null };
  };
  let settled: Settlement | null;
  try {
    settled = await settle(access, file, { status: "AVAILABLE", contentType: verified, place });
  } catch (error) {
    // The pending object is gone though the row was still PENDING when locked: it was never
    // there to copy (a lifecycle rule, a manual delete). Nothing was decided; it is missing.
    if (isNotFound(error)) return (await stillPending(file.id)) ? "MISSING" : "ALREADY_FINAL";
    throw error;
  }
  // The winner removes the pending object; a crash before that leaves an object no row owns,
  // which deleteOrphanObjects and the lifecycle rule both remove.
  if (!settled) return "ALREADY_FINAL";
  const { DeleteObjectCommand } = await s3Sdk();
  if (settled.status === "REJECTED") {
    // The report was submitted while the content was being checked: nothing was copied.
    await s3.send(new DeleteObjectCommand({ Bucket: file.bucket, Key: file.key }));
    logger.info({ fileId: file.id, key: file.key, code: settled.rejection.code }, "upload rejected");
    return "REJECTED";
  }
  if (finalKey !== file.key) await s3.send(new DeleteObjectCommand({ Bucket: file.bucket, Key: file.key }));
  logger.info({ fileId: file.id, key: finalKey, contentType: verified }, "upload verified");
  return "AVAILABLE";
}
