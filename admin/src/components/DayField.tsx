import { useRecordContext, useTranslate } from "react-admin";
import { useIntlLocale } from "./localeFields";

/** A calendar day of the API (YYYY-MM-DD) in the UI's language, without a time zone shift. */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions = {}): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)),
  );
}

/** The calendar day (YYYY-MM-DD, as the API takes days) of a moment, where the browser is. */
export function localDay(moment: Date): string {
  const month = String(moment.getMonth() + 1).padStart(2, "0");
  return `${moment.getFullYear()}-${month}-${String(moment.getDate()).padStart(2, "0")}`;
}

interface DayFieldProps {
  source: string;
  label?: string;
  /** An i18n key shown when the day is empty (e.g. "to date" for an open period). */
  emptyText?: string;
}

/**
 * A Date of the API: DateField would read it as UTC midnight and show the day before
 * west of Greenwich.
 */
export const DayField = ({ source, emptyText }: DayFieldProps) => {
  const record = useRecordContext();
  const locale = useIntlLocale();
  const translate = useTranslate();
  const value = record?.[source];
  if (typeof value !== "string" || value === "") {
    return <span>{emptyText ? translate(emptyText, { _: emptyText }) : ""}</span>;
  }
  return <span>{formatDay(value, locale)}</span>;
};
