import { useRecordContext } from "react-admin";
import { RecordChip } from "../../components/RecordChip";
import type { Report, ReportStatus } from "./types";

const COLOURS: Record<ReportStatus, "default" | "info" | "warning" | "success" | "secondary"> = {
  DRAFT: "default",
  SUBMITTED: "info",
  RETURNED: "warning",
  APPROVED: "success",
  LOCKED: "secondary",
};

/** The report's status as a coloured chip, translated. */
export const StatusChip = (_props: { source?: string; label?: string }) => (
  <RecordChip<Report>
    colour={(report) => COLOURS[report.status]}
    label={(report, translate) => translate(`enums.ReportStatus.${report.status}`)}
    testId="report-status"
  />
);

/** Who or what reports: the centre, the municipality or the region. */
export const ReportEntity = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Report>();
  if (!record) {
    return null;
  }
  return <span>{record.centre?.name ?? record.municipality?.name ?? record.region.name}</span>;
};
