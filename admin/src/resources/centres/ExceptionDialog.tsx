import { Checkbox, FormControlLabel, Stack, TextField } from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";
import { EditDialog } from "../../components/EditDialog";
import { mutate } from "../../providers/graphql";
import { TimeField } from "./TimeField";
import type { CentreRecord, HoursException } from "./types";

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

interface ExceptionDialogProps {
  centre: CentreRecord;
  /** The special day to change; a new one without it. */
  exception?: HoursException;
  onClose: () => void;
}

/** A special day or period of the centre: closed, or open at other hours than usual. */
export const ExceptionDialog = ({ centre, exception, onClose }: ExceptionDialogProps) => {
  const translate = useTranslate();
  const [draft, setDraft] = useState<ExceptionDraft>(draftOf(exception));
  const set = (patch: Partial<ExceptionDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = () => {
    // A closed day has no hours; an emptied reason clears it.
    const fields = {
      startsOn: draft.startsOn,
      endsOn: draft.endsOn || draft.startsOn,
      closed: draft.closed,
      opens: draft.closed ? null : draft.opens || null,
      closes: draft.closed ? null : draft.closes || null,
      reason: draft.reason.trim() || null,
    };
    return exception
      ? mutate("updateOpeningHoursException", { id: exception.id, version: exception.version, ...fields }, "id version")
      : mutate("addOpeningHoursException", { centreId: centre.id, ...fields }, "id version");
  };
  const key = (name: string) => `dostup.centres.exceptions.${name}`;
  return (
    <EditDialog
      title={key(exception ? "edit" : "add")}
      done={key(exception ? "updated" : "added")}
      canSave={draft.startsOn !== ""}
      save={save}
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Stack direction="row" spacing={1}>
          <TimeField
            type="date"
            label={key("startsOn")}
            value={draft.startsOn}
            onChange={(startsOn) => set({ startsOn })}
            name="startsOn"
          />
          <TimeField
            type="date"
            label={key("endsOn")}
            value={draft.endsOn}
            onChange={(endsOn) => set({ endsOn })}
            name="endsOn"
          />
        </Stack>
        <FormControlLabel
          control={<Checkbox checked={draft.closed} onChange={(event) => set({ closed: event.target.checked })} />}
          label={translate(key("closed"))}
        />
        {!draft.closed && (
          <Stack direction="row" spacing={1}>
            <TimeField type="time" label={key("opens")} value={draft.opens} onChange={(opens) => set({ opens })} />
            <TimeField type="time" label={key("closes")} value={draft.closes} onChange={(closes) => set({ closes })} />
          </Stack>
        )}
        <TextField
          size="small"
          label={translate(key("reason"))}
          value={draft.reason}
          onChange={(event) => set({ reason: event.target.value })}
          slotProps={{ htmlInput: { name: "reason" } }}
        />
      </Stack>
    </EditDialog>
  );
};
