import { downloadCSV } from "react-admin";

type Cell = string | number | boolean | null | undefined;

const quote = (value: Cell): string => {
  if (value === null || value === undefined) {
    return "";
  }
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Flat rows as a CSV download (react-admin adds the BOM spreadsheets need). Lists give
 * their own rows so nested records come out as names, not [object Object].
 */
export function exportRows(rows: Record<string, Cell>[], fileName: string): void {
  const [first] = rows;
  const header = first ? Object.keys(first) : [];
  const lines = [header.map(quote).join(","), ...rows.map((row) => header.map((key) => quote(row[key])).join(","))];
  downloadCSV(lines.join("\r\n"), fileName);
}
