// The report template: one row per indicator of a form, and the rules for reading a filled-in
// template back. Pure functions over cells; the service brings the database and S3.
import { type Cell, cellText, type OutCell, type SheetLayout } from "./sheet-files.js";

export const TEMPLATE_COLUMNS = ["period_start", "indicator_code", "indicator_name", "unit", "total", "rural"] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/** Columns an import needs; the name and unit are there for people and are not read. */
const REQUIRED: readonly TemplateColumn[] = ["period_start", "indicator_code", "total", "rural"];

/** Header names accepted besides the template's own, e.g. from a sheet a person retitled in Russian. */
const ALIASES: Record<TemplateColumn, readonly string[]> = {
  period_start: ["начало периода", "дата начала периода", "период"],
  indicator_code: ["код показателя", "код"],
  indicator_name: ["показатель", "наименование показателя", "наименование"],
  unit: ["единица измерения", "ед. изм.", "ед.изм.", "ед. изм"],
  total: ["всего", "значение"],
  rural: [
    "в т.ч. в сельской местности",
    "в том числе в сельской местности",
    "в т.ч. в сельских библиотеках",
    "в т.ч. сельские",
    "сельские",
  ],
};

const normalise = (header: string) => header.trim().toLowerCase().replaceAll("ё", "е").replace(/\s+/g, " ");

const BY_HEADER = new Map<string, TemplateColumn>(
  TEMPLATE_COLUMNS.flatMap((column) => [
    [column, column] as const,
    ...ALIASES[column].map((alias) => [normalise(alias), column] as const),
  ]),
);

/** The largest value the database's integer columns hold. */
const MAX_VALUE = 2_147_483_647;

/** More rows than any form has indicators is not a report (forms have at most 200). */
export const MAX_ROWS = 20_000;

export type ProblemCode =
  | "UNREADABLE_FILE"
  | "MISSING_COLUMN"
  | "DUPLICATE_COLUMN"
  | "TOO_MANY_ROWS"
  | "NO_VALUES"
  | "WRONG_PERIOD"
  | "UNKNOWN_INDICATOR"
  | "OTHER_FORM_INDICATOR"
  | "DUPLICATE_INDICATOR"
  | "MISSING_TOTAL"
  | "NOT_WHOLE_NUMBER"
  | "NEGATIVE"
  | "TOO_LARGE"
  | "RURAL_EXCEEDS_TOTAL"
  | "RURAL_NOT_SPLIT";

/** One bad cell or row: `line` is the spreadsheet row (the header is 1), `column` the template column. */
export interface ImportProblem {
  line: number;
  column: string | null;
  code: ProblemCode;
  reason: string;
}

export interface TemplateIndicator {
  id: string;
  code: string;
  name: string;
  unit: string;
  hasRuralSplit: boolean;
}

const MONTHS = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];
const ROMAN = ["I", "II", "III", "IV"];

/** A reporting period as a person says it: «январь 2026», «I квартал 2026», «2026 год». */
export function periodInWords(periodStart: Date, periodicity: string): string {
  const year = periodStart.getUTCFullYear();
  const month = periodStart.getUTCMonth();
  if (periodicity === "MONTHLY") return `${MONTHS[month]} ${year}`;
  if (periodicity === "QUARTERLY") return `${ROMAN[Math.floor(month / 3)]} квартал ${year}`;
  if (periodicity === "ANNUAL") return `${year} год`;
  return isoDate(periodStart);
}

/** Dates are UTC midnights in the database. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The template of a form (values empty) or a report's values in it; importing what this
 * writes gives back exactly the values it was written from.
 */
export function templateLayout(
  indicators: readonly TemplateIndicator[],
  periodStart: Date | null,
  values: ReadonlyMap<string, { total: number; rural: number | null }> = new Map(),
): SheetLayout {
  // A date cell in XLSX; CSV writes it as YYYY-MM-DD, which the import reads back either way.
  const period = periodStart;
  const rows: OutCell[][] = [
    TEMPLATE_COLUMNS.map((column) => ({ value: column, bold: true as const })),
    ...indicators.map((indicator) => {
      const value = values.get(indicator.id);
      return [period, indicator.code, indicator.name, indicator.unit, value?.total ?? null, value?.rural ?? null];
    }),
  ];
  return { rows, widths: [13, 22, 70, 8, 10, 10], sheetName: "values" };
}

