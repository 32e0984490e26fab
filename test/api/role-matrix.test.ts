// Every root query and mutation, under every role: refused or allowed exactly as its
// declared scopes say, and never an unexpected (500-like) error. Then the region wall: a
// curator of Smolensk and Udmurtia reaches no row of another region by any path.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { schema } from "../../api/schema.js";
import { asUser, gql } from "../helpers/graphql.js";
import { operations } from "../helpers/operations.js";

const ROLES = ["anonymous", "ADMIN", "CURATOR", "OPERATOR", "AUDITOR", "PARTNER"] as const;
type Role = (typeof ROLES)[number];

const SCOPE_ROLES: Record<string, readonly Role[]> = {
  public: ROLES,
  signedIn: ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR", "PARTNER"],
  staff: ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"],
  internal: ["ADMIN", "CURATOR", "AUDITOR"],
  writer: ["ADMIN", "CURATOR"],
  admin: ["ADMIN"],
};

/** Roles a field's declared scopes admit (any one scope suffices, as scope-auth does). */
function admitted(scopes: Record<string, unknown>): Set<Role> {
  const roles = new Set<Role>();
  for (const [scope, value] of Object.entries(scopes)) {
    if (scope === "role") roles.add(value as Role);
    else if (value === true) for (const role of SCOPE_ROLES[scope] ?? []) roles.add(role);
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

const headers: Record<Role, Record<string, string>> = {} as Record<Role, Record<string, string>>;

beforeAll(async () => {
  const key = `dsp_${randomBytes(32).toString("base64url")}`;
  await prisma.apiClient.create({
    data: { name: "Матрица ролей", keyPrefix: key.slice(0, 12), keyHash: hashApiKey(key), scopes: ["read"] },
  });
  headers.anonymous = {};
  headers.PARTNER = { "x-api-key": key };
  for (const role of ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"] as const)
    headers[role] = await asUser(`${role.toLowerCase()}@dostup.local`);
});

const all = operations(schema);
const fields = { ...schema.getQueryType()?.getFields(), ...schema.getMutationType()?.getFields() };
const declared = (name: string) =>
  (fields[name]?.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;

describe("role matrix", () => {
  it("covers every root field, each declaring its scopes explicitly", () => {
    // `node` gets its scopes from the relay plugin's options.
    const missing = all.filter(
      (op) => op.name !== "node" && (typeof declared(op.name) !== "object" || declared(op.name) === null),
    );
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
      expect(roles.has("AUDITOR") || roles.has("PARTNER") || roles.has("anonymous"), op.name).toBe(false);
    }
  });

  for (const role of ROLES) {
    it(`answers every operation as ${role}: refused or allowed as declared, never an unexpected error`, async () => {
      const mismatches: string[] = [];
      const tally = { allowed: 0, refused: 0 };
      for (const op of all) {
        const scopes = op.name === "node" ? { signedIn: true } : (declared(op.name) as Record<string, unknown>);
        const expected = admitted(scopes).has(role) ? "allowed" : "refused";
        // Signing out ends the session it is sent with: it gets a session of its own.
        const asked =
          op.name === "logout" && role !== "anonymous" && role !== "PARTNER"
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
      }
      process.stdout.write(`role matrix, ${role}: ${tally.allowed} allowed, ${tally.refused} refused\n`);
      if (mismatches.length > 0) process.stdout.write(`${role}:\n  ${mismatches.join("\n  ")}\n`);
      expect(mismatches).toEqual([]);
    }, 120_000);
  }
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
        const { decodeGlobalID } = await import("@pothos/plugin-relay");
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
