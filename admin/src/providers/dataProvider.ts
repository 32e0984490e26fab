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
  type UpdateManyParams,
  type UpdateParams,
} from "react-admin";
import { definitions } from "../resources/definitions";
import type { CsvExport, ResourceDefinition, WriteDefinition } from "./definition";
import { mutate, request } from "./graphql";
import { fetchNodes, fetchRange, listArguments } from "./reads";

function definitionOf(resource: string): ResourceDefinition {
  const definition = definitions[resource];
  if (!definition) {
    throw new Error(`The data provider does not know the resource "${resource}"`);
  }
  return definition;
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

/** The API's CSV of a list with the list's filters: the whole list, not the page shown. */
async function exportCsv(
  resource: string,
  filter: Record<string, unknown>,
): Promise<{ text: string; fileName: string }> {
  const definition = definitionOf(resource);
  if (!definition.csv) {
    throw new HttpError("dostup.error.unexpected", 405);
  }
  const { query, fileName } = definition.csv;
  const list = listArguments(resource, definition, filter, undefined);
  const declarations = list.declarations.length ? `(${list.declarations.join(", ")})` : "";
  const args = list.arguments.length ? `(${list.arguments.join(", ")})` : "";
  const data = await request<Record<string, string>>(`query Csv${declarations} { ${query}${args} }`, list.variables);
  return { text: data[query] ?? "", fileName: `${fileName}-${new Date().toISOString().slice(0, 10)}.csv` };
}

export const dataProvider: DataProvider & CsvExport = {
  exportCsv,

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
