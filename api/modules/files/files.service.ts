// The upload protocol's server side (DESIGN.md, "Upload protocol"): handing out presigned
// upload forms, checking an uploaded object against what its StoredFile row declared (size,
// type, SHA-256, and that its content is of the declared kind: file-types.ts), handing out
// download URLs (each one logged, each through the download layer: lib/downloads.ts), and
// reconciling rows and objects that one side of the protocol left behind. The S3 event, the `confirmFileUpload` mutation and the
// scheduled job all come here, so every rule lives in one place.
//
// Keys are made here, never from the user's file name: a new upload goes to
// `pending/<purpose>/<report or person id>/<file id>`; once verified it is copied to
// `files/…` (same rest) and the pending copy deleted. Every upload gets a new key, so
// nothing is ever overwritten, and the bucket is versioned besides. The bucket's lifecycle
// expires everything under `pending/` after two days (serverless.yml), so an abandoned
// upload disappears even if every job here failed, while confirmed files are kept.
import { createHash, randomUUID } from "node:crypto";
import type { HeadObjectCommandOutput } from "@aws-sdk/client-s3";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { config } from "../../config.js";
import type {
  FilePurpose,
  FileRejectCode,
  FileStatus,
  Prisma,
  ReportStatus,
  StoredFile,
} from "../../generated/prisma/client.js";
import { type Access, accessFor, includes, inRegions, isAdmin } from "../../lib/access.js";
import { change, log, type Tx } from "../../lib/change.js";
import { csvText } from "../../lib/csv.js";
import { prisma } from "../../lib/db.js";
import { downloadUrl } from "../../lib/downloads.js";
import { ForbiddenError, NotFoundError, UserInputError, ValidationError } from "../../lib/errors.js";
import { escapeLike, fromGlobalId, toGlobalId } from "../../lib/ids.js";
import { logger } from "../../lib/logger.js";
import { bucket, s3, s3Client, s3ErrorStatus, s3Sdk } from "../../lib/s3.js";
import { transliterate } from "../../lib/translit.js";
import { parse } from "../../lib/validate.js";
import { personScope } from "../people/people.service.js";
import { reportScope } from "../reports/reports.service.js";
import {
  ALLOWED_KINDS,
  checkContent,
  extensionList,
  extensionOf,
  type FileKind,
  KINDS,
  kindOfName,
  kindOfType,
  type UploadPurpose,
} from "./file-types.js";

export const PENDING_PREFIX = "pending/";
export const FILES_PREFIX = "files/";

const DAY_MS = 24 * 60 * 60 * 1000;
const MIB = 1024 * 1024;
export const STALE_UPLOAD_REASON = "upload not confirmed within 24 hours";

/** The largest report file (MAX_UPLOAD_BYTES, 50 MiB unless set). */
export const MAX_UPLOAD_BYTES = config.maxUploadBytes;
/** Curator photos are small: 5 MiB (or the general limit, if that is lower). */
export const MAX_PHOTO_BYTES = Math.min(5 * MIB, MAX_UPLOAD_BYTES);
/** How long a presigned upload form works. */
export const UPLOAD_FORM_TTL_SECONDS = 15 * 60;
/** How long a download URL works: enough to start the download, too short to pass around. */
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;

const MAX_BYTES: Record<UploadPurpose, number> = { REPORT: MAX_UPLOAD_BYTES, PHOTO: MAX_PHOTO_BYTES };

/** Files are added to a report only while its figures may still change. */
const REPORT_STATUSES_TAKING_FILES: ReportStatus[] = ["DRAFT", "RETURNED"];

const REPORT_STATUS_WORD: Record<ReportStatus, string> = {
  DRAFT: "a draft",
  SUBMITTED: "submitted for review",
  RETURNED: "returned for corrections",
  APPROVED: "approved",
  LOCKED: "locked",
};

/** Why a report takes no more files, in the words of the status it is in. */
function reportClosedReason(status: ReportStatus): string {
  return `The report is ${REPORT_STATUS_WORD[status]} (${status}): files are added only while a report is a draft or returned for corrections.`;
}

