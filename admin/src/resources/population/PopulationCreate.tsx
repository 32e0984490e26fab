import {
  AutocompleteInput,
  Create,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { RegionInput } from "../../components/RegionInput";

const yearRules = [required(), minValue(1900), maxValue(2100)];
const countRules = [required(), minValue(1), maxValue(200_000_000)];

/** Municipalities of the region chosen; none chosen means the region as a whole. */
const MunicipalityInput = () => {
  const regionId = useWatch({ name: "regionId" });
  return (
    <ReferenceInput source="municipalityId" reference="municipalities" filter={regionId ? { regionId } : {}}>
      <AutocompleteInput
        label="resources.population.fields.municipality.name"
        helperText="dostup.population.municipality_help"
        disabled={!regionId}
      />
    </ReferenceInput>
  );
};

/** Records the population of a place and year (a figure already recorded is corrected from the list). */
export const PopulationCreate = () => (
  <Create mutationMode="pessimistic" redirect="list">
    <SimpleForm defaultValues={{ source: "Росстат, численность постоянного населения на 1 января" }}>
      <RegionInput source="regionId" label="resources.population.fields.region.name" isRequired />
      <MunicipalityInput />
      <NumberInput source="year" validate={yearRules} step={1} />
      <NumberInput source="count" validate={countRules} step={1} />
      <TextInput source="source" fullWidth />
    </SimpleForm>
  </Create>
);
