import { Chip, Stack } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";

/** The fields of a feedback row the chips read. */
interface FeedbackRow {
  status: FeedbackStatus;
  overdue?: boolean;
  text: string;
}

/** The feedback workflow's statuses, in the order they are offered. */
export const FEEDBACK_STATUSES = [
  "RECEIVED",
  "IN_PROGRESS",
  "ANSWERED",
  "CLOSED",
  "REJECTED",
  "DUPLICATE",
  "REDIRECTED",
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_COLOURS: Record<FeedbackStatus, "default" | "info" | "warning" | "success" | "error"> = {
  RECEIVED: "info",
  IN_PROGRESS: "warning",
  ANSWERED: "success",
  CLOSED: "default",
  REJECTED: "error",
  DUPLICATE: "default",
  REDIRECTED: "default",
};

/** The feedback's status as a coloured chip, flagged when it is overdue. */
export const StatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<FeedbackRow>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <Stack direction="row" spacing={0.5} data-testid="feedback-status">
      <Chip
        size="small"
        color={FEEDBACK_STATUS_COLOURS[record.status]}
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
  const record = useRecordContext<FeedbackRow>();
  if (!record) {
    return null;
  }
  return <span>{record.text.length > 80 ? `${record.text.slice(0, 80)}…` : record.text}</span>;
};
