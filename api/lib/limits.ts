// Query limits of our own. Depth, counted in entity levels. Relay's wrappers (`edges`, `node` inside a
// connection, `pageInfo`) are not levels of their own, so a list of centres with their
// settlement's municipality's region is 4 levels deep, as a person would count it, while a
// query nesting relations 13 times is refused long before it reaches the database.
// Then: the length of every string argument, the weight of expensive fields and the fields a
// request may ask for once only.
import {
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  GraphQLError,
  type GraphQLField,
  GraphQLID,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLString,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  TypeInfo,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from "graphql";

/**
 * The limits every request is held to (README, "Limits"). Depth is our own rule (entity levels);
 * aliases, directives, tokens and cost are GraphQL Armor's, each at or below its defaults, with
 * the weights of expensive fields added to the cost. The body limit leaves room for the largest
 * legitimate request: `importReportValues` with 2 MB inline, base64-encoded (2.8 MB).
 */
export const LIMITS = {
  depth: 6,
  aliases: 15,
  directives: 20,
  tokens: 1000,
  cost: 5000,
  bodyBytes: 4 * 1024 * 1024,
} as const;

const MIB = 1024 * 1024;

/** The message of a body over the limit, in the words a client can act on. */
export const TOO_LARGE_MESSAGE = `The request body is larger than ${LIMITS.bodyBytes / MIB} MiB. Send files with requestFileUpload, not inline.`;

/** The answer to a body over the limit, where Yoga does not see the request (api/handler.ts). */
export function tooLargeBody(): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: 413,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({
      errors: [{ message: TOO_LARGE_MESSAGE, extensions: { code: "REQUEST_ENTITY_TOO_LARGE" } }],
    }),
  };
}

const WRAPPERS = new Set(["edges", "node", "pageInfo"]);

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visited: Set<string>,
  parent = "",
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__")) continue; // introspection is limited by its own rules
      const name = selection.name.value;
      // `node` is a wrapper only inside `edges`: the root `node(id:)` is an entity level.
      const wrapper = name === "node" ? parent === "edges" : WRAPPERS.has(name);
      depth = selection.selectionSet
        ? (wrapper ? 0 : 1) + depthOf(selection.selectionSet, fragments, visited, name)
        : 0;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragments, visited, parent);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visited.has(name)) continue; // a fragment cycle is reported by graphql itself
      visited.add(name);
      depth = depthOf(fragment.selectionSet, fragments, visited, parent);
      visited.delete(name);
    }
    max = Math.max(max, depth);
  }
  return max;
}

export function maxDepthRule(limit: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return {
      OperationDefinition(node: ASTNode) {
        if (node.kind !== Kind.OPERATION_DEFINITION) return;
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > limit) {
          context.reportError(
            new GraphQLError(
              `The query nests ${depth} levels; at most ${limit} are allowed. Split it into smaller queries.`,
              {
                nodes: [node],
                extensions: { code: "QUERY_TOO_DEEP" },
              },
            ),
          );
        }
      },
    };
  };
}

/**
 * Literal page sizes above the cap become the cap before validation, so `first: 5000` is
 * answered with the 100 rows it would get anyway, and the cost model counts 100, not 5000.
 */
export function clampPageSizes(document: DocumentNode, max: number): DocumentNode {
  // Yoga hands the same document object for the same query text (its parse cache): the clamped
  // one is kept beside it, so it is walked once, and stays the same object for the validation
  // cache after it.
  const known = clamped.get(document);
  if (known?.max === max) return known.document;
  const result = visit(document, {
    Argument(node: ArgumentNode) {
      if ((node.name.value !== "first" && node.name.value !== "last") || node.value.kind !== Kind.INT) return undefined;
      if (Number(node.value.value) <= max) return undefined;
      return { ...node, value: { ...node.value, value: String(max) } };
    },
  });
  clamped.set(document, { max, document: result });
  return result;
}

const clamped = new WeakMap<DocumentNode, { max: number; document: DocumentNode }>();

// NUL cannot be stored in a PostgreSQL text column (the statement fails), and a lone UTF-16
// surrogate is not text at all (it would be stored as U+FFFD): both are the caller's error.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const unstorableMessage = (where: string) =>
  `${where} holds a NUL character or a lone UTF-16 surrogate, which no text may contain.`;

/** The path of the first string in `value` (variables, however deep) that cannot be stored. */
export function findUnstorableString(value: unknown, root = "variables"): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [item, path] = stack.pop() as [unknown, string];
    if (typeof item === "string") {
      if (UNSTORABLE.test(item)) return path;
    } else if (Array.isArray(item)) {
      item.forEach((child, i) => {
        stack.push([child, `${path}[${i}]`]);
      });
    } else if (item && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (UNSTORABLE.test(key)) return path;
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return null;
}