/** Calls from S3 events and schedules act for nobody: their ChangeLog rows have no actor. */
const SYSTEM: Access = accessFor(null);

const NO_ROW = "00000000-0000-0000-0000-000000000000";

// ───────────────────────────── Who sees which files ─────────────────────────────

function isOperator(access: Access): boolean {
  return access.identity?.kind === "user" && access.identity.role === "OPERATOR";
}

/**
 * Files a caller may see: staff those of their regions, operators only their own centre's
 * report files, partners and anonymous callers none (files are internal records).
 */
export function fileScope(access: Access): Prisma.StoredFileWhereInput {
  if (access.identity?.kind !== "user") return { id: { in: [] } };
  if (isOperator(access)) return { report: { centreId: access.centreId ?? NO_ROW } };
  return { regionId: inRegions(access.read) };
}

/** The same rule as `fileScope`, for a row already loaded (the type-level safety net). */
export async function canReadFile(
  access: Access,
  file: { regionId: string | null; reportId: string | null },
): Promise<boolean> {
  if (access.identity?.kind !== "user") return false;
  if (!isOperator(access)) return includes(access.read, file.regionId);
  if (!access.centreId || !file.reportId) return false;
  return (await prisma.report.count({ where: { id: file.reportId, centreId: access.centreId } })) > 0;
}

/** Who attaches files to a report: the operator of its centre, or a writer of its region. */
function canChangeReport(access: Access, report: { regionId: string; centreId: string | null }): boolean {
  return (access.centreId !== null && report.centreId === access.centreId) || includes(access.write, report.regionId);
}

// ───────────────────────────── File names ─────────────────────────────

const MAX_NAME_CHARS = 255;

/**
 * The original name as it is kept for display and downloads: NFC, without control or
 * invisible formatting characters (which can disguise an extension), path separators made
 * harmless, at most 255 characters with the extension kept. It never becomes part of a key.
 */
export function sanitiseFileName(raw: string): string {
  const cleaned = raw
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[/\\]/g, "_")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_NAME_CHARS) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 16 ? Array.from(cleaned.slice(dot)) : [];
  return [...chars.slice(0, MAX_NAME_CHARS - extension.length), ...extension].join("").trim();
}

/** RFC 5987 attr-chars survive; everything else (Cyrillic, spaces, quotes) is %-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/**
 * `attachment` with an ASCII fallback for old clients (Russian transliterated, anything
 * else `_`) and the exact name in `filename*` (RFC 6266), which every current browser prefers.
 */
