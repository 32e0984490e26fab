import { AutocompleteInput, ReferenceInput } from "react-admin";

interface ReferenceFilterProps {
  source: string;
  /** The resource of the records to choose from, e.g. "regions". */
  reference: string;
  alwaysOn?: boolean;
  /** The field that names a record, when not the resource's record representation. */
  optionText?: string;
  filter?: Record<string, unknown>;
}

/** A list filter by a record of another resource, found by typing its name (e.g. a region). */
export const ReferenceFilter = ({ optionText, ...props }: ReferenceFilterProps) => (
  <ReferenceInput {...props}>
    <AutocompleteInput optionText={optionText} />
  </ReferenceInput>
);
