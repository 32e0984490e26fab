// Partner keys by their scopes: each type of record reachable through node(id) exactly when the
// key's scopes open it, and every nested field that crosses into another scope's data refused.
import {
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiScope } from "../../api/lib/api-scopes.js";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { schema } from "../../api/schema.js";
import { gql } from "../helpers/graphql.js";
import { declared, PARTNERS, partnerScopes, type Role, roleHeaders } from "../helpers/roles.js";

let headers: Record<Role, Record<string, string>> = {};

beforeAll(async () => {
  headers = await roleHeaders("Матрица ролей");
});

const REGISTRY: readonly ApiScope[] = ["registry:read"];
const STATISTICS: readonly ApiScope[] = ["statistics:read"];
/** Node types partner keys read: the scopes that open each, and which of its rows partners see. */
const PARTNER_TYPES: Record<string, { scopes: readonly ApiScope[]; where: object }> = {
  // Geography labels the figures as well as the registry.
  Region: { scopes: [...REGISTRY, ...STATISTICS], where: {} },
  Municipality: { scopes: [...REGISTRY, ...STATISTICS], where: {} },
  Settlement: { scopes: [...REGISTRY, ...STATISTICS], where: {} },
  Organisation: { scopes: REGISTRY, where: { archivedAt: null } },
  Centre: { scopes: REGISTRY, where: { archivedAt: null } },
  OpeningHoursException: { scopes: REGISTRY, where: {} },
  Service: { scopes: REGISTRY, where: { status: "PUBLISHED" } },
  LifeSituation: { scopes: REGISTRY, where: { status: "PUBLISHED" } },
  QualityStandard: { scopes: REGISTRY, where: { status: "APPROVED", service: { status: "PUBLISHED" } } },
  // Apps submitting citizens' feedback choose its category.
  FeedbackCategory: { scopes: [...REGISTRY, "feedback:write"], where: {} },
  Report: { scopes: STATISTICS, where: { published: true, status: { in: ["APPROVED", "LOCKED"] } } },
  ReportForm: { scopes: STATISTICS, where: {} },
  ReportIndicator: { scopes: STATISTICS, where: {} },
  Kpi: { scopes: STATISTICS, where: {} },
  KpiValue: { scopes: STATISTICS, where: {} },
  Population: { scopes: STATISTICS, where: {} },
  MobileVisit: { scopes: STATISTICS, where: {} },
  // The event register: activity, like mobile visits; archived events are staff-only.
  Event: { scopes: STATISTICS, where: { archivedAt: null } },
};
/** Personal and internal records: no partner key reads them, whatever its scopes. */
const NEVER_PARTNERS = [
  "ApiClient",
  "CuratorAssignment",
  "Feedback",
  "FileAccess",
  "ImportBatch",
  // A person's own inbox (digests of alerts).
  "Notification",
  "Person",
  "Project",
  "QualityMeasurement",
  "StoredFile",
  "SystemicError",
  "User",
];

interface Delegate {
  findFirst(args: object): Promise<{ id: string } | null>;
}
const delegate = (type: string) =>
  (prisma as unknown as Record<string, Delegate>)[type.charAt(0).toLowerCase() + type.slice(1)] as Delegate;

