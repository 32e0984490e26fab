// What the inputs of uploads, downloads and the access log must hold, checked by the validation
// plugin on their GraphQL input types (files.schema.ts); the services take what these give.
// Whether the content is what the upload declared is checked once it is stored
// (verification.service.ts).
import { z } from "zod";
import { config } from "../../config.js";
import {
  ALLOWED_KINDS,
  extensionList,
  extensionOf,
  KINDS,
  kindOfName,
  kindOfType,
  PURPOSE_WORDS,
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
const OWNER_WORDS: Record<UploadPurpose, string> = {
  REPORT: "A report file needs the report's id",
  PHOTO: "A photo needs the person's id",
  EVENT_MATERIAL: "An event material needs the event's id",
};

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
      .max(4096, "The name is too long.")
      .transform(sanitiseFileName)
      .refine((name) => name.length > 0 && !/^\.+$/.test(name), "Give the file's name, e.g. «Отчёт за май.pdf».")
      .describe("The original name, with the extension of its type; shown and used for downloads only."),
    contentType: z.string().trim().toLowerCase().describe("The media type, e.g. application/pdf."),
    size: z
      .number()
      .int("A whole number of bytes.")
      .min(1, "The file is empty: choose a file with content.")
      .describe("Exact size in bytes."),
    sha256: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, "The file's SHA-256 as 64 hexadecimal digits.")
      .describe("SHA-256 of the content as 64 hex digits."),
  })
  .superRefine((data, ctx) => {
    const what = PURPOSE_WORDS[data.purpose].plural;
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
      const message = `${PURPOSE_WORDS[data.purpose].one} may be at most ${formatBytes(max)}.`;
      ctx.addIssue({ code: "custom", path: ["size"], message });
    }
    const owner = OWNER_FIELD[data.purpose];
    const others = Object.values(OWNER_FIELD).filter((field) => field !== owner);
    if (!data[owner] || others.some((field) => data[field])) {
      const message = `${OWNER_WORDS[data.purpose]} (and no ${others.join(" or ")}).`;
      ctx.addIssue({ code: "custom", path: [owner], message });
    }
  });
export type RequestFileUploadData = z.output<typeof requestFileUploadSchema>;

export const confirmFileUploadSchema = z.object({ fileId: z.string().min(1, "Give the file's id.") });
export type ConfirmFileUploadData = z.output<typeof confirmFileUploadSchema>;

export const fileDownloadUrlSchema = z.object({
  fileId: z.string().min(1, "Give the file's id."),
  purpose: z
    .string()
    .trim()
    .min(3, "Say why you need the file (at least 3 characters); it is recorded in the access log.")
    .max(500, "At most 500 characters.")
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
