// Spreadsheets in and out: a form's template and a report's values (CSV/XLSX), importing a
// filled-in template into a report (all rows valid or nothing applied, every attempt kept as
// an ImportBatch), lists as CSV, and the consolidated regional report stored in S3.
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, includes, inRegions } from "../../lib/access.js";
import { assertUpdated, change, log, type Tx } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId, toGlobalId } from "../../lib/ids.js";
import { logger } from "../../lib/logger.js";
import { bucket, s3, s3Sdk } from "../../lib/s3.js";
import { parse, webUrlOrNull } from "../../lib/validate.js";
import { type CentreFilterInput, centreOrderBy, centreWhere } from "../centres/centres.service.js";
import { sanitiseFileName } from "../files/files.service.js";
import { regionStatistics } from "../partners/partners.service.js";
import { assertValuesEditable, writeReportValues } from "../reports/report-values.service.js";
import {
  canEdit,
  type ReportFilterInput,
  reportOrderBy,
  reportScope,
  reportWhere,
} from "../reports/reports.service.js";
import { checkRows, type ImportProblem, isoDate, templateLayout, templateRows } from "./report-sheet.js";
import {
  CONTENT_TYPES,
  EXTENSIONS,
  type OutCell,
  readSheetFile,
  type SpreadsheetFormat,
  UnreadableSheetError,
  writeCsv,
  writeSheet,
} from "./sheet-files.js";

/** A small generated file handed back inline (templates and single reports are a few KB). */
export interface SpreadsheetFile {
  fileName: string;
  contentType: string;
  base64: string;
}

const FORMAT = z.enum(["CSV", "XLSX"]);

function userIdOf(access: Access): string | null {
  return access.identity?.kind === "user" ? access.identity.userId : null;
}

function spreadsheetFile(name: string, format: SpreadsheetFormat, bytes: Buffer): SpreadsheetFile {
  return {
    fileName: `${name}.${EXTENSIONS[format]}`,
    contentType: CONTENT_TYPES[format],
    base64: bytes.toString("base64"),
  };
}

const indicatorOrder = { orderBy: [{ position: "asc" }, { id: "asc" }] } satisfies Prisma.ReportForm$indicatorsArgs;

// ── Template and report export ──

const templateSchema = z.object({ formId: z.string(), format: FORMAT, periodStart: z.date().nullish() });

/** The form's template: one row per indicator, values empty, the period filled in when given. */
export async function reportTemplate(input: unknown): Promise<SpreadsheetFile> {
  const data = parse(templateSchema, input);
  const form = await prisma.reportForm.findUnique({
    where: { id: fromGlobalId("ReportForm", data.formId, "input.formId") },
    include: { indicators: indicatorOrder },
  });
  if (!form) throw new NotFoundError("report form");
  const bytes = await writeSheet(data.format, templateLayout(form.indicators, data.periodStart ?? null));
  const period = data.periodStart ? `-${isoDate(data.periodStart)}` : "";
  return spreadsheetFile(`${form.code}-r${form.revision}${period}-template`, data.format, bytes);
}

const exportSchema = z.object({ reportId: z.string(), format: FORMAT });

/** A report's values in its form's template: importing the file into a report of the same period restores them. */
export async function reportExport(access: Access, input: unknown): Promise<SpreadsheetFile> {
  const data = parse(exportSchema, input);
  const report = await prisma.report.findFirst({
    where: { id: fromGlobalId("Report", data.reportId, "input.reportId"), AND: [reportScope(access)] },
    include: { form: { include: { indicators: indicatorOrder } }, values: true },
  });
  if (!report) throw new NotFoundError("report");
  const values = new Map(report.values.map((value) => [value.indicatorId, value]));
  const bytes = await writeSheet(data.format, templateLayout(report.form.indicators, report.periodStart, values));
  const name = `${report.form.code}-${isoDate(report.periodStart)}-${report.scope.toLowerCase()}-${report.id.slice(0, 8)}`;
  return spreadsheetFile(name, data.format, bytes);
}

// ── Import ──

