// The region wall: a curator of Smolensk and Udmurtia reaches no row of another region by any
// path (root lists, node(id), nested fields, filters, mutation inputs).
import { decodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { schema } from "../../api/schema.js";
import { asUser, gql } from "../helpers/graphql.js";
import { CURATOR_REGIONS } from "../helpers/roles.js";

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