export function contentDisposition(name: string): string {
  const fallback = transliterate(name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

// ───────────────────────────── Requesting an upload ─────────────────────────────

function formatBytes(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MB` : `${bytes} bytes`;
}

const requestSchema = z
  .object({
    purpose: z.enum(["REPORT", "PHOTO"]),
    reportId: z.string().nullish(),
    personId: z.string().nullish(),
    fileName: z
      .string()
      .max(4096, "The name is too long.")
      .transform(sanitiseFileName)
      .refine((name) => name.length > 0 && !/^\.+$/.test(name), "Give the file's name, e.g. «Отчёт за май.pdf»."),
    contentType: z.string().trim().toLowerCase(),
    size: z.number().int("A whole number of bytes.").min(1, "The file is empty: choose a file with content."),
    sha256: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, "The file's SHA-256 as 64 hexadecimal digits."),
  })
  .superRefine((data, ctx) => {
    const what = data.purpose === "REPORT" ? "Report files" : "Photos";
    const byType = kindOfType(data.purpose, data.contentType);
    if (!byType) {
      const list = ALLOWED_KINDS[data.purpose].map((kind) => `${kind} (${KINDS[kind].type})`).join(", ");
      ctx.addIssue({ code: "custom", path: ["contentType"], message: `${what} may be ${list}.` });
    }
    // The name is what a person sees and what the saved download is called: it must say
    // what the file is, e.g. not «Отчёт за май.pdf.exe», nor «evil.html» declared as a PDF.
    const byName = kindOfName(data.purpose, data.fileName);
    if (!byName) {
      const extension = extensionOf(data.fileName);
      ctx.addIssue({
        code: "custom",
        path: ["fileName"],
        message: `${extension ? `«.${extension}» files are not accepted` : "The name has no extension"}: ${what.toLowerCase()} are named ${extensionList(data.purpose)}.`,
      });
    } else if (byType && byName !== byType) {
      ctx.addIssue({
        code: "custom",
        path: ["fileName"],
        message: `The name says ${byName} but the type says ${byType} (${data.contentType}): give the file its own extension, ${KINDS[byType].extensions.map((ext) => `.${ext}`).join(" or ")}.`,
      });
    }
    const max = MAX_BYTES[data.purpose];
    if (data.size > max) {
      const what = data.purpose === "REPORT" ? "A report file" : "A photo";
      ctx.addIssue({ code: "custom", path: ["size"], message: `${what} may be at most ${formatBytes(max)}.` });
    }
    if (data.purpose === "REPORT" && (!data.reportId || data.personId)) {
      ctx.addIssue({
        code: "custom",
        path: ["reportId"],
        message: "A report file needs the report's id (and no personId).",
      });
    }
    if (data.purpose === "PHOTO" && (!data.personId || data.reportId)) {
      ctx.addIssue({ code: "custom", path: ["personId"], message: "A photo needs the person's id (and no reportId)." });
    }
  });

/** The report a file is attached to: readable (NotFound), changeable (Forbidden), DRAFT or RETURNED. */
async function reportForUpload(tx: Tx, access: Access, reportGlobalId: string) {
  const id = fromGlobalId("Report", reportGlobalId, "input.reportId");
  const report = await tx.report.findFirst({ where: { id, AND: [reportScope(access)] } });
  if (!report) throw new NotFoundError("report");
  if (!canChangeReport(access, report)) {
    throw new ForbiddenError("Files are attached by the report's centre operator or a curator of its region.");
  }
  if (!REPORT_STATUSES_TAKING_FILES.includes(report.status)) {
    throw ValidationError.of("input.reportId", reportClosedReason(report.status));
  }
  return report;
}

/** The person a photo is for: readable (NotFound) and in the caller's writable regions (Forbidden). */
async function personForUpload(tx: Tx, access: Access, personGlobalId: string) {
  const id = fromGlobalId("Person", personGlobalId, "input.personId");
  const person = await tx.person.findFirst({ where: { id, AND: [personScope(access)] } });
  if (!person) throw new NotFoundError("person");
  if (!includes(access.write, person.regionId))
    throw new ForbiddenError("You cannot change a person outside your regions.");
  return person;
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
export async function requestFileUpload(access: Access, input: unknown): Promise<UploadForm> {
  const data = parse(requestSchema, input);
  const id = randomUUID();
  const file = await change("file", async (tx) => {
    const owner =
      data.purpose === "REPORT"
        ? await reportForUpload(tx, access, data.reportId ?? "")
        : await personForUpload(tx, access, data.personId ?? "");
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

// ───────────────────────────── Verifying an upload ─────────────────────────────

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

function isNotFound(error: unknown): boolean {
  return s3ErrorStatus(error) === 404;
}

async function headObject(objectBucket: string, key: string): Promise<HeadObjectCommandOutput | null> {
  const { HeadObjectCommand } = await s3Sdk();
  try {
    // ChecksumMode makes AWS return the SHA-256 it computed and checked on upload.
    return await s3.send(new HeadObjectCommand({ Bucket: objectBucket, Key: key, ChecksumMode: "ENABLED" }));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The body of one object version as a stream, or null when the object is gone. */
async function openObject(
  objectBucket: string,
  key: string,
  versionId: string | undefined,
): Promise<(AsyncIterable<Uint8Array> & { destroy?: () => void }) | null> {
  let body: unknown;
  const { GetObjectCommand } = await s3Sdk();
  try {
    body = (await s3.send(new GetObjectCommand({ Bucket: objectBucket, Key: key, VersionId: versionId }))).Body;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  if (!body || typeof body !== "object" || !(Symbol.asyncIterator in body)) {
    throw new Error("The storage returned an object without a readable body.");
  }
  return body as AsyncIterable<Uint8Array> & { destroy?: () => void };
}

/**
 * Hex SHA-256 of one object version, read as a stream and never past `limit` bytes (null
 * when the object is gone, `tooLarge` when it is longer than the limit).
 */
async function hashObject(
  objectBucket: string,
  key: string,
  versionId: string | undefined,
  limit: number,
): Promise<{ hex: string; tooLarge: boolean } | null> {
  const body = await openObject(objectBucket, key, versionId);
  if (!body) return null;
  const hash = createHash("sha256");
  let bytes = 0;
  // Leaving the loop early closes the stream, so an oversized object is never read in full.
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    if (bytes > limit) return { hex: "", tooLarge: true };
    hash.update(chunk);
  }
  return { hex: hash.digest("hex"), tooLarge: false };
}

/** Media types compare without case and without spaces around parameters. */
function normaliseContentType(value: string): string {
  return value
    .toLowerCase()
    .replace(/\s*;\s*/g, ";")
    .trim();
}

interface PendingFile {
  id: string;
  bucket: string;
  key: string;
  name: string;
  size: bigint;
  contentType: string;
  sha256: string;
  purpose: FilePurpose;
  reportId: string | null;
  regionId: string | null;
  createdAt: Date;
}

/** Why an upload is refused: the code a client translates, the reason in English, what was found. */
interface Rejection {
  code: FileRejectCode;
  reason: string;
  detectedType?: string | null;
}

/** The kind the row's declared type and name agree on, or why they do not. */
function declaredKind(file: PendingFile): FileKind | Rejection {
  const purpose: UploadPurpose = file.purpose === "PHOTO" ? "PHOTO" : "REPORT";
  const byType = kindOfType(purpose, normaliseContentType(file.contentType).split(";")[0] ?? "");
  const byName = kindOfName(purpose, file.name);
  if (byType && byName === byType) return byType;
  return {
    code: "EXTENSION_MISMATCH",
    reason: `The name «${file.name}» and the type "${file.contentType}" are not of one kind the ${purpose === "PHOTO" ? "photo" : "report file"} may be (${extensionList(purpose)}).`,
  };
}

/**
 * The object checked against its row, in words the uploader can act on: a Rejection; the
 * type verified from its content when it matches; "MISSING" when it vanished while being
 * read (a concurrent call settled the row).
 */
async function inspect(file: PendingFile, head: HeadObjectCommandOutput): Promise<Rejection | "MISSING" | string> {
  if (head.ContentLength === undefined) {
    return { code: "SIZE_MISMATCH", reason: "The storage did not report the uploaded file's size." };
  }
  if (BigInt(head.ContentLength) !== file.size) {
    return {
      code: "SIZE_MISMATCH",
      reason: `The uploaded file is ${head.ContentLength} bytes, but ${file.size} bytes were declared.`,
    };
  }
  const actualType = head.ContentType ?? "";
  if (normaliseContentType(actualType) !== normaliseContentType(file.contentType)) {
    return {
      code: "TYPE_MISMATCH",
      reason: `The uploaded file has type "${actualType || "none"}", but "${file.contentType}" was declared.`,
    };
  }
  // AWS computed and checked the checksum the upload form required; a store that keeps no
  // checksum (s3rver) is read and hashed here instead, bounded by the size checked above.
  let actual: string;
  if (head.ChecksumSHA256 && head.ChecksumType !== "COMPOSITE") {
    actual = Buffer.from(head.ChecksumSHA256, "base64").toString("hex");
  } else {
    const hashed = await hashObject(file.bucket, file.key, head.VersionId, Number(file.size));
    if (!hashed) return "MISSING";
    if (hashed.tooLarge) {
      return { code: "SIZE_MISMATCH", reason: `The uploaded file is larger than the ${file.size} bytes declared.` };
    }
    actual = hashed.hex;
  }
  if (actual !== file.sha256) {
    return {
      code: "CHECKSUM_MISMATCH",
      reason: `The uploaded file's SHA-256 is ${actual}, but ${file.sha256} was declared: the file changed or was damaged on the way. Upload it again.`,
    };
  }
  // Rows made before names were checked at request time are held to the same rule here.
  const kind = declaredKind(file);
  if (typeof kind !== "string") return kind;
  // The very version whose size and checksum were checked; read only as far as the check needs.
  const body = await openObject(file.bucket, file.key, head.VersionId);
  if (!body) return "MISSING";
  try {
    const verdict = await checkContent(kind, body);
    if (!verdict.ok) return { code: verdict.code, reason: verdict.reason, detectedType: verdict.detectedType };
    return verdict.type;
  } finally {
    body.destroy?.();
  }
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

const fileIdSchema = z.object({ fileId: z.string().min(1, "Give the file's id.") });

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
    super("The file store is not reachable; try again shortly.", { extensions: { code: "S3_UNAVAILABLE" } });
  }
}

