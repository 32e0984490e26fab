import { Chip } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import type { QualityMeasurementRecord } from "./types";

/** Whether the value meets the target of the standard in force, as a coloured chip. */
export const MeetsTargetField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<QualityMeasurementRecord>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  if (record.meetsTarget === null) {
    return <Chip size="small" label={translate("dostup.qualityMeasurements.no_target")} />;
  }
  return (
    <Chip
      size="small"
      color={record.meetsTarget ? "success" : "error"}
      label={translate(record.meetsTarget ? "dostup.qualityMeasurements.met" : "dostup.qualityMeasurements.not_met")}
    />
  );
};
