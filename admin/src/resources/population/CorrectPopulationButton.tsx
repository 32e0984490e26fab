import EditIcon from "@mui/icons-material/Edit";
import { useState } from "react";
import { Button, maxValue, minValue, NumberInput, required, TextInput, useRecordContext } from "react-admin";
import { FormDialog } from "../../components/FormDialog";
import { useWriteScope } from "../../lib/writeScope";
import { mutate } from "../../providers/graphql";

export interface PopulationRecord {
  id: string;
  version: number;
  year: number;
  count: number;
  source: string | null;
  region: { id: string; name: string };
  municipality: { id: string; name: string } | null;
}

/** Corrects a recorded figure (recordPopulation for the same place and year, at the version read). */
export const CorrectPopulationButton = () => {
  const record = useRecordContext<PopulationRecord>();
  const scope = useWriteScope();
  const [open, setOpen] = useState(false);
  if (!record || !scope.canWriteRegion(record.region.id)) {
    return null;
  }
  const save = (values: Record<string, unknown>) =>
    mutate(
      "recordPopulation",
      {
        regionId: record.region.id,
        municipalityId: record.municipality?.id ?? null,
        year: record.year,
        count: values.count,
        source: values.source || null,
        version: record.version,
      },
      "id version count",
    );
  return (
    <>
      <Button
        label="dostup.population.correct"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <EditIcon />
      </Button>
      {open && (
        <FormDialog
          title="dostup.population.correct_title"
          titleArgs={{ place: record.municipality?.name ?? record.region.name, year: record.year }}
          submitLabel="dostup.population.correct"
          done="dostup.population.corrected"
          save={save}
          onClose={() => setOpen(false)}
          defaultValues={{ count: record.count, source: record.source ?? "" }}
        >
          <NumberInput
            source="count"
            label="resources.population.fields.count"
            validate={[required(), minValue(1), maxValue(200_000_000)]}
            step={1}
          />
          <TextInput source="source" label="resources.population.fields.source" fullWidth />
        </FormDialog>
      )}
    </>
  );
};