/**
 * The client's side of "whichever comes first": verifies the upload unless the S3 event
 * already did, and returns the row as it now is (AVAILABLE, or REJECTED with the reason).
 * An upload for a report that was submitted in the meantime is refused with a
 * ValidationError (the row is REJECTED and the object deleted, whichever path saw it first).
 * Asking again returns the same answer.
 */
export async function confirmFileUpload(access: Access, input: unknown): Promise<StoredFile> {
  const { fileId } = parse(fileIdSchema, input);
  const id = fromGlobalId("StoredFile", fileId, "input.fileId");
  const file = await prisma.storedFile.findFirst({
    where: { id, AND: [fileScope(access)] },
    include: { report: { select: { regionId: true, centreId: true } } },
  });
  if (!file) throw new NotFoundError("file");
  const allowed = file.report ? canChangeReport(access, file.report) : includes(access.write, file.regionId);
  if (!allowed) throw new ForbiddenError("Only who may add this file may confirm its upload.");
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
      throw ValidationError.of(
        "input.fileId",
        "Nothing has been uploaded for this file yet: send it with the form requestFileUpload returned, then confirm again.",
      );
    }
  }
  const settled = await prisma.storedFile.findUniqueOrThrow({ where: { id } });
  if (settled.rejectCode === "REPORT_NOT_EDITABLE") {
    throw ValidationError.of("input.fileId", settled.rejectReason ?? "The report takes no more files.");
  }
  return settled;
}

