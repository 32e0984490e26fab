// Importing a filled-in template (CSV/XLSX, inline or an uploaded file of the report) into a
// report's values: every row checked first, all applied or nothing, and every attempt kept as
// an ImportBatch with each bad row's line and reason.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { assertUpdated, change, log, type Tx } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import { s3, s3Sdk } from "../../lib/s3.js";
import { assertValuesEditable, writeReportValues } from "../reports/report-values.service.js";
import { canEdit, reportScope } from "../reports/reports.service.js";
import { checkRows, type ImportProblem, isoDate, templateRows } from "./report-sheet.js";
import { readSheetFile, type SpreadsheetFormat, UnreadableSheetError } from "./sheet-files.js";
import { type ImportReportValuesData, MAX_INLINE_BYTES } from "./spreadsheets.inputs.js";
import { userIdOf } from "./spreadsheets.service.js";

/** An uploaded file larger than this is not a report's values. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Inline content (base64, at most MAX_INLINE_BYTES decoded) as bytes; registry imports take it too. */
export function decodeContent(content: string): Buffer {
  const compact = content.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw ValidationError.of("input.content", "NOT_BASE64");
  // Checked before decoding, so an oversized request costs no memory for the copy.
  if ((compact.length / 4) * 3 > MAX_INLINE_BYTES + 2) {
    throw ValidationError.of("input.content", "INLINE_TOO_LARGE", { mb: MAX_INLINE_BYTES / 1024 / 1024 });
  }
  const bytes = Buffer.from(compact, "base64");
  if (bytes.length > MAX_INLINE_BYTES) {
    throw ValidationError.of("input.content", "INLINE_TOO_LARGE", { mb: MAX_INLINE_BYTES / 1024 / 1024 });
  }
  return bytes;
}

/** An uploaded file of this report, in S3 and verified, read whole. */
async function uploadedBytes(globalId: string, reportId: string): Promise<{ id: string; bytes: Uint8Array }> {
  const file = await prisma.storedFile.findFirst({
    where: { id: fromGlobalId("StoredFile", globalId, "input.fileId"), reportId },
  });
  if (!file) throw new NotFoundError("file", "IMPORT_FILE_NOT_OF_REPORT");
  if (file.status !== "AVAILABLE") {
    throw ValidationError.of("input.fileId", "IMPORT_FILE_NOT_AVAILABLE", { status: file.status });
  }
  if (file.purpose !== "REPORT" && file.purpose !== "IMPORT") {
    throw ValidationError.of("input.fileId", "IMPORT_FILE_WRONG_PURPOSE");
  }
  if (file.size > BigInt(MAX_FILE_BYTES)) {
    throw ValidationError.of("input.fileId", "IMPORT_FILE_TOO_LARGE", { mb: MAX_FILE_BYTES / 1024 / 1024 });
  }
  const { GetObjectCommand } = await s3Sdk();
  const object = await s3.send(
    new GetObjectCommand({ Bucket: file.bucket, Key: file.key, VersionId: file.s3VersionId ?? undefined }),
  );
  const bytes = await object.Body?.transformToByteArray();
  if (!bytes) throw ValidationError.of("input.fileId", "IMPORT_FILE_EMPTY");
  return { id: file.id, bytes };
}

/** The problems of a file, or its values when there are none. */
async function readValues(
  format: SpreadsheetFormat,
  bytes: Uint8Array,
  report: { formId: string; periodStart: Date },
): Promise<{ rowCount: number; values: ReturnType<typeof checkRows>["values"]; problems: ImportProblem[] }> {
  let cells: Awaited<ReturnType<typeof readSheetFile>>;
  try {
    cells = await readSheetFile(format, bytes);
  } catch (error) {
    if (!(error instanceof UnreadableSheetError)) throw error;
    return {
      rowCount: 0,
      values: [],
      problems: [{ line: error.line ?? 1, column: null, code: "UNREADABLE_FILE", reason: error.message }],
    };
  }
  const { rows, problems } = templateRows(cells);
  if (problems.length > 0) return { rowCount: rows.length, values: [], problems };
  const indicators = await prisma.reportIndicator.findMany({
    where: { formId: report.formId },
    select: { id: true, code: true, hasRuralSplit: true },
  });
  const known = new Set(indicators.map((indicator) => indicator.code));
  const unknown = [...new Set(rows.map((row) => row.code).filter((code) => code && !known.has(code)))];
  const elsewhere = unknown.length
    ? await prisma.reportIndicator.findMany({
        where: { code: { in: unknown } },
        select: { code: true },
        distinct: ["code"],
      })
    : [];
  const checked = checkRows(rows, {
    periodStart: isoDate(report.periodStart),
    indicators,
    otherFormCodes: new Set(elsewhere.map((indicator) => indicator.code)),
  });
  return { rowCount: rows.length, ...checked };
}