export function unstorableVariablesError(path: string): GraphQLError {
  return new GraphQLError(unstorableMessage(`"${path}"`), { extensions: { code: "BAD_USER_INPUT" } });
}

/** The same for string literals in the document (`"a\u0000b"` is a valid GraphQL escape). */
export function storableStringsRule(context: ValidationContext): ReturnType<ValidationRule> {
  return {
    StringValue(node: ASTNode) {
      if (node.kind === Kind.STRING && UNSTORABLE.test(node.value))
        context.reportError(
          new GraphQLError(unstorableMessage("A string in the query"), {
            nodes: [node],
            extensions: { code: "BAD_USER_INPUT" },
          }),
        );
    },
  };
}

// ── String lengths ──
//
// Every String and ID argument and input field has a maximum length, by what it holds. The
// maxima are ceilings checked before anything runs (no resolver, no SQL, no identity lookup):
// a megabyte search term would otherwise be matched against every row with ILIKE. Each
// service's own validation still applies its tighter rules (a centre's name: 300) and answers
// with a ValidationError; these only stop what no field could ever hold.

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

// ── Field costs ──

/**
 * What a field costs beyond GraphQL Armor's count (a scalar 1, an object 2 plus its fields),
 * and whether a request may ask for it more than once. Declared on the field itself:
 * `t.string({ extensions: { cost: LIST_EXPORT } })`.
 */
export interface FieldCost {
  /** Added to the operation's cost (times the page sizes of the lists around it). */
  weight?: number;
  /** At most one of it per request, aliases and fragments included. */
  oncePerRequest?: boolean;
}

/** A spreadsheet of up to 50,000 rows (centres, reports, the file access log). */
export const LIST_EXPORT: FieldCost = { weight: 3000, oncePerRequest: true };
/** One report's spreadsheet (at most 200 indicators), or a region's annual summary. */
export const REPORT_SPREADSHEET: FieldCost = { weight: 500, oncePerRequest: true };
/** Signing in: one password check per request, so a request cannot try many. */
export const SIGN_IN: FieldCost = { oncePerRequest: true };

function costOf(field: GraphQLField<unknown, unknown>): FieldCost | null {
  const cost = field.extensions.cost as FieldCost | undefined;
  return cost && typeof cost === "object" ? cost : null;
}

/**
 * 10000 → "10,000". Not toLocaleString("en"): its first call loads ICU's number formatting,
 * ~11 ms of every Lambda cold start, for the schema's descriptions.
 */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Writes each String and ID argument's and input field's maximum into its extensions and its
 * description (so clients see it in the SDL and introspection), and each costed field's
 * weight and once-per-request rule into its description. Runs once, on the built schema.
 */
export function describeLimits(schema: GraphQLSchema, maxCost: number): GraphQLSchema {
  const bound = (def: Bounded) => {
    const lengthClass = classOf(getNamedType(def.type), def.name);
    if (!lengthClass) return;
    const extensions = def.extensions as LengthExtensions;
    const maxLength = extensions.maxLength ?? STRING_CLASSES[lengthClass].maxLength;
    def.extensions = { ...def.extensions, maxLength, lengthClass };
    def.description = [def.description, `At most ${thousands(maxLength)} characters.`].filter(Boolean).join(" ");
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) bound(field);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) bound(argument);
        const cost = costOf(field);
        if (cost) {
          const notes = [
            cost.weight ? `Counts ${thousands(cost.weight)} of the ${thousands(maxCost)} a request may cost.` : "",
            cost.oncePerRequest ? "At most once per request." : "",
          ];
          field.description = [field.description, ...notes].filter(Boolean).join(" ");
        }
      }
    }
  }
  return schema;
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
      const given = item.variable ? ` (given in ${item.variable})` : "";
      errors.push(
        new GraphQLError(
          `The argument ${item.path} of ${owner}${given} is ${thousands(text.length)} characters long; ${limit.holds} may have at most ${thousands(limit.maxLength)}.`,
          {
            nodes: [item.node],
            extensions: {
              code: "BAD_USER_INPUT",
              field: owner,
              argument: item.path,
              ...(item.variable ? { variable: item.variable } : {}),
              maxLength: limit.maxLength,
              length: text.length,
            },
          },
        ),
      );
    }
  };
  for (const site of argumentSites(schema, document)) {
    if (errors.length >= MAX_REPORTED) break;
    check(site.owner, site.start);
  }
  return errors;
}

// ── Weights and once-per-request fields ──

/**
 * One validation rule for the fields that declare a cost: a field marked once per request is
 * refused when the operation asks for it under two response keys (aliases, fragments), and the
 * weights are added to the cost GraphQL Armor computed for the operation, against the same
 * limit. Armor hands its figure over through its `onAccept` callback (`recordArmorCost`), which
 * runs as it enters the operation; this rule reads it as it leaves the operation.
 */
