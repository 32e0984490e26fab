import { Alert, Typography } from "@mui/material";
import { useEffect, useRef } from "react";
import {
  AutocompleteInput,
  CheckboxGroupInput,
  DateInput,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useGetOne,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { useFormContext, useWatch } from "react-hook-form";
import { plainDefaults, plainInputs } from "../../components/plainFields";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { centreStatusChoices } from "../../lib/choices";
import { centreKindChoices } from "./choices";
import { ACCESSIBILITY, CONTACTS, EQUIPMENT, REGISTER } from "./fields";
import type { CentreRecord } from "./types";

interface MunicipalityWithSettlements {
  id: string;
  settlements?: { id: string; name: string; isRural: boolean }[];
}

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ mt: 2, fontWeight: 600 }}>
      {translate(title)}
    </Typography>
  );
};

/** Clears the inputs that depend on `source` when it changes (not on the first render). */
const useResetOnChange = (source: string, dependents: string[]) => {
  const value = useWatch({ name: source });
  const { setValue } = useFormContext();
  const previous = useRef(value);
  useEffect(() => {
    if (previous.current !== value) {
      previous.current = value;
      for (const dependent of dependents) {
        setValue(dependent, null);
      }
    }
  }, [value, dependents, setValue]);
  return value as string | null | undefined;
};

const MUNICIPALITY_DEPENDENTS = ["settlementId"];
const REGION_DEPENDENTS = ["municipalityId", "settlementId", "hostOrganisationId"];

/**
 * Region → municipality → settlement, and the host organisation of the region. The API
 * places the centre by its settlement; the region and municipality only narrow the lists.
 */
const PlaceInputs = () => {
  const translate = useTranslate();
  const regionId = useResetOnChange("regionId", REGION_DEPENDENTS);
  const municipalityId = useResetOnChange("municipalityId", MUNICIPALITY_DEPENDENTS);
  const { data: municipality } = useGetOne<MunicipalityWithSettlements>(
    "municipalities",
    { id: municipalityId ?? "" },
    { enabled: Boolean(municipalityId) },
  );
  const settlements = (municipalityId ? (municipality?.settlements ?? []) : []).map((settlement) => ({
    id: settlement.id,
    name: `${settlement.name}${settlement.isRural ? ` (${translate("dostup.centres.rural.RURAL").toLowerCase()})` : ""}`,
  }));
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {translate("dostup.centres.place_hint")}
      </Typography>
      <ReferenceInput source="regionId" reference="regions">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="municipalityId" reference="municipalities" filter={{ regionId }}>
        <AutocompleteInput validate={required()} disabled={!regionId} />
      </ReferenceInput>
      <SelectInput source="settlementId" choices={settlements} validate={required()} disabled={!municipalityId} />
      <ReferenceInput source="hostOrganisationId" reference="organisations" filter={{ regionId }}>
        <AutocompleteInput validate={required()} disabled={!regionId} />
      </ReferenceInput>
    </>
  );
};

/** The place of an existing centre: the API does not move centres between settlements. */
const FixedPlace = () => {
  const record = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  const place = [record.region.name, record.municipality.name, record.settlement?.name].filter(Boolean).join(", ");
  return (
    <Alert severity="info" sx={{ my: 1 }}>
      {place}. {translate("resources.centres.fields.hostOrganisation.name")}: {record.hostOrganisation.name}.{" "}
      {translate("dostup.centres.place_fixed")}
    </Alert>
  );
};

const CentreFields = ({ creating }: { creating: boolean }) => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    {plainInputs(REGISTER)}
    <CheckboxGroupInput source="kinds" choices={centreKindChoices} validate={required()} row={false} />
    <SelectInput source="status" choices={centreStatusChoices} validate={required()} />
    <TextInput source="statusAlert" fullWidth multiline />
    <Section title="dostup.centres.tabs.main" />
    {creating ? <PlaceInputs /> : <FixedPlace />}
    <TextInput source="address" validate={required()} fullWidth />
    <NumberInput source="latitude" validate={[minValue(-90), maxValue(90)]} step={0.000001} />
    <NumberInput source="longitude" validate={[minValue(-180), maxValue(180)]} step={0.000001} />
    {plainInputs(CONTACTS)}
    <DateInput source="signatureValidUntil" />
    <Section title="dostup.centres.tabs.accessibility" />
    {plainInputs(ACCESSIBILITY)}
    <Section title="dostup.centres.tabs.equipment" />
    {plainInputs(EQUIPMENT)}
  </>
);

const DEFAULTS = {
  kinds: ["PUBLIC_ACCESS"],
  status: "ACTIVE",
  ...plainDefaults(CONTACTS, ACCESSIBILITY, EQUIPMENT),
};

export const CentreCreate = () => (
  <SimpleCreate defaultValues={DEFAULTS}>
    <CentreFields creating />
  </SimpleCreate>
);

export const CentreEdit = () => (
  <SimpleEdit>
    <CentreFields creating={false} />
  </SimpleEdit>
);
