// Every root query and mutation, under every role: refused or allowed exactly as its
// declared scopes say, and never an unexpected (500-like) error. Then the region wall: a
// curator of Smolensk and Udmurtia reaches no row of another region by any path. Then four
// eyes: no one approves a report or a quality standard they wrote.
import { createHash, randomUUID } from "node:crypto";
import { decodeGlobalID } from "@pothos/plugin-relay";
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
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { schema } from "../../api/schema.js";
import { asUser, gql } from "../helpers/graphql.js";
import { operations } from "../helpers/operations.js";
import { partnerKey } from "../helpers/partners.js";
import { newUser, type TestUser } from "../helpers/users.js";

const STAFF = ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"] as const;
/** Partner keys by the scopes they hold: each scope alone, all of them, and none. */
const PARTNERS: Record<string, readonly ApiScope[]> = {
  "PARTNER registry:read": ["registry:read"],
  "PARTNER statistics:read": ["statistics:read"],
  "PARTNER registry:read statistics:read": ["registry:read", "statistics:read"],
  "PARTNER without scopes": [],
};
const ROLES: readonly string[] = ["anonymous", ...STAFF, ...Object.keys(PARTNERS)];
type Role = string;

const SCOPE_ROLES: Record<string, readonly Role[]> = {
  public: ROLES,
  staff: STAFF,
  internal: ["ADMIN", "CURATOR", "AUDITOR"],
  writer: ["ADMIN", "CURATOR"],
  admin: ["ADMIN"],
};

/** The scopes a `partner:` declaration asks for (one, or any of a list). */
const partnerScopes = (value: unknown): ApiScope[] => [value as ApiScope | ApiScope[]].flat();

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

/** What every signed-in person does for themselves, whatever their role. */
const SELF_SERVICE = ["login", "logout"];

const headers: Record<Role, Record<string, string>> = {};

beforeAll(async () => {
  headers.anonymous = {};
  for (const [role, scopes] of Object.entries(PARTNERS))
    headers[role] = (await partnerKey({ name: `Матрица ролей: ${role}`, scopes: [...scopes] })).headers;
  for (const role of STAFF) headers[role] = await asUser(`${role.toLowerCase()}@dostup.local`);
});

const all = operations(schema);
const fields = { ...schema.getQueryType()?.getFields(), ...schema.getMutationType()?.getFields() };
const declared = (name: string) =>
  (fields[name]?.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;

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
      const outsiders = ["AUDITOR", "anonymous", ...Object.keys(PARTNERS)].filter((role) => roles.has(role));
      expect(outsiders, op.name).toEqual([]);
    }
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
        "feedbackCategories",
        "lifeSituations",
        "municipalities",
        "node",
        "organisations",
        "qualityStandards",
        "regions",
        "services",
      ],
      "statistics:read": [
        "centresByKind",
        "centresByPlace",
        "eventsByType",
        "indicatorDynamics",
        "kpiProgress",
        "kpis",
        "mobileOfficeActivity",
        "node",
        "regionStatistics",
        "reportExport",
        "reportForms",
        "reports",
        "reportsCsv",
        "requestsByCategory",
      ],
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

