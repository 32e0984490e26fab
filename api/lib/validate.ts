import { z } from "zod";
import { isMessageCode, type MessageParams } from "../messages/index.js";
import { type Coded, ValidationError } from "./errors.js";

/**
 * A problem as zod and Standard Schema (the validation plugin) report it. Our schemas give a
 * message code as the message (`.max(200, "TEXT_TOO_LONG")`, `ctx.addIssue({ message: "CODE",
 * params })`); the bounds of zod's own checks become the parameters `max` and `min`.
 */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
  readonly params?: MessageParams | undefined;
  readonly maximum?: unknown;
  readonly minimum?: unknown;
  /** zod's own kind of problem and its details, for the checks we gave no code. */
  readonly code?: string | undefined;
  readonly origin?: unknown;
  readonly inclusive?: unknown;
  readonly expected?: unknown;
  readonly format?: unknown;
  readonly values?: unknown;
  readonly keys?: unknown;
  readonly divisor?: unknown;
}

const bound = (value: unknown) => (typeof value === "number" || typeof value === "bigint" ? Number(value) : undefined);

/**
 * The code of a zod check we gave no code of our own (`.max(200)`, an enum, a number bound,
 * an e-mail format), so that a Russian reader never sees zod's English.
 */
function zodCoded(issue: SchemaIssue): Coded {
  const max = bound(issue.maximum);
  const min = bound(issue.minimum);
  const sized =
    issue.origin === "string" ? "text" : issue.origin === "array" || issue.origin === "set" ? "items" : "number";
  switch (issue.code) {
    case "invalid_type":
      if (/received (undefined|null)\b/.test(issue.message)) return { code: "REQUIRED" };
      if (issue.expected === "int") return { code: "WHOLE_NUMBER" };
      return { code: "INVALID_TYPE", params: { expected: String(issue.expected ?? "another type") } };
    case "too_big":
      if (max === undefined) break;
      if (sized === "text") return { code: "TEXT_TOO_LONG", params: { max } };
      if (sized === "items") return { code: "TOO_MANY_ITEMS", params: { max } };
      return { code: issue.inclusive === false ? "NUMBER_LESS_THAN" : "NUMBER_TOO_BIG", params: { max } };
    case "too_small":
      if (min === undefined) break;
      if (sized === "text") return min <= 1 ? { code: "REQUIRED" } : { code: "TEXT_TOO_SHORT", params: { min } };
      if (sized === "items") return { code: "TOO_FEW_ITEMS", params: { min } };
      if (issue.inclusive === false)
        return min === 0 ? { code: "NUMBER_NOT_POSITIVE" } : { code: "NUMBER_MORE_THAN", params: { min } };
      return { code: "NUMBER_TOO_SMALL", params: { min } };
    case "invalid_format":
      if (issue.format === "email") return { code: "INVALID_EMAIL" };
      return { code: "INVALID_FORMAT", params: { format: String(issue.format ?? "value") } };
    case "invalid_value":
      if (Array.isArray(issue.values))
        return { code: "INVALID_OPTION", params: { options: issue.values.map(String).join(", ") } };
      break;
    case "not_multiple_of":
      return { code: "NOT_MULTIPLE_OF", params: { divisor: Number(issue.divisor) } };
    case "unrecognized_keys":
      if (Array.isArray(issue.keys)) return { code: "UNKNOWN_FIELDS", params: { fields: issue.keys.join(", ") } };
      break;
  }
  // A kind we do not name (a union none of whose members fit …): zod's words, as a last resort.
  return { code: "INVALID_VALUE", params: { detail: issue.message } };
}

/**
 * The code and parameters of a schema issue: our code given as its message, with the check's
 * bound as `max`/`min`; else the code of zod's own check.
 */
export function codedIssue(issue: SchemaIssue): Coded {
  if (!isMessageCode(issue.message)) return zodCoded(issue);
  const max = bound(issue.maximum);
  const min = bound(issue.minimum);
  const params = { ...(max === undefined ? {} : { max }), ...(min === undefined ? {} : { min }), ...issue.params };
  return { code: issue.message, params: Object.keys(params).length > 0 ? params : undefined };
}

