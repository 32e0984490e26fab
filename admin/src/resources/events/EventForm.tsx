import { Typography } from "@mui/material";
import { useEffect, useRef } from "react";
import {
  AutocompleteArrayInput,
  DateInput,
  Labeled,
  minValue,
  NumberInput,
  type RaRecord,
  ReferenceArrayInput,
  required,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { useFormContext, useWatch } from "react-hook-form";
import { ConnectionAutocompleteInput } from "../../components/ConnectionAutocompleteInput";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { RegionInput } from "../../components/RegionInput";
import { eventAudienceChoices, eventKindChoices } from "./choices";
import type { EventRecord } from "./types";

/** What the event was, when and for whom: the same on both forms. */
const EventInputs = () => (
  <>
    <TextInput source="title" validate={required()} fullWidth />
    <SelectInput source="kind" choices={eventKindChoices} validate={required()} />
    <SelectInput source="audience" choices={eventAudienceChoices} validate={required()} />
    <DateInput source="startsOn" validate={required()} />
    <DateInput source="endsOn" validate={required()} />
    <NumberInput source="participants" validate={minValue(0)} step={1} />
  </>
);

/** The host organisation, centre, project and municipalities: all of the event's region. */
const RegionReferences = ({ regionId }: { regionId: string | null | undefined }) => {
  const disabled = !regionId;
  const filter = { regionId: regionId ?? undefined };
  return (
    <>
      <ConnectionAutocompleteInput
        source="hostOrganisationId"
        connection="organisations"
        typename="Organisation"
        filterType="OrganisationFilter"
        filter={filter}
        disabled={disabled}
      />
      <ConnectionAutocompleteInput
        source="centreId"
        connection="centres"
        typename="Centre"
        filterType="CentreFilter"
        filter={filter}
        disabled={disabled}
      />
      <ConnectionAutocompleteInput
        source="projectId"
        connection="projects"
        typename="Project"
        filterType="ProjectFilter"
        filter={filter}
        disabled={disabled}
      />
      <ReferenceArrayInput source="municipalityIds" reference="municipalities" filter={filter} perPage={100}>
        <AutocompleteArrayInput optionText="name" disabled={disabled} sx={{ minWidth: 480 }} />
      </ReferenceArrayInput>
    </>
  );
};

const REGION_DEPENDENTS = ["hostOrganisationId", "centreId", "projectId"];

/** The region chosen on create, with the references of it; a new region clears them. */
const RegionInputs = () => {
  const translate = useTranslate();
  const regionId = useWatch({ name: "regionId" }) as string | null | undefined;
  const { setValue } = useFormContext();
  const previous = useRef(regionId);
  useEffect(() => {
    if (previous.current !== regionId) {
      previous.current = regionId;
      for (const dependent of REGION_DEPENDENTS) {
        setValue(dependent, null);
      }
      setValue("municipalityIds", []);
    }
  }, [regionId, setValue]);
  return (
    <>
      <RegionInput source="regionId" label="resources.events.fields.regionId" isRequired />
      {!regionId && (
        <Typography variant="body2" color="text.secondary">
          {translate("dostup.events.region_first")}
        </Typography>
      )}
      <RegionReferences regionId={regionId} />
    </>
  );
};

/** An existing event stays in its region: the API moves none. */
const FixedRegion = () => {
  const record = useRecordContext<EventRecord>();
  return (
    <>
      <Labeled source="region.name">
        <TextField source="region.name" />
      </Labeled>
      <RegionReferences regionId={record?.region.id} />
    </>
  );
};

export const EventCreate = () => (
  <SimpleCreate defaultValues={{ audience: "CITIZENS", municipalityIds: [] }}>
    <EventInputs />
    <RegionInputs />
    <TextInput source="description" multiline minRows={3} fullWidth />
  </SimpleCreate>
);

/** The record's references as the form edits them: by id. */
const asForm = (record: RaRecord): RaRecord => {
  const event = record as EventRecord;
  return {
    ...event,
    hostOrganisationId: event.hostOrganisation?.id ?? null,
    centreId: event.centre?.id ?? null,
    projectId: event.project?.id ?? null,
    municipalityIds: event.municipalities.map((municipality) => municipality.id),
  };
};

export const EventEdit = () => (
  <SimpleEdit queryOptions={{ select: asForm }}>
    <EventInputs />
    <FixedRegion />
    <TextInput source="description" multiline minRows={3} fullWidth />
  </SimpleEdit>
);
