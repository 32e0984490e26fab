import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.js";
import type PrismaTypes from "../generated/pothos-types.js";

/**
 * Pothos hands a prismaField `{ select: {} }` when the client selected only `__typename`
 * (or only the error members of a result union); Prisma refuses an empty select. Reloading
 * a row after a mutation goes through this so such a request still succeeds.
 */
export function selection<T extends object>(query: T): T {
  const select = (query as { select?: Record<string, unknown> }).select;
  if (select && Object.keys(select).length === 0) return { ...query, select: { id: true } };
  return query;
}

/** Drops keys a client left out, so "not given" never becomes "set to null" by accident. */
export function given<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as T;
}

/**
 * The answer to a mutation: the row it wrote when the client's selection needs nothing but
 * the row's own columns (the usual `{ id version status }`), else `reload(query)` for the
 * relations and counts it asked for. Saves the statement that would read back what is at hand.
 */
export async function answer<Row extends object>(
  query: object,
  row: Row,
  reload: (query: object) => Promise<Row>,
): Promise<Row> {
  return asksOnlyColumns(query, (field) => field in row) ? row : reload(selection(query));
}

/**
 * Whether a Pothos query asks for nothing but the row's own columns (no relation, no count);
 * `isColumn` says which names are columns.
 */
export function asksOnlyColumns(query: object, isColumn: (field: string) => boolean): boolean {
  const { include, select } = query as { include?: Record<string, unknown>; select?: Record<string, unknown> };
  return (
    (!include || Object.keys(include).length === 0) &&
    (!select || Object.entries(select).every(([field, wanted]) => wanted === true && isColumn(field)))
  );
}

/**
 * The Pothos query for records a resolver reads itself and hands on inside rows of its own
 * (analytics: the centres, services and regions beside the figures), at `path` below the field
 * `info` resolves. The service reads them with it, and Pothos then knows which of their fields
 * and relations are at hand: read whole and handed on without it, a select-mode type (Centre,
 * Service, Region…) would read every record again, one statement each, for any field beyond
 * its ids, and any type would for a relation. `{}` (whole rows) when nothing below asks.
 */
export function recordQuery(
  context: Context,
  info: GraphQLResolveInfo,
  typeName: keyof PrismaTypes,
  ...path: string[]
): RecordQuery {
  return queryFromInfo({ context, info, typeName, path });
}

/** What a service reads records with that GraphQL hands on: recordQuery's, or {} for whole rows. */
export type RecordQuery = object;
