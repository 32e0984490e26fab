import { useRecordContext } from "react-admin";
import { formatDay } from "../../components/DayField";
import { useIntlLocale } from "../../components/localeFields";
import type { Report } from "./types";

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
