import { Stack, Typography } from "@mui/material";
import { useState } from "react";
import {
  AutocompleteInput,
  Button,
  ReferenceInput,
  required,
  TextInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { FormDialog } from "../../components/FormDialog";
import { mutate } from "../../providers/graphql";
import type { FeedbackRecord, FeedbackStatus } from "./choices";

/** What moving to a status asks for besides an optional comment (the API's rules). */
const NEEDS: Partial<Record<FeedbackStatus, "answer" | "redirectedTo" | "duplicateOfId">> = {
  ANSWERED: "answer",
  REDIRECTED: "redirectedTo",
  DUPLICATE: "duplicateOfId",
};

/** Statuses whose step must say why in the comment. */
const COMMENT_REQUIRED: readonly FeedbackStatus[] = ["REJECTED"];

interface TransitionForm {
  comment?: string;
  answer?: string;
  redirectedTo?: string;
  duplicateOfId?: string;
}

const excerpt = (record: { text?: string }) =>
  record.text && record.text.length > 70 ? `${record.text.slice(0, 70)}…` : (record.text ?? "");

/**
 * One button per status the API says this user may move the feedback to now
 * (`allowedTransitions`: empty for readers and final statuses). Each opens a dialog asking
 * for what that step needs: an answer, a reason, the body redirected to, or the original.
 */
export const WorkflowButtons = () => {
  const record = useRecordContext<FeedbackRecord>();
  const [target, setTarget] = useState<FeedbackStatus | null>(null);
  if (!record?.allowedTransitions?.length) {
    return null;
  }
  return (
    <>
      <Stack direction="row" spacing={1} data-testid="workflow-buttons">
        {record.allowedTransitions.map((status) => (
          <Button
            key={status}
            label={`dostup.feedback.to.${status}`}
            variant="outlined"
            onClick={() => setTarget(status)}
          />
        ))}
      </Stack>
      {target && <TransitionDialog record={record} target={target} onClose={() => setTarget(null)} />}
    </>
  );
};

interface TransitionDialogProps {
  record: FeedbackRecord;
  target: FeedbackStatus;
  onClose: () => void;
}

const TransitionDialog = ({ record, target, onClose }: TransitionDialogProps) => {
  const translate = useTranslate();
  const need = NEEDS[target];
  const commentRequired = COMMENT_REQUIRED.includes(target);
  const save = (data: Record<string, unknown>) => {
    const values = data as TransitionForm;
    return mutate(
      "transitionFeedback",
      {
        id: record.id,
        version: record.version,
        to: target,
        ...(values.comment ? { comment: values.comment } : {}),
        ...(need && values[need] ? { [need]: values[need] } : {}),
      },
      "id version status",
    );
  };
  return (
    <FormDialog
      title={`dostup.feedback.to.${target}`}
      submitLabel="dostup.feedback.confirm"
      done="dostup.feedback.moved"
      doneArgs={{ status: translate(`enums.FeedbackStatus.${target}`) }}
      save={save}
      onClose={onClose}
    >
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate("dostup.feedback.transition_hint", {
          from: translate(`enums.FeedbackStatus.${record.status}`),
          to: translate(`enums.FeedbackStatus.${target}`),
        })}
      </Typography>
      {need === "answer" && <TextInput source="answer" multiline minRows={4} fullWidth validate={required()} />}
      {need === "redirectedTo" && <TextInput source="redirectedTo" fullWidth validate={required()} />}
      {need === "duplicateOfId" && (
        <ReferenceInput source="duplicateOfId" reference="feedback" filter={{ regionId: record.region.id }}>
          <AutocompleteInput
            label="resources.feedback.fields.duplicateOfId"
            optionText={excerpt}
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
      )}
      <TextInput
        source="comment"
        label={commentRequired ? "dostup.feedback.reason" : "dostup.feedback.note"}
        multiline
        minRows={2}
        fullWidth
        validate={commentRequired ? required() : undefined}
      />
    </FormDialog>
  );
};
