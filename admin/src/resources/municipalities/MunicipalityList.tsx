import { DataTable, List, SearchInput, SelectField } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { municipalityKindChoices } from "../../lib/choices";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" alwaysOn />,
];

// The region comes out as its name, not [object Object].
const exporter = csvExporter<{ id: string; name: string; oktmo: string; kind: string; region: { name: string } }>(
  "municipalities",
  (row) => ({ id: row.id, name: row.name, oktmo: row.oktmo, kind: row.kind, region: row.region.name }),
);

// The API lists municipalities by name and sorts them no other way.
export const MunicipalityList = () => (
  <List filters={filters} exporter={exporter}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="oktmo" disableSort />
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={municipalityKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="region.name" disableSort />
    </DataTable>
  </List>
);
