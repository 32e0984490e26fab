import { Chip } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import type { Report, ReportStatus } from "./types";

const COLOURS: Record<ReportStatus, "default" | "info" | "warning" | "success" | "secondary"> = {
  DRAFT: "default",
  SUBMITTED: "info",
  RETURNED: "warning",
  APPROVED: "success",
  LOCKED: "secondary",
};

/** The report's status as a coloured chip, translated. */
export const StatusChip = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <Chip
      size="small"
      color={COLOURS[record.status]}
      label={translate(`enums.ReportStatus.${record.status}`)}
      data-testid="report-status"
    />
  );
};

/** Who or what reports: the centre, the municipality or the region. */
export const ReportEntity = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Report>();
  if (!record) {
    return null;
  }
  return <span>{record.centre?.name ?? record.municipality?.name ?? record.region.name}</span>;
};
