// The row a change works on, once read inside its transaction.
import type { Prisma } from "../generated/prisma/client.js";
import { type Access, assertWritable } from "./access.js";
import { type RowSave, saveRow, type Tx } from "./change.js";
import { NotFoundError } from "./errors.js";

type RegionCheck<Region> = (access: Access, regionId: Region, entity: string) => void;

/**
 * `row`, read within what the caller may see, if the caller may also change it: NotFoundError
 * naming `label` when it was not found, ForbiddenError when its region is not one they write
 * (`check` says so for rows whose region may be null, e.g. catalogue entries).
 */
export function writableRow<Row extends { regionId: string }>(access: Access, label: string, row: Row | null): Row;
export function writableRow<Row extends { regionId: string | null }>(
  access: Access,
  label: string,
  row: Row | null,
  check: RegionCheck<Row["regionId"]>,
): Row;
export function writableRow<Row extends { regionId: string }>(
  access: Access,
  label: string,
  row: Row | null,
  check: RegionCheck<Row["regionId"]> = assertWritable,
): Row {
  if (!row) throw new NotFoundError(label);
  check(access, row.regionId, label);
  return row;
}

/**
 * The plain update of a row read by its id: NotFoundError naming `label` when there is none,
 * else `data` saved over it if it is still at `version` (`saveRow`, logged as UPDATE).
 */
export function updateFoundRow<Name extends keyof Prisma.TypeMap["model"]>(
  tx: Tx,
  access: Access,
  { before, ...save }: Omit<RowSave<Name>, "action" | "before"> & { before: RowSave<Name>["before"] | null },
) {
  if (!before) throw new NotFoundError(save.label);
  return saveRow(tx, access, { ...save, before, action: "UPDATE" });
}
