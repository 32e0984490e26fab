import type { RaRecord } from "react-admin";

/** How a react-admin write maps onto one of the API's mutations. */
export interface WriteDefinition {
  /** The mutation's name, e.g. "createCentre". */
  mutation: string;
  /** The input's GraphQL type when not `<Mutation>Input` (e.g. "VersionedInput"). */
  inputType?: string;
  /**
   * The mutation's input from the form's record. For updates the data provider adds
   * `id` and the `version` the form was loaded with, so a concurrent change is a conflict.
   * Without it, `fields` are copied (on update only those that changed).
   */
  input?: (data: RaRecord, previous?: RaRecord) => Record<string, unknown>;
  fields?: readonly string[];
}

export interface ResourceDefinition {
  /** GraphQL type of the records, checked against `__typename` of `node`. */
  typename: string;
  /** Selection of a record in lists, besides `id`. */
  fields: string;
  /** Selection of one record (getOne, and after writes); `fields` when absent. */
  detailFields?: string;
  /** Fields of the list's `filter` argument with their GraphQL types (`q` maps to `search`). */
  filters: Record<string, string>;
  /** Type of the list's `orderBy` argument and react-admin field -> order field. */
  orderBy?: { type: string; fields: Record<string, string> };
  create?: WriteDefinition;
  update?: WriteDefinition;
  /** Deleting is archiving or revoking here: a VersionedInput mutation. */
  delete?: WriteDefinition;
  /**
   * The API's CSV of the list (e.g. `centresCsv`), taking the list's filter: the list's export
   * is that file, so its columns are the API's (the ones partners get), listed once there.
   */
  csv?: { query: string; fileName: string };
}

/** The panel's data provider method beside react-admin's: a list as the API's CSV (`csv`). */
export interface CsvExport {
  exportCsv(resource: string, filter: Record<string, unknown>): Promise<{ text: string; fileName: string }>;
}
