import { Card, CardContent, Chip, Stack, Typography } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { EmptyText } from "../../components/EmptyText";
import { FEEDBACK_STATUS_COLOURS } from "../../components/FeedbackStatusField";
import { useIntlLocale } from "../../components/localeFields";
import type { FeedbackRecord } from "./choices";

/**
 * The feedback's workflow steps, oldest first: who moved it from which status to which,
 * when, and their note. A step that keeps the status (a systemic-error mark) shows its note.
 */
export const EventsTimeline = () => {
  const record = useRecordContext<FeedbackRecord>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const events = [...(record?.events ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  if (events.length === 0) {
    return <EmptyText text="dostup.feedback.no_events" />;
  }
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Stack spacing={1} sx={{ p: 1, width: "100%" }} data-testid="feedback-events">
      {events.map((event) => (
        <Card
          key={`${event.at}-${event.toStatus}-${event.comment ?? ""}`}
          variant="outlined"
          data-testid="feedback-event"
        >
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }}>
              {event.fromStatus && event.fromStatus !== event.toStatus && (
                <>
                  <Chip size="small" label={translate(`enums.FeedbackStatus.${event.fromStatus}`)} />
                  <span>→</span>
                </>
              )}
              <Chip
                size="small"
                color={FEEDBACK_STATUS_COLOURS[event.toStatus]}
                label={translate(`enums.FeedbackStatus.${event.toStatus}`)}
              />
              <Typography variant="body2">{format.format(new Date(event.at))}</Typography>
              <Typography variant="body2" color="text.secondary">
                {event.actorName ?? translate("dostup.history.system")}
              </Typography>
            </Stack>
            {event.comment && (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {event.comment}
              </Typography>
            )}
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};
