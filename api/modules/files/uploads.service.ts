// Uploads: the client's two steps of the upload protocol. `requestFileUpload` checks what the
// client says it will upload (purpose, name, type, size, SHA-256), makes the PENDING row and its
// key, and hands out a presigned form; `confirmFileUpload` has the upload verified
// (verification.service.ts) unless the S3 event did first, and answers the row as it now is.
import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import type { StoredFile } from "../../generated/prisma/client.js";
import { type Access, includes } from "../../lib/access.js";
import { change, log, type Tx } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { ForbiddenError, NotFoundError, textOf, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import { logger } from "../../lib/logger.js";
import { writableRow } from "../../lib/rows.js";
import { bucket, s3Client, s3ErrorStatus } from "../../lib/s3.js";
import { eventScope } from "../../lib/scopes.js";
import { personScope } from "../people/people.service.js";
import { reportScope } from "../reports/reports.service.js";
import type { ConfirmFileUploadData, RequestFileUploadData } from "./files.inputs.js";
import {
  canChangeReport,
  fileScope,
  PENDING_PREFIX,
  REPORT_STATUSES_TAKING_FILES,
  reportClosedCode,
} from "./files.service.js";
import { type VerifyOutcome, verifyStoredObject } from "./verification.service.js";

/** How long a presigned upload form works. */
export const UPLOAD_FORM_TTL_SECONDS = 15 * 60;

// ───────────────────────────── Requesting an upload ─────────────────────────────

/** The report a file is attached to: readable (NotFound), changeable (Forbidden), DRAFT or RETURNED. */
async function reportForUpload(tx: Tx, access: Access, reportGlobalId: string) {
  const id = fromGlobalId("Report", reportGlobalId, "input.reportId");
  const report = await tx.report.findFirst({ where: { id, AND: [reportScope(access)] } });
  if (!report) throw new NotFoundError("report");
  if (!canChangeReport(access, report)) {
    throw new ForbiddenError("REPORT_FILES_FORBIDDEN");
  }
  if (!REPORT_STATUSES_TAKING_FILES.includes(report.status)) {
    throw ValidationError.of("input.reportId", reportClosedCode(report.status));
  }
  return report;
}

/** The person a photo is for: readable (NotFound) and in the caller's writable regions (Forbidden). */
async function personForUpload(tx: Tx, access: Access, personGlobalId: string) {
  const id = fromGlobalId("Person", personGlobalId, "input.personId");
  const person = await tx.person.findFirst({ where: { id, AND: [personScope(access)] } });
  if (!person) throw new NotFoundError("person");
  if (!includes(access.write, person.regionId)) throw new ForbiddenError("PERSON_OUTSIDE_YOUR_REGIONS");
  return person;
}

/** The event a material is for: readable (NotFound), and of a region the caller may write, as editing it (Forbidden). */
async function eventForUpload(tx: Tx, access: Access, eventGlobalId: string) {
  const id = fromGlobalId("Event", eventGlobalId, "input.eventId");
  return writableRow(access, "event", await tx.event.findFirst({ where: { id, AND: [eventScope(access)] } }));
}

/** The row an upload is for, by its purpose (the input names exactly that owner). */
function ownerForUpload(tx: Tx, access: Access, data: RequestFileUploadData) {
  if (data.purpose === "REPORT") return reportForUpload(tx, access, data.reportId ?? "");
  if (data.purpose === "EVENT_MATERIAL") return eventForUpload(tx, access, data.eventId ?? "");
  return personForUpload(tx, access, data.personId ?? "");
}

export interface UploadForm {
  file: StoredFile;
  upload: { url: string; fields: { name: string; value: string }[] };
  expiresAt: Date;
}

/**
 * Creates the PENDING row first (so an object never exists without its row) and returns a
 * presigned POST that S3 accepts only for exactly the declared size, type and SHA-256.
 * s3rver does not enforce the policy; confirmation checks all three again.
 */
export async function requestFileUpload(access: Access, data: RequestFileUploadData): Promise<UploadForm> {
  const id = randomUUID();
  const file = await change("file", async (tx) => {
    const owner = await ownerForUpload(tx, access, data);
    const row = await tx.storedFile.create({
      data: {
        id,
        bucket,
        key: `${PENDING_PREFIX}${data.purpose.toLowerCase()}/${owner.id}/${id}`,
        name: data.fileName,
        contentType: data.contentType,
        size: BigInt(data.size),
        sha256: data.sha256,
        purpose: data.purpose,
        status: "PENDING",
        reportId: data.purpose === "REPORT" ? owner.id : null,
        eventId: data.purpose === "EVENT_MATERIAL" ? owner.id : null,
        regionId: owner.regionId,
        uploadedById: access.identity?.kind === "user" ? access.identity.userId : null,
      },
    });
    await log(tx, access, {
      entity: "StoredFile",
      entityId: row.id,
      action: "CREATE",
      regionId: row.regionId,
      after: row,
      note: data.purpose === "PHOTO" ? { personId: owner.id } : undefined,
    });
    return row;
  });
  // The SDK and the presigner are loaded at the first upload (lib/s3.ts says why).
  const [{ createPresignedPost }, client] = await Promise.all([import("@aws-sdk/s3-presigned-post"), s3Client()]);
  const post = await createPresignedPost(client, {
    Bucket: file.bucket,
    Key: file.key,
    Expires: UPLOAD_FORM_TTL_SECONDS,
    // Each field becomes an exact-match condition of the signed policy.
    Fields: {
      "Content-Type": file.contentType,
      "x-amz-checksum-algorithm": "SHA256",
      "x-amz-checksum-sha256": Buffer.from(file.sha256, "hex").toString("base64"),
    },
    Conditions: [["content-length-range", data.size, data.size]],
  });
  return {
    file,
    upload: { url: post.url, fields: Object.entries(post.fields).map(([name, value]) => ({ name, value })) },
    expiresAt: new Date(Date.now() + UPLOAD_FORM_TTL_SECONDS * 1000),
  };
}

// ───────────────────────────── Confirming an upload ─────────────────────────────

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/** The store did not answer, or answered that it cannot serve now: asking again later may work. */
function isStoreUnavailable(error: unknown): boolean {
  const status = s3ErrorStatus(error);
  if (status !== null) return status >= 500;
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return error.name === "TimeoutError" || (code !== undefined && UNREACHABLE_CODES.has(code));
}

/**
 * Not the uploader's mistake and nothing they can fix but by waiting, so not a ValidationError;
 * a coded error instead of the masked "Unexpected error.", so clients can offer a retry.
 */
export class StoreUnavailableError extends GraphQLError {
  constructor() {
    super(textOf({ code: "S3_UNAVAILABLE" }, "en"), {
      extensions: { code: "S3_UNAVAILABLE", messageCode: "S3_UNAVAILABLE" },
    });
  }
}

/**
 * The client's side of "whichever comes first": verifies the upload unless the S3 event
 * already did, and returns the row as it now is (AVAILABLE, or REJECTED with the reason).
 * An upload for a report that was submitted in the meantime is refused with a
 * ValidationError (the row is REJECTED and the object deleted, whichever path saw it first).
 * Asking again returns the same answer.
 */
export async function confirmFileUpload(access: Access, { fileId }: ConfirmFileUploadData): Promise<StoredFile> {
  const id = fromGlobalId("StoredFile", fileId, "input.fileId");
  const file = await prisma.storedFile.findFirst({
    where: { id, AND: [fileScope(access)] },
    include: { report: { select: { regionId: true, centreId: true } } },
  });
  if (!file) throw new NotFoundError("file");
  const allowed = file.report ? canChangeReport(access, file.report) : includes(access.write, file.regionId);
  if (!allowed) throw new ForbiddenError("CONFIRM_UPLOAD_FORBIDDEN");
  if (file.status === "PENDING") {
    let outcome: VerifyOutcome;
    try {
      outcome = await verifyStoredObject(file.key, access);
    } catch (error) {
      // The row is settled only after the store answered, so it is still PENDING: a retry decides it.
      if (!isStoreUnavailable(error)) throw error;
      logger.warn({ fileId: file.id, err: error }, "file store unreachable during confirmation");
      throw new StoreUnavailableError();
    }
    if (outcome === "MISSING") {
      throw ValidationError.of("input.fileId", "NOTHING_UPLOADED");
    }
  }
  const settled = await prisma.storedFile.findUniqueOrThrow({ where: { id } });
  if (settled.rejectCode === "REPORT_NOT_EDITABLE") {
    const report = settled.reportId
      ? await prisma.report.findUnique({ where: { id: settled.reportId }, select: { status: true } })
      : null;
    throw ValidationError.of("input.fileId", report ? reportClosedCode(report.status) : "REPORT_TAKES_NO_FILES");
  }
  return settled;
}
