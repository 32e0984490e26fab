import { HttpError } from "react-admin";
import { messageText, type ParamsGiven } from "../lib/messages";
import { authHeaders } from "./authProvider";
import { languageHeaders } from "./locale";

const ENDPOINT = "/graphql";

// i18n keys: react-admin translates error messages before showing them.
export const ERROR_KEYS = {
  validation: "dostup.error.validation",
  conflict: "dostup.error.conflict",
  notFound: "dostup.error.not_found",
  forbidden: "dostup.error.forbidden",
  unexpected: "dostup.error.unexpected",
} as const;

interface GraphQLError {
  message: string;
  extensions?: { code?: unknown; http?: { status?: unknown }; messageCode?: unknown; messageParams?: unknown };
}

/** A GraphQL error's message in the panel's language, by its code (extensions.messageCode). */
function errorText(error: GraphQLError): string {
  const extensions = error.extensions ?? {};
  // graphql-js puts its own words before a scalar's message: those come as the server sent them.
  if (!extensions.messageCode || /^Variable "/.test(error.message)) return error.message;
  return messageText(extensions.messageCode, extensions.messageParams as ParamsGiven, error.message);
}

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLError[];
}

function isGraphQLResponse(value: unknown): value is GraphQLResponse {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const { errors } = value as { errors?: unknown };
  return (
    errors === undefined ||
    (Array.isArray(errors) &&
      errors.every(
        (error: unknown) =>
          typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string",
      ))
  );
}

async function readBody(response: Response): Promise<GraphQLResponse | undefined> {
  try {
    const body: unknown = await response.json();
    return isGraphQLResponse(body) ? body : undefined;
  } catch {
    // Not JSON: a proxy or the server failed before GraphQL ran.
    return undefined;
  }
}

// The auth provider's checkError reads the status: 401 ends the session, and so
// does 403 when no one is signed in.
function errorStatus(errors: GraphQLError[], responseStatus: number): number {
  const codes = errors.map((error) => error.extensions?.code);
  if (responseStatus === 401 || codes.includes("UNAUTHENTICATED")) {
    return 401;
  }
  if (codes.includes("FORBIDDEN")) {
    return 403;
  }
  // Yoga may put the status of an error here rather than on the response.
  const status = errors.find((error) => typeof error.extensions?.http?.status === "number")?.extensions?.http?.status;
  return typeof status === "number" ? status : responseStatus;
}

/** Sends one GraphQL operation; errors become react-admin's HttpError with the response as body. */
export async function request<TData>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<TData> {
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
      ...languageHeaders(),
      ...authHeaders(),
    },
    body: JSON.stringify({ query, variables }),
    signal: signal ?? null,
  });
  const body = await readBody(response);
  if (!body) {
    throw new HttpError(response.statusText || "ra.notification.http_error", response.status);
  }
  // Partial data is not shown: a list missing records would look complete.
  const [firstError] = body.errors ?? [];
  if (firstError) {
    throw new HttpError(
      (body.errors ?? []).map(errorText).join("\n"),
      errorStatus(body.errors ?? [], response.status),
      body,
    );
  }
  if (!response.ok || body.data === undefined || body.data === null) {
    throw new HttpError("ra.notification.http_error", response.status, body);
  }
  // The shape is the one the query asked for; the server validated it.
  return body.data as TData;
}

export interface FieldIssue {
  field: string;
  message: string;
  code?: string;
  params?: { name: string; value: string }[];
}

/** A field issue's message in the panel's language, by its code; the server's text for a code unknown here. */
export function issueText(issue: FieldIssue): string {
  return messageText(issue.code, issue.params, issue.message);
}

type MutationResult =
  | { __typename: "ValidationError"; message: string; issues: FieldIssue[] }
  | { __typename: "ConflictError"; message: string; currentVersion: number | null }
  | { __typename: "NotFoundError" | "ForbiddenError"; message: string }
  | { __typename: string; message?: string; data?: unknown };

/** A form source from the API's field path: `input.values.3.total` → `values.3.total`. */
export function fieldSource(field: string): string {
  return field.startsWith("input.") ? field.slice("input.".length) : field === "input" ? "root" : field;
}

/**
 * The typed error of a mutation as react-admin's HttpError: a ValidationError's
 * issues become the form's field errors (body.errors), the rest a notification.
 */
export function mutationError(result: MutationResult): HttpError {
  switch (result.__typename) {
    case "ValidationError": {
      const issues = ("issues" in result ? (result.issues as FieldIssue[]) : []).map((issue) => ({
        ...issue,
        message: issueText(issue),
      }));
      // The notification: what the issues say, in the panel's language (the fields show where).
      const said = [...new Set(issues.map((issue) => issue.message))].join(" ");
      const errors: Record<string, unknown> = { root: { serverError: said || result.message } };
      for (const issue of issues) {
        errors[fieldSource(issue.field)] = issue.message;
      }
      const details = issues.map((issue) => `${fieldSource(issue.field)}: ${issue.message}`).join("; ");
      return new HttpError(details || result.message || ERROR_KEYS.validation, 400, { errors, issues });
    }
    case "ConflictError":
      return new HttpError(ERROR_KEYS.conflict, 409, result);
    case "NotFoundError":
      return new HttpError(ERROR_KEYS.notFound, 404, result);
    case "ForbiddenError":
      return new HttpError(ERROR_KEYS.forbidden, 403, result);
    default:
      return new HttpError(result.message ?? ERROR_KEYS.unexpected, 500, result);
  }
}

const capitalise = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

export interface MutateOptions {
  /** The input's GraphQL type; `<Name>Input` unless given (e.g. "VersionedInput"). */
  inputType?: string;
  signal?: AbortSignal;
}

/**
 * Runs a mutation of the API's `Mutation<Name>Result` union and returns the
 * success's `data`; a typed error is thrown as HttpError (see mutationError).
 * `selection` is what to read of `data`, e.g. "id version name".
 */
export async function mutate<TData>(
  name: string,
  input: Record<string, unknown>,
  selection: string,
  options: MutateOptions = {},
): Promise<TData> {
  const type = capitalise(name);
  const inputType = options.inputType ?? `${type}Input`;
  const query = `mutation ${type}($input: ${inputType}!) { ${name}(input: $input) { __typename ... on Error { message code } ... on ValidationError { issues { field message code params { name value } } } ... on ConflictError { currentVersion } ... on Mutation${type}Success { data { ${selection} } } } }`;
  const data = await request<Record<string, MutationResult>>(query, { input }, options.signal);
  const result = data[name];
  if (!result) {
    throw new HttpError(ERROR_KEYS.unexpected, 500, data);
  }
  if (result.__typename === `Mutation${type}Success` && "data" in result) {
    return result.data as TData;
  }
  throw mutationError(result);
}

/**
 * A mutation whose input is the record's id and the version it was read at (VersionedInput:
 * archive, restore, verify, revoke…): the API refuses it over a newer version.
 */
export function mutateVersioned<TData>(
  name: string,
  record: { id: string; version: number },
  selection = "id version",
): Promise<TData> {
  return mutate<TData>(name, { id: record.id, version: record.version }, selection, { inputType: "VersionedInput" });
}
