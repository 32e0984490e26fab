import { Alert } from "@mui/material";
import {
  ArrayInput,
  AutocompleteInput,
  DateInput,
  Edit,
  FormDataConsumer,
  Labeled,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { SimpleCreate } from "../../components/RecordForm";
import { targetDirectionChoices } from "../../lib/choices";
import type { QualityStandardRecord } from "./choices";
import { TargetsField } from "./QualityStandardShow";

const TargetsInput = () => (
  <ArrayInput source="targets" label="resources.qualityStandards.fields.targets.name_plural">
    <SimpleFormIterator inline>
      <TextInput source="indicatorCode" validate={required()} helperText="dostup.qualityStandards.code_help" />
      <TextInput source="name" validate={required()} />
      <SelectInput source="direction" choices={targetDirectionChoices} validate={required()} />
      <NumberInput source="threshold" validate={required()} />
      <TextInput source="unit" validate={required()} helperText="dostup.qualityStandards.unit_help" />
    </SimpleFormIterator>
  </ArrayInput>
);

export const QualityStandardCreate = () => (
  <SimpleCreate>
    <ReferenceInput source="serviceId" reference="services">
      <AutocompleteInput label="resources.qualityStandards.fields.serviceId" validate={required()} />
    </ReferenceInput>
    <TextInput source="title" validate={required()} fullWidth />
    <DateInput source="validFrom" helperText="dostup.qualityStandards.valid_from_help" />
    <FormDataConsumer<{ serviceId?: string }>>
      {({ formData }) =>
        formData.serviceId && (
          <ReferenceInput
            source="copyFrom"
            reference="qualityStandards"
            filter={{ serviceId: formData.serviceId }}
            sort={{ field: "revision", order: "DESC" }}
          >
            <SelectInput
              label="resources.qualityStandards.fields.copyFrom"
              optionText={(standard: QualityStandardRecord) => `${standard.revision}. ${standard.title}`}
              helperText="dostup.qualityStandards.copy_help"
            />
          </ReferenceInput>
        )
      }
    </FormDataConsumer>
    <TargetsInput />
  </SimpleCreate>
);

/** Approved and superseded revisions are read-only: the form says so and offers no save. */
const DraftForm = () => {
  const record = useRecordContext<QualityStandardRecord>();
  const translate = useTranslate();
  const readOnly = record !== undefined && record.status !== "DRAFT";
  return (
    <SimpleForm toolbar={readOnly ? false : undefined}>
      {readOnly && <Alert severity="info">{translate("dostup.qualityStandards.read_only")}</Alert>}
      <Labeled source="service.name">
        <ReferenceField source="service.id" reference="services" link={false}>
          <TextField source="name" />
        </ReferenceField>
      </Labeled>
      {readOnly ? (
        <>
          <Labeled source="title">
            <TextField source="title" />
          </Labeled>
          <TargetsField />
        </>
      ) : (
        <>
          <TextInput source="title" validate={required()} fullWidth />
          <DateInput source="validFrom" />
          <TargetsInput />
        </>
      )}
    </SimpleForm>
  );
};

export const QualityStandardEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <DraftForm />
  </Edit>
);
