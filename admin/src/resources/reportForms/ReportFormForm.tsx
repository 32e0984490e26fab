import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from "react-admin";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { periodicityChoices, writableStatusChoices } from "./choices";

/** The indicators in order: the order is the reports' row order. */
const Inputs = () => (
  <>
    <TextInput source="code" validate={required()} helperText="dostup.reportForms.code_help" />
    <TextInput source="name" validate={required()} sx={{ minWidth: 560 }} />
    <SelectInput source="periodicity" choices={periodicityChoices} validate={required()} />
    <NumberInput source="dueDays" min={0} validate={required()} />
    <SelectInput source="status" choices={writableStatusChoices} />
    <ArrayInput source="indicators" validate={required()}>
      <SimpleFormIterator inline>
        <TextInput source="code" validate={required()} helperText={false} />
        <TextInput source="name" validate={required()} helperText={false} sx={{ minWidth: 360 }} />
        <TextInput source="unit" validate={required()} helperText={false} />
        <TextInput source="category" helperText={false} />
        <BooleanInput source="hasRuralSplit" helperText={false} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

export const ReportFormCreate = () => (
  <SimpleCreate defaultValues={{ periodicity: "MONTHLY", dueDays: 10, status: "DRAFT", indicators: [] }}>
    <Inputs />
  </SimpleCreate>
);

export const ReportFormEdit = () => (
  <SimpleEdit>
    <Inputs />
  </SimpleEdit>
);
