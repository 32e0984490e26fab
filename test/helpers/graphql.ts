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
