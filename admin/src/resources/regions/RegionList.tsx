import { DataTable, List, SearchInput } from "react-admin";
import { csvExporter } from "../../components/downloads";

interface Region {
  id: string;
  code: string;
  name: string;
}

const Column = DataTable.Col<Region>;

const filters = [<SearchInput key="q" source="q" alwaysOn />];

// Through the panel's CSV writer, not react-admin's default one, which neither defuses
// formulas nor quotes semicolons.
const exporter = csvExporter<Region>("regions", (row) => ({ id: row.id, code: row.code, name: row.name }));

// The API lists regions by name and sorts them no other way, so columns are not sortable.
export const RegionList = () => (
  <List filters={filters} exporter={exporter}>
    <DataTable bulkActionButtons={false}>
      <Column source="code" disableSort />
      <Column source="name" disableSort />
    </DataTable>
  </List>
);
