import { Box, Chip, Stack, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { formatDay } from "../../components/DayField";
import { useIntlLocale } from "../../components/localeFields";
import { type Assignment as AssignmentRecord, targetName } from "../../lib/records";

/** A period of responsibility; a municipal curator's names the municipality. */
export type Assignment = AssignmentRecord & { municipality?: { id: string; name: string } | null };

/** One period of responsibility: from–to (or "to date"), role, what and where. */
const TimelineItem = ({ assignment, last }: { assignment: Assignment; last: boolean }) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const to = assignment.validTo
    ? formatDay(assignment.validTo, locale)
    : translate("dostup.curatorAssignments.to_date");
  return (
    <Stack direction="row" spacing={2} data-testid="timeline-item" data-active={assignment.active}>
      <Stack sx={{ alignItems: "center", pt: 0.5 }}>
        <Box
          sx={{
            width: 14,
            height: 14,
            borderRadius: "50%",
            bgcolor: assignment.active ? "success.main" : "grey.400",
            flexShrink: 0,
          }}
        />
        {!last && <Box sx={{ width: 2, flexGrow: 1, bgcolor: "grey.300", my: 0.5 }} />}
      </Stack>
      <Box sx={{ pb: 3 }}>
        <Typography variant="subtitle2" data-testid="timeline-period">
          {formatDay(assignment.validFrom, locale)} — {to}
        </Typography>
        <Typography>
          {translate(`enums.CuratorRole.${assignment.role}`)}: {targetName(assignment)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate(`enums.CuratorTarget.${assignment.targetType}`)} · {assignment.region.name}
          {assignment.municipality && ` · ${assignment.municipality.name}`}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
          <Chip
            size="small"
            color={assignment.active ? "success" : "default"}
            label={translate(
              assignment.active ? "dostup.curatorAssignments.active" : "dostup.curatorAssignments.closed",
            )}
          />
          {assignment.primary && (
            <Chip size="small" variant="outlined" label={translate("dostup.curatorAssignments.primary")} />
          )}
        </Stack>
        {assignment.note && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {assignment.note}
          </Typography>
        )}
      </Box>
    </Stack>
  );
};

/** Assignments newest first as a vertical timeline; closed periods stay with their end date. */
export const AssignmentTimeline = ({ assignments }: { assignments: Assignment[] }) => {
  const translate = useTranslate();
  if (assignments.length === 0) {
    return <Typography sx={{ p: 1 }}>{translate("dostup.curatorAssignments.none")}</Typography>;
  }
  return (
    <Box sx={{ p: 1 }} data-testid="assignment-timeline">
      {assignments.map((assignment, index) => (
        <TimelineItem key={assignment.id} assignment={assignment} last={index === assignments.length - 1} />
      ))}
    </Box>
  );
};
