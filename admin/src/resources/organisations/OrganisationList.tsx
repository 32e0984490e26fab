import { BooleanInput, DataTable, List, SearchInput, SelectField, SelectInput } from "react-admin";
import { NameWithArchived } from "../../components/Archived";
import { csvExporter } from "../../components/downloads";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { organisationKindChoices } from "./choices";

interface OrganisationRow {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  inn: string | null;
  archivedAt: string | null;
  region: { name: string };
  municipality: { name: string } | null;
}

const Column = DataTable.Col<OrganisationRow>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={organisationKindChoices} alwaysOn />,
  <BooleanInput key="includeArchived" source="includeArchived" />,
];

// Nested records come out as names, not [object Object].
const exporter = csvExporter<OrganisationRow>("organisations", (row) => ({
  id: row.id,
  name: row.name,
  shortName: row.shortName,
  kind: row.kind,
  inn: row.inn,
  region: row.region.name,
  municipality: row.municipality?.name,
  archivedAt: row.archivedAt,
}));

// The API lists organisations by name and sorts them no other way.
export const OrganisationList = () => (
  <List filters={filters} exporter={exporter}>
    <DataTable bulkActionButtons={false}>
      <Column source="name" disableSort>
        <NameWithArchived name="name" message="dostup.organisations.archived" />
      </Column>
      <Column source="kind" disableSort>
        <SelectField source="kind" choices={organisationKindChoices} />
      </Column>
      <Column source="inn" disableSort />
      <Column source="region.name" disableSort />
      <Column source="municipality.name" disableSort />
    </DataTable>
  </List>
);
