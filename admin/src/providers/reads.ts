import type { Identifier, RaRecord, SortPayload } from "react-admin";
import { authHeaders } from "./authProvider";
import type { ResourceDefinition } from "./definition";
import { request } from "./graphql";

// How the data provider reads: a list's page, which react-admin asks by number, over the
// API's cursor connections, and records by id through `node`.

// The API caps `first` at 100, so longer ranges (the export button asks for
// 1000 records) are read in several requests.
const MAX_PAGE_SIZE = 100;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface Connection {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { node: RaRecord }[];
}

/** The list arguments besides `first` and `after`, as GraphQL text and variables. */
export interface ListArguments {
  declarations: string[];
  arguments: string[];
  variables: Record<string, unknown>;
}

export function listArguments(
  resource: string,
  definition: ResourceDefinition,
  filter: Record<string, unknown>,
  sort: SortPayload | undefined,
): ListArguments {
  const result: ListArguments = {
    declarations: [],
    arguments: [],
    variables: {},
  };

  // Only the filter fields in use are sent, so an unset field never reaches
  // the API as an explicit null.
  const filterFields: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === "") {
      continue;
    }
    const field = key === "q" ? "search" : key;
    const type = definition.filters[field];
    if (!type) {
      throw new Error(`The API cannot filter ${resource} by "${key}"`);
    }
    result.declarations.push(`$${field}: ${type}`);
    filterFields.push(`${field}: $${field}`);
    result.variables[field] = value;
  }
  if (filterFields.length > 0) {
    result.arguments.push(`filter: { ${filterFields.join(", ")} }`);
  }

  // Other sort fields (react-admin defaults to `id`) keep the API's own order.
  const { orderBy } = definition;
  const orderField = sort && orderBy?.fields[sort.field];
  if (sort && orderBy && orderField) {
    result.declarations.push(`$orderBy: ${orderBy.type}`);
    result.arguments.push("orderBy: $orderBy");
    result.variables.orderBy = { field: orderField, direction: sort.order };
  }
  return result;
}

async function fetchConnection<TConnection>(
  resource: string,
  list: ListArguments,
  operation: string,
  selection: string,
  first: number,
  after: string | undefined,
  signal: AbortSignal | undefined,
): Promise<TConnection> {
  const declarations = ["$first: Int", "$after: String", ...list.declarations];
  const args = ["first: $first", "after: $after", ...list.arguments];
  const data = await request<Record<string, TConnection | undefined>>(
    `query ${operation}(${declarations.join(", ")}) { ${resource}(${args.join(", ")}) { ${selection} } }`,
    { ...list.variables, first, after },
    signal,
  );
  const connection = data[resource];
  if (connection === undefined) {
    throw new Error(`The API answered without "${resource}"`);
  }
  return connection;
}

// The API pages by cursor while react-admin asks for page numbers, so the
// cursor reached after each position of a list (resource + filter + sort) is
// kept, and a later page starts from the nearest one before it.
const MAX_REMEMBERED_LISTS = 50;
const cursorsByList = new Map<string, Map<number, string>>();
// Positions depend on what the signed-in user may see, so the cursors are
// dropped when the credentials change.
let cursorsCredentials: string | undefined;

function forgetCursorsOfOtherCredentials(): void {
  const { authorization } = authHeaders();
  if (authorization !== cursorsCredentials) {
    cursorsByList.clear();
    cursorsCredentials = authorization;
  }
}

function nearestCursor(list: string, position: number): { position: number; cursor?: string } {
  let nearest: { position: number; cursor?: string } = { position: 0 };
  for (const [known, cursor] of cursorsByList.get(list) ?? []) {
    if (known <= position && known > nearest.position) {
      nearest = { position: known, cursor };
    }
  }
  return nearest;
}

