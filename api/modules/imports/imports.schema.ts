import { builder } from "../../builder.js";
import { zodInput } from "../../inputs.js";
import { LIST_EXPORT, REPORT_SPREADSHEET } from "../../lib/limits.js";
import { listConnection, rowMutation } from "../../shared.js";
import { SpreadsheetFile, SpreadsheetFormatEnum } from "../spreadsheets/spreadsheets.schema.js";
import {
  importRegistrySchema,
  REGISTRY_KINDS,
  registryImportFilterSchema,
  registryTemplateSchema,
} from "./imports.inputs.js";
import { importRegistry, registryImportWhere, registryTemplate } from "./imports.service.js";
import { COLUMNS, MAX_ROWS } from "./registry-sheet.js";

const RegistryImportKind = builder.enumType("RegistryImportKind", {
  description: "The part of a region's register a spreadsheet brings.",
  values: REGISTRY_KINDS,
});

/** The template's columns in words, for the descriptions: required ones marked with *. */
const columnsOf = (kind: (typeof REGISTRY_KINDS)[number]) =>
  COLUMNS[kind].map((c) => `${c.header}${c.required ? "*" : ""}`).join("; ");

const RegistryTemplateInput = zodInput("RegistryTemplateInput", registryTemplateSchema, {
  types: { kind: RegistryImportKind, format: SpreadsheetFormatEnum },
});

const ImportRegistryInput = zodInput("ImportRegistryInput", importRegistrySchema, {
  types: { kind: RegistryImportKind, format: SpreadsheetFormatEnum },
  // As ImportReportValuesInput: base64 of the largest inline file, with room above it so that the
  // service, not the length check, says how large the file may be.
  extensions: { content: { maxLength: 3 * 1024 * 1024 } },
});

const RegistryImportFilter = zodInput("RegistryImportFilter", registryImportFilterSchema, {
  types: { kind: RegistryImportKind },
});

builder.queryFields((t) => ({
  registryTemplate: t.field({
    type: SpreadsheetFile,
    extensions: { cost: REPORT_SPREADSHEET },
    description:
      "The template of a region's register: the Russian header row and one example row. Columns (* required; " +
      "order free; English keys accepted; unknown columns ignored): " +
      `ORGANISATIONS: ${columnsOf("ORGANISATIONS")}. CENTRES: ${columnsOf("CENTRES")}. SERVICES: ${columnsOf("SERVICES")}. ` +
      "Each row is the whole record: an empty optional cell means no value and clears the field. " +
      "Виды: comma-separated (empty: ЦОД); Часы работы: «Пн-Пт 09:00-18:00; Сб 10:00-16:00», replacing the weekly hours when given.",
    authScopes: { staff: true },
    args: { input: t.arg({ type: RegistryTemplateInput, required: true }) },
    resolve: (_root, { input }) => registryTemplate(input),
  }),
  registryImports: listConnection(t, {
    type: "ImportBatch",
    description: "Imports of the registers of the regions you read (organisations, centres, services), newest first.",
    authScopes: { staff: true },
    filter: { input: RegistryImportFilter, where: registryImportWhere },
    order: () => [{ startedAt: "desc" }, { id: "desc" }],
  }),
}));

builder.mutationFields((t) => ({
  importRegistry: rowMutation(t, {
    type: "ImportBatch",
    extensions: { cost: LIST_EXPORT },
    description: `Imports a region's organisations, centres or services from a filled-in registryTemplate (at most ${MAX_ROWS} rows), matching records by their code: all rows valid or nothing applied. A file with bad rows gives a FAILED batch listing each (not an error); the same file imported again changes nothing.`,
    input: ImportRegistryInput,
    run: importRegistry,
  }),
}));
