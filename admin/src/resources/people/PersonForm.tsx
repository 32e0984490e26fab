import {
  AutocompleteInput,
  BooleanInput,
  Edit,
  email,
  FormDataConsumer,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useRecordContext,
} from "react-admin";
import { SimpleCreate } from "../../components/RecordForm";
import type { Person } from "./types";

/** The organisations of the person's region. */
const OrganisationInput = ({ regionId }: { regionId?: string }) => (
  <ReferenceInput source="organisationId" reference="organisations" filter={regionId ? { regionId } : {}}>
    <AutocompleteInput optionText="name" sx={{ minWidth: 480 }} />
  </ReferenceInput>
);

const CommonInputs = () => (
  <>
    <TextInput source="lastName" validate={required()} />
    <TextInput source="firstName" validate={required()} />
    <TextInput source="middleName" />
    <TextInput source="position" sx={{ minWidth: 480 }} />
    <TextInput source="email" validate={email()} />
    <TextInput source="phone" />
    <BooleanInput source="photoConsent" helperText="dostup.people.consent_help" />
    <BooleanInput source="contactsConsent" helperText="dostup.people.contacts_consent_help" />
  </>
);

export const PersonCreate = () => (
  <SimpleCreate defaultValues={{ photoConsent: false, contactsConsent: false }}>
    <ReferenceInput source="regionId" reference="regions">
      <AutocompleteInput optionText="name" validate={required()} />
    </ReferenceInput>
    <CommonInputs />
    <FormDataConsumer<{ regionId?: string }>>
      {({ formData }) => <OrganisationInput regionId={formData.regionId} />}
    </FormDataConsumer>
  </SimpleCreate>
);

// The organisation comes as a record; the form edits its id.
const EditForm = () => {
  const record = useRecordContext<Person>();
  return (
    <SimpleForm defaultValues={{ organisationId: record?.organisation?.id ?? null }}>
      <CommonInputs />
      <OrganisationInput regionId={record?.region.id} />
    </SimpleForm>
  );
};

export const PersonEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <EditForm />
  </Edit>
);