// ───────────────────────────── Downloads and their log ─────────────────────────────

const downloadSchema = z.object({
  fileId: z.string().min(1, "Give the file's id."),
  purpose: z
    .string()
    .trim()
    .min(3, "Say why you need the file (at least 3 characters); it is recorded in the access log.")
    .max(500, "At most 500 characters."),
});

const STATUS_WORD: Record<FileStatus, string> = {
  PENDING: "still waiting for its upload to be confirmed",
  AVAILABLE: "available",
  REJECTED: "rejected",
  DELETED: "deleted",
};

/**
 * A GET URL for a verified file, valid DOWNLOAD_URL_TTL_SECONDS, that saves it under its
 * original name. The FileAccess row is written in the same transaction: a URL exists only
 * if its access was recorded.
 */
export async function fileDownloadUrl(access: Access, input: unknown): Promise<{ url: string; expiresAt: Date }> {
  const data = parse(downloadSchema, input);
  const id = fromGlobalId("StoredFile", data.fileId, "input.fileId");
  const identity = access.identity;
  if (identity?.kind !== "user") throw new ForbiddenError("Files are downloaded by signed-in staff only.");
  return change("file", async (tx) => {
    const file = await tx.storedFile.findFirst({ where: { id, AND: [fileScope(access)] } });
    if (!file) throw new NotFoundError("file");
    if (file.status !== "AVAILABLE") {
      throw ValidationError.of("input.fileId", `The file is ${STATUS_WORD[file.status]}, so it cannot be downloaded.`);
    }
    const signedAt = new Date();
    await tx.fileAccess.create({
      data: { fileId: file.id, userId: identity.userId, role: identity.role, purpose: data.purpose, at: signedAt },
    });
    // Through the download layer (nosniff, sandbox), with the type verified from the
    // content forced on the answer whatever the object carries.
    const url = await downloadUrl(
      {
        Bucket: file.bucket,
        Key: file.key,
        // The version that was verified, even if the key were ever written again.
        VersionId: file.s3VersionId ?? undefined,
        ResponseContentDisposition: contentDisposition(file.name),
        ResponseContentType: file.contentType,
      },
      { expiresIn: DOWNLOAD_URL_TTL_SECONDS, signingDate: signedAt },
    );
    return { url, expiresAt: new Date(signedAt.getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000) };
  });
}

