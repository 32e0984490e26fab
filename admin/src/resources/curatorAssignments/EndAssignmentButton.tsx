import EventBusyIcon from "@mui/icons-material/EventBusy";
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { localDay } from "../../components/DayField";
import { useCanWrite } from "../../lib/resource";
import { mutate } from "../../providers/graphql";
import { access } from "./access";

interface Open {
  id: string;
  version: number;
  active: boolean;
  validFrom: string;
}

/** Ends an open assignment on a day the user picks (its last day of responsibility). */
export const EndAssignmentButton = () => {
  const record = useRecordContext<Open>();
  const canWrite = useCanWrite({ access });
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [validTo, setValidTo] = useState(() => localDay(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record?.active || !canWrite) {
    return null;
  }
  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await mutate(
        "endCuratorAssignment",
        { id: record.id, version: record.version, validTo },
        "id version validTo active",
      );
      notify("dostup.curatorAssignments.ended", { type: "success" });
      setOpen(false);
      refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "dostup.error.unexpected");
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<EventBusyIcon />}
        onClick={(event) => {
          // Inside a list row: the click must not open the record.
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {translate("dostup.curatorAssignments.end")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(event) => event.stopPropagation()}>
        <DialogTitle>{translate("dostup.curatorAssignments.end_title")}</DialogTitle>
        <DialogContent>
          <TextField
            type="date"
            name="validTo"
            margin="dense"
            label={translate("resources.curatorAssignments.fields.validTo")}
            value={validTo}
            onChange={(event) => setValidTo(event.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: record.validFrom } }}
          />
          {error && (
            <Typography color="error" variant="body2">
              {translate(error, { _: error })}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate("ra.action.cancel")}</Button>
          <Button variant="contained" disabled={busy || validTo === ""} onClick={end}>
            {translate("dostup.curatorAssignments.end")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
