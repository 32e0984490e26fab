// Spreadsheets out: a form's template and a report's values (CSV/XLSX), and lists as CSV.
// Spreadsheets in, importing a filled-in template into a report, are report-import.service.ts's;
// the consolidated regional report stored in S3 is regional-report.service.ts's. The files
// themselves are read and written by sheet-files.ts, the template laid out by report-sheet.ts.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId, toGlobalId } from "../../lib/ids.js";
import { webUrlOrNull } from "../../lib/validate.js";
import { type CentreFilterInput, centreOrderBy, centreWhere } from "../centres/centres.service.js";
import type { ReportFilterData } from "../reports/reports.inputs.js";
import { reportOrderBy, reportScope, reportWhere } from "../reports/reports.service.js";
import { isoDate, periodInWords, templateLayout } from "./report-sheet.js";
import {
  CONTENT_TYPES,
  EXTENSIONS,
  type OutCell,
  type SpreadsheetFormat,
  writeCsv,
  writeSheet,
} from "./sheet-files.js";
import type { ReportExportData, ReportTemplateData } from "./spreadsheets.inputs.js";

/** A small generated file handed back inline (templates and single reports are a few KB). */
export interface SpreadsheetFile {
  fileName: string;
  contentType: string;
  base64: string;
}

/** The user a generated file or an import is recorded for; none for a partner key or a job. */
export function userIdOf(access: Access): string | null {
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

/** The form's template: one row per indicator, values empty, the period filled in when given. */
export async function reportTemplate(data: ReportTemplateData): Promise<SpreadsheetFile> {
  const form = await prisma.reportForm.findUnique({
    where: { id: fromGlobalId("ReportForm", data.formId, "input.formId") },
    include: { indicators: indicatorOrder },
  });
  if (!form) throw new NotFoundError("report form");
  const bytes = await writeSheet(data.format, templateLayout(form.indicators, data.periodStart ?? null));
  const period = data.periodStart ? `-${isoDate(data.periodStart)}` : "";
  return spreadsheetFile(`${form.code}-r${form.revision}${period}-template`, data.format, bytes);
}

/** A report's values in its form's template: importing the file into a report of the same period restores them. */
export async function reportExport(access: Access, data: ReportExportData): Promise<SpreadsheetFile> {
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

// ── Lists as CSV ──

/** One CSV answer stays within what a request can carry; a larger list needs a narrower filter. */
export const MAX_CSV_ROWS = 50_000;

function assertListSize(count: number): void {
  if (count > MAX_CSV_ROWS) {
    throw ValidationError.of("filter", "CSV_TOO_MANY_ROWS", { count, max: MAX_CSV_ROWS });
  }
}

const yesNo = (value: boolean) => (value ? "true" : "false");
const dateText = (value: Date | null) => (value ? isoDate(value) : null);
const instant = (value: Date | null) => (value ? value.toISOString() : null);

/** A CSV column: its header, and how a row fills it. */
type Column<Row> = readonly [header: string, cell: (row: Row) => OutCell];

/**
 * A list as CSV: its headers, then a line per row, the columns in `columns`' order. Refused when
 * `count` says the list is longer than MAX_CSV_ROWS; only then are the rows read.
 */
async function listCsv<Row>(
  count: Promise<number>,
  rows: () => Promise<Row[]>,
  columns: readonly Column<Row>[],
): Promise<string> {
  assertListSize(await count);
  const lines = (await rows()).map((row) => columns.map(([, cell]) => cell(row)));
  return writeCsv([columns.map(([header]) => header), ...lines]).toString("utf8");
}

/** Where a centre or a report is: the region's code and name, and the municipality. */
const placeInclude = {
  region: { select: { code: true, name: true } },
  municipality: { select: { name: true } },
} as const;
const placeColumns: Column<{ region: { code: string; name: string }; municipality: { name: string } | null }>[] = [
  ["region_code", (row) => row.region.code],
  ["region", (row) => row.region.name],
  ["municipality", (row) => row.municipality?.name ?? null],
];

const centreInclude = {
  ...placeInclude,
  settlement: { select: { name: true, isRural: true } },
  hostOrganisation: { select: { name: true } },
} satisfies Prisma.CentreInclude;
const centreColumns: Column<Prisma.CentreGetPayload<{ include: typeof centreInclude }>>[] = [
  ["id", (c) => toGlobalId("Centre", c.id)],
  ["name", (c) => c.name],
  ["status", (c) => c.status],
  ["kinds", (c) => c.kinds.join(" ")],
  ...placeColumns,
  ["settlement", (c) => c.settlement?.name ?? null],
  ["rural", (c) => (c.settlement ? yesNo(c.settlement.isRural) : null)],
  ["host_organisation", (c) => c.hostOrganisation.name],
  ["address", (c) => c.address],
  ["latitude", (c) => c.latitude],
  ["longitude", (c) => c.longitude],
  ["accessible_vision", (c) => yesNo(c.accessibleVision)],
  ["accessible_hearing", (c) => yesNo(c.accessibleHearing)],
  ["accessible_mobility", (c) => yesNo(c.accessibleMobility)],
  ["workstations", (c) => c.workstations],
  ["printers", (c) => c.printers],
  ["scanners", (c) => c.scanners],
  ["internet_access", (c) => yesNo(c.internetAccess)],
  ["phone", (c) => c.phone],
  ["email", (c) => c.email],
  ["website", (c) => webUrlOrNull(c.website)],
  ["signature_valid_until", (c) => dateText(c.signatureValidUntil)],
  ["last_verified_at", (c) => instant(c.lastVerifiedAt)],
  ["archived_at", (c) => instant(c.archivedAt)],
  // Added after the others, so files and macros that read columns by position keep working.
  ["code", (c) => c.code],
];

export async function centresCsv(access: Access, filter?: CentreFilterInput | null): Promise<string> {
  const where = centreWhere(access, filter);
  const centres = () => prisma.centre.findMany({ where, orderBy: centreOrderBy(null), include: centreInclude });
  return listCsv(prisma.centre.count({ where }), centres, centreColumns);
}

const reportInclude = {
  ...placeInclude,
  form: { select: { code: true, revision: true, periodicity: true } },
  centre: { select: { name: true } },
} satisfies Prisma.ReportInclude;
const reportColumns: Column<Prisma.ReportGetPayload<{ include: typeof reportInclude }>>[] = [
  ["id", (r) => toGlobalId("Report", r.id)],
  ["form_code", (r) => r.form.code],
  ["form_revision", (r) => r.form.revision],
  ["scope", (r) => r.scope],
  ...placeColumns,
  ["centre", (r) => r.centre?.name ?? null],
  ["period_start", (r) => isoDate(r.periodStart)],
  ["period_end", (r) => isoDate(r.periodEnd)],
  ["status", (r) => r.status],
  ["published", (r) => yesNo(r.published)],
  ["submitted_at", (r) => instant(r.submittedAt)],
  ["approved_at", (r) => instant(r.approvedAt)],
  ["locked_at", (r) => instant(r.lockedAt)],
  // Added after the others (columns are read by position): the period as a person names it.
  ["period", (r) => periodInWords(r.periodStart, r.form.periodicity)],
];

export async function reportsCsv(access: Access, filter?: ReportFilterData | null): Promise<string> {
  const where = reportWhere(access, filter);
  const reports = () => prisma.report.findMany({ where, orderBy: reportOrderBy(null), include: reportInclude });
  return listCsv(prisma.report.count({ where }), reports, reportColumns);
}
