// What the inputs of spreadsheets must hold, checked by the validation plugin on their GraphQL
// input types (spreadsheets.schema.ts); the services take what these give. A file's rows are
// checked against the report's form by the import itself.
import { z } from "zod";

/** The formats every spreadsheet input takes (SpreadsheetFormat in the schema). */
const FORMAT = z.enum(["CSV", "XLSX"]);

export const reportTemplateSchema = z.object({
  formId: z.string(),
  format: FORMAT,
  periodStart: z
    .date()
    .nullish()
    .describe("Fills in period_start, which an import checks against the report's period."),
});
export type ReportTemplateData = z.output<typeof reportTemplateSchema>;

export const reportExportSchema = z.object({ reportId: z.string(), format: FORMAT });
export type ReportExportData = z.output<typeof reportExportSchema>;

/** Inline content is for small files; larger ones go through an upload (requestFileUpload). */
export const MAX_INLINE_BYTES = 2 * 1024 * 1024;

export const importReportValuesSchema = z.object({
  reportId: z.string(),
  version: z.number().int().describe("The report's version you read; a stale one is a conflict."),
  fileId: z.string().nullish().describe("An AVAILABLE StoredFile of this report (purpose REPORT or IMPORT)."),
  content: z
    .string()
    .nullish()
    .describe(`The file's bytes, base64-encoded; at most ${MAX_INLINE_BYTES / 1024 / 1024} MB decoded.`),
  format: FORMAT,
});
export type ImportReportValuesData = z.output<typeof importReportValuesSchema>;

export const generateRegionalReportSchema = z
  .object({
    regionId: z.string(),
    fromYear: z.number().int("YEAR").min(1990, "YEAR_FROM").max(2100, "YEAR_UP_TO"),
    toYear: z
      .number()
      .int("YEAR")
      .min(1990, "YEAR_FROM")
      .max(2100, "YEAR_UP_TO")
      .describe("The request categories are those of this year."),
    format: FORMAT,
  })
  .superRefine((data, ctx) => {
    if (data.toYear < data.fromYear)
      ctx.addIssue({ code: "custom", path: ["toYear"], message: "TO_YEAR_BEFORE_FROM_YEAR" });
    else if (data.toYear - data.fromYear > 50)
      ctx.addIssue({ code: "custom", path: ["toYear"], message: "REGIONAL_REPORT_TOO_LONG" });
  });
export type GenerateRegionalReportData = z.output<typeof generateRegionalReportSchema>;
