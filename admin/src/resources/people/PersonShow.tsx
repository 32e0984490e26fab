import AddIcon from "@mui/icons-material/Add";
import { Alert, Box, Stack, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  BooleanField,
  Button,
  EditButton,
  Labeled,
  Link,
  Loading,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import { ArchiveRestoreButton } from "../../components/ArchiveRestoreButton";
import { FileUpload } from "../../components/FileUpload";
import { LocaleDateField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { RecordTitle } from "../../components/RecordTitle";
import { useCanWrite } from "../../lib/resource";
import { request } from "../../providers/graphql";
import { type Assignment, AssignmentTimeline } from "./AssignmentTimeline";
import { access } from "./access";
import { PublishedPanel } from "./PublishedPanel";
import type { Person } from "./types";

const Actions = () => {
  const canWrite = useCanWrite({ access });
  const record = useRecordContext<Person>();
  return (
    <TopToolbar>
      {canWrite && record && (
        <Button
          component={Link}
          to={{
            pathname: "/curatorAssignments/create",
            search: `?source=${encodeURIComponent(JSON.stringify({ personId: record.id, regionId: record.region.id }))}`,
          }}
          label="dostup.people.assign"
        >
          <AddIcon />
        </Button>
      )}
      {canWrite && <EditButton />}
      {canWrite && (
        // No confirmation: archiving a person loses nothing (their history stays) and one click restores them.
        <ArchiveRestoreButton
          archive="archivePerson"
          restore="restorePerson"
          messages="dostup.people.archive"
          confirm={false}
        />
      )}
    </TopToolbar>
  );
};

/**
 * The photo is published only with the person's consent, so it is uploaded only then;
 * the API hands out its URL only with consent and a verified upload.
 */
const PhotoPanel = () => {
  const record = useRecordContext<Person>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const canWrite = useCanWrite({ access });
  if (!record) {
    return null;
  }
  return (
    <Stack spacing={1} sx={{ minWidth: 240 }} data-testid="photo-panel">
      <Typography variant="subtitle2">{translate("dostup.people.photo")}</Typography>
      {record.photoUrl ? (
        <Box
          component="img"
          src={record.photoUrl}
          alt={record.fullName}
          sx={{ width: 200, height: 240, objectFit: "cover", borderRadius: 1 }}
        />
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate(record.photo ? "dostup.people.photo_hidden" : "dostup.people.no_photo")}
        </Typography>
      )}
      {canWrite &&
        !record.archivedAt &&
        (record.photoConsent ? (
          <FileUpload
            owner={{ purpose: "PHOTO", personId: record.id }}
            label={translate(record.photo ? "dostup.people.replace_photo" : "dostup.people.upload_photo")}
            onUploaded={() => refresh()}
          />
        ) : (
          <Alert severity="info">{translate("dostup.people.consent_needed")}</Alert>
        ))}
    </Stack>
  );
};

// Read apart from the record: a person's whole history would exceed the API's query cost
// limit inside getMany's batched nodes.
const ASSIGNMENTS = `query PersonAssignments($id: ID!) { node(id: $id) { ... on Person { assignments(first: 40) {
  totalCount edges { node { id version role targetType primary active validFrom validTo note
    region { id name } municipality { id name } service { id name } centre { id name } lifeSituation { id name } project { id name } } } } } } }`;

const Assignments = () => {
  const record = useRecordContext<Person>();
  const { data, isPending } = useQuery({
    queryKey: ["person-assignments", record?.id, record?.version],
    enabled: record !== undefined,
    queryFn: ({ signal }) =>
      request<{ node: { assignments: { edges: { node: Assignment }[] } } | null }>(
        ASSIGNMENTS,
        { id: record?.id },
        signal,
      ),
  });
  if (isPending) {
    return <Loading />;
  }
  return <AssignmentTimeline assignments={data?.node?.assignments.edges.map((edge) => edge.node) ?? []} />;
};

export const PersonShow = () => (
  <RecordShow actions={<Actions />} title={<RecordTitle source="fullName" />}>
    <TabbedShowLayout.Tab label="dostup.people.tabs.details">
      <Stack direction="row" spacing={6} sx={{ flexWrap: "wrap" }}>
        <Stack spacing={1.5}>
          <Labeled>
            <TextField source="fullName" />
          </Labeled>
          <Labeled>
            <TextField source="position" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="organisation.name" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="region.name" />
          </Labeled>
          <Labeled>
            <TextField source="email" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="phone" emptyText="—" />
          </Labeled>
          <Labeled>
            <BooleanField source="photoConsent" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="photoConsentAt" emptyText="—" />
          </Labeled>
          <Labeled>
            <BooleanField source="contactsConsent" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="contactsConsentAt" emptyText="—" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="archivedAt" emptyText="—" />
          </Labeled>
        </Stack>
        <PhotoPanel />
        <PublishedPanel />
      </Stack>
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.people.tabs.assignments" path="assignments">
      <Assignments />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
