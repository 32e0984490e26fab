import { EditButton, SelectField, Show, TabbedShowLayout, TextField, TopToolbar, useRecordContext } from "react-admin";
import { ArchiveRestoreButton } from "../../components/ArchiveRestoreButton";
import { HistoryTab } from "../../components/HistoryTab";
import { LocaleDateField } from "../../components/localeFields";
import { publicationStatusChoices } from "../../lib/choices";
import { useWriteScope } from "../../lib/writeScope";
import { type LifeSituationRecord, lifeSituationKindChoices } from "./choices";
import { OrderedServices } from "./OrderedServices";

const LifeSituationActions = () => {
  const record = useRecordContext<LifeSituationRecord>();
  const scope = useWriteScope();
  if (!record || !scope.canWriteRegion(record.region?.id ?? null)) {
    return <TopToolbar />;
  }
  return (
    <TopToolbar>
      <EditButton />
      <ArchiveRestoreButton
        archive="archiveLifeSituation"
        restore="restoreLifeSituation"
        messages="dostup.catalogue.archive"
      />
    </TopToolbar>
  );
};

export const LifeSituationShow = () => (
  <Show actions={<LifeSituationActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="dostup.details.tab">
        <TextField source="name" />
        <TextField source="code" />
        <SelectField source="kind" choices={lifeSituationKindChoices} />
        <SelectField source="status" choices={publicationStatusChoices} />
        <TextField source="region.name" emptyText="—" />
        <TextField source="description" emptyText="—" />
        <LocaleDateField source="createdAt" showTime />
        <LocaleDateField source="updatedAt" showTime />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.lifeSituations.fields.services" path="services">
        <OrderedServices />
      </TabbedShowLayout.Tab>
      <HistoryTab path="history" />
    </TabbedShowLayout>
  </Show>
);
