import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  Edit,
  email,
  FormDataConsumer,
  minLength,
  PasswordInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
} from "react-admin";
import { SimpleCreate } from "../../components/RecordForm";
import { localeChoices, roleChoices } from "./choices";
import type { User } from "./types";

/** The API wants at least 10 characters. */
const PASSWORD = [minLength(10)];

/** A centre for an operator, regions for a curator or a regional auditor. */
const ScopeInputs = () => (
  <FormDataConsumer<{ role?: string; allRegions?: boolean }>>
    {({ formData }) => (
      <>
        {formData.role === "OPERATOR" && (
          <ReferenceInput source="centreId" reference="centres">
            <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 480 }} />
          </ReferenceInput>
        )}
        {formData.role === "AUDITOR" && <BooleanInput source="allRegions" />}
        {(formData.role === "CURATOR" || (formData.role === "AUDITOR" && !formData.allRegions)) && (
          <ReferenceArrayInput source="regionIds" reference="regions">
            <AutocompleteArrayInput optionText="name" validate={required()} sx={{ minWidth: 480 }} />
          </ReferenceArrayInput>
        )}
      </>
    )}
  </FormDataConsumer>
);

export const UserCreate = () => (
  <SimpleCreate defaultValues={{ role: "OPERATOR", locale: "ru", allRegions: false }}>
    <TextInput source="email" validate={[required(), email()]} />
    <TextInput source="fullName" validate={required()} sx={{ minWidth: 400 }} />
    <PasswordInput source="password" validate={[required(), ...PASSWORD]} helperText="dostup.users.password_help" />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <ScopeInputs />
    <SelectInput source="locale" choices={localeChoices} />
  </SimpleCreate>
);

// The form edits ids; the record carries the centre and regions as records.
const EditForm = () => {
  const record = useRecordContext<User>();
  return (
    <SimpleForm
      defaultValues={{
        centreId: record?.centre?.id ?? null,
        regionIds: record?.regions.map((region) => region.id) ?? [],
      }}
    >
      <TextInput source="email" disabled />
      <TextInput source="fullName" validate={required()} sx={{ minWidth: 400 }} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <ScopeInputs />
      <BooleanInput source="active" helperText="dostup.users.active_help" />
      <SelectInput source="locale" choices={localeChoices} />
      <PasswordInput source="password" validate={PASSWORD} helperText="dostup.users.new_password_help" />
    </SimpleForm>
  );
};

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <EditForm />
  </Edit>
);
