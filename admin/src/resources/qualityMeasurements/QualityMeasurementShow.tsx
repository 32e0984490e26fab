import {
  EditButton,
  ReferenceField,
  SelectField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from "react-admin";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { targetDirectionChoices } from "../../lib/choices";
import { useWriteScope } from "../../lib/writeScope";
import { MeetsTargetField } from "./MeetsTargetField";
import type { QualityMeasurementRecord } from "./types";

const MeasurementActions = () => {
  const record = useRecordContext<QualityMeasurementRecord>();
  const scope = useWriteScope();
  return <TopToolbar>{record && scope.canWriteRegion(record.region.id) && <EditButton />}</TopToolbar>;
};

export const QualityMeasurementShow = () => (
  <RecordShow actions={<MeasurementActions />}>
    <TabbedShowLayout.Tab label="dostup.details.tab">
      <ReferenceField source="service.id" reference="services" link="show">
        <TextField source="name" />
      </ReferenceField>
      <TextField source="indicatorCode" />
      <TextField source="region.name" />
      <TextField source="municipality.name" emptyText="—" />
      <TextField source="centre.name" emptyText="—" />
      <LocaleDateField source="periodStart" />
      <LocaleDateField source="periodEnd" />
      <LocaleNumberField source="value" />
      <TextField source="target.name" emptyText="—" />
      <SelectField source="target.direction" choices={targetDirectionChoices} emptyText="—" />
      <LocaleNumberField source="target.threshold" emptyText="—" />
      <TextField source="target.unit" emptyText="—" />
      <MeetsTargetField source="meetsTarget" label="resources.qualityMeasurements.fields.meetsTarget" />
      <TextField source="source" emptyText="—" />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
