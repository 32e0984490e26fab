import { useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { useIntlLocale } from "../../components/localeFields";
import { useRole } from "../../lib/resource";
import type { Report } from "./types";

/** What each tab of a report's page works with: the report, the viewer's role, and the panel's words. */
export function useReportTab() {
  return {
    report: useRecordContext<Report>(),
    translate: useTranslate(),
    notify: useNotify(),
    refresh: useRefresh(),
    role: useRole(),
    locale: useIntlLocale(),
  };
}
