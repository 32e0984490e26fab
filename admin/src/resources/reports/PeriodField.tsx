import { useLocaleState, useRecordContext } from "react-admin";
import { formatDate, formatPeriod } from "../../lib/format";
import type { Report } from "./types";

/** The report's period in words («март 2026», «I квартал 2026»), its first and last day on hover. */
export const PeriodField = (_props: { source?: string; label?: string; sortBy?: string }) => {
  const record = useRecordContext<Report>();
  const [language = "ru"] = useLocaleState();
  if (!record) {
    return null;
  }
  return (
    <span
      title={`${formatDate(record.periodStart, language)} – ${formatDate(record.periodEnd, language)}`}
      data-testid="report-period"
    >
      {formatPeriod(record.periodStart, record.form?.periodicity ?? "", language)}
    </span>
  );
};
