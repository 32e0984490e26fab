import { DataTable, List, NullableBooleanInput, SearchInput, SelectInput } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { LocaleDateField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { csvDate } from "../../lib/format";
import { type SystemicErrorRecord, systemicErrorStatusChoices } from "./choices";
import { SystemicStatusField } from "./SystemicStatusField";

const Column = DataTable.Col<SystemicErrorRecord>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={systemicErrorStatusChoices} alwaysOn />,
  <NullableBooleanInput key="overdueOnly" source="overdueOnly" alwaysOn />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" />,
  <ReferenceFilter key="serviceId" source="serviceId" reference="services" />,
  <ReferenceFilter key="authorityId" source="authorityId" reference="organisations" />,
];

const exporter = csvExporter<SystemicErrorRecord>("systemic-errors", (record) => ({
  id: record.id,
  title: record.title,
  status: record.status,
  overdue: record.overdue,
  detectedAt: csvDate(record.detectedAt),
  dueAt: csvDate(record.dueAt),
  service: record.service?.name ?? "",
  authority: record.authority?.name ?? "",
  region: record.region.name,
  feedbackCount: record.feedbackCount,
}));

// The API sorts the register by the day found, the due day or the title.
export const SystemicErrorList = () => (
  <List filters={filters} sort={{ field: "detectedAt", order: "DESC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="title" />
      <Column source="status" disableSort field={SystemicStatusField} />
      <Column source="dueAt" field={LocaleDateField} />
      <Column source="service.name" disableSort />
      <Column source="authority.name" disableSort />
      <Column source="feedbackCount" disableSort />
      <Column source="region.name" disableSort />
      <Column source="detectedAt" field={LocaleDateField} />
    </DataTable>
  </List>
);
