import { Chip, MenuItem, Stack, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { useRecordContext, useTranslate } from "react-admin";
import { EditableTable } from "../../components/EditableTable";
import { EditDialog } from "../../components/EditDialog";
import { NamedPicker } from "../../components/NamedPicker";
import type { Named } from "../../lib/records";
import { useCanWrite } from "../../lib/resource";
import { mutate } from "../../providers/graphql";
import { centreAccess } from "./access";
import { type CentreRecord, type CentreServiceRow, HELP_KINDS, type HelpKind } from "./types";

interface ServiceDialogProps {
  centre: CentreRecord;
  /** The service to change; a new one without it. */
  row?: CentreServiceRow;
  onClose: () => void;
}

const ServiceDialog = ({ centre, row, onClose }: ServiceDialogProps) => {
  const translate = useTranslate();
  const [service, setService] = useState<Named | null>(row?.service ?? null);
  const [helpKinds, setHelpKinds] = useState<HelpKind[]>(row?.helpKinds ?? ["CONSULTATION"]);
  const [note, setNote] = useState(row?.note ?? "");
  return (
    <EditDialog
      title={row ? "dostup.centres.services.edit" : "dostup.centres.services.add"}
      done="dostup.centres.services.saved"
      canSave={service !== null && helpKinds.length > 0}
      save={() =>
        mutate(
          "setCentreService",
          { centreId: centre.id, serviceId: service?.id, helpKinds, note: note.trim() || null },
          "helpKinds",
        )
      }
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        {row ? (
          <Typography>{row.service.name}</Typography>
        ) : (
          <NamedPicker
            connection="services"
            filterType="ServiceFilter"
            label={translate("dostup.centres.services.service")}
            value={service}
            onChange={setService}
          />
        )}
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
    </EditDialog>
  );
};

/** The services the centre in context helps with, and how; writers add, change and remove them. */
export const ServicesTab = () => {
  const centre = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  const canWrite = useCanWrite({ access: centreAccess }) && !centre?.archivedAt;
  if (!centre) {
    return null;
  }
  return (
    <EditableTable
      rows={centre.services ?? []}
      rowKey={(row) => row.service.id}
      columns={[
        { label: "dostup.centres.services.service", cell: (row) => row.service.name },
        {
          label: "dostup.centres.services.helpKinds",
          cell: (row) => (
            <Stack direction="row" sx={{ flexWrap: "wrap", gap: 0.5 }}>
              {row.helpKinds.map((kind) => (
                <Chip key={kind} size="small" label={translate(`enums.CentreHelpKind.${kind}`)} />
              ))}
            </Stack>
          ),
        },
        { label: "dostup.centres.services.note", cell: (row) => row.note ?? "—" },
      ]}
      messages="dostup.centres.services"
      canWrite={canWrite}
      dialog={(row, close) => <ServiceDialog centre={centre} row={row} onClose={close} />}
      remove={(row) => mutate("removeCentreService", { centreId: centre.id, serviceId: row.service.id }, "id")}
      removeOptions={(row) => ({ name: row.service.name })}
      testId="centre-services"
    />
  );
};
