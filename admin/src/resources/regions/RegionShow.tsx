import { DataTable, SelectField, TabbedShowLayout, TextField, useRecordContext } from "react-admin";
import { PopulationTab } from "../../components/PopulationTab";
import { RecordShow } from "../../components/RecordShow";
import { RelatedRecords } from "../../components/RelatedRecords";
import { municipalityKindChoices } from "../../lib/choices";

const Title = () => {
  const record = useRecordContext<{ id: string; code: string; name: string }>();
  return <span>{record ? `${record.code} · ${record.name}` : ""}</span>;
};

export const RegionShow = () => (
  <RecordShow title={<Title />}>
    <TabbedShowLayout.Tab label="dostup.regions.tabs.main">
      <TextField source="code" />
      <TextField source="name" />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.regions.tabs.municipalities" path="municipalities">
      <RelatedRecords reference="municipalities" target="regionId" empty="dostup.regions.no_municipalities">
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="oktmo" disableSort />
        <DataTable.Col source="kind" disableSort>
          <SelectField source="kind" choices={municipalityKindChoices} />
        </DataTable.Col>
      </RelatedRecords>
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.population.tab" path="population">
      <PopulationTab target="regionId" />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
