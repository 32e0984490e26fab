import AddchartIcon from "@mui/icons-material/Addchart";
import { useState } from "react";
import {
  AutocompleteInput,
  Button,
  DateInput,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  useRecordContext,
} from "react-admin";
import { FormDialog } from "../../components/FormDialog";
import { useRole } from "../../lib/resource";
import { useWriteScope } from "../../lib/writeScope";
import { mutate } from "../../providers/graphql";
import type { KpiRecord } from "./choices";

interface ValueForm {
  periodStart: string;
  periodEnd: string;
  value: number;
  regionId?: string | null;
}

/**
 * Records (or, for the same period start, corrects) the value of an ENTERED KPI. A regional
 * KPI takes values of its region; a national one a region's value, or the country's
 * (administrators only). Shown only to those the API lets record this KPI's values.
 */
export const RecordValueButton = () => {
  const record = useRecordContext<KpiRecord>();
  const role = useRole();
  const scope = useWriteScope();
  const [open, setOpen] = useState(false);
  if (record?.source !== "ENTERED") {
    return null;
  }
  const national = record.region === null;
  const allowed = national
    ? role === "ADMIN" || (role === "CURATOR" && (scope.regions?.length ?? 0) > 0)
    : scope.canWriteRegion(record.region?.id);
  if (!allowed) {
    return null;
  }
  const save = (data: Record<string, unknown>) => {
    const values = data as unknown as ValueForm;
    return mutate(
      "recordKpiValue",
      {
        kpiId: record.id,
        periodStart: values.periodStart,
        periodEnd: values.periodEnd,
        value: values.value,
        ...(national && values.regionId ? { regionId: values.regionId } : {}),
      },
      "id version value",
    );
  };
  return (
    <>
      <Button label="dostup.kpis.record_value" onClick={() => setOpen(true)}>
        <AddchartIcon />
      </Button>
      {open && (
        <FormDialog
          title="dostup.kpis.record_value_title"
          titleArgs={{ name: record.name }}
          submitLabel="dostup.kpis.record_value"
          done="dostup.kpis.value_recorded"
          save={save}
          onClose={() => setOpen(false)}
        >
          <DateInput source="periodStart" validate={required()} />
          <DateInput source="periodEnd" validate={required()} />
          <NumberInput source="value" validate={required()} helperText={record.unit} />
          {national &&
            (role === "CURATOR" ? (
              <SelectInput
                source="regionId"
                label="resources.kpis.fields.regionId"
                choices={[...(scope.regions ?? [])]}
                validate={required()}
              />
            ) : (
              <ReferenceInput source="regionId" reference="regions">
                <AutocompleteInput
                  label="resources.kpis.fields.regionId"
                  helperText="dostup.kpis.national_value_help"
                />
              </ReferenceInput>
            ))}
        </FormDialog>
      )}
    </>
  );
};
