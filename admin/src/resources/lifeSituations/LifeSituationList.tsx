import { DataTable, List, SearchInput, SelectField, SelectInput } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { publicationStatusChoices } from "../../lib/choices";
import { type LifeSituationRecord, lifeSituationKindChoices } from "./choices";

const Column = DataTable.Col<LifeSituationRecord>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={lifeSituationKindChoices} />,
  <SelectInput key="status" source="status" choices={publicationStatusChoices} />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" />,
];

const exporter = csvExporter<LifeSituationRecord>("lifeSituations", ({ id, code, name, kind, status, region }) => ({
  id,
  code,
  name,
  kind,
  status,
  region: region?.name ?? "",
}));

// The API sorts life situations by name or creation date only.
export const LifeSituationList = () => (
  <List filters={filters} sort={{ field: "name", order: "ASC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="name" />
      <Column source="code" disableSort />
      <Column source="kind" disableSort>
        <SelectField source="kind" choices={lifeSituationKindChoices} />
      </Column>
      <Column source="status" disableSort>
        <SelectField source="status" choices={publicationStatusChoices} />
      </Column>
      <Column source="region.name" disableSort />
    </DataTable>
  </List>
);
