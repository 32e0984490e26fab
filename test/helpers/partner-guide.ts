// The partner guide's examples (docs/partners.md and its English twin) as data, and the check of
// an answer against the one the guide documents. An example is an HTML comment marker
//   <!-- example: <name>; scope: <scope>; save <VARIABLE>: <expression>; expect: errors -->
// followed by a ```sh block (curl), a ```js block (fetch) and a ```json block (the answer).
import { readFile } from "node:fs/promises";
import {
  type GraphQLOutputType,
  type GraphQLSchema,
  getNullableType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";

export interface GuideExample {
  name: string;
  scope: string;
  /** Environment variables the example's answer sets for the examples after it. */
  saves: { variable: string; expression: string }[];
  /** The answer documents an error (`errors`) rather than data. */
  expectsErrors: boolean;
  sh: string;
  js: string;
  answer: unknown;
}

const MARKER = /<!-- example: ([\s\S]*?) -->/g;
const FENCE = /```(\w+)\n([\s\S]*?)\n```/g;

export const GUIDES = {
  ru: new URL("../../docs/partners.md", import.meta.url),
  en: new URL("../../docs/partners.en.md", import.meta.url),
} as const;

/** Every example of a guide, in order; throws when a marker is not followed by sh, js and json. */
export async function readGuide(file: URL): Promise<GuideExample[]> {
  const text = await readFile(file, "utf8");
  const markers = [...text.matchAll(MARKER)];
  return markers.map((marker, i) => {
    const end = markers[i + 1]?.index ?? text.length;
    const blocks = [...text.slice(marker.index, end).matchAll(FENCE)].slice(0, 3);
    const [head = "", ...rest] = marker[1]?.split(/;\s*/) ?? [];
    const example: GuideExample = {
      name: head.trim(),
      scope: "",
      saves: [],
      expectsErrors: false,
      sh: "",
      js: "",
      answer: undefined,
    };
    for (const part of rest) {
      const [key = "", ...value] = part.split(":");
      const said = value.join(":").trim();
      if (key.trim() === "scope") example.scope = said;
      else if (key.trim() === "expect") example.expectsErrors = said === "errors";
      else if (key.startsWith("save ")) example.saves.push({ variable: key.slice(5).trim(), expression: said });
      else throw new Error(`${file.pathname}: example ${example.name} has an unknown part «${part}»`);
    }
    const languages = blocks.map((block) => block[1]).join(",");
    if (languages !== "sh,js,json")
      throw new Error(`${file.pathname}: example ${example.name} needs sh, js and json blocks, has ${languages}`);
    example.sh = blocks[0]?.[2] ?? "";
    example.js = blocks[1]?.[2] ?? "";
    example.answer = JSON.parse(blocks[2]?.[2] ?? "null");
    return example;
  });
}

/** A saved value: `expression` read on the answer, e.g. `data.services.edges[0].node.id`. */
export function evaluate(answer: unknown, expression: string): unknown {
  return new Function("answer", `return answer.${expression};`)(answer);
}

const typeOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/**
 * How an answer differs from the documented one: the same keys at every level, the same JSON
 * types, a list non-empty where the documented one is (each element shaped like one of the
 * documented elements), the same `__typename`s. Values may differ, and null stands in for a value
 * (either way) only where the schema lets the field be null. `errors` carry at least the
 * documented extensions, with the same values (codes, scopes); top-level `extensions` (the
 * development server's cache notes) are not part of the documented answer.
 */
export function shapeProblems(schema: GraphQLSchema, documented: unknown, actual: unknown): string[] {
  const problems: string[] = [];
  const doc = documented as Record<string, unknown>;
  const got = { ...(actual as Record<string, unknown>) };
  delete got.extensions;
  sameKeys(doc, got, "", problems);
  if ("data" in doc && "data" in got) {
    const root = schema.getQueryType();
    const mutation = schema.getMutationType();
    const data = doc.data as Record<string, unknown> | null;
    const isMutation = data && Object.keys(data).some((key) => !root?.getFields()[key] && mutation?.getFields()[key]);
    compare(schema, doc.data, got.data, isMutation ? mutation : root, true, "data", problems);
  }
  if ("errors" in doc && "errors" in got) compareErrors(doc.errors, got.errors, problems);
  return problems;
}

function sameKeys(doc: object, got: object, path: string, problems: string[]): boolean {
  const want = Object.keys(doc).sort().join(", ");
  const have = Object.keys(got).sort().join(", ");
  if (want === have) return true;
  problems.push(`${path || "answer"}: documented keys {${want}}, got {${have}}`);
  return false;
}

function compare(
  schema: GraphQLSchema,
  doc: unknown,
  got: unknown,
  type: GraphQLOutputType | null | undefined,
  nullable: boolean,
  path: string,
  problems: string[],
): void {
  if (got === null || doc === null) {
    if (got === doc) return;
    if (!nullable) problems.push(`${path}: ${doc === null ? "documented" : "got"} null for a non-null field`);
    return;
  }
  const inner = type ? getNullableType(type) : undefined;
  if (typeOf(doc) !== typeOf(got)) {
    problems.push(`${path}: documented ${typeOf(doc)}, got ${typeOf(got)}`);
    return;
  }
  if (Array.isArray(doc) && Array.isArray(got)) {
    if (doc.length > 0 && got.length === 0) problems.push(`${path}: documented a non-empty list, got []`);
    const item = inner && isListType(inner) ? inner.ofType : undefined;
    const itemNullable = !item || !isNonNullType(item);
    got.forEach((element, i) => {
      if (doc.length === 0) return;
      const tries = doc.map((candidate) => {
        const found: string[] = [];
        compare(schema, candidate, element, item, itemNullable, `${path}[${i}]`, found);
        return found;
      });
      if (!tries.some((found) => found.length === 0)) problems.push(...(tries[0] ?? []));
    });
    return;
  }
  if (typeof doc === "object" && typeof got === "object") {
    const documented = doc as Record<string, unknown>;
    const answered = got as Record<string, unknown>;
    if (!sameKeys(documented, answered, path, problems)) return;
    let named = inner && !isListType(inner) ? inner : undefined;
    if (named && (isUnionType(named) || isInterfaceType(named)) && typeof answered.__typename === "string")
      named = schema.getType(answered.__typename) as typeof named;
    if (documented.__typename !== answered.__typename)
      problems.push(`${path}.__typename: documented ${documented.__typename}, got ${answered.__typename}`);
    const fields = named && (isObjectType(named) || isInterfaceType(named)) ? named.getFields() : {};
    for (const key of Object.keys(documented)) {
      if (key === "__typename") continue;
      const field = fields[key];
      if (!field) problems.push(`${path}.${key}: no such field in the schema`);
      compare(
        schema,
        documented[key],
        answered[key],
        field?.type,
        !field || !isNonNullType(field.type),
        `${path}.${key}`,
        problems,
      );
    }
  }
}

function compareErrors(doc: unknown, got: unknown, problems: string[]): void {
  if (!Array.isArray(doc) || !Array.isArray(got) || doc.length !== got.length) {
    problems.push(`errors: documented ${JSON.stringify(doc)}, got ${JSON.stringify(got)}`);
    return;
  }
  doc.forEach((documented: Record<string, unknown>, i) => {
    const answered = got[i] as Record<string, unknown>;
    if (!sameKeys(documented, answered, `errors[${i}]`, problems)) return;
    for (const key of ["message", "locations", "path"])
      if (typeOf(documented[key]) !== typeOf(answered[key]))
        problems.push(`errors[${i}].${key}: documented ${typeOf(documented[key])}, got ${typeOf(answered[key])}`);
    // Extensions are open by definition: the documented ones, with their values, and maybe more.
    const want = (documented.extensions ?? {}) as Record<string, unknown>;
    const have = (answered.extensions ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(want))
      if (JSON.stringify(have[key]) !== JSON.stringify(value))
        problems.push(
          `errors[${i}].extensions.${key}: documented ${JSON.stringify(value)}, got ${JSON.stringify(have[key])}`,
        );
  });
}
