// What the inputs of uploads, downloads and the access log must hold, checked by the validation
// plugin on their GraphQL input types (files.schema.ts); the services take what these give.
// Whether the content is what the upload declared is checked once it is stored
// (verification.service.ts).
import { z } from "zod";
import { config } from "../../config.js";
import type { MessageCode } from "../../messages/index.js";
import {
  ALLOWED_KINDS,
  extensionList,
  extensionOf,
  KINDS,
  kindOfName,
  kindOfType,
  type UploadPurpose,
} from "./file-types.js";
import { sanitiseFileName } from "./files.service.js";

const MIB = 1024 * 1024;

/** The largest report file (MAX_UPLOAD_BYTES, 50 MiB unless set). */
const MAX_UPLOAD_BYTES = config.maxUploadBytes;
/** Curator photos are small: 5 MiB (or the general limit, if that is lower). */
const MAX_PHOTO_BYTES = Math.min(5 * MIB, MAX_UPLOAD_BYTES);
/** An event's materials (a programme, a presentation, photos): 20 MiB (or the general limit, if lower). */
const MAX_EVENT_MATERIAL_BYTES = Math.min(20 * MIB, MAX_UPLOAD_BYTES);
const MAX_BYTES: Record<UploadPurpose, number> = {
  REPORT: MAX_UPLOAD_BYTES,
  PHOTO: MAX_PHOTO_BYTES,
  EVENT_MATERIAL: MAX_EVENT_MATERIAL_BYTES,
};

/** Which owner each purpose names: exactly that one, and no other. */
const OWNER_FIELD = { REPORT: "reportId", PHOTO: "personId", EVENT_MATERIAL: "eventId" } as const;
/** The messages of a file's checks that name what the file is for, by its purpose. */
const PURPOSE_CODES = {
  REPORT: {
    type: "FILE_TYPE_NOT_ACCEPTED_REPORT",
    extension: "FILE_EXTENSION_NOT_ACCEPTED_REPORT",
    noExtension: "FILE_NO_EXTENSION_REPORT",
    size: "FILE_TOO_LARGE_REPORT",
    owner: "FILE_OWNER_REQUIRED_REPORT",
  },
  PHOTO: {
    type: "FILE_TYPE_NOT_ACCEPTED_PHOTO",
    extension: "FILE_EXTENSION_NOT_ACCEPTED_PHOTO",
    noExtension: "FILE_NO_EXTENSION_PHOTO",
    size: "FILE_TOO_LARGE_PHOTO",
    owner: "FILE_OWNER_REQUIRED_PHOTO",
  },
  EVENT_MATERIAL: {
    type: "FILE_TYPE_NOT_ACCEPTED_EVENT_MATERIAL",
    extension: "FILE_EXTENSION_NOT_ACCEPTED_EVENT_MATERIAL",
    noExtension: "FILE_NO_EXTENSION_EVENT_MATERIAL",
    size: "FILE_TOO_LARGE_EVENT_MATERIAL",
    owner: "FILE_OWNER_REQUIRED_EVENT_MATERIAL",
  },
} as const satisfies Record<UploadPurpose, Record<string, MessageCode>>;

function formatBytes(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MB` : `${bytes} bytes`;
}

export const requestFileUploadSchema = z
  .object({
    purpose: z.enum(["REPORT", "PHOTO", "EVENT_MATERIAL"]),
    reportId: z.string().nullish().describe("For REPORT: the report the file belongs to."),
    personId: z.string().nullish().describe("For PHOTO: the person the photo shows."),
    eventId: z.string().nullish().describe("For EVENT_MATERIAL: the event the material belongs to."),
    fileName: z
      .string()
      .max(4096, "FILE_NAME_TOO_LONG")
      .transform(sanitiseFileName)
      .refine((name) => name.length > 0 && !/^\.+$/.test(name), "FILE_NAME_REQUIRED")
      .describe("The original name, with the extension of its type; shown and used for downloads only."),
    contentType: z.string().trim().toLowerCase().describe("The media type, e.g. application/pdf."),
    size: z.number().int("FILE_SIZE_WHOLE").min(1, "FILE_EMPTY").describe("Exact size in bytes."),
    sha256: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, "FILE_SHA256_FORMAT")
      .describe("SHA-256 of the content as 64 hex digits."),
  })
  .superRefine((data, ctx) => {
    const codes = PURPOSE_CODES[data.purpose];
    const byType = kindOfType(data.purpose, data.contentType);
    if (!byType) {
      const list = ALLOWED_KINDS[data.purpose].map((kind) => `${kind} (${KINDS[kind].type})`).join(", ");
      ctx.addIssue({ code: "custom", path: ["contentType"], message: codes.type, params: { kinds: list } });
    }
    // The name is what a person sees and what the saved download is called: it must say
    // what the file is, e.g. not «Отчёт за май.pdf.exe», nor «evil.html» declared as a PDF.
    const byName = kindOfName(data.purpose, data.fileName);
    if (!byName) {
      const extension = extensionOf(data.fileName);
      ctx.addIssue({
        code: "custom",
        path: ["fileName"],
        message: extension ? codes.extension : codes.noExtension,
        params: { extension, extensions: extensionList(data.purpose) },
      });
    } else if (byType && byName !== byType) {
      ctx.addIssue({
        code: "custom",
        path: ["fileName"],
        message: "FILE_NAME_TYPE_MISMATCH",
        params: {
          byName,
          byType,
          contentType: data.contentType,
          extensions: KINDS[byType].extensions.map((ext) => `.${ext}`).join(" or "),
        },
      });
    }
    const max = MAX_BYTES[data.purpose];
    if (data.size > max) {
      ctx.addIssue({ code: "custom", path: ["size"], message: codes.size, params: { size: formatBytes(max) } });
    }
    const owner = OWNER_FIELD[data.purpose];
    const others = Object.values(OWNER_FIELD).filter((field) => field !== owner);
    if (!data[owner] || others.some((field) => data[field])) {
      ctx.addIssue({ code: "custom", path: [owner], message: codes.owner, params: { others: others.join(" or ") } });
    }
  });
export type RequestFileUploadData = z.output<typeof requestFileUploadSchema>;

export const confirmFileUploadSchema = z.object({ fileId: z.string().min(1, "FILE_ID_REQUIRED") });
export type ConfirmFileUploadData = z.output<typeof confirmFileUploadSchema>;

export const fileDownloadUrlSchema = z.object({
  fileId: z.string().min(1, "FILE_ID_REQUIRED"),
  purpose: z
    .string()
    .trim()
    .min(3, "DOWNLOAD_PURPOSE_REQUIRED")
    .max(500, "TEXT_TOO_LONG")
    .describe("Why you need the file (3–500 characters); recorded in the access log with your name and role."),
});
export type FileDownloadUrlData = z.output<typeof fileDownloadUrlSchema>;

// ── The access log ──

export const fileAccessFilterSchema = z.object({
  fileId: z.string().nullish(),
  userId: z.string().nullish(),
  from: z.date().nullish().describe("Accesses at or after this instant."),
  to: z.date().nullish().describe("Accesses at or before this instant."),
  search: z.string().trim().max(200).nullish().describe("Part of the stated purpose; % and _ match themselves."),
});
export type FileAccessFilterData = z.output<typeof fileAccessFilterSchema>;
