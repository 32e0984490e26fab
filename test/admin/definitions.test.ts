// Every admin resource's mapping onto the API, checked against the schema the API prints: its
// list as the data provider asks for it (every filter and order it declares), one record by id,
// and each write with the fields the form sends. A field renamed, removed or misspelt on one side
// fails here, not on a librarian's screen.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  parse,
  validate,
} from "graphql";
import { describe, expect, it } from "vitest";
// Types only: definition.ts imports nothing of the panel, so the root type-check can follow it.
import type { ResourceDefinition, WriteDefinition } from "../../admin/src/providers/definition.js";

const admin = new URL("../../admin/src/", import.meta.url).pathname;

/** The record a write's `input` is given: the form's values. */
type FormRecord = Parameters<NonNullable<WriteDefinition["input"]>>[0];
/** What reads.ts's listArguments gives (reads.ts itself is loaded by path, below). */
interface ListArguments {
  declarations: string[];
  arguments: string[];
  variables: Record<string, unknown>;
}
const schema: GraphQLSchema = buildSchema(readFileSync(new URL("../../api/schema.graphql", import.meta.url), "utf8"));

// Loaded by path: the panel's files resolve their imports as a bundler does (see messages.test.ts).
const { definitions } = (await import(join(admin, "resources", "definitions.ts"))) as {
  definitions: Record<string, ResourceDefinition>;
};
const { listArguments } = (await import(join(admin, "providers", "reads.ts"))) as {
  listArguments: (
    resource: string,
    definition: ResourceDefinition,
    filter: Record<string, unknown>,
    sort: { field: string; order: "ASC" | "DESC" } | undefined,
  ) => ListArguments;
};

/** The names of a document's validation errors against the schema (none when it is valid). */
const problems = (document: string) => validate(schema, parse(document)).map((error) => error.message);

const capitalise = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function inputTypeOf(write: WriteDefinition, fallback?: string): GraphQLInputObjectType {
  const name = write.inputType ?? fallback ?? `${capitalise(write.mutation)}Input`;
  const type = schema.getType(name);
  if (!isInputObjectType(type)) throw new Error(`${write.mutation}: no input type ${name}`);
  return type;
}

/**
 * A form's record that holds a value for any field asked of it (of the input field's kind where
 * the input has one), so whatever a write's `input` reads from the form is sent, known or not.
 */
function recordFor(type: GraphQLInputObjectType): FormRecord {
  const fields = type.getFields();
  const sample = (name: string) => {
    const field = fields[name];
    if (!field) return "1";
    const named = getNamedType(field.type).name;
    if (field.type.toString().startsWith("[")) return [];
    return named === "Int" || named === "Float" ? 1 : named === "Boolean" ? true : "1";
  };
  return new Proxy({ id: "1" } as FormRecord, {
    get: (_target, key) => (typeof key === "string" ? sample(key) : undefined),
    has: () => true,
    ownKeys: () => Object.keys(fields),
    getOwnPropertyDescriptor: (_target, key) =>
      typeof key === "string" ? { value: sample(key), enumerable: true, configurable: true } : undefined,
  });
}

const resources = Object.entries(definitions);

describe.each(resources)("the admin resource %s", (name, definition) => {
  it("lists its records with every filter and order it declares, as the data provider asks", () => {
    const filters = Object.fromEntries(Object.keys(definition.filters).map((field) => [field, "x"]));
    const orders = Object.keys(definition.orderBy?.fields ?? {});
    for (const sort of [undefined, ...orders.map((field) => ({ field, order: "ASC" as const }))]) {
      const list = listArguments(name, definition, filters, sort);
      const declarations = ["$first: Int", "$after: String", ...list.declarations].join(", ");
      const args = ["first: $first", "after: $after", ...list.arguments].join(", ");
      expect(
        problems(`query L(${declarations}) { ${name}(${args}) { totalCount
          pageInfo { hasNextPage endCursor } edges { node { id ${definition.fields} } } } }`),
        `${name}, sorted by ${sort?.field ?? "the API's order"}`,
      ).toEqual([]);
    }
  });

  it("reads one record by id with its detail fields", () => {
    expect(
      problems(`query N($id: ID!) { node(id: $id) { __typename id ... on ${definition.typename} {
        ${definition.detailFields ?? definition.fields} } } }`),
    ).toEqual([]);
  });

  if (definition.csv) {
    const { query } = definition.csv;
    it(`exports the API's CSV (${query}) with the list's filters`, () => {
      const filters = Object.fromEntries(Object.keys(definition.filters).map((field) => [field, "x"]));
      const list = listArguments(name, definition, filters, undefined);
      expect(problems(`query C(${list.declarations.join(", ")}) { ${query}(${list.arguments.join(", ")}) }`)).toEqual(
        [],
      );
    });
  }

  const writes = (["create", "update", "delete"] as const).flatMap((kind) => {
    const write = definition[kind];
    return write ? [[kind, write] as const] : [];
  });
  if (writes.length > 0)
    it("writes through mutations that take what its forms send", () => {
      for (const [kind, write] of writes) {
        const type = inputTypeOf(write, kind === "delete" ? "VersionedInput" : undefined);
        const mutation = capitalise(write.mutation);
        expect(
          problems(`mutation M($input: ${type.name}!) { ${write.mutation}(input: $input) { __typename
          ... on Error { message } ... on ValidationError { issues { field message } }
          ... on ConflictError { currentVersion }
          ... on Mutation${mutation}Success { data { id ${definition.detailFields ?? definition.fields} } } } }`),
          `${kind}: ${write.mutation}`,
        ).toEqual([]);
        const taken = Object.keys(type.getFields());
        const sent =
          write.fields ??
          (write.input ? Object.keys(write.input(recordFor(type), kind === "update" ? { id: "1" } : undefined)) : []);
        for (const field of sent) expect(taken, `${kind}: ${write.mutation} takes ${field}`).toContain(field);
      }
    });
});

it("covers every resource of the panel", () => {
  expect(resources.length).toBeGreaterThanOrEqual(19);
});
