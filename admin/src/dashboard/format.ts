import { useMemo } from "react";
import { useTranslate } from "react-admin";
import { useIntlLocale } from "../components/localeFields";
import type { Granularity } from "./queries";

// API dates are calendar days ("2026-05-08"); formatted in UTC so no time zone shifts them.
const dayOf = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** Numbers, dates and period labels in the panel's language. */
export function useFormat() {
  const locale = useIntlLocale();
  const translate = useTranslate();
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const month = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
    return {
      integer: (value: number) => integer.format(value),
      decimal: (value: number) => decimal.format(value),
      date: (iso: string) => date.format(dayOf(iso)),
      dateTime: (iso: string) => date.format(new Date(iso)),
      /** A period as one phrase: "1–31 октября 2026 г.". */
      range: (from: string, to: string) => date.formatRange(dayOf(from), dayOf(to)),
      /** The API's period label (2018, 2018-Q1, 2018-03) as a reader says it. */
      period: (period: string, label: string, granularity: Granularity) => {
        if (granularity === "MONTH") return month.format(dayOf(period));
        const quarter = /^(\d{4})-Q(\d)$/.exec(label);
        if (granularity === "QUARTER" && quarter) {
          return translate("dostup.dashboard.quarter", { year: quarter[1], quarter: quarter[2] });
        }
        return label;
      },
    };
  }, [locale, translate]);
}
