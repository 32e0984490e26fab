import { DataTable, List, SearchInput } from "react-admin";
import type { Region } from "../../types";

const Column = DataTable.Col<Region>;

const filters = [<SearchInput key="q" source="q" alwaysOn />];

// The API lists regions by name and sorts them no other way, so columns are not sortable.
export const RegionList = () => (
  <List filters={filters}>
    <DataTable bulkActionButtons={false}>
      <Column source="code" disableSort />
      <Column source="name" disableSort />
    </DataTable>
  </List>
);
