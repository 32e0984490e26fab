// Files attached to reports, people and events: the upload protocol's GraphQL side (files never pass
// through GraphQL, only presigned URLs do), and the log of every download URL handed out.
import { builder } from "../../builder.js";
import { FilePurpose, FileRejectCode, FileStatus } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { prisma } from "../../lib/db.js";
import { LIST_EXPORT } from "../../lib/limits.js";
import { scopedNode } from "../../lib/records.js";
import { selection } from "../../lib/selection.js";
import { listConnection, orderByInput, rowMutation } from "../../shared.js";
import {
  canReadAccessLog,
  fileAccessesCsv,
  fileAccessOrderBy,
  fileAccessWhere,
  MAX_CSV_ROWS,
} from "./access-log.service.js";
import { DOWNLOAD_URL_TTL_SECONDS, fileDownloadUrl } from "./downloads.service.js";
import {
  confirmFileUploadSchema,
  fileAccessFilterSchema,
  fileDownloadUrlSchema,
  requestFileUploadSchema,
} from "./files.inputs.js";
import { canReadFile, fileScope } from "./files.service.js";
import { confirmFileUpload, requestFileUpload, UPLOAD_FORM_TTL_SECONDS, type UploadForm } from "./uploads.service.js";

export const FileStatusEnum = builder.enumType(FileStatus, {
  name: "FileStatus",
  description: "PENDING until the upload is checked; then AVAILABLE, or REJECTED with the reason.",
});
export const FilePurposeEnum = builder.enumType(FilePurpose, { name: "FilePurpose" });
const FileRejectCodeEnum = builder.enumType(FileRejectCode, {
  name: "FileRejectCode",
  description:
    "Why an upload was rejected, for clients to say in their user's language: SIZE_MISMATCH, TYPE_MISMATCH and CHECKSUM_MISMATCH (the upload is not what was declared), CONTENT_MISMATCH (the content is not of the declared kind, see detectedType), NOT_TEXT (a CSV file that is not UTF-8 or Windows-1251 text), EXTENSION_MISMATCH (name and type disagree), REPORT_NOT_EDITABLE (the report was submitted before the upload was confirmed), STALE (not confirmed within 24 hours).",
});
const UploadPurposeEnum = builder.enumType("UploadPurpose", {
  description: "What a new upload is for: a file of a report, a person's photo, or a material of an event.",
  values: ["REPORT", "PHOTO", "EVENT_MATERIAL"] as const,
});

export const StoredFileType = builder.prismaNode("StoredFile", {
  description:
    "A file in storage. Every upload is a new file, so earlier versions stay listed and downloadable. Download with fileDownloadUrl.",
  ...scopedNode(fileScope),
  authScopes: (file, ctx) => canReadFile(ctx.access, file),
  fields: (t) => ({
    name: t.exposeString("name", { description: "The original file name, as downloads save it." }),
    contentType: t.exposeString("contentType", {
      description:
        "The declared media type; once AVAILABLE, the type verified from the content (CSV with its charset), which downloads carry.",
    }),
    size: t.float({ description: "Size in bytes.", select: { size: true }, resolve: (file) => Number(file.size) }),
    sha256: t.exposeString("sha256", {
      description: "SHA-256 of the content (hex), checked when the upload is confirmed.",
    }),
    status: t.expose("status", { type: FileStatusEnum }),
    purpose: t.expose("purpose", { type: FilePurposeEnum }),
    rejectReason: t.exposeString("rejectReason", { nullable: true, description: "Why the upload was rejected." }),
    rejectCode: t.expose("rejectCode", { type: FileRejectCodeEnum, nullable: true }),
    detectedType: t.exposeString("detectedType", {
      nullable: true,
      description:
        "For CONTENT_MISMATCH (and NOT_TEXT, when known): what the content turned out to be, as a media type, e.g. application/x-msdownload for a Windows program.",
    }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    confirmedAt: t.expose("confirmedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the upload was checked and the file became available.",
    }),
    uploadedByName: t.string({
      nullable: true,
      select: { uploadedBy: { select: { fullName: true } } },
      resolve: (file) => file.uploadedBy?.fullName ?? null,
    }),
    report: t.relation("report", { nullable: true }),
    event: t.relation("event", { nullable: true, description: "For EVENT_MATERIAL: the event it belongs to." }),
  }),
});

