/** A cell of an exported row: nested records are flattened to names before they get here. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A number written as text ("-5", "12,5"): a spreadsheet reads it as the number, never as
 * a formula, so it keeps its sign instead of gaining an apostrophe.
 */
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A spreadsheet program runs a cell starting with = + - @ (or a tab / carriage return, or
 * their full-width forms) as a formula; such text gets a leading apostrophe so the export
 * shows it instead (OWASP "CSV injection"). The API's writer (api/lib/csv.ts) does the same.
 */
export function defused(text: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One cell: a comma, a semicolon (Russian-locale Excel splits on it), a quote or a line
 * break means quotes, with inner quotes doubled.
 */
function cell(value: CsvCell): string {
  if (value === null || value === undefined) {
    return "";
  }
  const text = typeof value === "string" ? defused(value) : String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Flat rows as CSV text (CRLF): the first row's keys are the header. */
export function csvText(rows: readonly Record<string, CsvCell>[]): string {
  const [first] = rows;
  const header = first ? Object.keys(first) : [];
  const lines = [header.map(cell).join(","), ...rows.map((row) => header.map((key) => cell(row[key])).join(","))];
  return lines.join("\r\n");
}
