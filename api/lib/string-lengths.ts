// String lengths: every String and ID argument and input field has a maximum length, by what it
// holds. The maxima are ceilings checked before anything runs (no resolver, no SQL, no identity
// lookup): a megabyte search term would otherwise be matched against every row with ILIKE. Each
// service's own validation still applies its tighter rules (a centre's name: 300) and answers
// with a ValidationError; these only stop what no field could ever hold.

import {
  type DocumentNode,
  type GraphQLArgument,
  GraphQLError,
  GraphQLID,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLString,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { formatMessage } from "../messages/index.js";

/** The classes of strings the API takes, each with its maximum length in characters. */
export const STRING_CLASSES = {
  id: { maxLength: 128, holds: "an id (global ids are at most 80 characters)" },
  cursor: { maxLength: 200, holds: "a page cursor" },
  search: { maxLength: 200, holds: "a search term" },
  code: {
    maxLength: 64,
    holds: "a code (region, OKTMO, INN, OGRN, registry, indicator, locale, key scope), a time of day or a SHA-256",
  },
  email: { maxLength: 254, holds: "an email address" },
  password: { maxLength: 1024, holds: "a password" },
  name: {
    maxLength: 1000,
    holds: "a name, title, unit, file name, content type, address, phone or other one-line value",
  },
  url: { maxLength: 2048, holds: "a web address" },
  text: { maxLength: 10_000, holds: "a free text (description, feedback, answer, note, comment, reason, formula)" },
  /** Enum values, dates, numbers: a string in their place is never longer than this. */
  other: { maxLength: 100, holds: "an enum value, a date or a number" },
} as const;

export type StringClass = keyof typeof STRING_CLASSES;

/** Argument and input field names, by class. A String named otherwise is a free text. */
const CLASS_OF_NAME: Record<string, StringClass> = {
  after: "cursor",
  before: "cursor",
  search: "search",
  email: "email",
  password: "password",
  website: "url",
  portalUrl: "url",
  ...Object.fromEntries(
    [
      "code",
      "oktmo",
      "inn",
      "ogrn",
      "registryId",
      "indicatorCode",
      "locale",
      "scopes",
      "opens",
      "closes",
      "sha256",
    ].map((name) => [name, "code"]),
  ),
  ...Object.fromEntries(
    [
      "name",
      "shortName",
      "firstName",
      "lastName",
      "middleName",
      "fullName",
      "title",
      "position",
      "unit",
      "category",
      "documentType",
      "requiredDocuments",
      "fileName",
      "contentType",
      "address",
      "phone",
      "authorName",
      "authorContact",
      "statusAlert",
      "fee",
      "redirectedTo",
      "purpose",
      "source",
    ].map((name) => [name, "name"]),
  ),
};

/**
 * Where a field needs more than its class allows, its Pothos definition says so:
 * `t.string({ extensions: { maxLength: 3 * 1024 * 1024 } })`. The schema's every String and
 * ID argument and input field carries its maximum in `extensions.maxLength` once
 * `describeLimits` has run.
 */
export interface LengthExtensions {
  maxLength?: number;
  lengthClass?: StringClass;
}

type Bounded = GraphQLArgument | GraphQLInputField;

function classOf(named: GraphQLNamedType, name: string): StringClass | null {
  if (named === GraphQLID) return "id";
  if (named !== GraphQLString) return null;
  return CLASS_OF_NAME[name] ?? "text";
}

function lengthOf(def: Bounded): { maxLength: number; holds: string } {
  const extensions = def.extensions as LengthExtensions;
  const declared = extensions.lengthClass ? STRING_CLASSES[extensions.lengthClass] : STRING_CLASSES.text;
  return { maxLength: extensions.maxLength ?? declared.maxLength, holds: declared.holds };
}

/** Writes an argument's or input field's maximum into its extensions and its description (describeLimits). */
export function describeLength(def: Bounded): void {
  const lengthClass = classOf(getNamedType(def.type), def.name);
  if (!lengthClass) return;
  const extensions = def.extensions as LengthExtensions;
  const maxLength = extensions.maxLength ?? STRING_CLASSES[lengthClass].maxLength;
  def.extensions = { ...def.extensions, maxLength, lengthClass };
  def.description = [def.description, `At most ${thousands(maxLength)} characters.`].filter(Boolean).join(" ");
}

/**
 * 10000 → "10,000". Not toLocaleString("en"): its first call loads ICU's number formatting,
 * ~11 ms of every Lambda cold start, for the schema's descriptions.
 */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// ── Checking lengths before anything runs ──

interface Position {
  type: GraphQLInputType;
  /** The argument's path from the field: `filter.search`, `input.requiredDocuments[2]`. */
  path: string;
  /** The argument or input field whose maximum applies (a list's items share it). */
  def: Bounded;
  node: ValueNode;
  /** Set once the value comes from the variables: `$input.requiredDocuments[2]`. */
  variable?: string;
  json?: unknown;
  fromJson: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** At most this many problems are listed in one answer. */
const MAX_REPORTED = 10;

/** An argument in a document: the field or directive it is given to, and where its value starts. */
interface ArgumentSite {
  owner: string;
  start: Position;
}

/** Each document's argument sites, found once: a document is parsed once and reused (Yoga's cache). */
const argumentSitesOf = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly ArgumentSite[]>>();

function argumentSites(schema: GraphQLSchema, document: DocumentNode): readonly ArgumentSite[] {
  let byDocument = argumentSitesOf.get(schema);
  if (!byDocument) {
    byDocument = new WeakMap();
    argumentSitesOf.set(schema, byDocument);
  }
  const known = byDocument.get(document);
  if (known) return known;
  const sites: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        const directive = typeInfo.getDirective();
        const owner = directive ? `@${directive.name}` : typeInfo.getFieldDef()?.name;
        if (argument && owner)
          sites.push({
            owner,
            start: { type: argument.type, path: argument.name, def: argument, node: node.value, fromJson: false },
          });
        return false; // the value is walked by the check, with the variables
      },
    }),
  );
  byDocument.set(document, sites);
  return sites;
}

