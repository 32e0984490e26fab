import AddIcon from "@mui/icons-material/Add";
import DeleteIcon from "@mui/icons-material/Delete";
import { Box, IconButton, MenuItem, Stack, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { Button, useTranslate } from "react-admin";
import { EditDialog } from "../../components/EditDialog";
import { mutate } from "../../providers/graphql";
import { WEEKDAYS } from "./choices";
import { TimeField } from "./TimeField";
import type { CentreRecord, OpeningHoursRow } from "./types";

/** The centre's weekly hours as intervals per weekday, saved all at once (setCentreOpeningHours). */
export const WeeklyHoursDialog = ({ centre, onClose }: { centre: CentreRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const [rows, setRows] = useState<OpeningHoursRow[]>(
    centre.openingHours && centre.openingHours.length > 0
      ? centre.openingHours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes }))
      : [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "09:00", closes: "18:00" })),
  );
  const change = (index: number, patch: Partial<OpeningHoursRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const save = () => {
    const hours = [...rows].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
    return mutate("setCentreOpeningHours", { id: centre.id, version: centre.version, hours }, "id version");
  };
  return (
    <EditDialog
      title="dostup.centres.hours.dialog"
      done="dostup.centres.hours.saved"
      canSave
      save={save}
      onClose={onClose}
    >
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
            <TimeField
              type="time"
              label="dostup.centres.hours.opens"
              value={row.opens}
              onChange={(opens) => change(index, { opens })}
              name={`opens-${index}`}
            />
            <TimeField
              type="time"
              label="dostup.centres.hours.closes"
              value={row.closes}
              onChange={(closes) => change(index, { closes })}
              name={`closes-${index}`}
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
    </EditDialog>
  );
};
