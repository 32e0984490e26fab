import { Stack, Typography } from "@mui/material";
import { useState } from "react";
import {
  Button,
  DataTable,
  EditButton,
  ReferenceField,
  required,
  TabbedShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ExcerptField, StatusField } from "../../components/FeedbackStatusField";
import { FormDialog } from "../../components/FormDialog";
import { LocaleDateField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { RelatedRecords } from "../../components/RelatedRecords";
import { useWriteScope } from "../../lib/writeScope";
import { mutate } from "../../providers/graphql";
import type { SystemicErrorRecord, SystemicErrorStatus } from "./choices";
import { SystemicStatusField } from "./SystemicStatusField";

/**
 * One button per status the API says this user may move the error to now (`allowedTransitions`:
 * empty for auditors and once confirmed). Marking it fixed asks what was done.
 */
const TransitionButtons = () => {
  const record = useRecordContext<SystemicErrorRecord>();
  const [target, setTarget] = useState<SystemicErrorStatus | null>(null);
  if (!record?.allowedTransitions?.length) {
    return null;
  }
  return (
    <>
      <Stack direction="row" spacing={1} data-testid="systemic-transitions">
        {record.allowedTransitions.map((status) => (
          <Button
            key={status}
            label={`dostup.systemicErrors.to.${record.status === "FIXED" && status === "OPEN" ? "REOPEN" : status}`}
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
  record: SystemicErrorRecord;
  target: SystemicErrorStatus;
  onClose: () => void;
}

const TransitionDialog = ({ record, target, onClose }: TransitionDialogProps) => {
  const translate = useTranslate();
  const from = translate(`enums.SystemicErrorStatus.${record.status}`);
  const to = translate(`enums.SystemicErrorStatus.${target}`);
  return (
    <FormDialog
      title={`dostup.systemicErrors.to.${record.status === "FIXED" && target === "OPEN" ? "REOPEN" : target}`}
      submitLabel="dostup.systemicErrors.confirm"
      done="dostup.systemicErrors.moved"
      doneArgs={{ status: to }}
      defaultValues={{ resolution: record.resolution ?? "" }}
      save={(values) =>
        mutate(
          "transitionSystemicError",
          {
            id: record.id,
            version: record.version,
            to: target,
            ...(target === "FIXED" && values.resolution ? { resolution: values.resolution } : {}),
          },
          "id version status",
        )
      }
      onClose={onClose}
    >
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate("dostup.systemicErrors.transition_hint", { from, to })}
      </Typography>
      {target === "FIXED" && (
        <TextInput
          source="resolution"
          label="resources.systemicErrors.fields.resolution"
          multiline
          minRows={3}
          fullWidth
          validate={required()}
        />
      )}
    </FormDialog>
  );
};

const Actions = () => {
  const record = useRecordContext<SystemicErrorRecord>();
  const scope = useWriteScope();
  return (
    <TopToolbar sx={{ alignItems: "center" }}>
      <TransitionButtons />
      {record && scope.canWriteRegion(record.region.id) && <EditButton />}
    </TopToolbar>
  );
};

const Column = DataTable.Col;

export const SystemicErrorShow = () => (
  <RecordShow actions={<Actions />}>
    <TabbedShowLayout.Tab label="dostup.details.tab">
      <TextField source="title" />
      <SystemicStatusField source="status" label="resources.systemicErrors.fields.status" />
      <TextField source="description" emptyText="—" />
      <TextField source="region.name" />
      <ReferenceField source="service.id" reference="services" emptyText="—" link="show">
        <TextField source="name" />
      </ReferenceField>
      <ReferenceField source="authority.id" reference="organisations" emptyText="—" link="show">
        <TextField source="name" />
      </ReferenceField>
      <LocaleDateField source="detectedAt" showTime />
      <LocaleDateField source="dueAt" />
      <LocaleDateField source="reportedAt" showTime emptyText="—" />
      <LocaleDateField source="fixedAt" showTime emptyText="—" />
      <LocaleDateField source="confirmedAt" showTime emptyText="—" />
      <TextField source="resolution" emptyText="—" />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="resources.systemicErrors.fields.feedback" path="feedback">
      <RelatedRecords
        reference="feedback"
        target="systemicErrorId"
        sort={{ field: "receivedAt", order: "DESC" }}
        empty="dostup.systemicErrors.no_feedback"
      >
        <Column source="receivedAt" label="resources.feedback.fields.receivedAt" field={LocaleDateField} />
        <Column source="reference" label="resources.feedback.fields.reference" disableSort />
        <Column source="text" label="resources.feedback.fields.text" disableSort field={ExcerptField} />
        <Column source="status" label="resources.feedback.fields.status" disableSort field={StatusField} />
        <Column source="apiClientName" label="resources.feedback.fields.apiClientName" disableSort />
      </RelatedRecords>
    </TabbedShowLayout.Tab>
  </RecordShow>
);
