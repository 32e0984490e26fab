// What the inputs of spreadsheets must hold, checked by the validation plugin on their GraphQL
// input types (spreadsheets.schema.ts); the services take what these give. A file's rows are
// checked against the report's form by the import itself.
import { z } from "zod";

/** The formats every spreadsheet input takes (SpreadsheetFormat in the schema). */
const FORMAT = z.enum(["CSV", "XLSX"]);

export const reportTemplateSchema = z.object({ formId: z.string(), format: FORMAT, periodStart: z.date().nullish() });
export type ReportTemplateData = z.output<typeof reportTemplateSchema>;

export const reportExportSchema = z.object({ reportId: z.string(), format: FORMAT });
export type ReportExportData = z.output<typeof reportExportSchema>;

export const importReportValuesSchema = z.object({
  reportId: z.string(),
  version: z.number().int(),
  fileId: z.string().nullish(),
  content: z.string().nullish(),
  format: FORMAT,
});
export type ImportReportValuesData = z.output<typeof importReportValuesSchema>;

export const generateRegionalReportSchema = z
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
export type GenerateRegionalReportData = z.output<typeof generateRegionalReportSchema>;
