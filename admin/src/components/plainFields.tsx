import {
  BooleanField,
  BooleanInput,
  DateInput,
  email,
  maxValue,
  minValue,
  NumberInput,
  TextField,
  TextInput,
} from "react-admin";
import { LocaleDateField, LocaleNumberField } from "./localeFields";
import { webUrl } from "./validators";

/**
 * How a record's plain field is edited and shown: one word per field in a resource's field
 * list decides its input on the form and its value on the page.
 */
export type PlainFieldKind = "text" | "longText" | "email" | "url" | "count" | "boolean" | "date";

export interface PlainField {
  /** The API's field name, also the form's source and the message key's last part. */
  source: string;
  kind: PlainFieldKind;
  /** A new record's value, where it is not the kind's (no, none) — the API's default. */
  initial?: boolean | number;
  /** The i18n key of the help under the input, where the label alone does not say enough. */
  help?: string;
}

/** The fields' sources: what a write sends and what a read selects. */
export const sourcesOf = (...groups: readonly (readonly PlainField[])[]): string[] =>
  groups.flat().map((field) => field.source);

const count = [minValue(0), maxValue(10_000)];

function input({ source, kind, help }: PlainField) {
  switch (kind) {
    case "longText":
      return <TextInput key={source} source={source} fullWidth multiline helperText={help} />;
    case "email":
      return <TextInput key={source} source={source} validate={email()} />;
    case "url":
      return <TextInput key={source} source={source} fullWidth validate={webUrl} />;
    case "count":
      return <NumberInput key={source} source={source} validate={count} step={1} />;
    case "boolean":
      return <BooleanInput key={source} source={source} />;
    case "date":
      return <DateInput key={source} source={source} />;
    default:
      return <TextInput key={source} source={source} helperText={help} />;
  }
}

function value({ source, kind }: PlainField) {
  switch (kind) {
    case "count":
      return <LocaleNumberField key={source} source={source} />;
    case "boolean":
      return <BooleanField key={source} source={source} />;
    case "date":
      return <LocaleDateField key={source} source={source} emptyText="—" />;
    default:
      return <TextField key={source} source={source} emptyText="—" />;
  }
}

/**
 * The fields' inputs, as a list of elements: a form lays them out like inputs written one by
 * one (react-admin's layouts walk arrays of children).
 */
export const plainInputs = (fields: readonly PlainField[]) => fields.map(input);

/** The fields' values, as a list of elements, each labelled by the show layout around it. */
export const plainValues = (fields: readonly PlainField[]) => fields.map(value);

/** A new record's starting values: a field's `initial`, else no to a yes/no field and none of a count. */
export function plainDefaults(...groups: readonly (readonly PlainField[])[]): Record<string, boolean | number> {
  const defaults: Record<string, boolean | number> = {};
  for (const { source, kind, initial } of groups.flat()) {
    if (initial !== undefined) defaults[source] = initial;
    else if (kind === "boolean") defaults[source] = false;
    else if (kind === "count") defaults[source] = 0;
  }
  return defaults;
}
