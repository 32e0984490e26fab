import PersonAddIcon from "@mui/icons-material/PersonAdd";
import ReportProblemIcon from "@mui/icons-material/ReportProblem";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, required, SelectInput, TextInput, useRecordContext } from "react-admin";
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

type Dialogs = "assign" | "systemic" | null;

/**
 * Assigning a curator and marking a systemic error: for those who may change the feedback
 * (administrators, curators of its region), whatever its status.
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
      <Button
        label={record.systemicError ? "dostup.feedback.unmark_systemic" : "dostup.feedback.mark_systemic"}
        onClick={() => setOpen("systemic")}
      >
        <ReportProblemIcon />
      </Button>
      {open === "assign" && <AssignDialog record={record} onClose={() => setOpen(null)} />}
      {open === "systemic" && <SystemicDialog record={record} onClose={() => setOpen(null)} />}
    </>
  );
};

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

const SystemicDialog = ({ record, onClose }: DialogProps) => (
  <FormDialog
    title={record.systemicError ? "dostup.feedback.unmark_systemic" : "dostup.feedback.mark_systemic"}
    submitLabel="dostup.feedback.confirm"
    done="dostup.feedback.systemic_saved"
    save={(values) =>
      mutate(
        "setFeedbackSystemicError",
        { id: record.id, version: record.version, systemicError: !record.systemicError, comment: values.comment },
        "id version",
      )
    }
    onClose={onClose}
  >
    <TextInput source="comment" label="dostup.feedback.reason" multiline minRows={2} fullWidth validate={required()} />
  </FormDialog>
);
