// Runs GraphQL operations in process through the real Yoga instance (and so the real
// context, limits, masking and database).
import { prisma } from "../../api/lib/db.js";
import { startSession } from "../../api/lib/sessions.js";
import { yoga } from "../../api/yoga.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

let defaultHeaders: Record<string, string> = {};

/** Sends later `gql` calls of this test file as this identity (headers from asUser/asPartner). */
export function useIdentity(headers: Record<string, string>): void {
  defaultHeaders = headers;
}

export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...defaultHeaders, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
  return { status: response.status, ...body };
}

/** Authorization headers of a demo user, e.g. asUser("auditor@dostup.local"). */
export async function asUser(email: string): Promise<Record<string, string>> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return { authorization: `Bearer ${(await startSession(user.id)).token}` };
}

/** A mutation's answer: its success's data, or one of the typed errors with what it carries. */
export interface Outcome<T = Record<string, unknown>> {
  __typename: string;
  data?: T;
  message?: string;
  entity?: string;
  currentVersion?: number;
  issues?: { field: string; message: string }[];
}

const OUTCOME = `__typename
  ... on Error { message }
  ... on ValidationError { issues { field message } }
  ... on ConflictError { currentVersion }
  ... on NotFoundError { entity }`;

export interface MutationOptions {
  /** Sent instead of the file's identity (useIdentity). */
  headers?: Record<string, string>;
  /** The input's type, where it is not the mutation's name + "Input". */
  inputType?: string;
}

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * Runs `name(input: $input)` asking `selection` of the success's data. The typed errors come back
 * as the outcome; GraphQL errors (no outcome) stay in the response.
 */
export async function mutate<T = Record<string, unknown>>(
  name: string,
  selection: string,
  input: unknown,
  { headers = {}, inputType = `${capitalised(name)}Input` }: MutationOptions = {},
): Promise<{ outcome: Outcome<T> | null; response: GraphQLResponse }> {
  const response = await gql<Record<string, Outcome<T>>>(
    `mutation M($input: ${inputType}!) { ${name}(input: $input) { ${OUTCOME}
      ... on Mutation${capitalised(name)}Success { data { ${selection} } } } }`,
    { input },
    headers,
  );
  return { outcome: response.data?.[name] ?? null, response };
}

/** The data of a mutation that must succeed; anything else fails the test with what came back. */
export async function ok<T = Record<string, unknown>>(
  name: string,
  selection: string,
  input: unknown,
  options: MutationOptions = {},
): Promise<T> {
  const { outcome, response } = await mutate<T>(name, selection, input, options);
  if (!outcome?.__typename.endsWith("Success") || outcome.data === undefined)
    throw new Error(`${name} did not succeed: ${JSON.stringify(outcome ?? response.errors)}`);
  return outcome.data;
}
