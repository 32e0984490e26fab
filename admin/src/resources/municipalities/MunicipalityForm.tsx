import {
  AutocompleteInput,
  Labeled,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  TextField,
  TextInput,
} from "react-admin";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
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

export const MunicipalityCreate = () => (
  <SimpleCreate>
    <ReferenceInput source="regionId" reference="regions">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <MunicipalityFields />
  </SimpleCreate>
);

// A municipality stays in its region: the update takes no region.
export const MunicipalityEdit = () => (
  <SimpleEdit>
    <Labeled>
      <TextField source="region.name" />
    </Labeled>
    <MunicipalityFields />
  </SimpleEdit>
);
