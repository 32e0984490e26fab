import { z } from "zod";
import { ValidationError } from "./errors.js";

/** A problem as zod and Standard Schema (the validation plugin) report it. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/** One ValidationError listing every issue, each field its path joined with dots ("input.hours.0.opens"). */
export function validationError(issues: readonly SchemaIssue[], prefix: readonly string[] = []): ValidationError {
  return new ValidationError(
    issues.map((issue) => ({
      field: [...prefix, ...(issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key))].join("."),
      message: issue.message,
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
  z.string({ error: "Cannot be empty." }).trim().min(1, "Cannot be empty.").max(max, `At most ${max} characters.`);

/** An optional text: trimmed, at most `max` characters; null or absent allowed. */
export const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).nullish();

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
export const registryCodeText = z.string().trim().max(50, "At most 50 characters.");

/** `registryCodeText` on a record's inputs: optional, an empty code meaning none. */
export const registryCode = () =>
  registryCodeText
    .transform((code) => code || null)
    .nullish()
    .describe(
      "The region's own stable code of the record, unique within the region; registry imports match rows on it.",
    );

/** A global id in an input, decoded and checked for its type where it is used. */
export const globalId = z.string().min(1, "Cannot be empty.");

/** The longest web address any field stores. */
export const MAX_WEB_URL_LENGTH = 500;

export const WEB_URL_MESSAGE = "Enter a full address starting with https:// (or http://).";

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
  z
    .string()
    .trim()
    .max(MAX_WEB_URL_LENGTH, `At most ${MAX_WEB_URL_LENGTH} characters.`)
    .refine(isWebUrl, WEB_URL_MESSAGE);
