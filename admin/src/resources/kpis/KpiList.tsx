import { DataTable, List, NullableBooleanInput, SearchInput, SelectField, SelectInput } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { LocaleNumberField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { targetDirectionChoices } from "../../lib/choices";
import { type KpiRecord, kpiSourceChoices } from "./choices";

const Column = DataTable.Col<KpiRecord>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="source" source="source" choices={kpiSourceChoices} />,
  <NullableBooleanInput key="federal" source="federal" />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" />,
];

const exporter = csvExporter<KpiRecord>(
  "kpis",
  ({ id, code, name, unit, direction, source, targetValue, targetYear, region }) => ({
    id,
    code,
    name,
    unit,
    direction,
    source,
    targetValue,
    targetYear,
    region: region?.name ?? "",
  }),
);

// The API sorts by code, name or target year.
export const KpiList = () => (
  <List filters={filters} sort={{ field: "code", order: "ASC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="code" />
      <Column source="name" />
      <Column source="direction" disableSort>
        <SelectField source="direction" choices={targetDirectionChoices} />
      </Column>
      <Column source="targetValue" disableSort field={LocaleNumberField} />
      <Column source="unit" disableSort />
      <Column source="targetYear" />
      <Column source="source" disableSort>
        <SelectField source="source" choices={kpiSourceChoices} />
      </Column>
      <Column source="region.name" disableSort />
    </DataTable>
  </List>
);
