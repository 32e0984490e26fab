// The registry templates (organisations, centres, services of a region) and the rules for reading a
// filled-in one: its columns by their Russian headers (or English keys), each cell checked with the
// zod rule the module's own inputs use, so a file says what the form would. Pure functions over
// cells; the service resolves references in the database and writes.
import type { z } from "zod";
import { textOf } from "../../lib/errors.js";
import { codedIssue, type SchemaIssue } from "../../lib/validate.js";
import { type Cell, cellText, type OutCell, type SheetLayout } from "../spreadsheets/sheet-files.js";

export type RegistryKind = "ORGANISATIONS" | "CENTRES" | "SERVICES";

export type RegistryProblemCode =
  | "UNREADABLE_FILE"
  | "MISSING_COLUMN"
  | "DUPLICATE_COLUMN"
  | "TOO_MANY_ROWS"
  | "REQUIRED"
  | "INVALID_VALUE"
  | "UNKNOWN_REFERENCE"
  | "DUPLICATE_CODE";

/** One bad cell or row: `line` is the spreadsheet row (the header is 1), `column` the Russian header. */
export interface RegistryProblem {
  line: number;
  column: string | null;
  code: RegistryProblemCode;
  reason: string;
}

export interface Column {
  /** The English key, also accepted as the header. */
  key: string;
  /** The header the template writes. */
  header: string;
  required: boolean;
  /** The template's example row (Pskov). */
  example: string | number | null;
  width: number;
}

const column = (key: string, header: string, required: boolean, example: Column["example"], width = 18): Column => ({
  key,
  header,
  required,
  example,
  width,
});

export const COLUMNS: Record<RegistryKind, readonly Column[]> = {
  ORGANISATIONS: [
    column("code", "Код", true, "PSK-LIB-GDOV", 16),
    column("name", "Название", true, "МБУК «Гдовская централизованная библиотечная система»", 50),
    column("shortName", "Краткое название", false, "Гдовская ЦБС", 20),
    column("kind", "Вид", true, "Библиотека", 14),
    column("inn", "ИНН", false, "6003001234", 13),
    column("ogrn", "ОГРН", false, "1026000123456", 16),
    column("municipalityOktmo", "ОКТМО муниципалитета", false, "58605000", 14),
    column("address", "Адрес", false, "Псковская область, г. Гдов, ул. Ленина, д. 2", 40),
    column("phone", "Телефон", false, "8 (81131) 2-12-34"),
    column("email", "Эл. почта", false, "cbs.gdov@biblio.example", 24),
    column("website", "Сайт", false, "https://gdov-cbs.example", 24),
  ],
  CENTRES: [
    column("code", "Код", true, "PSK-PCPI-GDOV-1", 18),
    column("name", "Название", true, "ПЦПИ — центральная районная библиотека, г. Гдов", 50),
    column("hostOrganisationCode", "Код организации", true, "PSK-LIB-GDOV", 16),
    column("municipalityOktmo", "ОКТМО муниципалитета", true, "58605000", 14),
    column("settlement", "Населённый пункт", false, "Гдов", 18),
    column("kinds", "Виды", false, "ПЦПИ, ЦОД", 16),
    column("address", "Адрес", true, "Псковская область, г. Гдов, ул. Ленина, д. 2", 40),
    column("latitude", "Широта", false, 58.74, 10),
    column("longitude", "Долгота", false, 27.82, 10),
    column("phone", "Телефон", false, "8 (81131) 2-12-34"),
    column("email", "Эл. почта", false, "pcpi.gdov@biblio.example", 24),
    column("website", "Сайт", false, null, 24),
    column("hours", "Часы работы", false, "Пн-Пт 09:00-18:00; Сб 10:00-16:00", 34),
  ],
  SERVICES: [
    column("code", "Код", true, "PSK-SOC-001", 14),
    column("name", "Название", true, "Назначение ежемесячной денежной выплаты многодетным семьям", 50),
    column("shortName", "Краткое название", false, "ЕДВ многодетным", 20),
    column("level", "Уровень", true, "региональная", 14),
    column("registryId", "Номер в реестре (ФРГУ)", false, "6000000010000012345", 22),
    column("socialSignificant", "Социально значимая", false, "да", 12),
    column("electronic", "Электронная", false, "да", 12),
    column("processingDays", "Срок, раб. дней", false, 10, 10),
    column("fee", "Пошлина, руб.", false, null, 10),
    column("portalUrl", "Ссылка на портал", false, "https://www.gosuslugi.ru/600000/1/form", 30),
  ],
};

