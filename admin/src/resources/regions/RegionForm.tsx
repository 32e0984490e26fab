import { regex, required, TextInput } from "react-admin";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";

// The API takes 2–3 digits or capitals (e.g. 18) and checks it again.
const codeRules = [required(), regex(/^[0-9A-Z]{2,3}$/, "ra.validation.regex")];

const RegionFields = () => (
  <>
    <TextInput source="code" validate={codeRules} />
    <TextInput source="name" validate={required()} fullWidth />
  </>
);

export const RegionCreate = () => (
  <SimpleCreate>
    <RegionFields />
  </SimpleCreate>
);

export const RegionEdit = () => (
  <SimpleEdit>
    <RegionFields />
  </SimpleEdit>
);