/** One ValidationError listing every issue, each field its path joined with dots ("input.hours.0.opens"). */
export function validationError(issues: readonly SchemaIssue[], prefix: readonly string[] = []): ValidationError {
  return new ValidationError(
    issues.map((issue) => ({
      field: [...prefix, ...(issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key))].join("."),
      ...codedIssue(issue),
    })),
  );
}

/**
 * For a check across fields (`superRefine(check, whenValid)`): it runs only once every field
 * is valid, so a caller sees it alone, after fixing the rest.
 */
export const whenValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

/**
 * `schema`, with a null taken as the field left out ("unchanged", or "not given"): for the
 * fields in `only`, or for every field but those in `except` (columns a null may clear).
 */
export function nullAsAbsent<T extends z.ZodType>(
  schema: T,
  fields: { only: readonly string[] } | { except: readonly string[] } = { except: [] },
) {
  const absent =
    "only" in fields ? (key: string) => fields.only.includes(key) : (key: string) => !fields.except.includes(key);
  return z.preprocess(
    (given: unknown) =>
      given && typeof given === "object"
        ? Object.fromEntries(Object.entries(given).filter(([key, value]) => value !== null || !absent(key)))
        : given,
    schema,
  );
}

/** A required text: trimmed, not empty, at most `max` characters (null or a non-string: "Cannot be empty."). */
export const text = (max: number) =>
  z.string({ error: "REQUIRED" }).trim().min(1, "REQUIRED").max(max, "TEXT_TOO_LONG");

/** An optional text: trimmed, at most `max` characters; null or absent allowed. */
export const optionalText = (max: number) => z.string().trim().max(max, "TEXT_TOO_LONG").nullish();

/** A record and the version its writer read, as every versioned change names them (a stale version is a conflict). */
export const versionedSchema = z.object({ id: z.string(), version: z.number().int() });

/** A change of a record at the version read: its id and version, and any of `fields`. */
export function versionedChange<const Fields extends z.ZodRawShape>(fields: Fields) {
  return versionedSchema.extend(z.object(fields).partial().shape);
}

/**
 * A region's own stable code of a record (an organisation, a centre, a service): registry
 * imports match rows on it: trimmed, at most 50 characters.
 */
export const registryCodeText = z.string().trim().max(50, "TEXT_TOO_LONG");

/** `registryCodeText` on a record's inputs: optional, an empty code meaning none. */
export const registryCode = () =>
  registryCodeText
    .transform((code) => code || null)
    .nullish()
    .describe(
      "The region's own stable code of the record, unique within the region; registry imports match rows on it.",
    );

/** A global id in an input, decoded and checked for its type where it is used. */
export const globalId = z.string().min(1, "REQUIRED");

/** The longest web address any field stores. */
export const MAX_WEB_URL_LENGTH = 500;

export const WEB_URL_MESSAGE = "INVALID_WEB_URL";

/**
 * True for an absolute http(s) address with a host and nothing a browser would quietly drop
 * or reinterpret (spaces, tabs, control characters). Websites and portal pages end up as
 * links in the panel and in partner apps, where `javascript:`, `data:` or `vbscript:` would
 * run in whoever clicks them; WHATWG parsing strips tabs and newlines from "java\tscript:",
 * so the check refuses them instead of trusting the parser alone.
 */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#\\]/i.test(value) || /[\s\p{Cc}]/u.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** A stored address as callers may see it: one that is not http(s) (stored before the check) reads as null. */
export function webUrlOrNull(value: string | null | undefined): string | null {
  return value && isWebUrl(value) ? value : null;
}

/** The one validation of every URL field (centres' and organisations' websites, services' portal pages). */
export const webUrl = () =>
  z.string().trim().max(MAX_WEB_URL_LENGTH, "TEXT_TOO_LONG").refine(isWebUrl, WEB_URL_MESSAGE);
