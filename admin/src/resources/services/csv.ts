import { downloadCSV } from "react-admin";

type Cell = string | number | boolean | null | undefined;

const quote = (value: Cell): string => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Downloads flat rows as CSV: list exporters flatten nested records (a region's name rather
 * than [object Object]) and hand them here.
 */
export function exportRows(rows: readonly Record<string, Cell>[], filename: string): void {
  const [first] = rows;
  const headers = first ? Object.keys(first) : [];
  const lines = [headers.map(quote).join(","), ...rows.map((row) => headers.map((key) => quote(row[key])).join(","))];
  downloadCSV(lines.join("\n"), filename);
}
