// The one CSV writer of the API: every CSV the system hands out (lists, report templates and
// exports, the regional report, the file access log) is written here, in one dialect: UTF-8
// with a BOM (so Excel reads Cyrillic), comma-separated, RFC 4180 quoting, CRLF.
import { stringify } from "csv-stringify/sync";

/** A cell to write: text, a number, or null for an empty cell. */
export type CsvCell = string | number | null;

/**
 * A number written as text ("-5", "12,5"): a spreadsheet reads it as the number, never as
 * a formula, so it keeps its sign instead of gaining an apostrophe.
 */
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A spreadsheet program runs a cell starting with = + - @ (or a tab / carriage return, or
 * their full-width forms, which Numbers folds into them) as a formula; text written by
 * people (names, addresses) gets a leading apostrophe so an export opened in Excel shows it
 * instead (OWASP "CSV injection"). Numbers, typed or written as text, stay numbers.
 */
export function defused(text: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Rows as CSV text, with a BOM, every row as wide as the widest. A cell holding a comma, a
 * semicolon, a quote or a line break is always quoted: Russian-locale Excel splits unquoted
 * cells on `;`, which would turn "x;=1+1;y" into a formula cell of its own. `quoteAll`
 * quotes every cell, empty ones too (the access log promises that to auditors' tools).
 */
export function csvText(rows: readonly (readonly CsvCell[])[], { quoteAll = false } = {}): string {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const records = rows.map((row) =>
    Array.from({ length: width }, (_, i) => {
      const value = row[i] ?? null;
      if (value === null) return "";
      return typeof value === "number" ? String(value) : defused(value);
    }),
  );
  return stringify(records, {
    bom: true,
    record_delimiter: "windows",
    // With a record delimiter given, csv-stringify quotes only that sequence (CRLF), not a
    // lone \n or \r, which every reader takes as a line break all the same.
    quote_record_delimiter: true,
    quoted_match: [";"],
    quoted: quoteAll,
    quoted_empty: quoteAll,
  });
}
