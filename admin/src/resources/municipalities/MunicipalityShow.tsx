import AddIcon from "@mui/icons-material/Add";
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
  TextField as MuiTextField,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useState } from "react";
import {
  Button,
  type HttpError,
  ReferenceField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import { HistoryTab } from "../../components/HistoryTab";
import { municipalityKindChoices } from "../../lib/choices";
import { useCanWrite } from "../../lib/resource";
import { mutate } from "../../providers/graphql";
import { municipalityAccess } from "./access";

interface Settlement {
  id: string;
  version: number;
  name: string;
  isRural: boolean;
}

interface MunicipalityRecord {
  id: string;
  name: string;
  settlements?: Settlement[];
}

const SettlementDialog = ({
  municipality,
  settlement,
  onClose,
}: {
  municipality: MunicipalityRecord;
  settlement?: Settlement;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [name, setName] = useState(settlement?.name ?? "");
  const [isRural, setIsRural] = useState(settlement?.isRural ?? true);
  const [pending, setPending] = useState(false);
  const save = async () => {
    setPending(true);
    try {
      if (settlement) {
        await mutate(
          "updateSettlement",
          { id: settlement.id, version: settlement.version, name: name.trim(), isRural },
          "id version",
        );
      } else {
        await mutate("createSettlement", { municipalityId: municipality.id, name: name.trim(), isRural }, "id version");
      }
      notify(settlement ? "dostup.municipalities.settlements.updated" : "dostup.municipalities.settlements.added", {
        type: "info",
      });
      refresh();
      onClose();
    } catch (error) {
      notify((error as HttpError).message, { type: "error" });
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>
        {translate(settlement ? "dostup.municipalities.settlements.edit" : "dostup.municipalities.settlements.add")}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <MuiTextField
            size="small"
            label={translate("dostup.municipalities.settlements.name")}
            value={name}
            onChange={(event) => setName(event.target.value)}
            slotProps={{ htmlInput: { name: "settlementName" } }}
          />
          <FormControlLabel
            control={<Checkbox checked={isRural} onChange={(event) => setIsRural(event.target.checked)} />}
            label={translate("dostup.municipalities.settlements.isRural")}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="ra.action.save" onClick={save} disabled={pending || name.trim() === ""} variant="contained" />
      </DialogActions>
    </Dialog>
  );
};

/** The municipality's settlements with the rural flag that splits report figures. */
const SettlementsTab = () => {
  const municipality = useRecordContext<MunicipalityRecord>();
  const translate = useTranslate();
  const canWrite = useCanWrite({ access: municipalityAccess });
  const [editing, setEditing] = useState<Settlement | "new" | null>(null);
  if (!municipality) {
    return null;
  }
  const settlements = municipality.settlements ?? [];
  return (
    <Box>
      {canWrite && (
        <Box sx={{ mb: 1 }}>
          <Button label="dostup.municipalities.settlements.add" onClick={() => setEditing("new")}>
            <AddIcon />
          </Button>
        </Box>
      )}
      {settlements.length === 0 ? (
        <Typography variant="body2">{translate("dostup.municipalities.settlements.empty")}</Typography>
      ) : (
        <Table size="small" sx={{ maxWidth: 640 }} data-testid="settlements">
          <TableHead>
            <TableRow>
              <TableCell>{translate("dostup.municipalities.settlements.name")}</TableCell>
              <TableCell>{translate("dostup.municipalities.settlements.area")}</TableCell>
              {canWrite && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {settlements.map((settlement) => (
              <TableRow key={settlement.id}>
                <TableCell>{settlement.name}</TableCell>
                <TableCell>
                  {translate(
                    settlement.isRural
                      ? "dostup.municipalities.settlements.rural"
                      : "dostup.municipalities.settlements.urban",
                  )}
                </TableCell>
                {canWrite && (
                  <TableCell align="right">
                    <IconButton
                      aria-label={translate("dostup.municipalities.settlements.edit")}
                      onClick={() => setEditing(settlement)}
                    >
                      <EditIcon />
                    </IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <SettlementDialog
          municipality={municipality}
          settlement={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Box>
  );
};

const Title = () => {
  const record = useRecordContext<MunicipalityRecord>();
  return <span>{record?.name}</span>;
};

export const MunicipalityShow = () => (
  <Show title={<Title />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="dostup.municipalities.tabs.main">
        <TextField source="name" />
        <TextField source="oktmo" />
        <SelectField source="kind" choices={municipalityKindChoices} />
        <ReferenceField source="region.id" reference="regions" label="resources.municipalities.fields.region.name" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="dostup.municipalities.tabs.settlements" path="settlements">
        <SettlementsTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="dostup.history.tab" path="history">
        <HistoryTab />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