/**
 * Every string in the operation's arguments, as literals or in the variables (however deep in
 * input objects and lists), against the maximum of the argument or input field it fills. The
 * arguments are found by one walk per document, remembered (it was ~5% of a one-row read's
 * CPU when walked for every request); each request then walks only its values. Variables
 * that the document does not use are bounded by the body size alone, as nothing reads them.
 */
export function stringLengthErrors(schema: GraphQLSchema, document: DocumentNode, variables: unknown): GraphQLError[] {
  const values = isRecord(variables) ? variables : {};
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue && !defaults.has(variable.variable.name.value))
        defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  const errors: GraphQLError[] = [];
  const check = (owner: string, start: Position) => {
    const stack = [start];
    while (stack.length > 0 && errors.length < MAX_REPORTED) {
      const item = stack.pop() as Position;
      const type = isNonNullType(item.type) ? item.type.ofType : item.type;
      if (!item.fromJson && item.node.kind === Kind.VARIABLE) {
        const name = item.node.name.value;
        if (Object.hasOwn(values, name))
          stack.push({ ...item, fromJson: true, json: values[name], variable: `$${name}` });
        else {
          const fallback = defaults.get(name);
          if (fallback) stack.push({ ...item, node: fallback });
        }
        continue;
      }
      if (isListType(type)) {
        const items = item.fromJson
          ? Array.isArray(item.json)
            ? item.json.map((json) => ({ json }))
            : null
          : item.node.kind === Kind.LIST
            ? item.node.values.map((node) => ({ node }))
            : null;
        // A single value where a list is expected is a list of one (GraphQL input coercion).
        if (!items) stack.push({ ...item, type: type.ofType });
        else
          items.forEach((child, i) => {
            stack.push({
              ...item,
              ...child,
              type: type.ofType,
              path: `${item.path}[${i}]`,
              variable: item.variable && `${item.variable}[${i}]`,
            });
          });
        continue;
      }
      if (isInputObjectType(type)) {
        const fields = type.getFields();
        const entries: [string, { json?: unknown; node?: ValueNode }][] = item.fromJson
          ? isRecord(item.json)
            ? Object.entries(item.json).map(([name, json]) => [name, { json }])
            : []
          : item.node.kind === Kind.OBJECT
            ? item.node.fields.map((field) => [field.name.value, { node: field.value }])
            : [];
        for (const [name, child] of entries) {
          const def = fields[name];
          if (!def) continue; // reported by validation or coercion, never read
          stack.push({
            ...item,
            ...child,
            type: def.type,
            def,
            path: `${item.path}.${name}`,
            variable: item.variable && `${item.variable}.${name}`,
          });
        }
        continue;
      }
      const text = item.fromJson
        ? typeof item.json === "string"
          ? item.json
          : null
        : item.node.kind === Kind.STRING || item.node.kind === Kind.ENUM
          ? item.node.value
          : null;
      if (text === null) continue;
      const limit =
        type === GraphQLString || type === GraphQLID
          ? lengthOf(item.def)
          : { maxLength: STRING_CLASSES.other.maxLength, holds: STRING_CLASSES.other.holds };
      if (text.length <= limit.maxLength) continue;
      const messageCode = item.variable ? "ARGUMENT_TOO_LONG_IN_VARIABLE" : "ARGUMENT_TOO_LONG";
      const messageParams = {
        argument: item.path,
        field: owner,
        variable: item.variable,
        length: thousands(text.length),
        holds: limit.holds,
        max: thousands(limit.maxLength),
      };
      errors.push(
        new GraphQLError(formatMessage(messageCode, messageParams, "en"), {
          nodes: [item.node],
          extensions: {
            code: "BAD_USER_INPUT",
            field: owner,
            argument: item.path,
            ...(item.variable ? { variable: item.variable } : {}),
            maxLength: limit.maxLength,
            length: text.length,
            messageCode,
            messageParams,
          },
        }),
      );
    }
  };
  for (const site of argumentSites(schema, document)) {
    if (errors.length >= MAX_REPORTED) break;
    check(site.owner, site.start);
  }
  return errors;
}
