import {
  ArrayField,
  CreateButton,
  DataTable,
  EditButton,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from "react-admin";
import { EmptyText } from "../../components/EmptyText";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { targetDirectionChoices } from "../../lib/choices";
import { useWriteScope } from "../../lib/writeScope";
import { ApproveButton } from "./ApproveButton";
import { type QualityStandardRecord, standardStatusChoices } from "./choices";

const StandardActions = () => {
  const record = useRecordContext<QualityStandardRecord>();
  const scope = useWriteScope();
  if (!record || !scope.canWriteRegion(record.service.region?.id ?? null)) {
    return <TopToolbar />;
  }
  // Approved and superseded revisions are read-only: a change starts a new draft from them.
  return (
    <TopToolbar>
      {record.status === "DRAFT" && <EditButton />}
      <ApproveButton />
      <CreateButton
        label="dostup.qualityStandards.new_revision"
        state={{
          record: { serviceId: record.service.id, copyFrom: record.id, title: record.title },
        }}
      />
    </TopToolbar>
  );
};

export const TargetsField = () => (
  <ArrayField source="targets" label={false}>
    <DataTable bulkActionButtons={false} empty={<EmptyText text="dostup.qualityStandards.no_targets" />}>
      <DataTable.Col source="indicatorCode" label="resources.qualityStandards.fields.targets.indicatorCode" />
      <DataTable.Col source="name" label="resources.qualityStandards.fields.targets.name" />
      <DataTable.Col source="direction" label="resources.qualityStandards.fields.targets.direction">
        <SelectField source="direction" choices={targetDirectionChoices} />
      </DataTable.Col>
      <DataTable.Col source="threshold" label="resources.qualityStandards.fields.targets.threshold">
        <LocaleNumberField source="threshold" />
      </DataTable.Col>
      <DataTable.Col source="unit" label="resources.qualityStandards.fields.targets.unit" />
    </DataTable>
  </ArrayField>
);

export const QualityStandardShow = () => (
  <RecordShow actions={<StandardActions />}>
    <TabbedShowLayout.Tab label="dostup.details.tab">
      <ReferenceField source="service.id" reference="services" link="show">
        <TextField source="name" />
      </ReferenceField>
      <TextField source="revision" />
      <TextField source="title" />
      <SelectField source="status" choices={standardStatusChoices} />
      <LocaleDateField source="validFrom" emptyText="—" />
      <LocaleDateField source="approvedAt" showTime emptyText="—" />
      <TextField source="approvedByName" emptyText="—" />
      <LocaleDateField source="supersededAt" showTime emptyText="—" />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="resources.qualityStandards.fields.targets.name_plural" path="targets">
      <TargetsField />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.qualityStandards.versions" path="versions">
      <ReferenceManyField
        reference="qualityStandards"
        target="serviceId"
        source="service.id"
        label={false}
        sort={{ field: "revision", order: "DESC" }}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="revision" />
          <DataTable.Col source="title" />
          <DataTable.Col source="status">
            <SelectField source="status" choices={standardStatusChoices} />
          </DataTable.Col>
          <DataTable.Col source="validFrom" field={LocaleDateField} />
          <DataTable.Col source="approvedAt" field={LocaleDateField} />
        </DataTable>
      </ReferenceManyField>
    </TabbedShowLayout.Tab>
  </RecordShow>
);
