import { Create, Edit, regex, required, SimpleForm, TextInput } from "react-admin";

// The API takes 2–3 digits or capitals (e.g. 18) and checks it again.
const codeRules = [required(), regex(/^[0-9A-Z]{2,3}$/, "ra.validation.regex")];

const RegionFields = () => (
  <>
    <TextInput source="code" validate={codeRules} />
    <TextInput source="name" validate={required()} fullWidth />
  </>
);

// Saves are pessimistic: no undo window that could lose a write when the tab closes.
export const RegionCreate = () => (
  <Create mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <RegionFields />
    </SimpleForm>
  </Create>
);

export const RegionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <RegionFields />
    </SimpleForm>
  </Edit>
);
