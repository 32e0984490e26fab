import {
  AutocompleteInput,
  Labeled,
  NumberInput,
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
import { targetDirectionChoices } from "../../lib/choices";
import { kpiSourceChoices } from "./choices";
import { FormulaBuilder } from "./FormulaBuilder";

const codeRule = [required(), regex(/^[A-Z][A-Z0-9_]*$/, "dostup.kpis.code_help")];

const CommonInputs = ({ national }: { national: boolean }) => (
  <>
    <TextInput source="code" validate={codeRule} helperText="dostup.kpis.code_help" />
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="description" multiline minRows={2} fullWidth />
    <TextInput source="formula" validate={required()} multiline fullWidth helperText="dostup.kpis.formula_help" />
    <TextInput source="unit" validate={required()} />
    <SelectInput source="direction" choices={targetDirectionChoices} validate={required()} />
    <NumberInput source="targetValue" validate={required()} />
    <NumberInput source="targetYear" validate={required()} min={2000} max={2100} step={1} />
    <SelectInput source="source" choices={kpiSourceChoices} validate={required()} />
    <FormulaBuilder national={national} />
    <TextInput source="legalBasis" multiline fullWidth />
  </>
);

export const KpiCreate = () => (
  <SimpleCreate defaultValues={{ direction: "AT_LEAST", source: "ENTERED" }}>
    <ReferenceInput source="regionId" reference="regions">
      <AutocompleteInput label="resources.kpis.fields.regionId" helperText="dostup.kpis.region_help" />
    </ReferenceInput>
    <CreateInputs />
  </SimpleCreate>
);

/** A national KPI (no region chosen) may also list each region's value. */
const CreateInputs = () => {
  const regionId = useWatch({ name: "regionId" });
  return <CommonInputs national={!regionId} />;
};

const EditInputs = () => {
  const record = useRecordContext<{ region: unknown }>();
  return <CommonInputs national={!record?.region} />;
};

// A KPI's region is fixed once created (the API does not change it).
export const KpiEdit = () => (
  <SimpleEdit>
    <EditInputs />
    <Labeled source="region.name">
      <TextField source="region.name" emptyText="dostup.kpis.national" />
    </Labeled>
  </SimpleEdit>
);
