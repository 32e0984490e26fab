import PersonAddIcon from "@mui/icons-material/PersonAdd";
import ReportProblemIcon from "@mui/icons-material/ReportProblem";
import { Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  Button,
  Form,
  type HttpError,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
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

/** Runs a feedback mutation from a dialog: notifies, closes and reloads the record. */
function useFeedbackAction(onClose: () => void) {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (name: string, input: Record<string, unknown>, done: string) => {
    try {
      await mutate(name, input, "id version");
      notify(done, { type: "info" });
      onClose();
      refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: "error" });
    }
  };
}

const AssignDialog = ({ record, onClose }: DialogProps) => {
  const translate = useTranslate();
  const run = useFeedbackAction(onClose);
  const { data = [] } = useQuery({
    queryKey: ["feedback-people", record.region.id],
    queryFn: async ({ signal }) =>
      (await request<PeopleData>(PEOPLE, { regionId: record.region.id }, signal)).people.edges.map((edge) => ({
        id: edge.node.id,
        name: edge.node.fullName,
      })),
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <Form
        defaultValues={{ curatorId: record.assignedCurator?.id }}
        onSubmit={(values: Record<string, unknown>) =>
          run(
            "assignFeedback",
            { id: record.id, version: record.version, curatorId: values.curatorId },
            "dostup.feedback.assigned",
          )
        }
      >
        <DialogTitle>{translate("dostup.feedback.assign")}</DialogTitle>
        <DialogContent>
          <SelectInput
            source="curatorId"
            label="resources.feedback.fields.assignedCurator.fullName"
            choices={data}
            validate={required()}
            fullWidth
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label="dostup.feedback.confirm" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

const SystemicDialog = ({ record, onClose }: DialogProps) => {
  const translate = useTranslate();
  const run = useFeedbackAction(onClose);
  const title = record.systemicError ? "dostup.feedback.unmark_systemic" : "dostup.feedback.mark_systemic";
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <Form
        onSubmit={(values: Record<string, unknown>) =>
          run(
            "setFeedbackSystemicError",
            {
              id: record.id,
              version: record.version,
              systemicError: !record.systemicError,
              comment: values.comment,
            },
            "dostup.feedback.systemic_saved",
          )
        }
      >
        <DialogTitle>{translate(title)}</DialogTitle>
        <DialogContent>
          <TextInput
            source="comment"
            label="dostup.feedback.reason"
            multiline
            minRows={2}
            fullWidth
            validate={required()}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label="dostup.feedback.confirm" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
