import { AutocompleteInput, ReferenceInput, required, SelectInput } from "react-admin";
import { useRole } from "../lib/resource";
import { useWriteScope } from "../lib/writeScope";

interface RegionInputProps {
  source: string;
  label: string;
  isRequired?: boolean;
  helperText?: string;
}

/**
 * A region to write in: a curator chooses among their own regions (the API refuses any
 * other), an administrator among all of them.
 */
export const RegionInput = ({ source, label, isRequired = false, helperText }: RegionInputProps) => {
  const role = useRole();
  const scope = useWriteScope();
  const validate = isRequired ? required() : undefined;
  if (role === "CURATOR") {
    return (
      <SelectInput
        source={source}
        label={label}
        choices={[...(scope.regions ?? [])]}
        validate={validate}
        helperText={helperText}
      />
    );
  }
  return (
    <ReferenceInput source={source} reference="regions">
      <AutocompleteInput label={label} validate={validate} helperText={helperText} />
    </ReferenceInput>
  );
};
