import { Autocomplete, TextField } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslate } from "react-admin";
import type { Named } from "../lib/records";
import { request } from "../providers/graphql";

interface NamedPickerProps {
  /** The API's root connection searched by name, e.g. "services". */
  connection: string;
  /** Its filter type, e.g. "ServiceFilter" (it must take `search`). */
  filterType: string;
  /** Fixed filter fields beside the search, e.g. { regionId }. */
  filter?: Record<string, unknown>;
  label: string;
  value: Named | null;
  onChange: (value: Named | null) => void;
}

/**
 * A record picked by name from the API's search, for a dialog's own state (a form's input is
 * ConnectionAutocompleteInput). The first 20 matches are offered as they are typed.
 */
export const NamedPicker = ({ connection, filterType, filter = {}, label, value, onChange }: NamedPickerProps) => {
  const translate = useTranslate();
  const [search, setSearch] = useState("");
  const variables = { filter: { ...filter, ...(search ? { search } : {}) } };
  const options = useQuery({
    queryKey: ["named-options", connection, variables],
    queryFn: ({ signal }) =>
      request<Record<string, { edges: { node: Named }[] }>>(
        `query NamedOptions($filter: ${filterType}) { ${connection}(first: 20, filter: $filter) { edges { node { id name } } } }`,
        variables,
        signal,
      ).then((data) => (data[connection]?.edges ?? []).map((edge) => edge.node)),
  });
  return (
    <Autocomplete<Named>
      options={options.data ?? []}
      value={value}
      loading={options.isFetching}
      filterOptions={(all) => all}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      getOptionLabel={(option) => option.name}
      onChange={(_, option) => onChange(option)}
      onInputChange={(_, text, reason) => {
        if (reason === "input") setSearch(text);
      }}
      noOptionsText={translate("ra.navigation.no_results")}
      renderInput={(params) => <TextField {...params} size="small" label={label} />}
    />
  );
};
