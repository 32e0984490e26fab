// The limits every request is held to, and the cost classes a field may declare. Each limit is
// checked by a file of its own: depth in entity levels (query-depth.ts), page sizes
// (page-sizes.ts), strings no column can store (storable-strings.ts), the length of every
// string argument (string-lengths.ts), the weight of expensive fields and the fields a request
// may ask for once only (query-cost.ts); api/yoga.ts puts them together.

import { type GraphQLField, type GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { formatMessage } from "../messages/index.js";
import { describeLength, thousands } from "./string-lengths.js";

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
export const TOO_LARGE_MESSAGE = formatMessage("REQUEST_TOO_LARGE", { mib: LIMITS.bodyBytes / MIB }, "en");

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

/** The cost a field declares, if any. */
export function costOf(field: GraphQLField<unknown, unknown>): FieldCost | null {
  const cost = field.extensions.cost as FieldCost | undefined;
  return cost && typeof cost === "object" ? cost : null;
}

/**
 * Writes each String and ID argument's and input field's maximum into its extensions and its
 * description (so clients see it in the SDL and introspection), and each costed field's
 * weight and once-per-request rule into its description. Runs once, on the built schema.
 */
export function describeLimits(schema: GraphQLSchema, maxCost: number): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) describeLength(field);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) describeLength(argument);
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
