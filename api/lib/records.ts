// Small decisions about one record that lists, nodes and changes make alike: a filter naming a
// related record by its global id, a node found only within its list's scope, and the change
// log of a record just created.
import type { Context } from "../context.js";
import type { Access } from "./access.js";
import { log, type Tx } from "./change.js";
import { fromGlobalId, safeUuid } from "./ids.js";

/**
 * Rows whose `key` column is the record the filter names by its global id under the same key
 * (e.g. `serviceId`, a Service); none named, no condition.
 */
export function linkedTo<Where, Key extends string>(
  filter: Partial<Record<Key, string | null>> | null | undefined,
  key: Key,
  typename: string,
): Where {
  const globalId = filter?.[key];
  return (globalId ? { [key]: fromGlobalId(typename, globalId, `filter.${key}`) } : {}) as Where;
}

/** Logs the creation of `row` (ChangeLog entity `entity`), filed under the row's own region. */
export function logCreated(
  tx: Tx,
  access: Access,
  entity: string,
  row: { id: string; regionId: string | null },
): Promise<void> {
  return log(tx, access, { entity, entityId: row.id, action: "CREATE", regionId: row.regionId, after: row });
}

/**
 * The node options of a record read only within `scope` (its list's scope): `node(id)` finds it
 * as the list would, so a record out of scope is not found (null, like an id that never
 * existed) rather than found and refused, which would tell that it exists.
 */
export function scopedNode<Where>(scope: (access: Access) => Where) {
  return {
    id: { field: "id" },
    nullable: true,
    findUnique: (id: string, ctx: Context) => ({ id: safeUuid(id), AND: [scope(ctx.access)] }),
  } as const;
}
