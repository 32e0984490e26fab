import { Checkbox, FormControlLabel, TextField as MuiTextField, Stack } from "@mui/material";
import { useState } from "react";
import { ReferenceField, SelectField, TabbedShowLayout, TextField, useRecordContext, useTranslate } from "react-admin";
import { EditableTable } from "../../components/EditableTable";
import { EditDialog } from "../../components/EditDialog";
import { PopulationTab } from "../../components/PopulationTab";
import { RecordShow } from "../../components/RecordShow";
import { RecordTitle } from "../../components/RecordTitle";
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

interface SettlementDialogProps {
  municipality: MunicipalityRecord;
  /** The settlement to change; a new one without it. */
  settlement?: Settlement;
  onClose: () => void;
}

const SettlementDialog = ({ municipality, settlement, onClose }: SettlementDialogProps) => {
  const translate = useTranslate();
  const [name, setName] = useState(settlement?.name ?? "");
  const [isRural, setIsRural] = useState(settlement?.isRural ?? true);
  return (
    <EditDialog
      title={settlement ? "dostup.municipalities.settlements.edit" : "dostup.municipalities.settlements.add"}
      done={settlement ? "dostup.municipalities.settlements.updated" : "dostup.municipalities.settlements.added"}
      canSave={name.trim() !== ""}
      save={() =>
        settlement
          ? mutate(
              "updateSettlement",
              { id: settlement.id, version: settlement.version, name: name.trim(), isRural },
              "id version",
            )
          : mutate("createSettlement", { municipalityId: municipality.id, name: name.trim(), isRural }, "id version")
      }
      onClose={onClose}
      maxWidth="xs"
    >
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
    </EditDialog>
  );
};

/** The municipality's settlements with the rural flag that splits report figures. */
const SettlementsTab = () => {
  const municipality = useRecordContext<MunicipalityRecord>();
  const translate = useTranslate();
  const canWrite = useCanWrite({ access: municipalityAccess });
  if (!municipality) {
    return null;
  }
  return (
    <EditableTable
      rows={municipality.settlements ?? []}
      rowKey={(settlement) => settlement.id}
      columns={[
        { label: "dostup.municipalities.settlements.name", cell: (settlement) => settlement.name },
        {
          label: "dostup.municipalities.settlements.area",
          cell: (settlement) =>
            translate(
              settlement.isRural
                ? "dostup.municipalities.settlements.rural"
                : "dostup.municipalities.settlements.urban",
            ),
        },
      ]}
      messages="dostup.municipalities.settlements"
      canWrite={canWrite}
      dialog={(settlement, close) => (
        <SettlementDialog municipality={municipality} settlement={settlement} onClose={close} />
      )}
      maxWidth={640}
      testId="settlements"
    />
  );
};

export const MunicipalityShow = () => (
  <RecordShow title={<RecordTitle />}>
    <TabbedShowLayout.Tab label="dostup.municipalities.tabs.main">
      <TextField source="name" />
      <TextField source="oktmo" />
      <SelectField source="kind" choices={municipalityKindChoices} />
      <ReferenceField source="region.id" reference="regions" label="resources.municipalities.fields.region.name" />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.municipalities.tabs.settlements" path="settlements">
      <SettlementsTab />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.population.tab" path="population">
      <PopulationTab target="municipalityId" />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
