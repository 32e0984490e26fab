import { DataTable, DateInput, List, TextInput } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { csvDate } from "../../lib/format";
import { MeetsTargetField } from "./MeetsTargetField";
import type { QualityMeasurementRecord } from "./types";

const Column = DataTable.Col<QualityMeasurementRecord>;

const filters = [
  <ReferenceFilter key="serviceId" source="serviceId" reference="services" alwaysOn />,
  <TextInput key="indicatorCode" source="indicatorCode" />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" />,
  <ReferenceFilter key="centreId" source="centreId" reference="centres" />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

const exporter = csvExporter<QualityMeasurementRecord>("qualityMeasurements", (record) => ({
  id: record.id,
  service: record.service.name,
  indicatorCode: record.indicatorCode,
  region: record.region.name,
  municipality: record.municipality?.name ?? "",
  centre: record.centre?.name ?? "",
  periodStart: csvDate(record.periodStart),
  periodEnd: csvDate(record.periodEnd),
  value: record.value,
  threshold: record.target?.threshold ?? "",
  meetsTarget: record.meetsTarget ?? "",
  source: record.source ?? "",
}));

// The API sorts by the period's start or the value.
export const QualityMeasurementList = () => (
  <List filters={filters} sort={{ field: "periodStart", order: "DESC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="service.name" disableSort />
      <Column source="indicatorCode" disableSort />
      <Column source="region.name" disableSort />
      <Column source="centre.name" disableSort />
      <Column source="periodStart" field={LocaleDateField} />
      <Column source="periodEnd" disableSort field={LocaleDateField} />
      <Column source="value" field={LocaleNumberField} />
      <Column source="target.threshold" disableSort field={LocaleNumberField} />
      <Column source="meetsTarget" disableSort field={MeetsTargetField} />
    </DataTable>
  </List>
);
