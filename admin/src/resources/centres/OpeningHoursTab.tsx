import AddIcon from "@mui/icons-material/Add";
import DeleteIcon from "@mui/icons-material/Delete";
import EditIcon from "@mui/icons-material/Edit";
import {
  Box,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useState } from "react";
import { Button, Confirm, type HttpError, useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { useIntlLocale } from "../../components/localeFields";
import { useCanWrite } from "../../lib/resource";
import { mutate } from "../../providers/graphql";
import { centreAccess } from "./access";
import { WEEKDAYS } from "./choices";
import type { CentreRecord, HoursException, OpeningHoursRow } from "./types";

/** A YYYY-MM-DD date in the panel's language, without shifting it through a time zone. */
function useDateText(): (date: string) => string {
  const locale = useIntlLocale();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (date) => format.format(new Date(`${date}T00:00:00Z`));
}

/** Turns a failed mutation into a notification (field issues included in its message). */
function useFailure() {
  const notify = useNotify();
  return (error: unknown) => notify((error as HttpError).message, { type: "error" });
}

const WeeklyHoursDialog = ({ centre, onClose }: { centre: CentreRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const fail = useFailure();
  const [rows, setRows] = useState<OpeningHoursRow[]>(
    centre.openingHours && centre.openingHours.length > 0
      ? centre.openingHours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes }))
      : [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "09:00", closes: "18:00" })),
  );
  const [pending, setPending] = useState(false);
  const change = (index: number, patch: Partial<OpeningHoursRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const save = async () => {
    setPending(true);
    try {
      const hours = [...rows].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
      await mutate("setCentreOpeningHours", { id: centre.id, version: centre.version, hours }, "id version");
      notify("dostup.centres.hours.saved", { type: "info" });
      refresh();
      onClose();
    } catch (error) {
      fail(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate("dostup.centres.hours.dialog")}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate("dostup.centres.hours.hint")}
        </Typography>
        <Stack spacing={1}>
          {rows.map((row, index) => (
            // Rows have no identity of their own; the position is what the user edits.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Stack key={index} direction="row" spacing={1} sx={{ alignItems: "center" }} data-testid="hours-row">
              <TextField
                select
                size="small"
                label={translate("dostup.centres.hours.weekday")}
                value={row.weekday}
                onChange={(event) => change(index, { weekday: Number(event.target.value) })}
                sx={{ minWidth: 170 }}
              >
                {WEEKDAYS.map((weekday) => (
                  <MenuItem key={weekday} value={weekday}>
                    {translate(`dostup.centres.weekdays.${weekday}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                size="small"
                type="time"
                label={translate("dostup.centres.hours.opens")}
                value={row.opens}
                onChange={(event) => change(index, { opens: event.target.value })}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: `opens-${index}` } }}
              />
              <TextField
                size="small"
                type="time"
                label={translate("dostup.centres.hours.closes")}
                value={row.closes}
                onChange={(event) => change(index, { closes: event.target.value })}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: `closes-${index}` } }}
              />
              <IconButton
                aria-label={translate("dostup.centres.hours.remove")}
                onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
        </Stack>
        <Box sx={{ mt: 1 }}>
          <Button
            label="dostup.centres.hours.add"
            onClick={() =>
              setRows((current) => [
                ...current,
                { weekday: Math.min(7, (current.at(-1)?.weekday ?? 0) + 1), opens: "09:00", closes: "18:00" },
              ])
            }
          >
            <AddIcon />
          </Button>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="ra.action.save" onClick={save} disabled={pending} variant="contained" />
      </DialogActions>
    </Dialog>
  );
};

interface ExceptionDraft {
  startsOn: string;
  endsOn: string;
  closed: boolean;
  opens: string;
  closes: string;
  reason: string;
}

const draftOf = (exception?: HoursException): ExceptionDraft => ({
  startsOn: exception?.startsOn ?? "",
  endsOn: exception?.endsOn ?? "",
  closed: exception?.closed ?? true,
  opens: exception?.opens ?? "",
  closes: exception?.closes ?? "",
  reason: exception?.reason ?? "",
});

const ExceptionDialog = ({
  centre,
  exception,
  onClose,
}: {
  centre: CentreRecord;
  exception?: HoursException;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const fail = useFailure();
  const [draft, setDraft] = useState<ExceptionDraft>(draftOf(exception));
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<ExceptionDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = async () => {
    setPending(true);
    // A closed day has no hours; an emptied reason clears it.
    const fields = {
      startsOn: draft.startsOn,
      endsOn: draft.endsOn || draft.startsOn,
      closed: draft.closed,
      opens: draft.closed ? null : draft.opens || null,
      closes: draft.closed ? null : draft.closes || null,
      reason: draft.reason.trim() || null,
    };
    try {
      if (exception) {
        await mutate(
          "updateOpeningHoursException",
          { id: exception.id, version: exception.version, ...fields },
          "id version",
        );
      } else {
        await mutate("addOpeningHoursException", { centreId: centre.id, ...fields }, "id version");
      }
      notify(exception ? "dostup.centres.exceptions.updated" : "dostup.centres.exceptions.added", { type: "info" });
      refresh();
      onClose();
    } catch (error) {
      fail(error);
    } finally {
      setPending(false);
    }
  };
  const label = (key: string) => translate(`dostup.centres.exceptions.${key}`);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>
        {translate(exception ? "dostup.centres.exceptions.edit" : "dostup.centres.exceptions.add")}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={1}>
            <TextField
              size="small"
              type="date"
              label={label("startsOn")}
              value={draft.startsOn}
              onChange={(event) => set({ startsOn: event.target.value })}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: "startsOn" } }}
            />
            <TextField
              size="small"
              type="date"
              label={label("endsOn")}
              value={draft.endsOn}
              onChange={(event) => set({ endsOn: event.target.value })}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: "endsOn" } }}
            />
          </Stack>
          <FormControlLabel
            control={<Checkbox checked={draft.closed} onChange={(event) => set({ closed: event.target.checked })} />}
            label={label("closed")}
          />
          {!draft.closed && (
            <Stack direction="row" spacing={1}>
              <TextField
                size="small"
                type="time"
                label={label("opens")}
                value={draft.opens}
                onChange={(event) => set({ opens: event.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <TextField
                size="small"
                type="time"
                label={label("closes")}
                value={draft.closes}
                onChange={(event) => set({ closes: event.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </Stack>
          )}
          <TextField
            size="small"
            label={label("reason")}
            value={draft.reason}
            onChange={(event) => set({ reason: event.target.value })}
            slotProps={{ htmlInput: { name: "reason" } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="ra.action.save" onClick={save} disabled={pending || draft.startsOn === ""} variant="contained" />
      </DialogActions>
    </Dialog>
  );
};

const RemoveException = ({ exception, period }: { exception: HoursException; period: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const fail = useFailure();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const remove = async () => {
    setPending(true);
    try {
      await mutate("removeOpeningHoursException", { id: exception.id, version: exception.version }, "id", {
        inputType: "VersionedInput",
      });
      notify("dostup.centres.exceptions.removed", { type: "info" });
      refresh();
    } catch (error) {
      fail(error);
    } finally {
      setPending(false);
      setOpen(false);
    }
  };
  return (
    <>
      <IconButton aria-label={translate("dostup.centres.exceptions.remove")} onClick={() => setOpen(true)}>
        <DeleteIcon />
      </IconButton>
      <Confirm
        isOpen={open}
        loading={pending}
        title={translate("dostup.centres.exceptions.remove_title")}
        content={translate("dostup.centres.exceptions.remove_content", { period })}
        onConfirm={remove}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** Weekly hours and special days of the centre in context; writers edit both in dialogs. */
export const OpeningHoursTab = () => {
  const centre = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  const canWrite = useCanWrite({ access: centreAccess }) && !centre?.archivedAt;
  const dateText = useDateText();
  const [editingHours, setEditingHours] = useState(false);
  const [editingException, setEditingException] = useState<HoursException | "new" | null>(null);
  if (!centre) {
    return null;
  }
  const hours = centre.openingHours ?? [];
  const exceptions = centre.hoursExceptions ?? [];
  const period = (exception: HoursException) =>
    exception.startsOn === exception.endsOn
      ? dateText(exception.startsOn)
      : `${dateText(exception.startsOn)} — ${dateText(exception.endsOn)}`;
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
      <Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 1 }}>
          <Typography variant="h6">{translate("dostup.centres.exceptions.title")}</Typography>
          {canWrite && (
            <Button label="dostup.centres.exceptions.add" onClick={() => setEditingException("new")}>
              <AddIcon />
            </Button>
          )}
        </Stack>
        {exceptions.length === 0 ? (
          <Typography variant="body2">{translate("dostup.centres.exceptions.empty")}</Typography>
        ) : (
          <Table size="small" data-testid="hours-exceptions">
            <TableHead>
              <TableRow>
                <TableCell>{translate("dostup.centres.exceptions.period")}</TableCell>
                <TableCell>{translate("dostup.centres.exceptions.hours")}</TableCell>
                <TableCell>{translate("dostup.centres.exceptions.reason")}</TableCell>
                {canWrite && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {exceptions.map((exception) => (
                <TableRow key={exception.id}>
                  <TableCell>{period(exception)}</TableCell>
                  <TableCell>
                    {exception.closed
                      ? translate("dostup.centres.exceptions.closed")
                      : `${exception.opens ?? ""}–${exception.closes ?? ""}`}
                  </TableCell>
                  <TableCell>{exception.reason ?? "—"}</TableCell>
                  {canWrite && (
                    <TableCell align="right">
                      <IconButton
                        aria-label={translate("dostup.centres.exceptions.edit")}
                        onClick={() => setEditingException(exception)}
                      >
                        <EditIcon />
                      </IconButton>
                      <RemoveException exception={exception} period={period(exception)} />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      {editingHours && <WeeklyHoursDialog centre={centre} onClose={() => setEditingHours(false)} />}
      {editingException && (
        <ExceptionDialog
          centre={centre}
          exception={editingException === "new" ? undefined : editingException}
          onClose={() => setEditingException(null)}
        />
      )}
    </Stack>
  );
};
