import type { RaRecord } from "react-admin";

/** A form value as the API takes it: an emptied input clears the field. */
const clean = (value: unknown): unknown => (value === "" ? null : value);

/**
 * A mutation's input from a form: on create (no `previous`) the fields given, on update only
 * those that changed since the form was read, so a save never rewrites what the user left
 * alone (and the history lists only real changes). `read` maps an input field to its place
 * in the form when they differ (e.g. a reference shown as `competentAuthority.id`, sent as
 * `competentAuthorityId`).
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
