import { Labeled, regex, required, SelectInput, TextField, TextInput } from "react-admin";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { RegionInput } from "../../components/RegionInput";
import { editableStatusChoices } from "../../lib/choices";
import { useRole } from "../../lib/resource";
import { lifeSituationKindChoices } from "./choices";

// The API's rule for codes, checked here too so the form says it before saving.
const codeRule = [required(), regex(/^[A-Z][A-Z0-9_]*$/, "dostup.lifeSituations.code_help")];

// Services are added and ordered on the life situation's page once it exists.
export const LifeSituationCreate = () => {
  // Federal life situations (no region) are the administrators'; a curator names one of theirs.
  const curator = useRole() === "CURATOR";
  return (
    <SimpleCreate defaultValues={{ kind: "LIFE_EVENT", status: "PUBLISHED" }}>
      <TextInput source="name" validate={required()} />
      <TextInput source="code" validate={codeRule} helperText="dostup.lifeSituations.code_help" />
      <SelectInput source="kind" choices={lifeSituationKindChoices} validate={required()} />
      <RegionInput
        source="regionId"
        label="resources.lifeSituations.fields.regionId"
        isRequired={curator}
        helperText={curator ? undefined : "dostup.lifeSituations.region_help"}
      />
      <TextInput source="description" multiline minRows={3} />
      <SelectInput source="status" choices={editableStatusChoices} />
    </SimpleCreate>
  );
};

export const LifeSituationEdit = () => (
  <SimpleEdit>
    <TextInput source="name" validate={required()} />
    <TextInput source="code" validate={codeRule} />
    <SelectInput source="kind" choices={lifeSituationKindChoices} validate={required()} />
    <Labeled source="region.name">
      <TextField source="region.name" emptyText="—" />
    </Labeled>
    <TextInput source="description" multiline minRows={3} />
    <SelectInput source="status" choices={editableStatusChoices} />
  </SimpleEdit>
);
