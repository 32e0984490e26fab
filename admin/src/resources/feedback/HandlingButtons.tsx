import AddAlertIcon from "@mui/icons-material/AddAlert";
import LinkOffIcon from "@mui/icons-material/LinkOff";
import PersonAddIcon from "@mui/icons-material/PersonAdd";
import ReportProblemIcon from "@mui/icons-material/ReportProblem";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  AutocompleteInput,
  Button,
  CreateButton,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useRecordContext,
} from "react-admin";
import { FormDialog } from "../../components/FormDialog";
import { useWriteScope } from "../../lib/writeScope";
import { mutate, request } from "../../providers/graphql";
import type { FeedbackRecord } from "./choices";

const PEOPLE = `query FeedbackPeople($regionId: ID!) {
  people(first: 100, filter: { regionId: $regionId }) { edges { node { id fullName } } }
}`;

interface PeopleData {
  people: { edges: { node: { id: string; fullName: string } }[] };
}

type Dialogs = "assign" | "link" | "unlink" | null;

/**
 * Assigning a curator and linking the feedback to a systemic error of its region (or unlinking
 * it): for those who may change the feedback (administrators, curators of its region), whatever
 * its status.
 */
export const HandlingButtons = () => {
  const record = useRecordContext<FeedbackRecord>();
  const scope = useWriteScope();
  const [open, setOpen] = useState<Dialogs>(null);
  if (!record || !scope.canWriteRegion(record.region.id)) {
    return null;
  }
  return (
    <>
      <Button label="dostup.feedback.assign" onClick={() => setOpen("assign")}>
        <PersonAddIcon />
      </Button>
      {record.systemicError ? (
        <Button label="dostup.feedback.unlink_systemic" onClick={() => setOpen("unlink")}>
          <LinkOffIcon />
        </Button>
      ) : (
        <>
          <Button label="dostup.feedback.link_systemic" onClick={() => setOpen("link")}>
            <ReportProblemIcon />
          </Button>
          <CreateSystemicErrorButton record={record} />
        </>
      )}
      {open === "assign" && <AssignDialog record={record} onClose={() => setOpen(null)} />}
      {open === "link" && <LinkDialog record={record} onClose={() => setOpen(null)} />}
      {open === "unlink" && <UnlinkDialog record={record} onClose={() => setOpen(null)} />}
    </>
  );
};

/** Opens a new systemic error of the feedback's region and service, linked to it on saving. */
const CreateSystemicErrorButton = ({ record }: { record: FeedbackRecord }) => (
  <CreateButton
    resource="systemicErrors"
    label="dostup.feedback.create_systemic"
    icon={<AddAlertIcon />}
    state={{
      record: {
        regionId: record.region.id,
        serviceId: record.service?.id,
        feedbackIds: [record.id],
        description: record.text,
      },
    }}
  />
);

interface DialogProps {
  record: FeedbackRecord;
  onClose: () => void;
}

const AssignDialog = ({ record, onClose }: DialogProps) => {
  const { data = [] } = useQuery({
    queryKey: ["feedback-people", record.region.id],
    queryFn: async ({ signal }) =>
      (await request<PeopleData>(PEOPLE, { regionId: record.region.id }, signal)).people.edges.map((edge) => ({
        id: edge.node.id,
        name: edge.node.fullName,
      })),
  });
  return (
    <FormDialog
      title="dostup.feedback.assign"
      submitLabel="dostup.feedback.confirm"
      done="dostup.feedback.assigned"
      defaultValues={{ curatorId: record.assignedCurator?.id }}
      save={(values) =>
        mutate("assignFeedback", { id: record.id, version: record.version, curatorId: values.curatorId }, "id version")
      }
      onClose={onClose}
    >
      <SelectInput
        source="curatorId"
        label="resources.feedback.fields.assignedCurator.fullName"
        choices={data}
        validate={required()}
        fullWidth
      />
    </FormDialog>
  );
};

const linkFeedback = (record: FeedbackRecord, systemicErrorId: unknown, comment: unknown) =>
  mutate(
    "linkFeedbackToSystemicError",
    { feedbackId: record.id, version: record.version, systemicErrorId, ...(comment ? { comment } : {}) },
    "id version",
  );

const LinkDialog = ({ record, onClose }: DialogProps) => (
  <FormDialog
    title="dostup.feedback.link_systemic"
    submitLabel="dostup.feedback.confirm"
    done="dostup.feedback.systemic_linked"
    save={(values) => linkFeedback(record, values.systemicErrorId, values.comment)}
    onClose={onClose}
  >
    <ReferenceInput source="systemicErrorId" reference="systemicErrors" filter={{ regionId: record.region.id }}>
      <AutocompleteInput
        label="resources.feedback.fields.systemicError.id"
        optionText="title"
        validate={required()}
        fullWidth
      />
    </ReferenceInput>
    <TextInput source="comment" label="dostup.feedback.note" multiline minRows={2} fullWidth />
  </FormDialog>
);

const UnlinkDialog = ({ record, onClose }: DialogProps) => (
  <FormDialog
    title="dostup.feedback.unlink_title"
    titleArgs={{ title: record.systemicError?.title ?? "" }}
    submitLabel="dostup.feedback.confirm"
    done="dostup.feedback.systemic_unlinked"
    save={(values) => linkFeedback(record, null, values.comment)}
    onClose={onClose}
  >
    <TextInput source="comment" label="dostup.feedback.reason" multiline minRows={2} fullWidth validate={required()} />
  </FormDialog>
);
