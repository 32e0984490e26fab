import { DataTable, List, SearchInput, SelectField, SelectInput } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { LocaleDateField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { csvDate } from "../../lib/format";
import { type QualityStandardRecord, standardStatusChoices } from "./choices";

const Column = DataTable.Col<QualityStandardRecord>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilter key="serviceId" source="serviceId" reference="services" />,
  <SelectInput key="status" source="status" choices={standardStatusChoices} />,
];

const exporter = csvExporter<QualityStandardRecord>(
  "qualityStandards",
  ({ id, service, revision, title, status, validFrom, approvedAt }) => ({
    id,
    service: service.name,
    revision,
    title,
    status,
    validFrom: csvDate(validFrom),
    approvedAt: csvDate(approvedAt),
  }),
);

// The API sorts by revision, start date or creation date.
export const QualityStandardList = () => (
  <List filters={filters} sort={{ field: "createdAt", order: "DESC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="service.name" disableSort />
      <Column source="revision" />
      <Column source="title" disableSort />
      <Column source="status" disableSort>
        <SelectField source="status" choices={standardStatusChoices} />
      </Column>
      <Column source="validFrom" field={LocaleDateField} />
      <Column source="approvedAt" disableSort field={LocaleDateField} />
    </DataTable>
  </List>
);
