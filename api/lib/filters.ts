// The parts of a list's filter that mean the same in every list: the search box, the region
// picked by its global id, and archived rows. Each module's `<list>Where` puts them beside its
// own conditions, so "partners never see archived rows" and "% and _ match themselves" are
// decided here once.
import type { Access } from "./access.js";
import { escapeLike, fromGlobalId } from "./ids.js";

type Text<Where> = Extract<keyof Where, string>;

/**
 * Rows where any of `columns` contains the trimmed `search`, ignoring case, with % and _
 * matching themselves; no condition without a search.
 */
export function searchIn<Where>(search: string | null | undefined, columns: readonly Text<Where>[]): Where {
  const term = search?.trim();
  if (!term) return {} as Where;
  const matches = columns.map((column) => ({ [column]: { contains: escapeLike(term), mode: "insensitive" } }));
  return (matches.length === 1 ? matches[0] : { OR: matches }) as Where;
}

/** Rows of the region the filter names by its global id (`filter.regionId`); none named, no condition. */
export function inRegionOf<Where>(filter: { regionId?: string | null } | null | undefined): Where {
  return (filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {}) as Where;
}

/** Archived rows only when the filter asks for them, and never for a partner key. */
export function archivedIfAsked<Where>(
  access: Access,
  filter: { includeArchived?: boolean | null } | null | undefined,
): Where {
  return (filter?.includeArchived && !access.partner ? {} : { archivedAt: null }) as Where;
}

/** A list's `orderBy` as its input (shared.ts `orderByInput`) gives it: one of its fields and a direction. */
export interface OrderBy<Field extends string> {
  field: Field;
  direction: "ASC" | "DESC";
}

/** Prisma's direction for an `orderBy`: ascending unless it says DESC. */
export function directionOf(orderBy: { direction: "ASC" | "DESC" } | null | undefined): "asc" | "desc" {
  return orderBy?.direction === "DESC" ? "desc" : "asc";
}
