import { Chip, Stack } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { SYSTEMIC_STATUS_COLOURS, type SystemicErrorRecord } from "./choices";

/** The error's status as a coloured chip, flagged when it is past its due day unfixed. */
export const SystemicStatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<SystemicErrorRecord>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <Stack direction="row" spacing={0.5} data-testid="systemic-error-status">
      <Chip
        size="small"
        color={SYSTEMIC_STATUS_COLOURS[record.status]}
        label={translate(`enums.SystemicErrorStatus.${record.status}`)}
      />
      {record.overdue && (
        <Chip size="small" color="error" variant="outlined" label={translate("dostup.systemicErrors.overdue")} />
      )}
    </Stack>
  );
};