/** The template of a kind: the header row and one example row. */
export function registryTemplateLayout(kind: RegistryKind): SheetLayout {
  const columns = COLUMNS[kind];
  const rows: OutCell[][] = [
    columns.map((c) => ({ value: c.header, bold: true as const })),
    columns.map((c) => c.example),
  ];
  return { rows, widths: columns.map((c) => c.width), sheetName: kind.toLowerCase() };
}

// ── Reading a filled-in template ──

/**
 * Rows one file may hold. A region's register is a few hundred to a few thousand rows (Pskov:
 * 141 centres); a first import writes about 1,000 new centres a second with their hours, so
 * 5,000 rows stay well inside the change's 20-second transaction. A larger register comes in
 * several files (by municipality, say), each all-or-nothing.
 */
export const MAX_ROWS = 5_000;

const normalise = (header: string) =>
  header.trim().toLowerCase().replaceAll("ё", "е").replace(/\*$/, "").trim().replace(/\s+/g, " ");

export interface SheetRow {
  line: number;
  /** The cell of each column present, by key. */
  cells: Record<string, Cell>;
}

/** The apostrophe lib/csv.ts `defused` writes before = + - @ (and their full-width forms). */
const DEFUSED = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

const isEmpty = (cell: Cell | undefined) => cell === null || cell === undefined || cellText(cell) === "";

/**
 * The data rows of a file by header (columns in any order; unknown columns ignored; a header of
 * the template or its English key). Problems with the header row stop here.
 */
export function sheetRows(kind: RegistryKind, cells: Cell[][]): { rows: SheetRow[]; problems: RegistryProblem[] } {
  const columns = COLUMNS[kind];
  const byHeader = new Map<string, Column>();
  for (const c of columns) {
    byHeader.set(normalise(c.header), c);
    byHeader.set(normalise(c.key), c);
  }
  const problems: RegistryProblem[] = [];
  const index = new Map<string, number>();
  (cells[0] ?? []).forEach((cell, i) => {
    const found = byHeader.get(normalise(cellText(cell)));
    if (!found) return;
    if (index.has(found.key)) {
      problems.push({
        line: 1,
        column: found.header,
        code: "DUPLICATE_COLUMN",
        reason: `The column «${found.header}» appears twice in the header row; keep one.`,
      });
    } else index.set(found.key, i);
  });
  for (const c of columns) {
    if (c.required && !index.has(c.key)) {
      problems.push({
        line: 1,
        column: c.header,
        code: "MISSING_COLUMN",
        reason: `The header row (line 1) has no column «${c.header}»; the template's columns are ${columns.map((x) => `«${x.header}»`).join(", ")}.`,
      });
    }
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: SheetRow[] = [];
  cells.slice(1).forEach((row, i) => {
    if (row.every(isEmpty)) return;
    const values: Record<string, Cell> = {};
    for (const [key, at] of index) values[key] = row[at] ?? null;
    rows.push({ line: i + 2, cells: values });
  });
  if (rows.length > MAX_ROWS) {
    return {
      rows: [],
      problems: [
        {
          line: rows[MAX_ROWS]?.line ?? MAX_ROWS + 2,
          column: null,
          code: "TOO_MANY_ROWS",
          reason: `The file has ${rows.length} rows; at most ${MAX_ROWS} are read at once.`,
        },
      ],
    };
  }
  return { rows, problems };
}

/**
 * Reads one row's cells into values, collecting problems with the row's line and the column's
 * Russian header. Each `field` call checks one cell; the row is usable when `ok()`.
 */
export class RowReader {
  readonly problems: RegistryProblem[] = [];
  private readonly byKey: Map<string, Column>;

  constructor(
    kind: RegistryKind,
    readonly row: SheetRow,
  ) {
    this.byKey = new Map(COLUMNS[kind].map((c) => [c.key, c]));
  }

  header(key: string): string {
    return this.byKey.get(key)?.header ?? key;
  }

  problem(key: string, code: RegistryProblemCode, reason: string): void {
    this.problems.push({ line: this.row.line, column: this.header(key), code, reason });
  }

  /** The cell as trimmed text, null when empty; REQUIRED when a required column's cell is empty. */
  text(key: string): string | null {
    const cell = this.row.cells[key];
    // Our own exports put an apostrophe before text a spreadsheet would run as a formula
    // (lib/csv.ts `defused`): read back, the apostrophe is not part of the value.
    const value = isEmpty(cell) ? null : cellText(cell ?? null).replace(DEFUSED, "");
    if (value === null && this.byKey.get(key)?.required)
      this.problem(key, "REQUIRED", `«${this.header(key)}» is required; the cell is empty.`);
    return value;
  }

  /** A value through the module's zod rule (its messages): INVALID_VALUE with the first issue. */
  check<S extends z.ZodType>(key: string, schema: S, value: unknown): z.output<S> | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    // The rule's message is a code (api/messages/): a problem's reason says it in English.
    const issue = parsed.error.issues[0];
    const message = issue ? textOf(codedIssue(issue as SchemaIssue), "en") : "Not a valid value.";
    this.problem(key, "INVALID_VALUE", `«${this.header(key)}»: ${message}`);
    return undefined;
  }

  /** A text cell through its zod rule; null when empty (or the required problem). */
  field<S extends z.ZodType>(key: string, schema: S): z.output<S> | null | undefined {
    const value = this.text(key);
    if (value === null) return null;
    return this.check(key, schema, value);
  }

  /** A number cell: a number as read (XLSX) or written with a comma or point; INVALID_VALUE otherwise. */
  number(key: string): number | null | undefined {
    const cell = this.row.cells[key];
    if (typeof cell === "number") return cell;
    const value = this.text(key);
    if (value === null) return null;
    const compact = value.replace(/[ \u00a0\u202f]/g, "").replace(",", ".");
    if (!/^-?\d+(\.\d+)?$/.test(compact)) {
      this.problem(key, "INVALID_VALUE", `«${this.header(key)}»: "${value}" is not a number.`);
      return undefined;
    }
    return Number(compact);
  }

  /** Да/нет (also yes/no, true/false, 1/0); an empty cell is no. */
  yesNo(key: string): boolean | undefined {
    const cell = this.row.cells[key];
    if (typeof cell === "boolean") return cell;
    const value = this.text(key)?.toLowerCase() ?? "нет";
    if (["да", "yes", "true", "1", "+"].includes(value)) return true;
    if (["нет", "no", "false", "0", "-"].includes(value)) return false;
    this.problem(key, "INVALID_VALUE", `«${this.header(key)}»: write «да» or «нет», not "${value}".`);
    return undefined;
  }

  /** One of `values`, by its name or one of its Russian labels (any case). */
  choice<const V extends string>(
    key: string,
    labels: Record<V, readonly string[]>,
    given: string | null = this.text(key),
  ): V | null | undefined {
    if (given === null) return null;
    const wanted = normalise(given);
    for (const [value, names] of Object.entries(labels) as [V, readonly string[]][]) {
      if (normalise(value) === wanted || names.some((name) => normalise(name) === wanted)) return value;
    }
    const allowed = (Object.entries(labels) as [V, readonly string[]][]).map(([v, names]) => `${names[0]} (${v})`);
    this.problem(key, "INVALID_VALUE", `«${this.header(key)}»: "${given}" is not one of ${allowed.join(", ")}.`);
    return undefined;
  }

  /** A code: the text of the cell as written (numbers too); REQUIRED when empty. */
  code(key: string): string | null {
    return this.text(key);
  }
}