const fieldScopes = (field: GraphQLField<unknown, unknown>) =>
  (field.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;
/** Relay's wrappers: a connection or edge carries its parent field's rows, not a type of its own. */
const wrapper = (type: GraphQLNamedType) => /(Connection|ConnectionEdge)$/.test(type.name);

/**
 * Every field through which a key that may read the parent reaches a type its scopes do not
 * open (or a field that itself asks for another scope): from each partner root field and
 * from each type node(id) can hand a partner.
 */
function partnerCrossings(): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType, reach: readonly ApiScope[], via: string) => {
    if ((!isObjectType(type) && !isInterfaceType(type)) || reach.length === 0) return;
    const key = `${type.name} ${reach.join()} ${wrapper(type) ? via : ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const field of Object.values(type.getFields())) {
      const edge = wrapper(type) ? via : `${type.name}.${field.name}`;
      let next = reach;
      const declaredHere = fieldScopes(field) as Record<string, unknown> | undefined;
      if (typeof declaredHere === "object" && declaredHere !== null && !declaredHere.public) {
        if (declaredHere.partner === undefined) continue; // closed to every key
        const opens = partnerScopes(declaredHere.partner);
        next = reach.filter((scope) => opens.includes(scope));
        if (next.length < reach.length) found.add(edge);
      }
      const child = getNamedType(field.type);
      const policy = PARTNER_TYPES[child.name]?.scopes ?? (NEVER_PARTNERS.includes(child.name) ? [] : null);
      if (policy) {
        if (next.some((scope) => !policy.includes(scope))) found.add(edge);
        next = next.filter((scope) => policy.includes(scope));
      }
      visit(child, next, edge);
    }
  };
  for (const [name, field] of Object.entries(schema.getQueryType()?.getFields() ?? {})) {
    const scopes = declared(name) as Record<string, unknown>;
    if (scopes.partner !== undefined && name !== "node")
      visit(getNamedType(field.type), partnerScopes(scopes.partner), name);
  }
  for (const [name, { scopes }] of Object.entries(PARTNER_TYPES)) {
    const type = schema.getType(name);
    if (type) visit(type, scopes, name);
  }
  return [...found].sort();
}

describe("partner keys by scope", () => {
  it("answer node(id) with the record when the key's scopes open its type, else null as for no record", async () => {
    // Every node type is classified: the scopes that open it, or no key at all.
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node"))
      .map((type) => type.name)
      .sort();
    expect(nodeTypes).toEqual([...Object.keys(PARTNER_TYPES), ...NEVER_PARTNERS].sort());
    const mismatches: string[] = [];
    for (const type of [...Object.keys(PARTNER_TYPES), ...NEVER_PARTNERS]) {
      const row = await delegate(type).findFirst({ where: PARTNER_TYPES[type]?.where ?? {}, orderBy: { id: "asc" } });
      if (!row) {
        // Every type partners read has demo rows; internal ones are checked where they exist.
        if (PARTNER_TYPES[type]) mismatches.push(`${type}: no row to look up`);
        continue;
      }
      const opens = PARTNER_TYPES[type]?.scopes ?? [];
      for (const [role, held] of Object.entries(PARTNERS)) {
        if (held.length === 0) continue; // refused outright (the matrix above)
        const result = await gql<{ node: { __typename: string } | null }>(
          "query N($id: ID!) { node(id: $id) { __typename id } }",
          { id: toGlobalId(type, row.id) },
          headers[role],
        );
        const expected = opens.some((scope) => held.includes(scope)) ? type : null;
        if (result.errors || (result.data?.node?.__typename ?? null) !== expected)
          mismatches.push(
            `${type} as ${role}: expected ${expected}, got ${JSON.stringify(result.errors ?? result.data)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("refuse every nested field that crosses into another scope's data to a key without that scope, naming it", async () => {
    // Found in the schema, so that a new crossing field needs a case here. Report.files leads
    // to internal records no scope opens (files-downloads.test.ts).
    expect(partnerCrossings()).toEqual([
      "Centre.mobileVisits",
      "Event.centre",
      "Event.hostOrganisation",
      "MobileVisit.centre",
      "Municipality.population",
      "Region.population",
      "Report.centre",
      "Report.files",
    ]);
    const crossings: [parent: string, field: string, opens: readonly ApiScope[]][] = [
      ["Centre", "mobileVisits", STATISTICS],
      ["MobileVisit", "centre", REGISTRY],
      ["Event", "centre", REGISTRY],
      ["Event", "hostOrganisation", REGISTRY],
      ["Report", "centre", REGISTRY],
      // The figure of a year, one of the place's many (a list relation in the database).
      ["Region", "population", STATISTICS],
      ["Municipality", "population", STATISTICS],
    ];
    const mismatches: string[] = [];
    for (const [parent, fieldName, opens] of crossings) {
      const type = (
        schema.getType(parent) as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
      ).getFields()[fieldName]?.type;
      if (!type) throw new Error(`${parent}.${fieldName} is not in the schema`);
      const connection = /Connection$/.test(getNamedType(type).name);
      const many = connection || isListType(isNonNullType(type) ? type.ofType : type);
      const listInDatabase = many || fieldName === "population";
      const row = await delegate(parent).findFirst({
        where: { ...PARTNER_TYPES[parent]?.where, [fieldName]: listInDatabase ? { some: {} } : { is: {} } },
        orderBy: { id: "asc" },
      });
      expect(row, `${parent} with ${fieldName}`).toBeTruthy();
      // A count alone reads no row of the type, so only the field's own guard can refuse it.
      const selection = connection ? "(first: 1) { totalCount }" : "{ id }";
      for (const [role, held] of Object.entries(PARTNERS)) {
        if (!PARTNER_TYPES[parent]?.scopes.some((scope) => held.includes(scope))) continue; // cannot read the parent
        const result = await gql<{ node: Record<string, unknown> | null }>(
          `query N($id: ID!) { node(id: $id) { id ... on ${parent} { ${fieldName} ${selection} } } }`,
          { id: toGlobalId(parent, row?.id ?? "") },
          headers[role],
        );
        const value = result.data?.node?.[fieldName];
        if (opens.some((scope) => held.includes(scope))) {
          if (result.errors || !value) mismatches.push(`${parent}.${fieldName} as ${role}: ${JSON.stringify(result)}`);
        } else {
          const refusal = result.errors?.find((e) => e.extensions?.code === "FORBIDDEN");
          if (value || JSON.stringify(refusal?.extensions?.requiredScopes) !== JSON.stringify(opens))
            mismatches.push(
              `${parent}.${fieldName} as ${role} was not refused for ${opens}: ${JSON.stringify(result)}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