// ── Reading a filled-in template ──

export interface TemplateRow {
  line: number;
  period: Cell;
  code: string;
  total: Cell;
  rural: Cell;
}

const isEmpty = (cell: Cell | undefined) => cell === null || cell === undefined || cellText(cell) === "";

/**
 * The data rows of a filled-in template, by header name (columns may be in any order; unknown
 * columns are ignored). Problems with the header row stop here: without the columns no row
 * can be checked.
 */
export function templateRows(cells: Cell[][]): { rows: TemplateRow[]; problems: ImportProblem[] } {
  const header = cells[0] ?? [];
  const problems: ImportProblem[] = [];
  const index = new Map<TemplateColumn, number>();
  header.forEach((cell, i) => {
    const column = BY_HEADER.get(normalise(cellText(cell)));
    if (!column) return;
    if (index.has(column)) {
      problems.push({
        line: 1,
        column,
        code: "DUPLICATE_COLUMN",
        reason: `The column ${column} appears twice in the header row; keep one.`,
      });
    } else index.set(column, i);
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) {
      problems.push({
        line: 1,
        column,
        code: "MISSING_COLUMN",
        reason: `The header row (line 1) has no column ${column}; the template's columns are ${TEMPLATE_COLUMNS.join(", ")}.`,
      });
    }
  }
  if (problems.length > 0) return { rows: [], problems };

  const at = (row: Cell[], column: TemplateColumn): Cell => row[index.get(column) ?? -1] ?? null;
  const rows: TemplateRow[] = [];
  cells.slice(1).forEach((row, i) => {
    if (row.every(isEmpty)) return;
    rows.push({
      line: i + 2,
      period: at(row, "period_start"),
      code: cellText(at(row, "indicator_code")).toUpperCase(),
      total: at(row, "total"),
      rural: at(row, "rural"),
    });
  });
  if (rows.length > MAX_ROWS) {
    return {
      rows: [],
      problems: [
        {
          line: (rows[MAX_ROWS]?.line ?? MAX_ROWS + 2) as number,
          column: null,
          code: "TOO_MANY_ROWS",
          reason: `The file has ${rows.length} rows; at most ${MAX_ROWS} are read (one per indicator).`,
        },
      ],
    };
  }
  return { rows, problems };
}

/** YYYY-MM-DD from a date cell, an ISO date or a Russian DD.MM.YYYY (how Excel re-saves dates). */
function periodOf(cell: Cell): string | null {
  if (cell instanceof Date) return isoDate(cell);
  const text = cellText(cell);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (russian) return `${russian[3]}-${russian[2]?.padStart(2, "0")}-${russian[1]?.padStart(2, "0")}`;
  return null;
}

type Parsed = { value: number } | { code: ProblemCode; reason: string };

/** A count: a whole number ≥ 0, written as a number or as text ("1 234" with grouping spaces too). */
function countOf(cell: Cell, column: string): Parsed {
  let value: number;
  if (typeof cell === "number") {
    value = cell;
  } else {
    const text = cellText(cell);
    const compact = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/.test(text) ? text.replace(/[ \u00a0\u202f]/g, "") : text;
    if (/^-?\d+(?:[.,]0+)?$/.test(compact)) value = Number.parseInt(compact, 10);
    else if (/^-?\d*[.,]\d+$/.test(compact)) value = Number(compact.replace(",", "."));
    else return { code: "NOT_WHOLE_NUMBER", reason: `The ${column} "${text}" is not a number; give a whole number.` };
  }
  if (!Number.isInteger(value))
    return { code: "NOT_WHOLE_NUMBER", reason: `The ${column} ${cellText(cell)} is not a whole number.` };
  if (value < 0) return { code: "NEGATIVE", reason: `The ${column} ${value} is negative; counts are 0 or more.` };
  if (value > MAX_VALUE) return { code: "TOO_LARGE", reason: `The ${column} ${value} is larger than ${MAX_VALUE}.` };
  return { value };
}

