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
