import EditIcon from "@mui/icons-material/Edit";
import { Box, Stack, Table, TableBody, TableCell, TableRow, Typography } from "@mui/material";
import { useState } from "react";
import { Button, useRecordContext, useTranslate } from "react-admin";
import { formatDay } from "../../components/DayField";
import { EditableTable } from "../../components/EditableTable";
import { useIntlLocale } from "../../components/localeFields";
import { useCanWrite } from "../../lib/resource";
import { mutateVersioned } from "../../providers/graphql";
import { centreAccess } from "./access";
import { WEEKDAYS } from "./choices";
import { ExceptionDialog } from "./ExceptionDialog";
import type { CentreRecord, HoursException } from "./types";
import { WeeklyHoursDialog } from "./WeeklyHoursDialog";

/** Weekly hours and special days of the centre in context; writers edit both in dialogs. */
export const OpeningHoursTab = () => {
  const centre = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const canWrite = useCanWrite({ access: centreAccess }) && !centre?.archivedAt;
  const [editingHours, setEditingHours] = useState(false);
  if (!centre) {
    return null;
  }
  const hours = centre.openingHours ?? [];
  const day = (date: string) => formatDay(date, locale, { dateStyle: "medium" });
  const period = (exception: HoursException) =>
    exception.startsOn === exception.endsOn
      ? day(exception.startsOn)
      : `${day(exception.startsOn)} — ${day(exception.endsOn)}`;
  return (
    <Stack spacing={3}>
      <Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 1 }}>
          <Typography variant="h6">{translate("dostup.centres.hours.title")}</Typography>
          {canWrite && (
            <Button label="dostup.centres.hours.edit" onClick={() => setEditingHours(true)}>
              <EditIcon />
            </Button>
          )}
        </Stack>
        {hours.length === 0 ? (
          <Typography variant="body2">{translate("dostup.centres.hours.empty")}</Typography>
        ) : (
          <Table size="small" sx={{ maxWidth: 480 }} data-testid="weekly-hours">
            <TableBody>
              {WEEKDAYS.map((weekday) => {
                const intervals = hours.filter((row) => row.weekday === weekday);
                return (
                  <TableRow key={weekday}>
                    <TableCell>{translate(`dostup.centres.weekdays.${weekday}`)}</TableCell>
                    <TableCell>
                      {intervals.length === 0
                        ? translate("dostup.centres.hours.closed")
                        : intervals.map((row) => `${row.opens}–${row.closes}`).join(", ")}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Box>
      <EditableTable
        rows={centre.hoursExceptions ?? []}
        rowKey={(exception) => exception.id}
        columns={[
          { label: "dostup.centres.exceptions.period", cell: period },
          {
            label: "dostup.centres.exceptions.hours",
            cell: (exception) =>
              exception.closed
                ? translate("dostup.centres.exceptions.closed")
                : `${exception.opens ?? ""}–${exception.closes ?? ""}`,
          },
          { label: "dostup.centres.exceptions.reason", cell: (exception) => exception.reason ?? "—" },
        ]}
        messages="dostup.centres.exceptions"
        title
        canWrite={canWrite}
        dialog={(exception, close) => <ExceptionDialog centre={centre} exception={exception} onClose={close} />}
        remove={(exception) => mutateVersioned("removeOpeningHoursException", exception, "id")}
        removeOptions={(exception) => ({ period: period(exception) })}
        testId="hours-exceptions"
      />
      {editingHours && <WeeklyHoursDialog centre={centre} onClose={() => setEditingHours(false)} />}
    </Stack>
  );
};
