import {
  AutocompleteInput,
  email,
  Labeled,
  type RaRecord,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { webUrl } from "../../components/validators";
import { organisationKindChoices } from "./choices";

// The API checks the same: ИНН 10 or 12 digits, ОГРН 13 or 15.
const innRules = [regex(/^(\d{10}|\d{12})$/, "ra.validation.regex")];
const ogrnRules = [regex(/^(\d{13}|\d{15})$/, "ra.validation.regex")];

/** Municipalities of the organisation's region (the API refuses others). */
const MunicipalityInput = ({ regionId }: { regionId: string | undefined }) => (
  <ReferenceInput source="municipalityId" reference="municipalities" filter={{ regionId }}>
    <AutocompleteInput disabled={!regionId} />
  </ReferenceInput>
);

const CreateMunicipality = () => {
  const regionId = useWatch({ name: "regionId" }) as string | undefined;
  return <MunicipalityInput regionId={regionId} />;
};

const EditMunicipality = () => {
  const record = useRecordContext<{ region: { id: string } }>();
  return <MunicipalityInput regionId={record?.region.id} />;
};

const OrganisationFields = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="code" helperText="dostup.registry_code.help" />
    <TextInput source="shortName" fullWidth />
    <SelectInput source="kind" choices={organisationKindChoices} validate={required()} />
    <TextInput source="inn" validate={innRules} />
    <TextInput source="ogrn" validate={ogrnRules} />
    <TextInput source="address" fullWidth />
    <TextInput source="phone" />
    <TextInput source="email" validate={email()} />
    <TextInput source="website" fullWidth validate={webUrl} />
  </>
);

export const OrganisationCreate = () => (
  <SimpleCreate defaultValues={{ kind: "LIBRARY" }}>
    <ReferenceInput source="regionId" reference="regions">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <CreateMunicipality />
    <OrganisationFields />
  </SimpleCreate>
);

// An organisation stays in its region: the update takes no region.
const toForm = (record: RaRecord): RaRecord => ({
  ...record,
  municipalityId: (record.municipality as { id: string } | null | undefined)?.id ?? null,
});

export const OrganisationEdit = () => (
  <SimpleEdit queryOptions={{ select: toForm }}>
    <Labeled>
      <TextField source="region.name" />
    </Labeled>
    <EditMunicipality />
    <OrganisationFields />
  </SimpleEdit>
);
