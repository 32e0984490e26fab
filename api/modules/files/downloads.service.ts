// Downloads: a short-lived URL for a verified file, through the download layer
// (lib/downloads.ts), saving it under its original name. Every URL is logged in the same
// transaction (FileAccess: who, when, why); access-log.service.ts reads that log.
import type { FileStatus } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { change } from "../../lib/change.js";
import { downloadUrl } from "../../lib/downloads.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import { transliterate } from "../../lib/translit.js";
import type { MessageCode } from "../../messages/index.js";
import type { FileDownloadUrlData } from "./files.inputs.js";
import { fileScope } from "./files.service.js";

/** How long a download URL works: enough to start the download, too short to pass around. */
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;

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

/** Why a file that is not AVAILABLE cannot be downloaded, by its status. */
const NOT_DOWNLOADABLE: Record<Exclude<FileStatus, "AVAILABLE">, MessageCode> = {
  PENDING: "FILE_PENDING",
  REJECTED: "FILE_REJECTED",
  DELETED: "FILE_DELETED",
};

/**
 * A GET URL for a verified file, valid DOWNLOAD_URL_TTL_SECONDS, that saves it under its
 * original name. The FileAccess row is written in the same transaction: a URL exists only
 * if its access was recorded.
 */
export async function fileDownloadUrl(
  access: Access,
  data: FileDownloadUrlData,
): Promise<{ url: string; expiresAt: Date }> {
  const id = fromGlobalId("StoredFile", data.fileId, "input.fileId");
  const identity = access.identity;
  if (identity?.kind !== "user") throw new ForbiddenError("DOWNLOAD_STAFF_ONLY");
  return change("file", async (tx) => {
    const file = await tx.storedFile.findFirst({ where: { id, AND: [fileScope(access)] } });
    if (!file) throw new NotFoundError("file");
    if (file.status !== "AVAILABLE") {
      throw ValidationError.of("input.fileId", NOT_DOWNLOADABLE[file.status]);
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
