import { AutocompleteInput, DataTable, List, ReferenceInput, SearchInput } from "react-admin";
import type { Organisation } from "../../types";

const Column = DataTable.Col<Organisation>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="regionId" source="regionId" reference="regions">
    <AutocompleteInput />
  </ReferenceInput>,
];

// The API lists organisations in its own order, so columns are not sortable.
export const OrganisationList = () => (
  <List filters={filters}>
    <DataTable bulkActionButtons={false}>
      <Column source="name" disableSort />
      <Column source="kind" disableSort />
      <Column source="inn" disableSort />
    </DataTable>
  </List>
);
