import { BooleanField, DataTable, List, SearchInput, SelectField, SelectInput } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { LocaleDateField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { publicationStatusChoices } from "../../lib/choices";
import { csvDate } from "../../lib/format";
import { type ServiceRecord, serviceLevelChoices } from "./choices";

const Column = DataTable.Col<ServiceRecord>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="level" source="level" choices={serviceLevelChoices} />,
  <SelectInput key="status" source="status" choices={publicationStatusChoices} />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" />,
];

const exporter = csvExporter<ServiceRecord>(
  "services",
  ({ id, name, shortName, level, status, region, registryId, electronic, updatedAt }) => ({
    id,
    name,
    shortName,
    level,
    status,
    region: region?.name ?? "",
    registryId,
    electronic,
    updatedAt: csvDate(updatedAt),
  }),
);

// The API sorts services by name or creation date only.
export const ServiceList = () => (
  <List filters={filters} sort={{ field: "name", order: "ASC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="name" />
      <Column source="level" disableSort>
        <SelectField source="level" choices={serviceLevelChoices} />
      </Column>
      <Column source="status" disableSort>
        <SelectField source="status" choices={publicationStatusChoices} />
      </Column>
      <Column source="region.name" disableSort />
      <Column source="registryId" disableSort />
      <Column source="electronic" disableSort field={BooleanField} />
      <Column source="updatedAt" disableSort field={LocaleDateField} />
    </DataTable>
  </List>
);
