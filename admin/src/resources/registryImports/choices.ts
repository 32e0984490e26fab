import { choicesOf } from "../../lib/choices";

/**
 * What a registry import brings (RegistryImportKind), in the order a region imports them:
 * centres name their host organisation by its code, so organisations come first.
 */
export const REGISTRY_IMPORT_KINDS = ["ORGANISATIONS", "CENTRES", "SERVICES"] as const;
export type RegistryImportKind = (typeof REGISTRY_IMPORT_KINDS)[number];
export const registryImportKindChoices = choicesOf("RegistryImportKind", REGISTRY_IMPORT_KINDS);

/** The spreadsheet formats the API reads and writes (SpreadsheetFormat). */
export const FORMATS = ["CSV", "XLSX"] as const;
export type SpreadsheetFormat = (typeof FORMATS)[number];

/** The format a file's name stands for; null for any other file. */
export function formatOf(fileName: string): SpreadsheetFormat | null {
  const extension = fileName.split(".").pop()?.toLowerCase();
  return extension === "csv" ? "CSV" : extension === "xlsx" ? "XLSX" : null;
}
