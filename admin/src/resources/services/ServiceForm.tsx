import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  Labeled,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextArrayInput,
  TextField,
  TextInput,
  useTranslate,
} from "react-admin";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { RegionInput } from "../../components/RegionInput";
import { webUrl } from "../../components/validators";
import { editableStatusChoices } from "../../lib/choices";
import { useRole } from "../../lib/resource";
import { serviceLevelChoices } from "./choices";

/** Inputs both forms share; the region is chosen on creation only (the API keeps it). */
const CommonInputs = ({ authoritySource }: { authoritySource: string }) => (
  <>
    <TextInput source="code" helperText="dostup.registry_code.help" />
    <TextInput source="shortName" />
    <TextInput source="registryId" helperText="dostup.services.registry_help" />
    <ReferenceInput source={authoritySource} reference="organisations">
      <AutocompleteInput label="resources.services.fields.competentAuthority.id" />
    </ReferenceInput>
    <TextInput source="description" multiline minRows={3} />
    <TextInput source="fee" helperText="dostup.services.fee_help" />
    <NumberInput source="processingDays" min={0} step={1} />
    <TextInput source="portalUrl" type="url" validate={webUrl} />
    <TextArrayInput source="requiredDocuments" helperText="dostup.services.documents_help" />
    <BooleanInput source="electronic" />
    <BooleanInput source="proactive" />
    <BooleanInput source="socialSignificant" />
    <BooleanInput source="needsExtraDocuments" />
    <SelectInput source="status" choices={editableStatusChoices} />
  </>
);

export const ServiceCreate = () => {
  const translate = useTranslate();
  // Federal services are the administrators' (the API refuses curators).
  const levels = useRole() === "ADMIN" ? serviceLevelChoices : serviceLevelChoices.filter((c) => c.id !== "FEDERAL");
  return (
    <SimpleCreate defaultValues={{ level: "REGIONAL", status: "PUBLISHED", electronic: false }}>
      <TextInput source="name" validate={required()} />
      <SelectInput source="level" choices={levels} validate={required()} />
      <FormDataConsumer<{ level?: string }>>
        {({ formData }) =>
          formData.level !== "FEDERAL" && (
            <RegionInput
              source="regionId"
              label="resources.services.fields.regionId"
              isRequired
              helperText={translate("dostup.services.region_help")}
            />
          )
        }
      </FormDataConsumer>
      <CommonInputs authoritySource="competentAuthorityId" />
    </SimpleCreate>
  );
};

export const ServiceEdit = () => (
  <SimpleEdit>
    <TextInput source="name" validate={required()} />
    <SelectInput source="level" choices={serviceLevelChoices} validate={required()} />
    <Labeled source="region.name">
      <TextField source="region.name" emptyText="—" />
    </Labeled>
    <CommonInputs authoritySource="competentAuthority.id" />
  </SimpleEdit>
);