// ── Weekly hours: "Пн-Пт 09:00-18:00; Сб 10:00-16:00" ──

const DAYS = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"] as const;

export interface WeeklyHour {
  weekday: number;
  opens: string;
  closes: string;
}

/** Weekly hours from their written form, or the reason they cannot be read. */
export function parseHours(text: string): { hours: WeeklyHour[] } | { reason: string } {
  const hours: WeeklyHour[] = [];
  for (const part of text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match =
      /^([А-Яа-яЁё]{2})(?:\s*[-–—]\s*([А-Яа-яЁё]{2}))?\s*,?\s+(\d{1,2}[:.]\d{2})\s*[-–—]\s*(\d{1,2}[:.]\d{2})$/.exec(
        part,
      );
    const first = DAYS.indexOf((match?.[1] ?? "").toLowerCase() as (typeof DAYS)[number]);
    const last = match?.[2] ? DAYS.indexOf(match[2].toLowerCase() as (typeof DAYS)[number]) : first;
    if (!match || first < 0 || last < 0 || last < first) {
      return { reason: `"${part}" is not a day or days and hours, e.g. «Пн-Пт 09:00-18:00; Сб 10:00-16:00».` };
    }
    const time = (t: string) => t.replace(".", ":").padStart(5, "0");
    const opens = time(match[3] ?? "");
    const closes = time(match[4] ?? "");
    for (let day = first; day <= last; day += 1) hours.push({ weekday: day + 1, opens, closes });
  }
  return { hours };
}

/** Weekly hours in one comparable form ("1 09:00-18:00", sorted). */
export function hoursKey(hours: readonly WeeklyHour[]): string {
  return hours
    .map((h) => `${h.weekday} ${h.opens}-${h.closes}`)
    .sort()
    .join("; ");
}