/** Inline content is for small files; larger ones go through an upload (requestFileUpload). */
export const MAX_INLINE_BYTES = 2 * 1024 * 1024;
/** An uploaded file larger than this is not a report's values. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const importSchema = z.object({
  reportId: z.string(),
  version: z.number().int(),
  fileId: z.string().nullish(),
  content: z.string().nullish(),
  format: FORMAT,
});

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeContent(content: string): Buffer {
  const compact = content.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact))
    throw ValidationError.of("input.content", "Not base64: give the file's bytes base64-encoded.");
  // Checked before decoding, so an oversized request costs no memory for the copy.
  if ((compact.length / 4) * 3 > MAX_INLINE_BYTES + 2) {
    throw ValidationError.of(
      "input.content",
      `At most ${MAX_INLINE_BYTES / 1024 / 1024} MB inline; upload larger files and give fileId.`,
    );
  }
  const bytes = Buffer.from(compact, "base64");
  if (bytes.length > MAX_INLINE_BYTES) {
    throw ValidationError.of(
      "input.content",
      `At most ${MAX_INLINE_BYTES / 1024 / 1024} MB inline; upload larger files and give fileId.`,
    );
  }
  return bytes;
}

/** An uploaded file of this report, in S3 and verified, read whole. */
async function uploadedBytes(globalId: string, reportId: string): Promise<{ id: string; bytes: Uint8Array }> {
  const file = await prisma.storedFile.findFirst({
    where: { id: fromGlobalId("StoredFile", globalId, "input.fileId"), reportId },
  });
  if (!file) throw new NotFoundError("file", "The file does not exist or is not a file of this report.");
  if (file.status !== "AVAILABLE") {
    throw ValidationError.of(
      "input.fileId",
      `The file is ${file.status}; only a confirmed upload (AVAILABLE) can be imported.`,
    );
  }
  if (file.purpose !== "REPORT" && file.purpose !== "IMPORT") {
    throw ValidationError.of("input.fileId", "Only files uploaded as a report or for import can be imported.");
  }
  if (file.size > BigInt(MAX_FILE_BYTES)) {
    throw ValidationError.of("input.fileId", `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  }
  const { GetObjectCommand } = await s3Sdk();
  const object = await s3.send(
    new GetObjectCommand({ Bucket: file.bucket, Key: file.key, VersionId: file.s3VersionId ?? undefined }),
  );
  const bytes = await object.Body?.transformToByteArray();
  if (!bytes) throw ValidationError.of("input.fileId", "The stored file is empty.");
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
export async function importReportValues(access: Access, input: unknown) {
  const data = parse(importSchema, input);
  if (Boolean(data.fileId) === Boolean(data.content)) {
    throw ValidationError.of("input.fileId", "Give either fileId (an uploaded file) or content (base64), not both.");
  }
  const reportId = fromGlobalId("Report", data.reportId, "input.reportId");
  const report = await prisma.report.findFirst({ where: { id: reportId, AND: [reportScope(access)] } });
  if (!report) throw new NotFoundError("report");
  if (!canEdit(access, report))
    throw new ForbiddenError("Only the centre's operator or a curator of the region can fill in this report.");
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

// ── Lists as CSV ──

/** One CSV answer stays within what a request can carry; a larger list needs a narrower filter. */
export const MAX_CSV_ROWS = 50_000;

function assertListSize(count: number): void {
  if (count > MAX_CSV_ROWS) {
    throw ValidationError.of(
      "filter",
      `The list has ${count} rows; a CSV export takes at most ${MAX_CSV_ROWS}. Narrow the filter (e.g. by region).`,
    );
  }
}

const yesNo = (value: boolean) => (value ? "true" : "false");
const dateText = (value: Date | null) => (value ? isoDate(value) : null);
const instant = (value: Date | null) => (value ? value.toISOString() : null);

export async function centresCsv(access: Access, filter?: CentreFilterInput | null): Promise<string> {
  const where = centreWhere(access, filter);
  assertListSize(await prisma.centre.count({ where }));
  const centres = await prisma.centre.findMany({
    where,
    orderBy: centreOrderBy(null),
    include: {
      region: { select: { code: true, name: true } },
      municipality: { select: { name: true } },
      settlement: { select: { name: true, isRural: true } },
      hostOrganisation: { select: { name: true } },
    },
  });
  const header = [
    "id",
    "name",
    "status",
    "kinds",
    "region_code",
    "region",
    "municipality",
    "settlement",
    "rural",
    "host_organisation",
    "address",
    "latitude",
    "longitude",
    "accessible_vision",
    "accessible_hearing",
    "accessible_mobility",
    "workstations",
    "printers",
    "scanners",
    "phone",
    "email",
    "website",
    "signature_valid_until",
    "last_verified_at",
    "archived_at",
  ];
  const rows: OutCell[][] = centres.map((c) => [
    toGlobalId("Centre", c.id),
    c.name,
    c.status,
    c.kinds.join(" "),
    c.region.code,
    c.region.name,
    c.municipality.name,
    c.settlement?.name ?? null,
    c.settlement ? yesNo(c.settlement.isRural) : null,
    c.hostOrganisation.name,
    c.address,
    c.latitude,
    c.longitude,
    yesNo(c.accessibleVision),
    yesNo(c.accessibleHearing),
    yesNo(c.accessibleMobility),
    c.workstations,
    c.printers,
    c.scanners,
    c.phone,
    c.email,
    webUrlOrNull(c.website),
    dateText(c.signatureValidUntil),
    instant(c.lastVerifiedAt),
    instant(c.archivedAt),
  ]);
  return writeCsv([header, ...rows]).toString("utf8");
}

export async function reportsCsv(access: Access, filter?: ReportFilterInput | null): Promise<string> {
  const where = reportWhere(access, filter);
  assertListSize(await prisma.report.count({ where }));
  const reports = await prisma.report.findMany({
    where,
    orderBy: reportOrderBy(null),
    include: {
      form: { select: { code: true, revision: true } },
      region: { select: { code: true, name: true } },
      municipality: { select: { name: true } },
      centre: { select: { name: true } },
    },
  });
  const header = [
    "id",
    "form_code",
    "form_revision",
    "scope",
    "region_code",
    "region",
    "municipality",
    "centre",
    "period_start",
    "period_end",
    "status",
    "published",
    "submitted_at",
    "approved_at",
    "locked_at",
  ];
  const rows: OutCell[][] = reports.map((r) => [
    toGlobalId("Report", r.id),
    r.form.code,
    r.form.revision,
    r.scope,
    r.region.code,
    r.region.name,
    r.municipality?.name ?? null,
    r.centre?.name ?? null,
    isoDate(r.periodStart),
    isoDate(r.periodEnd),
    r.status,
    yesNo(r.published),
    instant(r.submittedAt),
    instant(r.approvedAt),
    instant(r.lockedAt),
  ]);
  return writeCsv([header, ...rows]).toString("utf8");
}

// ── The consolidated regional report ──

const regionalSchema = z
  .object({
    regionId: z.string(),
    fromYear: z.number().int("A year, e.g. 2015.").min(1990, "From 1990 on.").max(2100, "Up to 2100."),
    toYear: z.number().int("A year, e.g. 2018.").min(1990, "From 1990 on.").max(2100, "Up to 2100."),
    format: FORMAT,
  })
  .superRefine((data, ctx) => {
    if (data.toYear < data.fromYear)
      ctx.addIssue({ code: "custom", path: ["toYear"], message: "toYear cannot be before fromYear." });
    else if (data.toYear - data.fromYear > 50)
      ctx.addIssue({ code: "custom", path: ["toYear"], message: "At most 50 years in one report." });
  });

const USERS_ROW = "Количество пользователей, обратившихся за услугой";
const RURAL_ROW = "в т.ч. в сельских библиотеках";

/**
 * The consolidated report of a region in the layout of the Udmurtia document (seed 003): a
 * title, the dynamics table (users and their rural part per year) and the request categories
 * of the last year, from the figures partners see (regionStatistics). Stored in S3 as an
 * EXPORT file of the region, filed with its annual report of the last year.
 */
export async function generateRegionalReport(access: Access, input: unknown) {
  const data = parse(regionalSchema, input);
  const regionId = fromGlobalId("Region", data.regionId, "input.regionId");
  const region = await prisma.region.findFirst({ where: { id: regionId, AND: [{ id: inRegions(access.read) }] } });
  if (!region) throw new NotFoundError("region");
  if (!includes(access.write, region.id))
    throw new ForbiddenError("Only administrators and curators of the region generate its consolidated report.");

  const years = Array.from({ length: data.toYear - data.fromYear + 1 }, (_, i) => data.fromYear + i);
  // The region's own report: every approved figure, published to partners or not.
  const statistics = await regionStatistics(region.id, data.fromYear, data.toYear, { publishedOnly: false });
  const users = new Map(statistics.filter((s) => s.indicatorCode === "USERS").map((s) => [s.year, s]));
  const requests = statistics.filter((s) => s.year === data.toYear && s.indicatorCode.startsWith("REQ_"));
  // The categories in the form's order, as the document lists them.
  const positions = await prisma.reportIndicator.groupBy({
    by: ["code"],
    where: { code: { in: requests.map((r) => r.indicatorCode) } },
    _min: { position: true },
  });
  const position = new Map(positions.map((p) => [p.code, p._min.position ?? 0]));
  requests.sort(
    (a, b) =>
      (position.get(a.indicatorCode) ?? 0) - (position.get(b.indicatorCode) ?? 0) ||
      a.indicatorCode.localeCompare(b.indicatorCode),
  );

  const span = data.fromYear === data.toYear ? `${data.fromYear}` : `${data.fromYear}–${data.toYear}`;
  const bold = (value: string) => ({ value, bold: true as const });
  const rows: OutCell[][] = [
    [
      bold(
        `Деятельность центров общественного доступа к сайтам органов государственной власти и государственным услугам, предоставляемым в электронном виде (ЦОД): ${region.name}, ${span}`,
      ),
    ],
    [],
    [bold("Показатель"), ...years.map((year) => bold(`${year} г.`))],
    [USERS_ROW, ...years.map((year) => users.get(year)?.total ?? null)],
    [RURAL_ROW, ...years.map((year) => users.get(year)?.rural ?? null)],
    [],
    [bold(`Обращения пользователей ЦОД к порталам госуслуг, официальным сайтам в ${data.toYear} году`)],
    [bold("Услуга"), bold("Количество обращений")],
    ...(requests.length > 0
      ? requests.map((r): OutCell[] => [r.indicatorName, r.total])
      : [[`Нет утверждённых данных за ${data.toYear} год`]]),
    [],
    [
      "По утверждённым отчётам региона: отчёт уровня региона, а где его нет — сумма отчётов муниципалитетов или центров.",
    ],
  ];
  const bytes = await writeSheet(data.format, {
    rows,
    widths: [70, ...years.map(() => 12)],
    sheetName: "ЦОД",
  });

  const id = randomUUID();
  const key = `files/exports/${id}.${EXTENSIONS[data.format]}`;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { DeleteObjectCommand, PutObjectCommand } = await s3Sdk();
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: bytes,
      ContentType: CONTENT_TYPES[data.format],
      Metadata: { sha256 },
    }),
  );
  try {
    return await change("file", async (tx) => {
      // Filed with the region's annual report of the last year, when there is one, so it is
      // listed (and downloaded) among that report's files. Unlike uploads (DRAFT or RETURNED
      // reports only), whatever the report's status: the file is made here from approved
      // figures, so it adds no figure and no bytes of anyone's choosing to what was approved,
      // and the annual report is usually approved by the time its summary is wanted.
      const annual = await tx.report.findFirst({
        where: {
          regionId: region.id,
          scope: "REGION",
          periodStart: new Date(Date.UTC(data.toYear, 0, 1)),
          form: { code: "COD_ANNUAL" },
        },
        orderBy: [{ form: { revision: "desc" } }, { id: "asc" }],
        select: { id: true },
      });
      const file = await tx.storedFile.create({
        data: {
          id,
          bucket,
          key,
          name: sanitiseFileName(`Деятельность ЦОД — ${region.name}, ${span}.${EXTENSIONS[data.format]}`),
          contentType: CONTENT_TYPES[data.format],
          size: BigInt(bytes.length),
          sha256,
          status: "AVAILABLE",
          purpose: "EXPORT",
          s3VersionId: put.VersionId ?? null,
          reportId: annual?.id ?? null,
          regionId: region.id,
          uploadedById: userIdOf(access),
          confirmedAt: new Date(),
        },
      });
      await log(tx, access, {
        entity: "StoredFile",
        entityId: file.id,
        action: "CREATE",
        regionId: region.id,
        after: file,
        note: { generated: "regional report", fromYear: data.fromYear, toYear: data.toYear },
      });
      return file;
    });
  } catch (error) {
    // No row owns the object: remove it rather than leave it for the reconciliation job.
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch((cause: unknown) => {
      logger.warn({ key, cause }, "could not delete the object of a regional report that was not saved");
    });
    throw error;
  }
}
