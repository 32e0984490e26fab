import { useRecordContext } from "react-admin";
import { useIntlLocale } from "../../components/localeFields";
import type { Report } from "./types";

/** A calendar day of the API (YYYY-MM-DD) in the UI's language, without a time zone shift. */
export function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC" }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)),
  );
}

/** The report's period, first to last day. */
export const PeriodField = (_props: { source?: string; label?: string; sortBy?: string }) => {
  const record = useRecordContext<Report>();
  const locale = useIntlLocale();
  if (!record) {
    return null;
  }
  return (
    <span>
      {formatDay(record.periodStart, locale)} – {formatDay(record.periodEnd, locale)}
    </span>
  );
};
