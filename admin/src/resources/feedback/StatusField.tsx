import { Chip, Stack } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { type FeedbackRecord, STATUS_COLOURS } from "./choices";

/** The feedback's status as a coloured chip, flagged when it is overdue. */
export const StatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<FeedbackRecord>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <Stack direction="row" spacing={0.5} data-testid="feedback-status">
      <Chip
        size="small"
        color={STATUS_COLOURS[record.status]}
        label={translate(`enums.FeedbackStatus.${record.status}`)}
      />
      {record.overdue && (
        <Chip size="small" color="error" variant="outlined" label={translate("dostup.feedback.overdue")} />
      )}
    </Stack>
  );
};

/** The first words of the text, so a list row stays one line. */
export const ExcerptField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<FeedbackRecord>();
  if (!record) {
    return null;
  }
  return <span>{record.text.length > 80 ? `${record.text.slice(0, 80)}…` : record.text}</span>;
};
