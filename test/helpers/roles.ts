// The roles every access test runs as: the four staff roles and partner keys by the scopes
// they hold, with the headers to send as each; and the demo curator's two regions.
import type { ApiScope } from "../../api/lib/api-scopes.js";
import { schema } from "../../api/schema.js";
import { asUser } from "./graphql.js";
import { partnerKey } from "./partners.js";

export const STAFF = ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"] as const;
/** Partner keys by the scopes they hold: each scope alone, all of them, and none. */
export const PARTNERS: Record<string, readonly ApiScope[]> = {
  "PARTNER registry:read": ["registry:read"],
  "PARTNER statistics:read": ["statistics:read"],
  "PARTNER registry:read statistics:read": ["registry:read", "statistics:read"],
  "PARTNER feedback:write": ["feedback:write"],
  "PARTNER without scopes": [],
};
export const ROLES: readonly string[] = ["anonymous", ...STAFF, ...Object.keys(PARTNERS)];
export type Role = string;

/** The demo curator's regions: Smolensk and Udmurtia. */
export const CURATOR_REGIONS = ["67", "18"];

/** Headers for every role: a new partner key per scope set, a session per demo staff account. */
export async function roleHeaders(label: string): Promise<Record<Role, Record<string, string>>> {
  const headers: Record<Role, Record<string, string>> = { anonymous: {} };
  for (const [role, scopes] of Object.entries(PARTNERS))
    headers[role] = (await partnerKey({ name: `${label}: ${role}`, scopes: [...scopes] })).headers;
  for (const role of STAFF) headers[role] = await asUser(`${role.toLowerCase()}@dostup.local`);
  return headers;
}

/** The scopes a `partner:` declaration asks for (one, or any of a list). */
export const partnerScopes = (value: unknown): ApiScope[] => [value as ApiScope | ApiScope[]].flat();

const rootFields = { ...schema.getQueryType()?.getFields(), ...schema.getMutationType()?.getFields() };
/** The scopes a root query or mutation declares (its `authScopes`), as written in the schema. */
export const declared = (name: string) =>
  (rootFields[name]?.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;