function rememberCursor(list: string, position: number, cursor: string): void {
  const cursors = cursorsByList.get(list) ?? new Map<number, string>();
  cursors.set(position, cursor);
  // Re-inserting keeps the most recently used lists at the end of the map.
  cursorsByList.delete(list);
  cursorsByList.set(list, cursors);
  if (cursorsByList.size > MAX_REMEMBERED_LISTS) {
    const [oldest] = cursorsByList.keys();
    if (oldest !== undefined) {
      cursorsByList.delete(oldest);
    }
  }
}

export async function fetchRange(
  resource: string,
  definition: ResourceDefinition,
  list: ListArguments,
  offset: number,
  limit: number,
  signal: AbortSignal | undefined,
): Promise<{ records: RaRecord[]; totalCount: number }> {
  forgetCursorsOfOtherCredentials();
  const listKey = `${resource} ${JSON.stringify(list.variables)}`;
  if (offset === 0) {
    // Reading from the start again drops positions that may have shifted.
    cursorsByList.delete(listKey);
  }

  // Walk to the page with page info only; records before it are not needed.
  let { position, cursor } = nearestCursor(listKey, offset);
  let reachedEnd = false;
  while (position < offset) {
    const first = Math.min(MAX_PAGE_SIZE, offset - position);
    const { pageInfo } = await fetchConnection<{ pageInfo: PageInfo }>(
      resource,
      list,
      `${definition.typename}ListCursor`,
      "pageInfo { hasNextPage endCursor }",
      first,
      cursor,
      signal,
    );
    cursor = pageInfo.endCursor ?? cursor;
    if (!pageInfo.hasNextPage) {
      // The page is past the end; reading on from here yields no records
      // but still the total, so react-admin can go back to a valid page.
      reachedEnd = true;
      break;
    }
    position += first;
    if (pageInfo.endCursor) {
      rememberCursor(listKey, position, pageInfo.endCursor);
    }
  }

  const records: RaRecord[] = [];
  let totalCount = 0;
  for (;;) {
    const connection = await fetchConnection<Connection>(
      resource,
      list,
      `${definition.typename}List`,
      `totalCount pageInfo { hasNextPage endCursor } edges { node { id ${definition.fields} } }`,
      Math.min(MAX_PAGE_SIZE, limit - records.length),
      cursor,
      signal,
    );
    totalCount = connection.totalCount;
    records.push(...connection.edges.map((edge) => edge.node));
    const { hasNextPage, endCursor } = connection.pageInfo;
    if (endCursor) {
      cursor = endCursor;
      if (!reachedEnd) {
        rememberCursor(listKey, offset + records.length, endCursor);
      }
    }
    if (reachedEnd || !hasNextPage || records.length >= limit) {
      return { records, totalCount };
    }
  }
}

interface NodeResult extends RaRecord {
  __typename: string;
}

/** Records by id in one request (aliased `node` fields); unknown ids are left out. */
export async function fetchNodes(
  definition: ResourceDefinition,
  ids: readonly Identifier[],
  signal: AbortSignal | undefined,
): Promise<RaRecord[]> {
  if (ids.length === 0) {
    return [];
  }
  const declarations = ids.map((_, index) => `$id${index}: ID!`);
  const fields = ids.map(
    (_, index) =>
      `node${index}: node(id: $id${index}) { __typename id ... on ${definition.typename} { ${definition.detailFields ?? definition.fields} } }`,
  );
  const variables = Object.fromEntries(ids.map((id, index) => [`id${index}`, id]));
  const data = await request<Record<string, NodeResult | null>>(
    `query ${definition.typename}Nodes(${declarations.join(", ")}) { ${fields.join(" ")} }`,
    variables,
    signal,
  );
  const records: RaRecord[] = [];
  for (const index of ids.keys()) {
    const node = data[`node${index}`];
    // An id of another type would come back with its id only.
    if (node && node.__typename === definition.typename) {
      const { __typename, ...record } = node;
      records.push(record);
    }
  }
  return records;
}
