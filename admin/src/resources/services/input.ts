import type { RaRecord } from "react-admin";

/** A form value as the API expects it: an emptied text input clears the field. */
const clean = (value: unknown): unknown => (value === "" ? null : value);

/**
 * The mutation input from a form: the fields given (without `previous`), or only those that
 * changed since the form was loaded, so a save never rewrites fields the user left alone.
 * `read` maps an input field to its place in the form when they differ (e.g. a reference
 * shown as `competentAuthority.id` sent as `competentAuthorityId`).
 */
export function formInput(
  data: RaRecord,
  previous: RaRecord | undefined,
  fields: readonly string[],
  read: Record<string, (record: RaRecord) => unknown> = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = clean(read[field] ? read[field](data) : data[field]);
    if (value === undefined) {
      continue;
    }
    if (previous) {
      const before = clean(read[field] ? read[field](previous) : previous[field]) ?? null;
      if (JSON.stringify(value ?? null) === JSON.stringify(before)) {
        continue;
      }
    } else if (value === null) {
      continue;
    }
    input[field] = value;
  }
  return input;
}

/** The id of a nested reference, e.g. `region.id` of a record. */
export const idOf =
  (field: string) =>
  (record: RaRecord): unknown => {
    const nested = record[field] as { id?: unknown } | null | undefined;
    return nested === null ? null : nested?.id;
  };
