import AddIcon from "@mui/icons-material/Add";
import DeleteIcon from "@mui/icons-material/Delete";
import EditIcon from "@mui/icons-material/Edit";
import {
  Autocomplete,
  Box,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
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
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Confirm, type HttpError, useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import type { Named } from "../../lib/records";
import { useCanWrite } from "../../lib/resource";
import { mutate, request } from "../../providers/graphql";
import { centreAccess } from "./access";
import { type CentreRecord, type CentreServiceRow, HELP_KINDS, type HelpKind } from "./types";

const SERVICES_QUERY = `query ServiceOptions($filter: ServiceFilter) {
  services(first: 20, filter: $filter) { edges { node { id name } } }
}`;

/** Services found by name on the API, for the dialog's picker. */
const ServicePicker = ({ value, onChange }: { value: Named | null; onChange: (service: Named | null) => void }) => {
  const translate = useTranslate();
  const [search, setSearch] = useState("");
  const options = useQuery({
    queryKey: ["centre-service-options", search],
    queryFn: ({ signal }) =>
      request<{ services: { edges: { node: Named }[] } }>(
        SERVICES_QUERY,
        { filter: search ? { search } : {} },
        signal,
      ).then((data) => data.services.edges.map((edge) => edge.node)),
  });
  return (
    <Autocomplete<Named>
      options={options.data ?? []}
      value={value}
      loading={options.isFetching}
      filterOptions={(all) => all}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      getOptionLabel={(option) => option.name}
      onChange={(_, option) => onChange(option)}
      onInputChange={(_, text, reason) => {
        if (reason === "input") {
          setSearch(text);
        }
      }}
      noOptionsText={translate("ra.navigation.no_results")}
      renderInput={(params) => (
        <TextField {...params} size="small" label={translate("dostup.centres.services.service")} />
      )}
    />
  );
};

const ServiceDialog = ({
  centre,
  row,
  onClose,
}: {
  centre: CentreRecord;
  row?: CentreServiceRow;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [service, setService] = useState<Named | null>(row?.service ?? null);
  const [helpKinds, setHelpKinds] = useState<HelpKind[]>(row?.helpKinds ?? ["CONSULTATION"]);
  const [note, setNote] = useState(row?.note ?? "");
  const [pending, setPending] = useState(false);
  const save = async () => {
    if (!service) {
      return;
    }
    setPending(true);
    try {
      await mutate(
        "setCentreService",
        { centreId: centre.id, serviceId: service.id, helpKinds, note: note.trim() || null },
        "helpKinds",
      );
      notify("dostup.centres.services.saved", { type: "info" });
      refresh();
      onClose();
    } catch (error) {
      notify((error as HttpError).message, { type: "error" });
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate(row ? "dostup.centres.services.edit" : "dostup.centres.services.add")}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {row ? <Typography>{row.service.name}</Typography> : <ServicePicker value={service} onChange={setService} />}
          <TextField
            select
            size="small"
            label={translate("dostup.centres.services.helpKinds")}
            value={helpKinds}
            onChange={(event) => {
              const value = event.target.value as unknown as HelpKind[] | string;
              setHelpKinds(typeof value === "string" ? (value.split(",") as HelpKind[]) : value);
            }}
            slotProps={{
              select: {
                multiple: true,
                renderValue: (selected) =>
                  (selected as HelpKind[]).map((kind) => translate(`enums.CentreHelpKind.${kind}`)).join(", "),
              },
            }}
          >
            {HELP_KINDS.map((kind) => (
              <MenuItem key={kind} value={kind}>
                {translate(`enums.CentreHelpKind.${kind}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label={translate("dostup.centres.services.note")}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            multiline
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button
          label="ra.action.save"
          onClick={save}
          disabled={pending || !service || helpKinds.length === 0}
          variant="contained"
        />
      </DialogActions>
    </Dialog>
  );
};

const RemoveService = ({ centre, row }: { centre: CentreRecord; row: CentreServiceRow }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const remove = async () => {
    setPending(true);
    try {
      await mutate("removeCentreService", { centreId: centre.id, serviceId: row.service.id }, "id");
      notify("dostup.centres.services.removed", { type: "info" });
      refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: "error" });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };
  return (
    <>
      <IconButton aria-label={translate("dostup.centres.services.remove")} onClick={() => setOpen(true)}>
        <DeleteIcon />
      </IconButton>
      <Confirm
        isOpen={open}
        loading={pending}
        title={translate("dostup.centres.services.remove_title")}
        content={translate("dostup.centres.services.remove_content", { name: row.service.name })}
        onConfirm={remove}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** The services the centre in context helps with, and how; writers add, change and remove them. */
export const ServicesTab = () => {
  const centre = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  const canWrite = useCanWrite({ access: centreAccess }) && !centre?.archivedAt;
  const [editing, setEditing] = useState<CentreServiceRow | "new" | null>(null);
  if (!centre) {
    return null;
  }
  const rows = centre.services ?? [];
  return (
    <Box>
      {canWrite && (
        <Box sx={{ mb: 1 }}>
          <Button label="dostup.centres.services.add" onClick={() => setEditing("new")}>
            <AddIcon />
          </Button>
        </Box>
      )}
      {rows.length === 0 ? (
        <Typography variant="body2">{translate("dostup.centres.services.empty")}</Typography>
      ) : (
        <Table size="small" data-testid="centre-services">
          <TableHead>
            <TableRow>
              <TableCell>{translate("dostup.centres.services.service")}</TableCell>
              <TableCell>{translate("dostup.centres.services.helpKinds")}</TableCell>
              <TableCell>{translate("dostup.centres.services.note")}</TableCell>
              {canWrite && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.service.id}>
                <TableCell>{row.service.name}</TableCell>
                <TableCell>
                  <Stack direction="row" sx={{ flexWrap: "wrap", gap: 0.5 }}>
                    {row.helpKinds.map((kind) => (
                      <Chip key={kind} size="small" label={translate(`enums.CentreHelpKind.${kind}`)} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell>{row.note ?? "—"}</TableCell>
                {canWrite && (
                  <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                    <IconButton aria-label={translate("dostup.centres.services.edit")} onClick={() => setEditing(row)}>
                      <EditIcon />
                    </IconButton>
                    <RemoveService centre={centre} row={row} />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <ServiceDialog centre={centre} row={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Box>
  );
};