export function fieldCostRule(maxCost: number): {
  rule: ValidationRule;
  recordArmorCost: (context: ValidationContext | null, details: { n?: number }) => void;
} {
  const armorCosts = new WeakMap<ValidationContext, number>();
  const rule: ValidationRule = (context) => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    const schema = context.getSchema();
    return {
      OperationDefinition: {
        leave(node: ASTNode) {
          if (node.kind !== Kind.OPERATION_DEFINITION) return;
          const root = schema.getRootType(node.operation);
          if (!root) return;
          const once = new Map<string, Set<string>>();
          const weights = new Map<string, number>();
          // Breadth-first over the operation's fields, fragments followed (each at most once per
          // path, so a fragment cycle, refused by graphql itself, cannot loop here).
          const queue: {
            set: SelectionSetNode;
            type: GraphQLNamedType;
            path: string;
            times: number;
            seen: Set<string>;
          }[] = [{ set: node.selectionSet, type: root, path: "", times: 1, seen: new Set() }];
          while (queue.length > 0) {
            const { set, type, path, times, seen } = queue.shift() as (typeof queue)[number];
            for (const selection of set.selections) {
              if (selection.kind === Kind.INLINE_FRAGMENT) {
                const narrowed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
                if (narrowed) queue.push({ set: selection.selectionSet, type: narrowed, path, times, seen });
                continue;
              }
              if (selection.kind === Kind.FRAGMENT_SPREAD) {
                const fragment = fragments[selection.name.value];
                const narrowed = fragment && schema.getType(fragment.typeCondition.name.value);
                if (!fragment || !narrowed || seen.has(fragment.name.value)) continue;
                queue.push({
                  set: fragment.selectionSet,
                  type: narrowed,
                  path,
                  times,
                  seen: new Set([...seen, fragment.name.value]),
                });
                continue;
              }
              if (!isObjectType(type) && !isInterfaceType(type)) continue;
              const field = type.getFields()[selection.name.value];
              if (!field) continue;
              const key = `${path}/${selection.alias?.value ?? selection.name.value}`;
              const cost = costOf(field);
              if (cost?.oncePerRequest) once.set(field.name, (once.get(field.name) ?? new Set()).add(key));
              // The same response key twice is merged by graphql and runs once: weighed once.
              if (cost?.weight) weights.set(key, cost.weight * times);
              if (selection.selectionSet) {
                // As Armor counts: a literal page size multiplies what is inside the list.
                const size = selection.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
                const multiplier = size?.value.kind === Kind.INT ? Math.max(1, Number(size.value.value)) : 1;
                queue.push({
                  set: selection.selectionSet,
                  type: getNamedType(field.type),
                  path: key,
                  times: times * multiplier,
                  seen,
                });
              }
            }
          }
          for (const [name, keys] of once) {
            if (keys.size > 1)
              context.reportError(
                new GraphQLError(
                  `${name} may be asked for once per request; this one asks for it ${keys.size} times. Send one request for each.`,
                  { nodes: [node], extensions: { code: "ONCE_PER_REQUEST", field: name, count: keys.size } },
                ),
              );
          }
          const armor = armorCosts.get(context);
          armorCosts.delete(context);
          const weight = [...weights.values()].reduce((sum, w) => sum + w, 0);
          // Without Armor's figure the operation was already refused for its cost.
          if (armor === undefined || weight === 0) return;
          const total = Math.round(armor + weight);
          if (total > maxCost)
            context.reportError(
              new GraphQLError(
                `Query Cost limit of ${maxCost} exceeded, found ${total} (spreadsheets and other heavy fields count ${weight} of it). Ask for them in a request of their own.`,
                { nodes: [node], extensions: { code: "QUERY_TOO_COSTLY", cost: total, maxCost } },
              ),
            );
        },
      },
    };
  };
  return {
    rule,
    recordArmorCost: (context, details) => {
      if (context && typeof details.n === "number") armorCosts.set(context, details.n);
    },
  };
}

// ── The parse cache ──

/**
 * Yoga keeps parsed documents by their text (1,024 of them, for an hour), refused ones
 * included: distinct megabyte queries would pin gigabytes. This cache keeps only documents
 * of at most `maxChars` characters (the admin panel's largest is a few kilobytes); larger
 * ones are parsed each time, within the body limit.
 */
export function smallDocumentCache<T>(maxEntries = 1024, maxChars = 16 * 1024) {
  const entries = new Map<string, T>();
  return {
    get(key: string): T | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        // Map keeps insertion order: re-inserting marks the entry as the most recently used.
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: T): void {
      if (key.length > maxChars) return;
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
  };
}
