// Every root query and mutation, under every role: refused or allowed exactly as its declared
// scopes say, and never an unexpected (500-like) error. The partner keys' scopes by type are in
// partner-scopes.test.ts, the region wall in region-wall.test.ts, four eyes in four-eyes.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../api/schema.js";
import { asUser, gql } from "../helpers/graphql.js";
import { operations } from "../helpers/operations.js";
import { declared, PARTNERS, partnerScopes, ROLES, type Role, roleHeaders, STAFF } from "../helpers/roles.js";

const SCOPE_ROLES: Record<string, readonly Role[]> = {
  public: ROLES,
  staff: STAFF,
  internal: ["ADMIN", "CURATOR", "AUDITOR"],
  writer: ["ADMIN", "CURATOR"],
  admin: ["ADMIN"],
};

/** Roles a field's declared scopes admit (any one scope suffices, as scope-auth does). */
function admitted(scopes: Record<string, unknown>): Set<Role> {
  const roles = new Set<Role>();
  for (const [scope, value] of Object.entries(scopes)) {
    if (scope === "role") roles.add(value as Role);
    else if (scope === "partner") {
      for (const [role, held] of Object.entries(PARTNERS))
        if (partnerScopes(value).some((s) => held.includes(s))) roles.add(role);
    } else if (value === true) for (const role of SCOPE_ROLES[scope] ?? []) roles.add(role);
  }
  return roles;
}

const ADMIN_ONLY = [
  "users",
  "apiClients",
  "createUser",
  "updateUser",
  "createApiClient",
  "revokeApiClient",
  "createRegion",
  "updateRegion",
  "endUserSessions",
];

/** A person's own inbox and digest settings: for the digests' recipients, administrators and curators. */
const RECIPIENTS_ONLY = [
  "notifications",
  "unreadNotificationCount",
  "digestSettings",
  "markNotificationsRead",
  "setDigestFrequency",
];

/** What every signed-in person does for themselves, whatever their role. */
const SELF_SERVICE = ["login", "logout"];

/** The one kind of write a partner key may make, and the scope it takes: a citizen's feedback. */
const PARTNER_WRITES: Record<string, string> = { submitCitizenFeedback: "feedback:write" };

let headers: Record<Role, Record<string, string>> = {};

beforeAll(async () => {
  headers = await roleHeaders("Матрица ролей");
});

const all = operations(schema);

describe("role matrix", () => {
  it("covers every root field, each declaring its scopes explicitly", () => {
    const missing = all.filter((op) => typeof declared(op.name) !== "object" || declared(op.name) === null);
    expect(missing.map((op) => op.name)).toEqual([]);
    process.stdout.write(
      `role matrix: ${all.length} operations × ${ROLES.length} roles = ${all.length * ROLES.length} cases\n`,
    );
  });

  it("keeps administration to administrators and every write away from auditors, partners and anonymous callers", () => {
    for (const name of ADMIN_ONLY)
      expect([...admitted(declared(name) as Record<string, unknown>)], name).toEqual(["ADMIN"]);
    for (const op of all.filter((o) => o.kind === "mutation" && !SELF_SERVICE.includes(o.name))) {
      const roles = admitted(declared(op.name) as Record<string, unknown>);
      // A partner write is open to the keys holding its scope, and to no other key.
      const writers = Object.keys(PARTNERS).filter((role) =>
        PARTNERS[role]?.includes(PARTNER_WRITES[op.name] as never),
      );
      const outsiders = ["AUDITOR", "anonymous", ...Object.keys(PARTNERS)].filter((role) => roles.has(role));
      expect(outsiders, op.name).toEqual(writers);
    }
    for (const name of RECIPIENTS_ONLY)
      expect([...admitted(declared(name) as Record<string, unknown>)].sort(), name).toEqual(["ADMIN", "CURATOR"]);
    // Submitting feedback for citizens is the partners' write alone: staff record it with submitFeedback.
    expect([...admitted(declared("submitCitizenFeedback") as Record<string, unknown>)]).toEqual([
      "PARTNER feedback:write",
    ]);
  });

  it("opens each partner-reachable root field to a named scope, never to any key at all", () => {
    const byScope: Record<string, string[]> = {};
    for (const op of all) {
      const scopes = declared(op.name) as Record<string, unknown>;
      if (scopes.public) continue;
      if (scopes.partner !== undefined)
        for (const scope of partnerScopes(scopes.partner)) byScope[scope] = [...(byScope[scope] ?? []), op.name];
    }
    for (const list of Object.values(byScope)) list.sort();
    expect(byScope).toEqual({
      "registry:read": [
        "centres",
        "centresCsv",
        "centresNear",
        "curatorDirectory",
        "feedbackCategories",
        "lifeSituations",
        "municipalities",
        "node",
        "organisations",
        "qualityStandards",
        "regions",
        "serviceCurators",
        "services",
      ],
      "statistics:read": [
        "centresByKind",
        "centresByPlace",
        "events",
        "eventsByType",
        "indicatorDynamics",
        "kpiProgress",
        "kpis",
        "mobileOfficeActivity",
        "node",
        "population",
        "regionStatistics",
        "reportExport",
        "reportForms",
        "reports",
        "reportsCsv",
        "requestsByCategory",
      ],
      "feedback:write": ["feedbackCategories", "feedbackStatus", "node", "submitCitizenFeedback"],
    });
  });

  for (const role of ROLES) {
    it(`answers every operation as ${role}: refused or allowed as declared, never an unexpected error`, async () => {
      const mismatches: string[] = [];
      const tally = { allowed: 0, refused: 0 };
      for (const op of all) {
        const scopes = declared(op.name) as Record<string, unknown>;
        const expected = admitted(scopes).has(role) ? "allowed" : "refused";
        // Signing out ends the session it is sent with: it gets a session of its own.
        const asked =
          op.name === "logout" && (STAFF as readonly string[]).includes(role)
            ? await asUser(`${role.toLowerCase()}@dostup.local`)
            : headers[role];
        const result = await gql(op.document, op.variables, asked);
        const codes = (result.errors ?? []).map((e) => e.extensions?.code);
        if (codes.includes("INTERNAL_SERVER_ERROR") || result.status >= 500) {
          mismatches.push(`${op.name}: unexpected error ${JSON.stringify(result.errors)}`);
          continue;
        }
        const refused = codes.includes("FORBIDDEN") || codes.includes("UNAUTHENTICATED");
        tally[refused ? "refused" : "allowed"] += 1;
        if ((refused ? "refused" : "allowed") !== expected)
          mismatches.push(`${op.name}: expected ${expected}, got ${JSON.stringify(result.errors ?? result.data)}`);
        // A key refused for want of a scope is told which scope would do.
        const missing = result.errors?.find((e) => e.extensions?.code === "FORBIDDEN");
        if (refused && role in PARTNERS && scopes.partner !== undefined && missing) {
          const named = partnerScopes(scopes.partner);
          if (
            JSON.stringify(missing.extensions?.requiredScopes) !== JSON.stringify(named) ||
            !named.every((scope) => missing.message.includes(scope))
          )
            mismatches.push(`${op.name}: the refusal does not name ${named.join(", ")}: ${missing.message}`);
        }
      }
      process.stdout.write(`role matrix, ${role}: ${tally.allowed} allowed, ${tally.refused} refused\n`);
      if (mismatches.length > 0) process.stdout.write(`${role}:\n  ${mismatches.join("\n  ")}\n`);
      expect(mismatches).toEqual([]);
    }, 120_000);
  }
});
