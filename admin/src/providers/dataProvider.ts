import {
  type CreateParams,
  type DataProvider,
  type DeleteManyParams,
  type DeleteParams,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  HttpError,
  type Identifier,
  type RaRecord,
  type SortPayload,
  type UpdateManyParams,
  type UpdateParams,
} from "react-admin";
import { definitions } from "../resources/definitions";
import { authHeaders } from "./authProvider";
import type { ResourceDefinition, WriteDefinition } from "./definition";
import { mutate, request } from "./graphql";

// The API caps `first` at 100, so longer ranges (the export button asks for
// 1000 records) are read in several requests.
const MAX_PAGE_SIZE = 100;

function definitionOf(resource: string): ResourceDefinition {
  const definition = definitions[resource];
  if (!definition) {
    throw new Error(`The data provider does not know the resource "${resource}"`);
  }
  return definition;
}

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
interface ListArguments {
  declarations: string[];
  arguments: string[];
  variables: Record<string, unknown>;
}

function listArguments(
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

async function fetchRange(
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
async function fetchNodes(
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

async function getList(resource: string, params: GetListParams): Promise<{ data: RaRecord[]; total: number }> {
  const definition = definitionOf(resource);
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 10 };
  const filter: Record<string, unknown> = params.filter ?? {};
  const list = listArguments(resource, definition, filter, params.sort);
  const { records, totalCount } = await fetchRange(
    resource,
    definition,
    list,
    (page - 1) * perPage,
    perPage,
    params.signal,
  );
  return { data: records, total: totalCount };
}

const selectionOf = (definition: ResourceDefinition): string => `id ${definition.detailFields ?? definition.fields}`;

function writeOf(resource: string, kind: "create" | "update" | "delete"): WriteDefinition {
  const write = definitionOf(resource)[kind];
  if (!write) {
    throw new HttpError("dostup.error.not_writable", 405);
  }
  return write;
}

const isEqual = (left: unknown, right: unknown): boolean => JSON.stringify(left) === JSON.stringify(right);

function writeInput(write: WriteDefinition, data: RaRecord, previous?: RaRecord): Record<string, unknown> {
  if (write.input) {
    return write.input(data, previous);
  }
  const input: Record<string, unknown> = {};
  for (const field of write.fields ?? []) {
    const value = data[field];
    if (value === undefined || (previous && isEqual(value, previous[field]))) {
      continue;
    }
    // An emptied text input clears the field.
    input[field] = value === "" ? null : value;
  }
  return input;
}

/** The version the form read: the API refuses a write over a newer one (ConflictError). */
function versionOf(record: RaRecord | undefined): number {
  const version = record?.version;
  if (typeof version !== "number") {
    throw new HttpError("dostup.error.no_version", 400);
  }
  return version;
}

async function create(resource: string, params: CreateParams): Promise<RaRecord> {
  const definition = definitionOf(resource);
  const write = writeOf(resource, "create");
  const input = writeInput(write, params.data as RaRecord);
  return mutate<RaRecord>(write.mutation, input, selectionOf(definition), { inputType: write.inputType });
}

async function update(resource: string, params: UpdateParams): Promise<RaRecord> {
  const definition = definitionOf(resource);
  const write = writeOf(resource, "update");
  const input = writeInput(write, params.data as RaRecord, params.previousData);
  return mutate<RaRecord>(
    write.mutation,
    { ...input, id: params.id, version: versionOf(params.previousData) },
    selectionOf(definition),
    { inputType: write.inputType },
  );
}

async function remove(resource: string, params: DeleteParams): Promise<RaRecord> {
  const definition = definitionOf(resource);
  const write = writeOf(resource, "delete");
  return mutate<RaRecord>(
    write.mutation,
    { id: params.id, version: versionOf(params.previousData) },
    selectionOf(definition),
    { inputType: write.inputType ?? "VersionedInput" },
  );
}

export const dataProvider: DataProvider = {
  supportAbortSignal: true,

  async getList<RecordType extends RaRecord>(resource: string, params: GetListParams) {
    const { data, total } = await getList(resource, params);
    return { data: data as RecordType[], total };
  },

  async getOne<RecordType extends RaRecord>(resource: string, params: GetOneParams) {
    const [record] = await fetchNodes(definitionOf(resource), [params.id], params.signal);
    if (!record) {
      throw new HttpError("ra.notification.item_doesnt_exist", 404);
    }
    return { data: record as RecordType };
  },

  async getMany<RecordType extends RaRecord>(resource: string, params: GetManyParams) {
    const records = await fetchNodes(definitionOf(resource), params.ids, params.signal);
    return { data: records as RecordType[] };
  },

  // A reference is a list filtered by the referencing field, e.g. the
  // organisations of a region are organisations filtered by `regionId`.
  async getManyReference<RecordType extends RaRecord>(resource: string, params: GetManyReferenceParams) {
    const { data, total } = await getList(resource, {
      ...params,
      filter: { ...params.filter, [params.target]: params.id },
    });
    return { data: data as RecordType[], total };
  },

  async create<RecordType extends RaRecord>(resource: string, params: CreateParams) {
    return { data: (await create(resource, params)) as RecordType };
  },

  async update<RecordType extends RaRecord>(resource: string, params: UpdateParams) {
    return { data: (await update(resource, params)) as RecordType };
  },

  async delete<RecordType extends RaRecord>(resource: string, params: DeleteParams<RecordType>) {
    return { data: (await remove(resource, params)) as RecordType };
  },

  // Bulk writes would need each record's version; one at a time keeps every
  // write checked, and a failure names the record it stopped at.
  async updateMany(resource: string, params: UpdateManyParams) {
    const { data: records } = await dataProvider.getMany(resource, { ids: params.ids });
    const done: Identifier[] = [];
    for (const record of records) {
      await update(resource, { id: record.id, data: { ...record, ...params.data }, previousData: record });
      done.push(record.id);
    }
    return { data: done };
  },

  async deleteMany(resource: string, params: DeleteManyParams) {
    const { data: records } = await dataProvider.getMany(resource, { ids: params.ids });
    const done: Identifier[] = [];
    for (const record of records) {
      await remove(resource, { id: record.id, previousData: record });
      done.push(record.id);
    }
    return { data: done };
  },
};