export interface FileAccessFilterInput {
  fileId?: string | null;
  userId?: string | null;
  from?: Date | null;
  to?: Date | null;
  search?: string | null;
}

export interface FileAccessOrderByInput {
  field: "AT";
  direction: "ASC" | "DESC";
}

/** The access log is for administrators and auditors; auditors see their regions' files. */
export function canReadAccessLog(access: Access, fileRegionId: string | null): boolean {
  if (isAdmin(access)) return true;
  return access.identity?.kind === "user" && access.identity.role === "AUDITOR" && includes(access.read, fileRegionId);
}

function accessLogScope(access: Access): Prisma.FileAccessWhereInput {
  if (isAdmin(access)) return {};
  if (access.identity?.kind === "user" && access.identity.role === "AUDITOR") {
    return { file: { regionId: inRegions(access.read) } };
  }
  return { id: { in: [] } };
}

export function fileAccessWhere(access: Access, filter?: FileAccessFilterInput | null): Prisma.FileAccessWhereInput {
  const search = filter?.search?.trim();
  return {
    AND: [
      accessLogScope(access),
      filter?.fileId ? { fileId: fromGlobalId("StoredFile", filter.fileId, "filter.fileId") } : {},
      filter?.userId ? { userId: fromGlobalId("User", filter.userId, "filter.userId") } : {},
      filter?.from ? { at: { gte: filter.from } } : {},
      filter?.to ? { at: { lte: filter.to } } : {},
      search ? { purpose: { contains: escapeLike(search), mode: "insensitive" } } : {},
    ],
  };
}

/** Newest first unless asked otherwise; ends with the id so pages are stable. */
export function fileAccessOrderBy(
  orderBy?: FileAccessOrderByInput | null,
): Prisma.FileAccessOrderByWithRelationInput[] {
  const direction = orderBy?.direction === "ASC" ? "asc" : "desc";
  return [{ at: direction }, { id: direction }];
}

/** The most rows one export returns; a larger log is exported in date ranges. */
export const MAX_CSV_ROWS = 50_000;

const CSV_HEADER = [
  "at",
  "role",
  "userName",
  "userEmail",
  "apiClient",
  "purpose",
  "fileName",
  "fileId",
  "fileSha256",
  "reportId",
  "region",
];

/**
 * The access log as CSV (RFC 4180: CRLF, every field quoted), UTF-8 with a byte-order
 * mark so spreadsheet programs read Cyrillic correctly. Same filter and scope as the list.
 */
export async function fileAccessesCsv(access: Access, filter?: FileAccessFilterInput | null): Promise<string> {
  const where = fileAccessWhere(access, filter);
  const rows = await prisma.fileAccess.findMany({
    where,
    orderBy: fileAccessOrderBy(null),
    take: MAX_CSV_ROWS + 1,
    select: {
      at: true,
      role: true,
      purpose: true,
      user: { select: { fullName: true, email: true } },
      apiClient: { select: { name: true } },
      file: { select: { id: true, name: true, sha256: true, reportId: true, region: { select: { code: true } } } },
    },
  });
  if (rows.length > MAX_CSV_ROWS) {
    throw new UserInputError(
      `The export would have more than ${MAX_CSV_ROWS} rows: narrow it with filter.from and filter.to.`,
      "filter",
    );
  }
  const lines = rows.map((row) => [
    row.at.toISOString(),
    row.role,
    row.user?.fullName ?? "",
    row.user?.email ?? "",
    row.apiClient?.name ?? "",
    row.purpose,
    row.file.name,
    toGlobalId("StoredFile", row.file.id),
    row.file.sha256,
    row.file.reportId ? toGlobalId("Report", row.file.reportId) : "",
    row.file.region?.code ?? "",
  ]);
  return csvText([CSV_HEADER, ...lines], { quoteAll: true });
}

// ───────────────────────────── Reconciliation (scheduled) ─────────────────────────────

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
