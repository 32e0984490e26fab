import { Chip, Stack } from "@mui/material";
import { EditButton, SelectField, TabbedShowLayout, TextField, TopToolbar, useRecordContext } from "react-admin";
import { ArchivedNotice } from "../../components/Archived";
import { ArchiveRestoreButton } from "../../components/ArchiveRestoreButton";
import { DayField } from "../../components/DayField";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { RecordTitle } from "../../components/RecordTitle";
import { useCanWrite } from "../../lib/resource";
import { useWriteScope } from "../../lib/writeScope";
import { access } from "./access";
import { eventAudienceChoices, eventKindChoices } from "./choices";
import { EventMaterials } from "./EventMaterials";
import type { EventRecord } from "./types";

/** Edit and archive for those who may write in the event's region; an archived event is only restored. */
const ShowActions = () => {
  const record = useRecordContext<EventRecord>();
  const canWrite = useCanWrite({ access });
  const scope = useWriteScope();
  if (!record || !canWrite || !scope.canWriteRegion(record.region.id)) {
    return <TopToolbar />;
  }
  return (
    <TopToolbar>
      {!record.archivedAt && <EditButton />}
      <ArchiveRestoreButton archive="archiveEvent" restore="restoreEvent" messages="dostup.events.archive" />
    </TopToolbar>
  );
};

const MunicipalitiesField = (_props: { source: string }) => {
  const record = useRecordContext<EventRecord>();
  if (!record || record.municipalities.length === 0) {
    return <span>—</span>;
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }} data-testid="event-municipalities">
      {record.municipalities.map((municipality) => (
        <Chip key={municipality.id} size="small" label={municipality.name} />
      ))}
    </Stack>
  );
};

export const EventShow = () => (
  <RecordShow title={<RecordTitle source="title" />} actions={<ShowActions />}>
    <TabbedShowLayout.Tab label="dostup.events.tabs.details">
      <ArchivedNotice message="dostup.events.archived" />
      <TextField source="title" />
      <SelectField source="kind" choices={eventKindChoices} />
      <SelectField source="audience" choices={eventAudienceChoices} />
      <DayField source="startsOn" />
      <DayField source="endsOn" />
      <LocaleNumberField source="participants" emptyText="—" />
      <TextField source="region.name" />
      <TextField source="hostOrganisation.name" emptyText="—" />
      <TextField source="centre.name" emptyText="—" />
      <TextField source="project.name" emptyText="—" />
      <MunicipalitiesField source="municipalities" />
      <TextField source="description" emptyText="—" />
      <LocaleDateField source="updatedAt" showTime />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.events.tabs.materials" path="materials">
      <EventMaterials />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
