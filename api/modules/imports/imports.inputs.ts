// What the inputs of registry imports must hold, checked by the validation plugin on their GraphQL
// input types (imports.schema.ts); the service takes what these give. A file's rows are checked by
// the import itself, with the rules of the organisations', centres' and services' own inputs.
import { z } from "zod";
import { registryCodeText } from "../../lib/validate.js";
import { MAX_INLINE_BYTES } from "../spreadsheets/spreadsheets.inputs.js";

/** The parts of a region's register a file may bring (RegistryImportKind in the schema). */
export const REGISTRY_KINDS = ["ORGANISATIONS", "CENTRES", "SERVICES"] as const;
const KIND = z.enum(REGISTRY_KINDS);
const FORMAT = z.enum(["CSV", "XLSX"]);

export const registryTemplateSchema = z.object({ kind: KIND, format: FORMAT });
export type RegistryTemplateData = z.output<typeof registryTemplateSchema>;

export const importRegistrySchema = z.object({
  regionId: z.string().describe("The region whose register the file is."),
  kind: KIND,
  format: FORMAT,
  content: z
    .string()
    .describe(`The file's bytes, base64-encoded; at most ${MAX_INLINE_BYTES / 1024 / 1024} MB decoded.`),
  fileName: z
    .string()
    .trim()
    .max(255, "TEXT_TOO_LONG")
    .nullish()
    .describe("The file's name, shown in the history of imports."),
});
export type ImportRegistryData = z.output<typeof importRegistrySchema>;

export const registryImportFilterSchema = z.object({
  regionId: z.string().nullish(),
  kind: KIND.nullish(),
});
export type RegistryImportFilterData = z.output<typeof registryImportFilterSchema>;

/**
 * A record's code in a region's register, as a file gives it (cell «Код», «Код организации»): the
 * rule of the panel's code field (at most 50 characters), required here since rows match on it.
 */
export const registryCode = registryCodeText.min(1, "REQUIRED");
