// Spreadsheet files as rows of cells, both ways, for CSV and XLSX alike. Everything the
// reports, lists and the regional report write or read goes through here: CSV is written by
// lib/csv.ts, the API's one CSV writer, and every file read is taken in the dialects people's
// spreadsheet programs produce.
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import { csvText, defused } from "../../lib/csv.js";

export type SpreadsheetFormat = "CSV" | "XLSX";

/** A cell as read: text, a number, a date (XLSX date cells) or a boolean; null when empty. */
export type Cell = string | number | boolean | Date | null;

/**
 * A cell to write; `bold` marks headings in XLSX (CSV has no styles). A Date is a calendar day:
 * a date cell shown as ДД.ММ.ГГГГ in XLSX, YYYY-MM-DD in CSV (what imports and tools read).
 */
export type OutCell = string | number | Date | null | { value: string | number; bold: true };

export interface SheetLayout {
  rows: OutCell[][];
  /** Column widths in characters (XLSX only). */
  widths?: number[];
  sheetName?: string;
}

export const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  CSV: "text/csv; charset=utf-8",
  XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const EXTENSIONS: Record<SpreadsheetFormat, string> = { CSV: "csv", XLSX: "xlsx" };

function plainValue(cell: OutCell): string | number | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cell !== null && typeof cell === "object" ? cell.value : cell;
}

/** CSV as lib/csv.ts writes it (styles dropped), as bytes. */
export function writeCsv(rows: OutCell[][]): Buffer {
  return Buffer.from(csvText(rows.map((row) => row.map(plainValue))), "utf8");
}

export async function writeXlsx(layout: SheetLayout): Promise<Buffer> {
  // Evaluated on first use, so a cold start that serves no spreadsheet skips it. The universal
  // builds (Blob / ArrayBuffer) leave out the Node stream code, which keeps the Lambda zip small.
  const { default: writeXlsxFile } = await import("write-excel-file/universal");
  const data = layout.rows.map((row) =>
    row.map((cell) => {
      if (cell === null) return null;
      // Typed cells: a day is a date (formatted the Russian way), a number a number.
      if (cell instanceof Date) return { value: cell, type: Date, format: "dd.mm.yyyy" };
      if (typeof cell === "object") return { value: cell.value, fontWeight: "bold" as const };
      return typeof cell === "string" ? defused(cell) : cell;
    }),
  );
  const blob = await writeXlsxFile(data, {
    sheet: layout.sheetName ?? "Sheet1",
    columns: layout.widths?.map((width) => ({ width })),
  }).toBlob();
  return Buffer.from(await blob.arrayBuffer());
}

export async function writeSheet(format: SpreadsheetFormat, layout: SheetLayout): Promise<Buffer> {
  return format === "CSV" ? writeCsv(layout.rows) : writeXlsx(layout);
}

// ── Reading ──

/** A file that cannot be read as a spreadsheet at all (not the rows' content). */
export class UnreadableSheetError extends Error {
  override name = "UnreadableSheetError";
  constructor(
    message: string,
    /** Spreadsheet row where reading stopped, when known. */
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

/**
 * UTF-8 unless the bytes are not valid UTF-8: then Windows-1251, which is what Russian
 * Excel writes for «CSV (разделители — точка с запятой)».
 */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/** `;` when the header line has more semicolons than commas outside quotes (Russian Excel). */
function sniffDelimiter(text: string): "," | ";" {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas += 1;
    else if (!quoted && char === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Rows of a CSV file; row i is spreadsheet row i + 1, as the file would open in Excel: empty
 * lines stay as empty rows and a quoted field spanning lines stays in its row.
 */
export function readCsv(bytes: Uint8Array): Cell[][] {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  try {
    const records = parseCsv(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
    return records.map((record) => record.map((field) => (field.trim() === "" ? null : field)));
  } catch (error) {
    if (error instanceof CsvError) {
      // The records read before the bad one: it is the next spreadsheet row.
      const records = (error as CsvError & { records?: number }).records;
      throw new UnreadableSheetError(
        `Not a readable CSV file: ${error.message}`,
        records === undefined ? null : records + 1,
      );
    }
    throw error;
  }
}

/** What the parts of an XLSX file may unpack to: far above any report, far below a zip bomb. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/**
 * Refuses a zip whose entries declare more than MAX_UNPACKED_BYTES. The unzipper allocates
 * each entry's declared size and never writes past it, so the declared sizes bound memory.
 * Read from the central directory (located by its end record), without unpacking anything.
 */
function assertUnpackedSize(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return; // Not a zip at all: the reader says so in its own words.
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== ENTRY) return;
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF means the real size is in a ZIP64 field: more than any spreadsheet here needs.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    if (total > MAX_UNPACKED_BYTES) {
      throw new UnreadableSheetError(
        `Not a readable XLSX file: it unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB.`,
      );
    }
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}

/** Rows of the first sheet of an XLSX file; row i is spreadsheet row i + 1. */
export async function readXlsx(bytes: Uint8Array): Promise<Cell[][]> {
  assertUnpackedSize(bytes);
  const { readSheet } = await import("read-excel-file/universal");
  try {
    const rows = await readSheet(new Uint8Array(bytes).buffer);
    return rows.map((row) =>
      row.map((cell): Cell => {
        if (cell === null || cell === undefined) return null;
        if (typeof cell === "string") return cell.trim() === "" ? null : cell;
        if (typeof cell === "number" || typeof cell === "boolean") return cell;
        return cell instanceof Date ? cell : String(cell);
      }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UnreadableSheetError(`Not a readable XLSX file: ${message}`);
  }
}

export async function readSheetFile(format: SpreadsheetFormat, bytes: Uint8Array): Promise<Cell[][]> {
  return format === "CSV" ? readCsv(bytes) : readXlsx(bytes);
}

/** A cell as text: dates as YYYY-MM-DD (XLSX date cells are UTC midnights), numbers as written. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
