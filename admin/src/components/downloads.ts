import { type CsvCell, csvText } from "./csv";

/** Saves bytes the browser holds (a generated spreadsheet, a CSV) under a file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download by now; a delay keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A SpreadsheetFile of the API (base64 content) as a download. */
export function saveBase64(file: { base64: string; contentType: string; fileName: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  saveBlob(new Blob([bytes], { type: file.contentType }), file.fileName);
}

/** Text as a download: a list's CSV export, or a CSV of the API (which carries its own BOM). */
export function saveText(text: string, fileName: string, type = "text/csv;charset=utf-8"): void {
  saveBlob(new Blob([text], { type }), fileName);
}

/** Follows a download URL (a presigned GET that names the file): the browser saves it. */
export function followDownload(url: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * A list's exporter, the panel's one way to write a CSV file: each record as a flat row
 * (nested records as their names, not [object Object]), saved as `<fileName>.csv`.
 */
export const csvExporter =
  <T>(fileName: string, row: (record: T) => Record<string, CsvCell>) =>
  (records: T[]): void =>
    saveText(csvText(records.map(row)), `${fileName}.csv`);
