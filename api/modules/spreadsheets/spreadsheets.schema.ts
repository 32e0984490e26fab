import { builder } from "../../builder.js";
import { ImportKind, ImportStatus } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { includes, inRegions } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { LIST_EXPORT, REPORT_SPREADSHEET } from "../../lib/limits.js";
import { rowMutation } from "../../shared.js";
import { CentreFilter } from "../centres/centres.schema.js";
import type { CentreFilterInput } from "../centres/centres.service.js";
import { ReportFilter } from "../reports/reports.schema.js";
import { canReadReport, reportScope } from "../reports/reports.service.js";
import { generateRegionalReport } from "./regional-report.service.js";
import { batchProblems, importReportValues } from "./report-import.service.js";
import type { ImportProblem as ImportProblemRow, ProblemCode } from "./report-sheet.js";
import {
  generateRegionalReportSchema,
  importReportValuesSchema,
  reportExportSchema,
  reportTemplateSchema,
} from "./spreadsheets.inputs.js";
import {
  centresCsv,
  MAX_CSV_ROWS,
  reportExport,
  reportsCsv,
  reportTemplate,
  type SpreadsheetFile as SpreadsheetFileData,
} from "./spreadsheets.service.js";

export const SpreadsheetFormatEnum = builder.enumType("SpreadsheetFormat", {
  values: ["CSV", "XLSX"] as const,
  description: "CSV: UTF-8 with BOM, comma-separated (a `;`-separated file is read too). XLSX: the first sheet.",
});

export const SpreadsheetFile = builder.objectRef<SpreadsheetFileData>("SpreadsheetFile").implement({
  description: "A small generated spreadsheet, inline.",
  fields: (t) => ({
    fileName: t.exposeString("fileName"),
    contentType: t.exposeString("contentType"),
    base64: t.exposeString("base64", { description: "The file's bytes, base64-encoded." }),
  }),
});

// ── Import batches ──

export const ImportStatusEnum = builder.enumType(ImportStatus, { name: "ImportStatus" });

const ImportKindEnum = builder.enumType(ImportKind, { name: "ImportKind" });

const REPORT_PROBLEM_CODES = [
  "UNREADABLE_FILE",
  "MISSING_COLUMN",
  "DUPLICATE_COLUMN",
  "TOO_MANY_ROWS",
  "NO_VALUES",
  "WRONG_PERIOD",
  "UNKNOWN_INDICATOR",
  "OTHER_FORM_INDICATOR",
  "DUPLICATE_INDICATOR",
  "MISSING_TOTAL",
  "NOT_WHOLE_NUMBER",
  "NEGATIVE",
  "TOO_LARGE",
  "RURAL_EXCEEDS_TOTAL",
  "RURAL_NOT_SPLIT",
] as const satisfies readonly ProblemCode[];

/** The problems of a registry import's rows (modules/imports), beside the file-level ones above. */
const REGISTRY_PROBLEM_CODES = ["REQUIRED", "INVALID_VALUE", "UNKNOWN_REFERENCE", "DUPLICATE_CODE"] as const;

const ImportProblemCode = builder.enumType("ImportProblemCode", {
  description: "What is wrong with a row, for translation; `reason` says it in words.",
  values: [...REPORT_PROBLEM_CODES, ...REGISTRY_PROBLEM_CODES],
});

const ImportProblem = builder.objectRef<ImportProblemRow>("ImportProblem").implement({
  description: "One bad cell or row of an imported spreadsheet.",
  fields: (t) => ({
    line: t.exposeInt("line", { description: "The spreadsheet row; the header row is 1." }),
    column: t.exposeString("column", {
      nullable: true,
      description:
        "The template column (a report's total, a registry template's Russian header); null for the file as a whole.",
    }),
    code: t.field({ type: ImportProblemCode, resolve: (problem) => problem.code }),
    reason: t.exposeString("reason"),
  }),
});

export const ImportBatch = builder.prismaNode("ImportBatch", {
  id: { field: "id" },
  description:
    "One attempt to import a spreadsheet into a report or a region's register: all rows applied, or none and every problem listed.",
  nullable: true,
  // The report decides who sees its imports; the type-level check needs its scope columns.
  include: { report: { select: { regionId: true, centreId: true, status: true, published: true } } },
  // Partners read published reports but never their imports: not found, as for no such id. A
  // registry import (no report) is seen by staff who read its region.
  findUnique: (id, ctx) => ({
    id: ctx.access.partner ? safeUuid("") : safeUuid(id),
    OR: [
      { report: { AND: [reportScope(ctx.access)] } },
      { reportId: null, regionId: inRegions(ctx.access.read) ?? { not: null } },
    ],
  }),
  authScopes: (batch, ctx) =>
    !ctx.access.partner &&
    (batch.report !== null
      ? canReadReport(ctx.access, batch.report)
      : batch.reportId === null && includes(ctx.access.read, batch.regionId)),
  fields: (t) => ({
    kind: t.expose("kind", { type: ImportKindEnum }),
    status: t.expose("status", { type: ImportStatusEnum }),
    fileName: t.exposeString("fileName", { nullable: true, description: "The file's name as the importer gave it." }),
    rowCount: t.exposeInt("rowCount", { description: "Data rows in the file (empty rows not counted)." }),
    created: t.exposeInt("created", { description: "Records a successful registry import created." }),
    updated: t.exposeInt("updated", {
      description: "Records a successful registry import changed (some imported column differed).",
    }),
    unchanged: t.exposeInt("unchanged", {
      description: "Records a successful registry import found as the file states them.",
    }),
    errors: t.field({
      type: [ImportProblem],
      description: "Every problem found; empty when the import succeeded.",
      select: { errors: true },
      resolve: (batch) => batchProblems(batch.errors),
    }),
    file: t.relation("file", { nullable: true, description: "The uploaded file imported; null for inline content." }),
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
    report: t.relation("report", { nullable: true }),
    region: t.relation("region", {
      nullable: true,
      description: "The region whose register a registry import changed; null for a report's values.",
    }),
  }),
});

