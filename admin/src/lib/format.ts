// The panel's one set of formatters for what a person reads: dates, moments, numbers, percentages
// and reporting periods, the Russian way by default (21.11.2026, 12 345,6, «I квартал 2026»).
// Pure functions of a locale, so the rules are tested without a browser (test/admin/format.test.ts).

/** The Intl locale of the panel's language ("ru" or "en"). */
export const intlLocale = (language: string): string => (language === "en" ? "en-GB" : "ru-RU");

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A calendar day (YYYY-MM-DD) as a UTC date, so no time zone moves it to the day before. */
function dayOf(day: string): Date {
  const [, year, month, date] = DAY.exec(day) ?? [];
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(date)));
}

export const isDay = (value: unknown): value is string => typeof value === "string" && DAY.test(value);
export const isMoment = (value: unknown): value is string =>
  typeof value === "string" && MOMENT.test(value) && !Number.isNaN(Date.parse(value));

/** A day: 21.11.2026 (a day of the API, or the date of a moment where the reader is). */
export function formatDate(value: string | Date, language = "ru"): string {
  const utc = typeof value === "string" && isDay(value);
  const date = typeof value === "string" ? (utc ? dayOf(value) : new Date(value)) : value;
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    ...(utc ? { timeZone: "UTC" } : {}),
  }).format(date);
}

/** A moment where the reader is: 21.11.2026, 14:05. */
export function formatDateTime(value: string | Date, language = "ru"): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(typeof value === "string" ? new Date(value) : value);
}

/** A number with the language's grouping and decimal mark: 12 345,6. */
export function formatNumber(value: number, language = "ru", maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits }).format(value);
}

/** A share (0.125) as a percentage: 12,5 %. */
export function formatPercent(share: number, language = "ru", maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(language), { style: "percent", maximumFractionDigits }).format(share);
}

export type Periodicity = "MONTHLY" | "QUARTERLY" | "HALF_YEARLY" | "ANNUAL";

const ROMAN = ["I", "II", "III", "IV"];

/**
 * A reporting period by its first day and periodicity, in words: «январь 2026», «I квартал 2026»,
 * «I полугодие 2026», «2026 год» (English: "January 2026", "Q1 2026", "H1 2026", "2026").
 */
export function formatPeriod(periodStart: string, periodicity: Periodicity | string, language = "ru"): string {
  const start = dayOf(periodStart.slice(0, 10));
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  const en = language === "en";
  switch (periodicity) {
    case "MONTHLY": {
      const name = new Intl.DateTimeFormat(intlLocale(language), { month: "long", timeZone: "UTC" }).format(start);
      return `${name} ${year}`;
    }
    case "QUARTERLY": {
      const quarter = Math.floor(month / 3);
      return en ? `Q${quarter + 1} ${year}` : `${ROMAN[quarter]} квартал ${year}`;
    }
    case "HALF_YEARLY": {
      const half = Math.floor(month / 6);
      return en ? `H${half + 1} ${year}` : `${ROMAN[half]} полугодие ${year}`;
    }
    case "ANNUAL":
      return en ? String(year) : `${year} год`;
    default:
      return formatDate(periodStart, language);
  }
}

/** A yes/no value: «да» / «нет». */
export const formatBoolean = (value: boolean, language = "ru"): string =>
  language === "en" ? (value ? "yes" : "no") : value ? "да" : "нет";

/**
 * A day or a moment for a CSV a person opens: 21.11.2026, or 21.11.2026 14:05 where the reader
 * is (no comma, so Russian Excel reads it as a date and time); empty stays empty.
 */
export function csvDate(value: string | null | undefined): string | null {
  if (!value) return null;
  if (isDay(value) || /T00:00:00(\.000)?Z$/.test(value)) return formatDate(value.slice(0, 10));
  if (!isMoment(value)) return value;
  const time = new Intl.DateTimeFormat("ru-RU", { hour: "2-digit", minute: "2-digit" }).format(new Date(value));
  return `${formatDate(value)} ${time}`;
}
