import type { RaRecord } from "react-admin";

/** A form value as the API takes it: an emptied input clears the field. */
const clean = (value: unknown): unknown => (value === "" ? null : value);

/**
 * A mutation's input from a form: on create the fields given, on update only those that
 * changed since the form was read, so a save never rewrites what the user left alone
 * (and the history lists only real changes).
 */
export function changedInput(
  data: RaRecord,
  previous: RaRecord | undefined,
  fields: readonly string[],
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = clean(data[field]);
    if (value === undefined) {
      continue;
    }
    if (previous) {
      if (JSON.stringify(value ?? null) === JSON.stringify(clean(previous[field]) ?? null)) {
        continue;
      }
    } else if (value === null) {
      continue;
    }
    input[field] = value;
  }
  return input;
}