async function recordBatch(
  tx: Tx,
  access: Access,
  regionId: string,
  data: Prisma.ImportBatchUncheckedCreateInput & { id: string },
) {
  const batch = await tx.importBatch.create({
    data: { ...data, createdById: userIdOf(access), finishedAt: new Date() },
  });
  await log(tx, access, { entity: "ImportBatch", entityId: batch.id, action: "CREATE", regionId, after: batch });
  return batch;
}

/**
 * Imports a filled-in template (an uploaded file of the report, or inline base64) into a
 * DRAFT or RETURNED report. The caller, the report's state and the version are checked first
 * (typed errors, nothing recorded); then every row is checked. Any problem: nothing is
 * applied and a FAILED batch lists each bad row. Otherwise the values are applied with the
 * rules of setReportValues, the report's version is bumped, and the SUCCEEDED batch is
 * written in the same transaction.
 */
export async function importReportValues(access: Access, data: ImportReportValuesData) {
  if (Boolean(data.fileId) === Boolean(data.content)) {
    throw ValidationError.of("input.fileId", "IMPORT_FILE_OR_CONTENT");
  }
  const reportId = fromGlobalId("Report", data.reportId, "input.reportId");
  const report = await prisma.report.findFirst({ where: { id: reportId, AND: [reportScope(access)] } });
  if (!report) throw new NotFoundError("report");
  if (!canEdit(access, report)) throw new ForbiddenError("REPORT_FILL_FORBIDDEN");
  if (report.version !== data.version) assertUpdated(0, report, "report", data.version);
  assertValuesEditable(report);

  const source = data.content
    ? { id: null, bytes: decodeContent(data.content) }
    : await uploadedBytes(data.fileId ?? "", report.id);
  const { rowCount, values, problems } = await readValues(data.format, source.bytes, report);
  const batchId = randomUUID();
  const batch = { id: batchId, fileId: source.id, reportId: report.id, rowCount };

  if (problems.length > 0) {
    return change("import", (tx) =>
      recordBatch(tx, access, report.regionId, {
        ...batch,
        status: "FAILED",
        errors: problems as unknown as Prisma.InputJsonValue,
      }),
    );
  }

  return change("report", async (tx) => {
    const result = await tx.report.updateMany({
      where: { id: report.id, version: data.version, status: { in: ["DRAFT", "RETURNED"] } },
      data: { version: { increment: 1 } },
    });
    if (result.count === 0) {
      // Someone saved, submitted or approved it since it was read above.
      const current = await tx.report.findUnique({ where: { id: report.id } });
      if (current && current.version === data.version) assertValuesEditable(current);
      assertUpdated(0, current, "report", data.version);
    }
    await writeReportValues(tx, access, report, values, { importBatchId: batchId });
    return recordBatch(tx, access, report.regionId, { ...batch, status: "SUCCEEDED" });
  });
}

/** The problems recorded on a batch, as written by importReportValues. */
export function batchProblems(errors: Prisma.JsonValue): ImportProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((entry) => {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) return [];
    const { line, column, code, reason } = entry as Record<string, unknown>;
    if (typeof line !== "number" || typeof reason !== "string") return [];
    return [
      {
        line,
        column: typeof column === "string" ? column : null,
        code: (typeof code === "string" ? code : "UNREADABLE_FILE") as ImportProblem["code"],
        reason,
      },
    ];
  });
}
