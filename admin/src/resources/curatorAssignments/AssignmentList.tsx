import { BooleanInput, DataTable, List, SelectInput, useRecordContext, useTranslate } from "react-admin";
import { ConnectionAutocompleteInput } from "../../components/ConnectionAutocompleteInput";
import { DayField } from "../../components/DayField";
import { csvExporter } from "../../components/downloads";
import { ListActions } from "../../components/ListActions";
import { RecordChip } from "../../components/RecordChip";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { type Assignment, targetName } from "../../lib/records";
import { access } from "./access";
import { targetChoices } from "./choices";
import { EndAssignmentButton } from "./EndAssignmentButton";

type Row = Assignment & {
  person: { id: string; fullName: string };
  municipality?: { id: string; name: string } | null;
};
const Column = DataTable.Col<Row>;

const filters = [
  <ReferenceFilter key="regionId" source="regionId" reference="regions" alwaysOn optionText="name" />,
  <ConnectionAutocompleteInput
    key="serviceId"
    source="serviceId"
    connection="services"
    typename="Service"
    filterType="ServiceFilter"
    alwaysOn
  />,
  <BooleanInput key="activeOnly" source="activeOnly" alwaysOn />,
  <ReferenceFilter key="municipalityId" source="municipalityId" reference="municipalities" optionText="name" />,
  <ReferenceFilter key="personId" source="personId" reference="people" optionText="fullName" />,
  <SelectInput key="targetType" source="targetType" choices={targetChoices} />,
  <BooleanInput key="primaryOnly" source="primaryOnly" />,
];

const TargetField = (_props: { source?: string }) => {
  const record = useRecordContext<Row>();
  return record ? <span>{targetName(record)}</span> : null;
};

const StateField = (_props: { source?: string }) => (
  <RecordChip<Row>
    colour={(row) => (row.active ? "success" : "default")}
    label={(row, translate) =>
      translate(row.active ? "dostup.curatorAssignments.active" : "dostup.curatorAssignments.closed")
    }
  />
);

const exporter = csvExporter<Row>("curator-assignments", (row) => ({
  person: row.person.fullName,
  role: row.role,
  targetType: row.targetType,
  target: targetName(row),
  region: row.region.name,
  municipality: row.municipality?.name ?? null,
  primary: row.primary,
  validFrom: row.validFrom,
  validTo: row.validTo,
  note: row.note,
}));

/** Who is and was responsible for what: open and closed periods, newest first. */
export const AssignmentList = () => (
  <List
    filters={filters}
    sort={{ field: "validFrom", order: "DESC" }}
    exporter={exporter}
    actions={<ListActions access={access} createLabel="dostup.curatorAssignments.assign" />}
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="person.fullName" disableSort />
      <Column source="role" disableSort>
        <RoleText />
      </Column>
      <Column source="target" field={TargetField} disableSort />
      <Column source="region.name" disableSort />
      <Column source="municipality.name" disableSort>
        <MunicipalityText />
      </Column>
      <Column source="validFrom">
        <DayField source="validFrom" />
      </Column>
      <Column source="validTo" disableSort>
        <DayField source="validTo" emptyText="dostup.curatorAssignments.to_date" />
      </Column>
      <Column source="active" field={StateField} disableSort />
      <Column source="primary" disableSort>
        <PrimaryText />
      </Column>
      <Column label="" disableSort>
        <EndAssignmentButton />
      </Column>
    </DataTable>
  </List>
);

function RoleText() {
  const record = useRecordContext<Row>();
  const translate = useTranslate();
  return record ? <span>{translate(`enums.CuratorRole.${record.role}`)}</span> : null;
}

function PrimaryText() {
  const record = useRecordContext<Row>();
  const translate = useTranslate();
  return record ? (
    <span>{translate(record.primary ? "dostup.curatorAssignments.yes" : "dostup.curatorAssignments.no")}</span>
  ) : null;
}

/** The municipality of a municipal curator; the region's own curator covers the whole region. */
function MunicipalityText() {
  const record = useRecordContext<Row>();
  const translate = useTranslate();
  return record ? (
    <span>{record.municipality?.name ?? translate("dostup.curatorAssignments.whole_region")}</span>
  ) : null;
}
