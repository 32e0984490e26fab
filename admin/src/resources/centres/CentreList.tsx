import { AutocompleteInput, DataTable, List, ReferenceInput, SearchInput, SelectField, SelectInput } from "react-admin";
import type { Centre } from "../../types";
import { CentreKindsField } from "./CentreKindsField";
import { centreKindChoices, centreStatusChoices } from "./choices";

const Column = DataTable.Col<Centre>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={centreStatusChoices} />,
  <SelectInput key="kind" source="kind" choices={centreKindChoices} />,
  <ReferenceInput key="regionId" source="regionId" reference="regions">
    <AutocompleteInput />
  </ReferenceInput>,
];

// The API sorts centres by name or creation date only, hence the disabled
// sorting elsewhere. No bulk actions: there is nothing to write yet.
export const CentreList = () => (
  <List filters={filters} sort={{ field: "name", order: "ASC" }}>
    <DataTable bulkActionButtons={false}>
      <Column source="name" />
      <Column source="kinds" field={CentreKindsField} disableSort />
      <Column source="status" disableSort>
        <SelectField source="status" choices={centreStatusChoices} />
      </Column>
      <Column source="settlement.name" disableSort />
      <Column source="hostOrganisation.name" disableSort />
    </DataTable>
  </List>
);
