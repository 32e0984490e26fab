// An uploaded object checked against what its StoredFile row declared, in words the uploader
// can act on: its size and type as the store reports them, its SHA-256 (the store's own
// checksum, or the object read and hashed), and that its content is of the declared kind
// (file-types.ts). Reads only: settling the row is verification.service.ts's.
import { createHash } from "node:crypto";
import type { HeadObjectCommandOutput } from "@aws-sdk/client-s3";
import type { FilePurpose, FileRejectCode } from "../../generated/prisma/client.js";
import { s3, s3ErrorStatus, s3Sdk } from "../../lib/s3.js";
import {
  checkContent,
  extensionList,
  type FileKind,
  kindOfName,
  kindOfType,
  PURPOSE_WORDS,
  type UploadPurpose,
  uploadPurposeOf,
} from "./file-types.js";

export function isNotFound(error: unknown): boolean {
  return s3ErrorStatus(error) === 404;
}

export async function headObject(objectBucket: string, key: string): Promise<HeadObjectCommandOutput | null> {
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

export interface PendingFile {
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
export interface Rejection {
  code: FileRejectCode;
  reason: string;
  detectedType?: string | null;
}

/** The kind the row's declared type and name agree on, or why they do not. */
function declaredKind(file: PendingFile): FileKind | Rejection {
  const purpose: UploadPurpose = uploadPurposeOf(file.purpose);
  const byType = kindOfType(purpose, normaliseContentType(file.contentType).split(";")[0] ?? "");
  const byName = kindOfName(purpose, file.name);
  if (byType && byName === byType) return byType;
  return {
    code: "EXTENSION_MISMATCH",
    reason: `The name «${file.name}» and the type "${file.contentType}" are not of one kind ${PURPOSE_WORDS[purpose].one.toLowerCase()} may be (${extensionList(purpose)}).`,
  };
}

/**
 * The object checked against its row, in words the uploader can act on: a Rejection; the
 * type verified from its content when it matches; "MISSING" when it vanished while being
 * read (a concurrent call settled the row).
 */
export async function inspect(
  file: PendingFile,
  head: HeadObjectCommandOutput,
): Promise<Rejection | "MISSING" | string> {
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