// ── Partner keys: each type by its scopes, through node(id) and nested fields ──

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
  FeedbackCategory: { scopes: REGISTRY, where: {} },
  Report: { scopes: STATISTICS, where: { published: true, status: { in: ["APPROVED", "LOCKED"] } } },
  ReportForm: { scopes: STATISTICS, where: {} },
  ReportIndicator: { scopes: STATISTICS, where: {} },
  Kpi: { scopes: STATISTICS, where: {} },
  KpiValue: { scopes: STATISTICS, where: {} },
  MobileVisit: { scopes: STATISTICS, where: {} },
};
/** Personal and internal records: no partner key reads them, whatever its scopes. */
const NEVER_PARTNERS = [
  "ApiClient",
  "CuratorAssignment",
  "Feedback",
  "FileAccess",
  "ImportBatch",
  "Person",
  "Project",
  "QualityMeasurement",
  "StoredFile",
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
    // to internal records no scope opens (files.test.ts).
    expect(partnerCrossings()).toEqual(["Centre.mobileVisits", "MobileVisit.centre", "Report.centre", "Report.files"]);
    const crossings: [parent: string, field: string, opens: readonly ApiScope[]][] = [
      ["Centre", "mobileVisits", STATISTICS],
      ["MobileVisit", "centre", REGISTRY],
      ["Report", "centre", REGISTRY],
    ];
    const mismatches: string[] = [];
    for (const [parent, fieldName, opens] of crossings) {
      const type = (
        schema.getType(parent) as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
      ).getFields()[fieldName]?.type;
      if (!type) throw new Error(`${parent}.${fieldName} is not in the schema`);
      const connection = /Connection$/.test(getNamedType(type).name);
      const many = connection || isListType(isNonNullType(type) ? type.ofType : type);
      const row = await delegate(parent).findFirst({
        where: { ...PARTNER_TYPES[parent]?.where, [fieldName]: many ? { some: {} } : { is: {} } },
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

// ── The region wall ──

const CURATOR_REGIONS = ["67", "18"];

async function regionCodeOf(typename: string, id: string): Promise<string | null | undefined> {
  const where = { where: { id } };
  const code = (r: { code: string } | null | undefined) => r?.code;
  switch (typename) {
    case "Region":
      return code(await prisma.region.findUnique(where));
    case "Centre":
    case "Organisation":
    case "Municipality":
    case "Person":
    case "Project":
    case "CuratorAssignment":
    case "Feedback":
    case "Report":
    case "QualityMeasurement": {
      const delegate = prisma[(typename.charAt(0).toLowerCase() + typename.slice(1)) as "centre"] as unknown as {
        findUnique(args: object): Promise<{ region: { code: string } } | null>;
      };
      return (await delegate.findUnique({ ...where, include: { region: true } }))?.region.code;
    }
    case "Service":
    case "LifeSituation":
    case "Kpi":
    case "KpiValue": {
      const delegate = prisma[(typename.charAt(0).toLowerCase() + typename.slice(1)) as "service"] as unknown as {
        findUnique(args: object): Promise<{ region: { code: string } | null } | null>;
      };
      const row = await delegate.findUnique({ ...where, include: { region: true } });
      return row ? (row.region?.code ?? null) : undefined;
    }
    case "Settlement":
      return (
        await prisma.settlement.findUnique({ ...where, include: { municipality: { include: { region: true } } } })
      )?.municipality.region.code;
    case "QualityStandard":
      return (
        (await prisma.qualityStandard.findUnique({ ...where, include: { service: { include: { region: true } } } }))
          ?.service.region?.code ?? null
      );
    default:
      return null; // regionless reference data (forms, categories)
  }
}

describe("a curator of Smolensk and Udmurtia", () => {
  let curator: Record<string, string>;
  beforeAll(async () => {
    curator = await asUser("curator@dostup.local");
  });

  it("lists only rows of their regions (or federal ones) in every root list", async () => {
    const lists = Object.values(schema.getQueryType()?.getFields() ?? {}).filter(
      (f) => f.type.toString().endsWith("Connection!") && f.args.every((a) => !a.type.toString().endsWith("!")),
    );
    expect(lists.length).toBeGreaterThan(8);
    const outside: string[] = [];
    for (const list of lists) {
      const result = await gql<Record<string, { edges: { node: { __typename: string; id: string } }[] }>>(
        `{ ${list.name}(first: 100) { edges { node { __typename id } } } }`,
        {},
        curator,
      );
      if (result.errors) continue; // refused outright: nothing reached
      for (const edge of result.data?.[list.name]?.edges ?? []) {
        const { id } = decodeGlobalID(edge.node.id);
        const code = await regionCodeOf(edge.node.__typename, id);
        if (code !== null && !CURATOR_REGIONS.includes(code ?? ""))
          outside.push(`${list.name}: ${edge.node.__typename} of region ${code}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it("gets nothing of Pskov through node(id), nested fields, filters or mutation inputs", async () => {
    const pskov = await prisma.region.findUniqueOrThrow({ where: { code: "60" } });
    const centre = await prisma.centre.findFirstOrThrow({ where: { regionId: pskov.id } });
    const organisation = await prisma.organisation.findFirstOrThrow({ where: { regionId: pskov.id } });
    const municipality = await prisma.municipality.findFirstOrThrow({ where: { regionId: pskov.id } });
    const report = await prisma.report.findFirst({ where: { regionId: pskov.id } });
    const ids = [
      toGlobalId("Region", pskov.id),
      toGlobalId("Centre", centre.id),
      toGlobalId("Organisation", organisation.id),
      toGlobalId("Municipality", municipality.id),
      ...(report ? [toGlobalId("Report", report.id)] : []),
    ];
    for (const id of ids) {
      const result = await gql<{ node: unknown }>(`query N($id: ID!) { node(id: $id) { id } }`, { id }, curator);
      expect(result.errors, id).toBeUndefined();
      expect(result.data?.node ?? null, id).toBeNull();
    }
    const filtered = await gql<{ centres: { totalCount: number } }>(
      `query F($r: ID!) { centres(first: 1, filter: { regionId: $r }) { totalCount } }`,
      { r: toGlobalId("Region", pskov.id) },
      curator,
    );
    expect(filtered.data?.centres.totalCount).toBe(0);
    const federal = await prisma.service.findFirstOrThrow({
      where: { regionId: null, centres: { some: { centre: { regionId: pskov.id } } } },
    });
    const nested = await gql<{ node: { centres: { edges: { node: { centre: { region: { code: string } } } }[] } } }>(
      `query S($id: ID!) { node(id: $id) { ... on Service { centres(first: 100) { edges { node { centre { region { code } } } } } } } }`,
      { id: toGlobalId("Service", federal.id) },
      curator,
    );
    expect(nested.errors).toBeUndefined();
    const codes = new Set(nested.data?.node.centres.edges.map((e) => e.node.centre.region.code));
    expect([...codes].every((c) => CURATOR_REGIONS.includes(c))).toBe(true);
    const update = await gql<{ updateCentre: { __typename: string } }>(
      `mutation U($input: UpdateCentreInput!) { updateCentre(input: $input) { __typename } }`,
      { input: { id: toGlobalId("Centre", centre.id), version: centre.version, name: "Захват" } },
      curator,
    );
    expect(update.data?.updateCentre.__typename).toBe("NotFoundError");
    expect((await prisma.centre.findUniqueOrThrow({ where: { id: centre.id } })).name).toBe(centre.name);
  });
});

// ── Four eyes ──
// Whoever created, filled in (by any path) or submitted a report can neither approve nor publish
// it, and whoever created or edited a quality standard's draft cannot approve it; administrators
// are not exempt. Another curator of the region or an administrator can. Every act, every
// approver.

describe("four eyes", () => {
  interface Outcome {
    __typename: string;
    message?: string;
    data?: Record<string, unknown> & { id: string; version: number };
  }
  type Headers = Record<string, string>;
  type Approver = "another curator of the region" | "an administrator";
  const APPROVERS: readonly Approver[] = ["another curator of the region", "an administrator"];
  const AUTHORS = ["ADMIN", "CURATOR"] as const;

  const inputType = (name: string) =>
    name === "submitReport" ? "VersionedInput" : `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;

  /** One mutation; its result union as the caller sees it. */
  async function call(name: string, input: object, headers: Headers, fields = "id version"): Promise<Outcome> {
    const success = `Mutation${name.charAt(0).toUpperCase()}${name.slice(1)}Success`;
    const response = await gql<{ r: Outcome }>(
      `mutation M($input: ${inputType(name)}!) { r: ${name}(input: $input) { __typename ... on Error { message }
        ... on ${success} { data { ${fields} } } } }`,
      { input },
      headers,
    );
    expect(response.errors, name).toBeUndefined();
    return response.data?.r as Outcome;
  }

  async function done(name: string, input: object, headers: Headers, fields?: string) {
    const outcome = await call(name, input, headers, fields);
    expect(outcome.__typename, `${name}: ${JSON.stringify(outcome)}`).toMatch(/Success$/);
    return outcome.data as NonNullable<Outcome["data"]>;
  }

  async function canApprove(id: string, headers: Headers): Promise<boolean | undefined> {
    const response = await gql<{ node: { canApprove: boolean } | null }>(
      `query C($id: ID!) { node(id: $id) { ... on Report { canApprove } ... on QualityStandard { canApprove } } }`,
      { id },
      headers,
    );
    return response.data?.node?.canApprove;
  }

  let demo: Record<(typeof AUTHORS)[number] | "OPERATOR", Headers>;
  /** Not the demo accounts: a second curator of the operator's regions, a second administrator. */
  let colleague: TestUser;
  let secondAdmin: TestUser;
  /** Drafts the standards another author edits or copies. */
  let drafter: TestUser;
  let formId: string;
  let centreId: string;
  let period = 0;

  beforeAll(async () => {
    demo = {
      ADMIN: await asUser("admin@dostup.local"),
      CURATOR: await asUser("curator@dostup.local"),
      OPERATOR: await asUser("operator@dostup.local"),
    };
    colleague = await newUser("CURATOR", CURATOR_REGIONS);
    secondAdmin = await newUser("ADMIN");
    drafter = await newUser("CURATOR", ["67"]);
    const form = await prisma.reportForm.findFirstOrThrow({ where: { code: "COD_MONTHLY", status: "ACTIVE" } });
    formId = toGlobalId("ReportForm", form.id);
    const operator = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
    centreId = toGlobalId("Centre", operator.centreId ?? "");
  });

  /** Who approves instead of the author: never the author, never the report's other writers. */
  function approverFor(author: (typeof AUTHORS)[number], approver: Approver): Headers {
    if (approver === "an administrator") return author === "ADMIN" ? secondAdmin.headers : demo.ADMIN;
    return author === "CURATOR" ? colleague.headers : demo.CURATOR;
  }

  const versionOf = async (id: string) =>
    (await prisma.report.findUniqueOrThrow({ where: { id: fromGlobalId("Report", id) } })).version;

  /** A CSV of the form's template with one value, as a spreadsheet the user filled in. */
  const csv = (periodStart: string) =>
    Buffer.from(`period_start,indicator_code,indicator_name,unit,total,rural\n${periodStart},USERS,,,77,7\n`);

  /** The file uploaded through the API by the centre's operator (requestFileUpload, POST, confirm). */
  async function uploaded(reportId: string, body: Buffer): Promise<string> {
    const requested = await done(
      "requestFileUpload",
      {
        purpose: "REPORT",
        reportId,
        fileName: "значения.csv",
        contentType: "text/csv",
        size: body.length,
        sha256: createHash("sha256").update(body).digest("hex"),
      },
      demo.OPERATOR,
      "file { id version } upload { url fields { name value } }",
    );
    const { file, upload } = requested as unknown as {
      file: { id: string };
      upload: { url: string; fields: { name: string; value: string }[] };
    };
    const form = new FormData();
    for (const field of upload.fields) form.append(field.name, field.value);
    form.append("file", new Blob([new Uint8Array(body)], { type: "text/csv" }), "значения.csv");
    expect((await fetch(upload.url, { method: "POST", body: form })).status).toBeLessThan(300);
    await done("confirmFileUpload", { fileId: file.id }, demo.OPERATOR, "id version");
    return file.id;
  }

  type Act = "creates" | "fills in (setReportValues)" | "imports CSV content" | "imports an uploaded file" | "submits";
  const ACTS: readonly Act[] = [
    "creates",
    "fills in (setReportValues)",
    "imports CSV content",
    "imports an uploaded file",
    "submits",
  ];

  for (const author of AUTHORS)
    for (const act of ACTS)
      for (const approver of APPROVERS)
        it(`a report: the ${author} who ${act} is refused approving and publishing it; ${approver} approves`, async () => {
          const by = (mine: boolean) => (mine ? demo[author] : demo.OPERATOR);
          const n = period++;
          const periodStart = `${2071 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}-01`;
          const report = await done("createReport", { formId, centreId, periodStart }, by(act === "creates"));
          const id = report.id;
          if (act === "imports CSV content") {
            const content = csv(periodStart).toString("base64");
            await done(
              "importReportValues",
              { reportId: id, version: await versionOf(id), format: "CSV", content },
              demo[author],
              "id status",
            );
          } else if (act === "imports an uploaded file") {
            const fileId = await uploaded(id, csv(periodStart));
            await done(
              "importReportValues",
              { reportId: id, version: await versionOf(id), format: "CSV", fileId },
              demo[author],
              "id status",
            );
          } else {
            const values = [{ indicatorCode: "USERS", total: 77, rural: 7 }];
            const filler = by(act === "fills in (setReportValues)");
            await done("setReportValues", { id, version: await versionOf(id), values }, filler);
          }
          const submitted = await done("submitReport", { id, version: await versionOf(id) }, by(act === "submits"));

          expect(await canApprove(id, demo[author])).toBe(false);
          expect(await canApprove(id, approverFor(author, approver))).toBe(true);
          for (const published of [true, false]) {
            const refused = await call("approveReport", { id, version: submitted.version, published }, demo[author]);
            expect(refused.__typename).toBe("ForbiddenError");
            expect(refused.message).toMatch(/cannot approve or publish it.*Another curator .* or an administrator/);
          }
          const row = await prisma.report.findUniqueOrThrow({ where: { id: fromGlobalId("Report", id) } });
          expect(row).toMatchObject({
            status: "SUBMITTED",
            published: false,
            approvedAt: null,
            version: submitted.version,
          });

          const approved = await done(
            "approveReport",
            { id, version: submitted.version, published: true },
            approverFor(author, approver),
            "id version status published",
          );
          expect(approved).toMatchObject({ status: "APPROVED", published: true });
        });

  type StandardAct = "creates the draft" | "creates the draft as a copy of another revision" | "edits the draft";
  const STANDARD_ACTS: readonly StandardAct[] = [
    "creates the draft",
    "creates the draft as a copy of another revision",
    "edits the draft",
  ];
  const TARGETS = [
    { indicatorCode: "WAIT_MINUTES", name: "Ожидание", unit: "мин", direction: "AT_MOST", threshold: 15 },
  ];

  for (const author of AUTHORS)
    for (const act of STANDARD_ACTS)
      for (const approver of APPROVERS)
        it(`a quality standard: the ${author} who ${act} is refused approving it; ${approver} approves`, async () => {
          const smolensk = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
          const service = await prisma.service.create({
            data: { name: `Четыре глаза ${randomUUID()}`, level: "REGIONAL", regionId: smolensk.id },
          });
          const serviceId = toGlobalId("Service", service.id);
          const create = (headers: Headers, extra: object = {}) =>
            done("createQualityStandardDraft", { serviceId, title: "Стандарт", targets: TARGETS, ...extra }, headers);
          let standard: { id: string; version: number };
          if (act === "creates the draft") standard = await create(demo[author]);
          else if (act === "edits the draft") {
            const created = await create(drafter.headers);
            const input = { id: created.id, version: created.version, title: "Исправленный стандарт" };
            standard = await done("updateQualityStandardDraft", input, demo[author]);
          } else {
            const source = await create(drafter.headers);
            standard = await done(
              "createQualityStandardDraft",
              { serviceId, title: "Новая редакция", copyFrom: source.id },
              demo[author],
            );
          }

          expect(await canApprove(standard.id, demo[author])).toBe(false);
          expect(await canApprove(standard.id, approverFor(author, approver))).toBe(true);
          const refused = await call("approveQualityStandard", standard, demo[author]);
          expect(refused.__typename).toBe("ForbiddenError");
          expect(refused.message).toMatch(/^You created or edited this draft, so you cannot approve it/);
          const row = await prisma.qualityStandard.findUniqueOrThrow({
            where: { id: fromGlobalId("QualityStandard", standard.id) },
          });
          expect(row).toMatchObject({ status: "DRAFT", approvedById: null, version: standard.version });

          const approved = await done(
            "approveQualityStandard",
            standard,
            approverFor(author, approver),
            "id version status",
          );
          expect(approved.status).toBe("APPROVED");
        });
});
