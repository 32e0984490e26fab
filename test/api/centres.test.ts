import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";

interface CentreNode {
  id: string;
  name: string;
  kinds: string[];
  hostOrganisation: { id: string; name: string };
}

interface Page {
  centres: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: CentreNode }[];
  };
}

const PAGE = `query Page($first: Int, $after: String, $filter: CentreFilter, $orderBy: CentreOrderBy) {
  centres(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name kinds hostOrganisation { id name } } }
  }
}`;

describe("centres", () => {
  let pskov: string;

  beforeAll(async () => {
    useIdentity(await asUser("admin@dostup.local"));
    const region = await prisma.region.findUniqueOrThrow({ where: { code: "60" } });
    pskov = toGlobalId("Region", region.id);
  });

  it("lists the registry with its total, page by page, without gaps or repeats", async () => {
    // Pskov's centres: no other test file writes there, so the count holds still.
    const total = await prisma.centre.count({ where: { archivedAt: null, region: { code: "60" } } });
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof gql<Page>>> = await gql<Page>(PAGE, {
        first: 100,
        after,
        filter: { regionId: pskov },
      });
      expect(page.errors).toBeUndefined();
      const centres = page.data?.centres;
      expect(centres?.totalCount).toBe(total);
      for (const edge of centres?.edges ?? []) seen.add(edge.node.id);
      after = centres?.pageInfo.hasNextPage ? centres.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 100);
    expect(seen.size).toBe(total);
    expect(total).toBeGreaterThan(100);
  });

  it("never returns more than 100 rows, whatever `first` asks for", async () => {
    const result = await gql<Page>(PAGE, { first: 5000 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.centres.edges).toHaveLength(100);
    const literal = await gql<Page>("{ centres(first: 5000) { totalCount edges { node { id } } } }");
    expect(literal.errors).toBeUndefined();
    expect(literal.data?.centres.edges).toHaveLength(100);
  });

  it("refuses a negative page size with an error, not a crash", async () => {
    const result = await gql<Page>(PAGE, { first: -1 });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/first/i);
    expect(result.errors?.[0]?.message).not.toMatch(/Unexpected error/);
  });

  it("filters Pskov's legal information centres: 141, of them 34 in rural libraries", async () => {
    const all = await gql<Page>(PAGE, { first: 1, filter: { regionId: pskov, kind: "LEGAL_INFO" } });
    expect(all.data?.centres.totalCount).toBe(141);
    const rural = await gql<Page>(PAGE, { first: 1, filter: { regionId: pskov, kind: "LEGAL_INFO", rural: true } });
    expect(rural.data?.centres.totalCount).toBe(34);
  });

  it("orders by name, and DESC is exactly ASC reversed", async () => {
    const filter = { regionId: pskov, kind: "LEGAL_INFO", rural: true };
    const asc = await gql<Page>(PAGE, { first: 100, filter, orderBy: { field: "NAME", direction: "ASC" } });
    const desc = await gql<Page>(PAGE, { first: 100, filter, orderBy: { field: "NAME", direction: "DESC" } });
    const ascIds = asc.data?.centres.edges.map((e) => e.node.id) ?? [];
    expect(ascIds).toHaveLength(34);
    expect(desc.data?.centres.edges.map((e) => e.node.id)).toEqual([...ascIds].reverse());
  });

  it("treats % and _ in a search as the characters themselves", async () => {
    const percent = await gql<Page>(PAGE, { first: 5, filter: { search: "%" } });
    expect(percent.errors).toBeUndefined();
    expect(percent.data?.centres.totalCount).toBe(0);
    const underscore = await gql<Page>(PAGE, { first: 5, filter: { search: "_" } });
    expect(underscore.data?.centres.totalCount).toBe(0);
    const some = await prisma.centre.findFirstOrThrow({ where: { archivedAt: null } });
    const found = await gql<Page>(PAGE, { first: 100, filter: { search: some.name.toUpperCase() } });
    expect(found.data?.centres.edges.map((e) => e.node.id)).toContain(toGlobalId("Centre", some.id));
  });

  it("refuses an id of the wrong type in a filter with a message naming the field", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    const result = await gql<Page>(PAGE, { first: 1, filter: { regionId: toGlobalId("Centre", centre.id) } });
    expect(result.errors?.[0]?.message).toBe('"filter.regionId" must be the id of a Region.');
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("reaches a centre's host organisation and back through node(id)", async () => {
    const centre = await prisma.centre.findFirstOrThrow({
      where: { archivedAt: null },
      include: { hostOrganisation: true },
    });
    const result = await gql<{
      node: {
        name: string;
        hostOrganisation: {
          id: string;
          name: string;
          centres: { totalCount: number; edges: { node: { id: string } }[] };
        };
      };
    }>(
      `query One($id: ID!) { node(id: $id) { ... on Centre { name hostOrganisation { id name centres(first: 100) { totalCount edges { node { id } } } } } } }`,
      { id: toGlobalId("Centre", centre.id) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.node.name).toBe(centre.name);
    expect(result.data?.node.hostOrganisation.name).toBe(centre.hostOrganisation.name);
    const hosted = await prisma.centre.count({
      where: { hostOrganisationId: centre.hostOrganisationId, archivedAt: null },
    });
    expect(result.data?.node.hostOrganisation.centres.totalCount).toBe(hosted);
    expect(result.data?.node.hostOrganisation.centres.edges.map((e) => e.node.id)).toContain(
      toGlobalId("Centre", centre.id),
    );
  });

  it("issues a fixed number of SQL statements for a page of centres with nested relations (no N+1)", async () => {
    const nested = `query N($first: Int) { centres(first: $first) { totalCount edges { node { name
      hostOrganisation { name }
      settlement { name isRural municipality { name region { name } } }
      activeCurators { role person { lastName firstName } }
      services { helpKinds service { name } } } } } }`;
    // Who is calling is remembered after the first request (identity cache): warm it, so both
    // pages are counted alike.
    await gql("{ me { email } }");
    const small = await recordSql(() => gql(nested, { first: 5 }));
    const large = await recordSql(() => gql<{ centres: { edges: unknown[] } }>(nested, { first: 50 }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data?.centres.edges).toHaveLength(50);
    process.stdout.write(`SQL statements for centres(first: 50) with nested relations: ${large.statements.length}\n`);
    expect(large.statements.length).toBe(small.statements.length);
    // The caller is known already; 1 reads the page with its relations as LATERAL joins
    // (relationJoins), 1 counts: 2 whatever the page size.
    expect(large.statements.length).toBe(2);
  });
});
