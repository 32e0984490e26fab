import {
  AutocompleteInput,
  DateInput,
  Labeled,
  ReferenceInput,
  required,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { RegionInput } from "../../components/RegionInput";

/** The feedback a new error is created from (the feedback page's button), linked on saving. */
const FromFeedback = () => {
  const translate = useTranslate();
  const ids = useWatch({ name: "feedbackIds" }) as string[] | undefined;
  return ids?.length ? <p>{translate("dostup.systemicErrors.from_feedback", { smart_count: ids.length })}</p> : null;
};

/** An authority of the region chosen (none chosen: any the user reads). */
const AuthorityInput = ({ source }: { source: "authorityId" | "authority.id" }) => {
  const record = useRecordContext<{ region?: { id: string } }>();
  const chosen = useWatch({ name: "regionId" }) as string | undefined;
  const regionId = chosen ?? record?.region?.id;
  return (
    <ReferenceInput source={source} reference="organisations" filter={regionId ? { regionId } : {}}>
      <AutocompleteInput
        label="resources.systemicErrors.fields.authority.id"
        helperText="dostup.systemicErrors.authority_help"
        fullWidth
      />
    </ReferenceInput>
  );
};

const ServiceInput = () => {
  const regionId = useWatch({ name: "regionId" }) as string | undefined;
  return (
    <ReferenceInput source="serviceId" reference="services" filter={regionId ? { regionId } : {}}>
      <AutocompleteInput label="resources.systemicErrors.fields.service.id" fullWidth />
    </ReferenceInput>
  );
};

export const SystemicErrorCreate = () => (
  <SimpleCreate>
    <FromFeedback />
    <TextInput source="title" validate={required()} fullWidth />
    <RegionInput source="regionId" label="resources.systemicErrors.fields.regionId" isRequired />
    <ServiceInput />
    <AuthorityInput source="authorityId" />
    <DateInput source="dueAt" validate={required()} />
    <TextInput source="description" multiline minRows={3} fullWidth />
  </SimpleCreate>
);

export const SystemicErrorEdit = () => (
  <SimpleEdit>
    <TextInput source="title" validate={required()} fullWidth />
    <Labeled source="region.name">
      <TextField source="region.name" />
    </Labeled>
    <Labeled source="service.name">
      <TextField source="service.name" emptyText="—" />
    </Labeled>
    <AuthorityInput source="authority.id" />
    <DateInput source="dueAt" validate={required()} />
    <TextInput source="description" multiline minRows={3} fullWidth />
    <TextInput source="resolution" multiline minRows={2} fullWidth />
  </SimpleEdit>
);