builder.prismaObjectField("Report", "imports", (t) =>
  t.relation("imports", {
    description: "Spreadsheet imports into this report, newest first (the latest 50).",
    authScopes: { staff: true },
    query: { orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: 50 },
  }),
);

// ── Queries ──

const formatTypes = { format: SpreadsheetFormatEnum } as const;

const ReportTemplateInput = zodInput("ReportTemplateInput", reportTemplateSchema, { types: formatTypes });

const ReportExportInput = zodInput("ReportExportInput", reportExportSchema, { types: formatTypes });

builder.queryFields((t) => ({
  reportTemplate: t.field({
    type: SpreadsheetFile,
    extensions: { cost: REPORT_SPREADSHEET },
    description:
      "A form's template: columns period_start, indicator_code, indicator_name, unit, total, rural; one row per indicator.",
    authScopes: { staff: true },
    args: { input: t.arg({ type: ReportTemplateInput, required: true }) },
    resolve: (_root, { input }) => reportTemplate(input),
  }),
  reportExport: t.field({
    type: SpreadsheetFile,
    extensions: { cost: REPORT_SPREADSHEET },
    description:
      "A report's values in its form's template; importing it into a report of the same period gives the same values.",
    authScopes: { staff: true, partner: "statistics:read" },
    args: { input: t.arg({ type: ReportExportInput, required: true }) },
    resolve: (_root, { input }, ctx) => reportExport(ctx.access, input),
  }),
  centresCsv: t.string({
    extensions: { cost: LIST_EXPORT },
    description: `The centres the list \`centres\` would give, as CSV (UTF-8 with BOM); at most ${MAX_CSV_ROWS} rows.`,
    authScopes: { staff: true, partner: "registry:read" },
    args: { filter: t.arg({ type: CentreFilter, required: false }) },
    resolve: (_root, args, ctx) => centresCsv(ctx.access, args.filter as CentreFilterInput | null | undefined),
  }),
  reportsCsv: t.string({
    extensions: { cost: LIST_EXPORT },
    description: `The reports the list \`reports\` would give, as CSV (UTF-8 with BOM); at most ${MAX_CSV_ROWS} rows.`,
    authScopes: { staff: true, partner: "statistics:read" },
    args: { filter: t.arg({ type: ReportFilter, required: false }) },
    resolve: (_root, args, ctx) => reportsCsv(ctx.access, args.filter),
  }),
}));

// ── Mutations ──

const ImportReportValuesInput = zodInput("ImportReportValuesInput", importReportValuesSchema, {
  description: "Give fileId (an uploaded file of the report) or content (base64), not both.",
  types: { format: SpreadsheetFormatEnum },
  // Base64 of the largest inline file, line breaks allowed, and room above it so that the
  // service, not the length check, says how large the file may be.
  extensions: { content: { maxLength: 3 * 1024 * 1024 } },
});

const GenerateRegionalReportInput = zodInput("GenerateRegionalReportInput", generateRegionalReportSchema, {
  types: formatTypes,
});

builder.mutationFields((t) => ({
  importReportValues: rowMutation(t, {
    type: "ImportBatch",
    extensions: { cost: REPORT_SPREADSHEET },
    description:
      "Imports a filled-in template into a DRAFT or RETURNED report: all rows valid or nothing applied. A file with bad rows gives a FAILED batch listing each (not an error).",
    // As setReportValues: the centre's operator, or curators and administrators of the region.
    authScopes: { writer: true, role: "OPERATOR" },
    input: ImportReportValuesInput,
    run: importReportValues,
  }),
  generateRegionalReport: rowMutation(t, {
    type: "StoredFile",
    extensions: { cost: LIST_EXPORT },
    description:
      "The consolidated report of a region for a range of years (the Udmurtia document's layout), stored as an EXPORT file of the region and filed with its annual report of toYear when there is one.",
    // Administrators, and curators of the region (checked in the service); auditors download the file.
    input: GenerateRegionalReportInput,
    run: generateRegionalReport,
  }),
}));
