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
    fromYear: z.number().int("A year, e.g. 2015.").min(1990, "From 1990 on.").max(2100, "Up to 2100."),
    toYear: z
      .number()
      .int("A year, e.g. 2018.")
      .min(1990, "From 1990 on.")
      .max(2100, "Up to 2100.")
      .describe("The request categories are those of this year."),
    format: FORMAT,
  })
  .superRefine((data, ctx) => {
    if (data.toYear < data.fromYear)
      ctx.addIssue({ code: "custom", path: ["toYear"], message: "toYear cannot be before fromYear." });
    else if (data.toYear - data.fromYear > 50)
      ctx.addIssue({ code: "custom", path: ["toYear"], message: "At most 50 years in one report." });
  });
export type GenerateRegionalReportData = z.output<typeof generateRegionalReportSchema>;