export interface CheckContext {
  /** The report's period start as YYYY-MM-DD. */
  periodStart: string;
  indicators: readonly { id: string; code: string; hasRuralSplit: boolean }[];
  /** Codes that are not the form's but exist in other forms. */
  otherFormCodes: ReadonlySet<string>;
}

export interface CheckedValue {
  indicatorId: string;
  total: number;
  rural: number | null;
}

/**
 * Every row against the report: its period, its indicator (known, of this form, once) and its
 * figures with the rules of setReportValues (whole numbers ≥ 0, rural ≤ total, rural only
 * where the indicator has a rural split). Rows whose total and rural are both empty leave the
 * indicator as it is. All problems are collected, not just the first.
 */
export function checkRows(
  rows: readonly TemplateRow[],
  context: CheckContext,
): { values: CheckedValue[]; problems: ImportProblem[] } {
  const byCode = new Map(context.indicators.map((indicator) => [indicator.code, indicator]));
  const seen = new Map<string, number>();
  const problems: ImportProblem[] = [];
  const values: CheckedValue[] = [];
  for (const row of rows) {
    const problem = (column: TemplateColumn, code: ProblemCode, reason: string) =>
      problems.push({ line: row.line, column, code, reason });
    const before = problems.length;

    const period = periodOf(row.period);
    if (period !== context.periodStart) {
      const given = cellText(row.period);
      problem(
        "period_start",
        "WRONG_PERIOD",
        given
          ? `The row is for the period starting ${period ?? `"${given}"`}, but this report's period starts on ${context.periodStart}.`
          : `The period start is empty; this report's period starts on ${context.periodStart}.`,
      );
    }

    const indicator = byCode.get(row.code);
    if (!row.code) {
      problem("indicator_code", "UNKNOWN_INDICATOR", "The indicator code is empty.");
    } else if (!indicator) {
      if (context.otherFormCodes.has(row.code))
        problem("indicator_code", "OTHER_FORM_INDICATOR", `${row.code} is an indicator of another form, not this one.`);
      else problem("indicator_code", "UNKNOWN_INDICATOR", `No indicator has the code ${row.code}.`);
    } else {
      const first = seen.get(indicator.code);
      if (first !== undefined) {
        problem(
          "indicator_code",
          "DUPLICATE_INDICATOR",
          `${indicator.code} is also on line ${first}; give each indicator once.`,
        );
      } else seen.set(indicator.code, row.line);
    }

    const hasTotal = !isEmpty(row.total);
    const hasRural = !isEmpty(row.rural);
    let total: number | null = null;
    if (hasTotal) {
      const parsed = countOf(row.total, "total");
      if ("value" in parsed) total = parsed.value;
      else problem("total", parsed.code, parsed.reason);
    } else if (hasRural) {
      problem("total", "MISSING_TOTAL", "The total is empty but a rural part is given; give the total too.");
    }
    let rural: number | null = null;
    if (hasRural) {
      if (indicator && !indicator.hasRuralSplit) {
        problem("rural", "RURAL_NOT_SPLIT", `${indicator.code} has no rural part; leave rural empty.`);
      } else {
        const parsed = countOf(row.rural, "rural");
        if (!("value" in parsed)) problem("rural", parsed.code, parsed.reason);
        else if (total !== null && parsed.value > total) {
          problem(
            "rural",
            "RURAL_EXCEEDS_TOTAL",
            `The rural part (${parsed.value}) cannot exceed the total (${total}).`,
          );
        } else rural = parsed.value;
      }
    }
    if (problems.length === before && indicator && total !== null) {
      values.push({ indicatorId: indicator.id, total, rural });
    }
  }
  if (problems.length === 0 && values.length === 0) {
    problems.push({
      line: 1,
      column: "total",
      code: "NO_VALUES",
      reason: "No row has a total; fill in at least one value.",
    });
  }
  return { values, problems };
}