builder.prismaObjectField("Report", "files", (t) =>
  t.relation("files", {
    description: "Every file uploaded for the report, newest first: earlier versions stay listed.",
    query: (_args, ctx) => ({
      where: { AND: [fileScope(ctx.access), { status: { not: "DELETED" } }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  }),
);

// Here rather than in events/: the files module builds on events (the relation is the files'), not the reverse.
builder.prismaObjectField("Event", "materials", (t) =>
  t.relation("materials", {
    description:
      "The event's materials (programme, presentations, photos) that passed their checks, newest first. Upload with requestFileUpload, purpose EVENT_MATERIAL; download with fileDownloadUrl.",
    // Files are internal records: no partner key reads them, whatever it may read of the event.
    authScopes: { staff: true },
    query: (_args, ctx) => ({
      where: { AND: [fileScope(ctx.access), { purpose: "EVENT_MATERIAL" as const, status: "AVAILABLE" as const }] },
      orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
    }),
  }),
);

export const FileAccessType = builder.prismaNode("FileAccess", {
  description: "One download URL handed out: to whom, when and why.",
  ...scopedNode(fileAccessWhere),
  // The file's region comes with every row, for the row-level check below.
  select: { id: true, file: { select: { regionId: true } } },
  authScopes: (row, ctx) => canReadAccessLog(ctx.access, row.file.regionId),
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    role: t.exposeString("role", { description: "The role of who received the URL, at that time." }),
    purpose: t.exposeString("purpose", { description: "Why the file was needed, in the requester's words." }),
    userName: t.string({
      nullable: true,
      select: { user: { select: { fullName: true } } },
      resolve: (row) => row.user?.fullName ?? null,
    }),
    userEmail: t.string({
      nullable: true,
      select: { user: { select: { email: true } } },
      resolve: (row) => row.user?.email ?? null,
    }),
    file: t.relation("file"),
  }),
});

// ── Lists ──

const FileAccessFilter = zodInput("FileAccessFilter", fileAccessFilterSchema, {
  types: { from: "DateTime", to: "DateTime" },
});

const FileAccessOrderBy = orderByInput("FileAccess", ["AT"], "Without it: newest first.");

// Administrators see every access; auditors those of their regions' files.
const accessLogReaders = { admin: true, role: "AUDITOR" } as const;

const FileDownloadUrlInput = zodInput("FileDownloadUrlInput", fileDownloadUrlSchema);

const FileDownload = builder.objectRef<{ url: string; expiresAt: Date }>("FileDownload").implement({
  fields: (t) => ({
    url: t.exposeString("url", {
      description: `A GET URL that saves the file under its original name; it works for ${DOWNLOAD_URL_TTL_SECONDS / 60} minutes.`,
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  // A query because it reads: the URL is the file's content by another road. Handing it
  // out is recorded in the access log, as reads of protected records are audited.
  fileDownloadUrl: t.field({
    type: FileDownload,
    description:
      "A short-lived download URL for an AVAILABLE file in your scope (operators: their centre's report files). Every URL handed out is recorded.",
    errors: {},
    authScopes: { staff: true },
    args: { input: t.arg({ type: FileDownloadUrlInput, required: true }) },
    resolve: (_root, { input }, ctx) => fileDownloadUrl(ctx.access, input),
  }),
  fileAccesses: listConnection(t, {
    type: "FileAccess",
    description: "The download URL log: administrators see all of it, auditors that of their regions' files.",
    authScopes: accessLogReaders,
    filter: { input: FileAccessFilter, where: fileAccessWhere },
    orderBy: { input: FileAccessOrderBy, order: fileAccessOrderBy },
  }),
  fileAccessesCsv: t.string({
    extensions: { cost: LIST_EXPORT },
    description: `The download URL log as CSV (UTF-8 with BOM, every field quoted, newest first), filtered like fileAccesses; at most ${MAX_CSV_ROWS} rows.`,
    authScopes: accessLogReaders,
    args: { filter: t.arg({ type: FileAccessFilter, required: false }) },
    resolve: (_root, args, ctx) => fileAccessesCsv(ctx.access, args.filter),
  }),
}));

// ── Mutations ──

const RequestFileUploadInput = zodInput("RequestFileUploadInput", requestFileUploadSchema, {
  // No configured limit in the text: the printed schema must not depend on the environment.
  description:
    "Describe the file you are about to upload. Report files (reportId; the report must be DRAFT or RETURNED): PDF, XLSX, DOCX, ODS, ODT, CSV, JPEG or PNG, up to the configured limit (50 MB unless MAX_UPLOAD_BYTES says otherwise). Photos (personId): JPEG or PNG, up to 5 MB. Event materials (eventId; you must be able to edit the event): PDF, DOCX, PPTX, XLSX, JPEG or PNG, up to 20 MB. The name's extension must be the type's (.pdf for application/pdf, .jpg or .jpeg for image/jpeg…), and confirmation checks that the content is of that kind.",
  types: { purpose: UploadPurposeEnum, size: "Float" },
});

const ConfirmFileUploadInput = zodInput("ConfirmFileUploadInput", confirmFileUploadSchema);

const FormField = builder.objectRef<{ name: string; value: string }>("FormField").implement({
  fields: (t) => ({ name: t.exposeString("name"), value: t.exposeString("value") }),
});

const PresignedPost = builder.objectRef<UploadForm["upload"]>("PresignedPost").implement({
  description:
    "POST multipart/form-data to `url` with every field in order, then the file as the last field, named `file`.",
  fields: (t) => ({
    url: t.exposeString("url"),
    fields: t.field({ type: [FormField], resolve: (upload) => upload.fields }),
  }),
});

const FileUploadForm = builder.objectRef<UploadForm>("FileUploadForm").implement({
  fields: (t) => ({
    file: t.prismaField({
      type: "StoredFile",
      description: "The new file, PENDING until confirmFileUpload (or the storage's own notification) checks it.",
      resolve: (query, form) =>
        prisma.storedFile.findUniqueOrThrow({ ...selection(query), where: { id: form.file.id } }),
    }),
    upload: t.field({ type: PresignedPost, resolve: (form) => form.upload }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      description: `The form works for ${UPLOAD_FORM_TTL_SECONDS / 60} minutes.`,
    }),
  }),
});

// Operators attach files to their centre's reports; curators and administrators within their regions.
const uploader = { writer: true, role: "OPERATOR" } as const;

builder.mutationFields((t) => ({
  requestFileUpload: t.field({
    type: FileUploadForm,
    description:
      "Step 1 of an upload: creates a PENDING file and returns a presigned form accepting exactly the declared size, type and SHA-256.",
    errors: {},
    authScopes: uploader,
    args: { input: t.arg({ type: RequestFileUploadInput, required: true }) },
    resolve: (_root, { input }, ctx) => requestFileUpload(ctx.access, input),
  }),
  confirmFileUpload: rowMutation(t, {
    type: "StoredFile",
    description:
      "Step 3: checks the uploaded object (size, type, SHA-256, and that its content is of the declared kind) and answers AVAILABLE, or REJECTED with the reason and its code. A ValidationError when the report was submitted in the meantime (the upload is then rejected and deleted). Asking again gives the same answer.",
    authScopes: uploader,
    input: ConfirmFileUploadInput,
    run: confirmFileUpload,
  }),
}));
