import {
  AutocompleteInput,
  Create,
  Edit,
  Labeled,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
} from "react-admin";
import { municipalityKindChoices } from "../../lib/choices";

// ОКТМО of a municipality: 8 digits (11 for settlements inside it); the API checks it too.
const oktmoRules = [required(), regex(/^\d{8}(\d{3})?$/, "ra.validation.regex")];

const MunicipalityFields = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="oktmo" validate={oktmoRules} />
    <SelectInput source="kind" choices={municipalityKindChoices} validate={required()} />
  </>
);

// Saves are pessimistic: no undo window that could lose a write when the tab closes.
export const MunicipalityCreate = () => (
  <Create mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ReferenceInput source="regionId" reference="regions">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <MunicipalityFields />
    </SimpleForm>
  </Create>
);

// A municipality stays in its region: the update takes no region.
export const MunicipalityEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <Labeled>
        <TextField source="region.name" />
      </Labeled>
      <MunicipalityFields />
    </SimpleForm>
  </Edit>
);
