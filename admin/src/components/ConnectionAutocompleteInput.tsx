import { Autocomplete, TextField } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FieldTitle, type InputProps, useInput, useResourceContext, useTranslate } from "react-admin";
import { request } from "../providers/graphql";

interface Option {
  id: string;
  label: string;
}

interface ConnectionAutocompleteInputProps extends Omit<InputProps, "source"> {
  source: string;
  /** The API's root connection, e.g. "services". */
  connection: string;
  /** The GraphQL type of its nodes, e.g. "Service" (to name the chosen record). */
  typename: string;
  /** The connection's filter type, e.g. "ServiceFilter" (it must take `search`). */
  filterType: string;
  /** Fixed filter fields, e.g. { regionId }: undefined ones are left out. */
  filter?: Record<string, unknown>;
  /** The node's field shown as the option, "name" by default. */
  labelField?: string;
}

const PAGE = 20;

/**
 * Picks a record of any connection by searching it on the API. It reads the connection
 * itself rather than through another resource's definition, so a form can offer services
 * or life situations whatever that resource's screens select.
 */
export const ConnectionAutocompleteInput = ({
  connection,
  typename,
  filterType,
  filter = {},
  labelField = "name",
  ...props
}: ConnectionAutocompleteInputProps) => {
  const translate = useTranslate();
  const resource = useResourceContext(props);
  const { field, fieldState, isRequired } = useInput(props);
  const [search, setSearch] = useState("");
  const fixed = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== ""));
  const variables = { first: PAGE, filter: { ...fixed, ...(search ? { search } : {}) } };

  const options = useQuery({
    queryKey: ["connection-options", connection, variables],
    queryFn: ({ signal }) =>
      request<Record<string, { edges: { node: { id: string } & Record<string, string> }[] }>>(
        `query Options($first: Int, $filter: ${filterType}) { ${connection}(first: $first, filter: $filter) { edges { node { id ${labelField} } } } }`,
        variables,
        signal,
      ).then((data) =>
        (data[connection]?.edges ?? []).map(
          (edge): Option => ({ id: edge.node.id, label: edge.node[labelField] ?? "" }),
        ),
      ),
  });

  const value: string | null = typeof field.value === "string" && field.value !== "" ? field.value : null;
  const chosen = useQuery({
    queryKey: ["connection-option", typename, value],
    enabled: value !== null,
    queryFn: ({ signal }) =>
      request<{ node: Record<string, string> | null }>(
        `query Chosen($id: ID!) { node(id: $id) { id ... on ${typename} { ${labelField} } } }`,
        { id: value },
        signal,
      ).then((data): Option | null => (data.node ? { id: value ?? "", label: data.node[labelField] ?? "" } : null)),
  });

  const list = options.data ?? [];
  const selected = value === null ? null : (list.find((option) => option.id === value) ?? chosen.data ?? null);
  const allOptions = selected && !list.some((option) => option.id === selected.id) ? [selected, ...list] : list;

  return (
    <Autocomplete<Option>
      sx={{ minWidth: 280 }}
      options={allOptions}
      value={selected}
      loading={options.isFetching}
      filterOptions={(all) => all}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      getOptionLabel={(option) => option.label}
      onChange={(_, option) => field.onChange(option?.id ?? null)}
      onInputChange={(_, text, reason) => {
        if (reason === "input") {
          setSearch(text);
        }
      }}
      onBlur={field.onBlur}
      noOptionsText={translate("ra.navigation.no_results")}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field.name}
          size="small"
          margin="dense"
          label={<FieldTitle label={props.label} source={props.source} resource={resource} isRequired={isRequired} />}
          error={fieldState.invalid}
          helperText={
            fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : " "
          }
        />
      )}
    />
  );
};
