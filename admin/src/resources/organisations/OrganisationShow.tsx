import {
  DataTable,
  EditButton,
  SelectField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from "react-admin";
import { ArchivedNotice } from "../../components/Archived";
import { ArchiveRestoreButton } from "../../components/ArchiveRestoreButton";
import { RecordShow } from "../../components/RecordShow";
import { RecordTitle } from "../../components/RecordTitle";
import { RelatedRecords } from "../../components/RelatedRecords";
import { centreStatusChoices } from "../../lib/choices";
import { useCanWrite } from "../../lib/resource";
import { organisationAccess } from "./access";
import { organisationKindChoices } from "./choices";

interface OrganisationRecord {
  id: string;
  name: string;
  archivedAt: string | null;
}

const ShowActions = () => {
  const canWrite = useCanWrite({ access: organisationAccess });
  const record = useRecordContext<OrganisationRecord>();
  if (!canWrite) {
    return <TopToolbar />;
  }
  return (
    <TopToolbar>
      {record && !record.archivedAt && <EditButton />}
      <ArchiveRestoreButton
        archive="archiveOrganisation"
        restore="restoreOrganisation"
        messages="dostup.organisations.archive"
      />
    </TopToolbar>
  );
};

export const OrganisationShow = () => (
  <RecordShow title={<RecordTitle />} actions={<ShowActions />}>
    <TabbedShowLayout.Tab label="dostup.organisations.tabs.main">
      <ArchivedNotice message="dostup.organisations.archived" />
      <TextField source="name" />
      <TextField source="code" emptyText="—" />
      <TextField source="shortName" emptyText="—" />
      <SelectField source="kind" choices={organisationKindChoices} />
      <TextField source="inn" emptyText="—" />
      <TextField source="ogrn" emptyText="—" />
      <TextField source="region.name" />
      <TextField source="municipality.name" emptyText="—" />
      <TextField source="address" emptyText="—" />
      <TextField source="phone" emptyText="—" />
      <TextField source="email" emptyText="—" />
      <TextField source="website" emptyText="—" />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.organisations.tabs.centres" path="centres">
      <RelatedRecords
        reference="centres"
        target="hostOrganisationId"
        sort={{ field: "name", order: "ASC" }}
        empty="dostup.organisations.no_centres"
      >
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="status" disableSort>
          <SelectField source="status" choices={centreStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="address" disableSort />
      </RelatedRecords>
    </TabbedShowLayout.Tab>
  </RecordShow>
);
