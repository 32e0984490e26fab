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
import { isoDate, templateLayout } from "./report-sheet.js";
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
    "internet_access",
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
    yesNo(c.internetAccess),
    c.phone,
    c.email,
    webUrlOrNull(c.website),
    dateText(c.signatureValidUntil),
    instant(c.lastVerifiedAt),
    instant(c.archivedAt),
  ]);
  return writeCsv([header, ...rows]).toString("utf8");
}

export async function reportsCsv(access: Access, filter?: ReportFilterData | null): Promise<string> {
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
