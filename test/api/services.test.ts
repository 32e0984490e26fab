// The service catalogue as it is read: filters, search, paging and ordering, each role's view of
// it (a curator sees federal services and their regions', partners published ones only), and
// no N+1 statements.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql } from "../helpers/graphql.js";
import { PAGE, type Page, partnerHeaders, servicesFixtures, tag } from "../helpers/services.js";
import { recordSql } from "../helpers/sql.js";

describe("services", () => {
  let { curator, regions } = {} as Awaited<ReturnType<typeof servicesFixtures>>;

  beforeAll(async () => {
    ({ curator, regions } = await servicesFixtures());
  });

  describe("lists", () => {
    it("filters Smolensk's socially significant catalogue: 83 services, 2 of them proactive", async () => {
      const all = await gql<Page>(PAGE, {
        first: 1,
        filter: { regionId: regions.smolensk.global, socialSignificant: true },
      });
      expect(all.errors).toBeUndefined();
      expect(all.data?.services.totalCount).toBe(83);
      const proactive = await gql<Page>(PAGE, {
        first: 10,
        filter: { regionId: regions.smolensk.global, socialSignificant: true, proactive: true },
      });
      expect(proactive.data?.services.totalCount).toBe(2);
      expect(proactive.data?.services.edges).toHaveLength(2);
    });

    it("leaves archived services out unless asked for by status", async () => {
      const name = `Архивная услуга ${tag()}`;
      await prisma.service.create({
        data: { name, level: "REGIONAL", regionId: regions.udmurtia.id, status: "ARCHIVED" },
      });
      const listed = await gql<Page>(PAGE, { first: 5, filter: { search: name } });
      expect(listed.data?.services.totalCount).toBe(0);
      const archived = await gql<Page>(PAGE, { first: 5, filter: { search: name, status: "ARCHIVED" } });
      expect(archived.data?.services.edges.map((e) => e.node.name)).toEqual([name]);
    });

    it("filters by level, flags and region, with totals and exact fees", async () => {
      const word = tag();
      const create = (
        name: string,
        data: Partial<{ level: "FEDERAL" | "REGIONAL"; regionId: string; electronic: boolean; fee: number }>,
      ) => prisma.service.create({ data: { name: `${name} ${word}`, level: "FEDERAL", ...data } });
      await create("Ф1", { electronic: true, fee: 6000 });
      await create("Ф2", { electronic: false });
      await create("Р1", { level: "REGIONAL", regionId: regions.udmurtia.id, electronic: true });

      const federal = await gql<Page>(PAGE, {
        first: 10,
        filter: { search: word, level: "FEDERAL" },
        orderBy: { field: "NAME", direction: "ASC" },
      });
      expect(federal.errors).toBeUndefined();
      expect(federal.data?.services.totalCount).toBe(2);
      expect(federal.data?.services.edges.map((e) => [e.node.name, e.node.fee, e.node.region])).toEqual([
        [`Ф1 ${word}`, "6000.00", null],
        [`Ф2 ${word}`, null, null],
      ]);
      const electronic = await gql<Page>(PAGE, { first: 10, filter: { search: word, electronic: true } });
      expect(electronic.data?.services.totalCount).toBe(2);
      const regional = await gql<Page>(PAGE, {
        first: 10,
        filter: { search: word, regionId: regions.udmurtia.global },
      });
      expect(regional.data?.services.edges.map((e) => [e.node.name, e.node.region?.code])).toEqual([
        [`Р1 ${word}`, "18"],
      ]);
    });

    it("pages through a list without gaps or repeats, DESC being ASC reversed, names repeating or not", async () => {
      const word = tag();
      for (const name of ["В", "А", "Б", "А", "Г", "Б", "Д"]) {
        await prisma.service.create({
          data: { name: `${name} ${word}`, level: "REGIONAL", regionId: regions.smolensk.id },
        });
      }
      const walk = async (field: string, direction: string) => {
        const names: string[] = [];
        const ids: string[] = [];
        let after: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof gql<Page>>> = await gql<Page>(PAGE, {
            first: 3,
            after,
            filter: { search: word },
            orderBy: { field, direction },
          });
          expect(page.data?.services.totalCount).toBe(7);
          for (const edge of page.data?.services.edges ?? []) {
            ids.push(edge.node.id);
            names.push(edge.node.name.charAt(0));
          }
          after = page.data?.services.pageInfo.hasNextPage ? page.data.services.pageInfo.endCursor : null;
        } while (after);
        return { ids, names };
      };
      const byName = await walk("NAME", "ASC");
      expect(byName.names).toEqual(["А", "А", "Б", "Б", "В", "Г", "Д"]);
      expect(new Set(byName.ids).size).toBe(7);
      expect((await walk("NAME", "DESC")).ids).toEqual([...byName.ids].reverse());
      const byCreation = await walk("CREATED_AT", "ASC");
      expect(byCreation.names).toEqual(["В", "А", "Б", "А", "Г", "Б", "Д"]);
      expect((await walk("CREATED_AT", "DESC")).ids).toEqual([...byCreation.ids].reverse());
    });

    it("treats % and _ in a search as the characters themselves", async () => {
      const word = tag();
      const percent = `Скидка 50% ${word}`;
      const underscore = `Услуга a_b ${word}`;
      for (const name of [percent, underscore, `Услуга 50 процентов aXb ${word}`]) {
        await prisma.service.create({ data: { name, level: "REGIONAL", regionId: regions.udmurtia.id } });
      }
      const byPercent = await gql<Page>(PAGE, { first: 10, filter: { search: `50% ${word}` } });
      expect(byPercent.errors).toBeUndefined();
      expect(byPercent.data?.services.edges.map((e) => e.node.name)).toEqual([percent]);
      const byUnderscore = await gql<Page>(PAGE, { first: 10, filter: { search: `a_b ${word}` } });
      expect(byUnderscore.data?.services.edges.map((e) => e.node.name)).toEqual([underscore]);
    });

    it("shows a curator federal services and those of their regions, never another region's", async () => {
      const word = tag();
      const create = (name: string, regionId: string | null) =>
        prisma.service.create({
          data: { name: `${name} ${word}`, level: regionId ? "REGIONAL" : "FEDERAL", regionId },
        });
      await create("Федеральная", null);
      await create("Смоленская", regions.smolensk.id);
      await create("Удмуртская", regions.udmurtia.id);
      const pskov = await create("Псковская", regions.pskov.id);

      const page = await gql<Page>(
        PAGE,
        { first: 10, filter: { search: word }, orderBy: { field: "NAME", direction: "ASC" } },
        curator,
      );
      expect(page.data?.services.totalCount).toBe(3);
      expect(page.data?.services.edges.map((e) => e.node.region?.code ?? null)).toEqual(["67", "18", null]);
      const filtered = await gql<Page>(PAGE, { first: 1, filter: { regionId: regions.pskov.global } }, curator);
      expect(filtered.data?.services.totalCount).toBe(0);
      const node = await gql<{ node: { id: string } | null }>(
        `query N($id: ID!) { node(id: $id) { id } }`,
        { id: toGlobalId("Service", pskov.id) },
        curator,
      );
      expect(node.errors).toBeUndefined();
      expect(node.data?.node).toBeNull();
      const auditor = await gql<Page>(
        PAGE,
        { first: 10, filter: { search: word } },
        await asUser("auditor@dostup.local"),
      );
      expect(auditor.data?.services.totalCount).toBe(4);
    });

    it("issues the same number of SQL statements for 5 services as for 100, nested relations included", async () => {
      const nested = `query N($first: Int) { services(first: $first) { totalCount edges { node { name region { name }
        competentAuthority { name } lifeSituations { position lifeSituation { code } }
        centres(first: 3) { totalCount edges { node { helpKinds centre { name } } } } } } } }`;
      const small = await recordSql(() => gql(nested, { first: 5 }));
      const large = await recordSql(() => gql(nested, { first: 100 }));
      expect(small.result.errors).toBeUndefined();
      expect(large.result.errors).toBeUndefined();
      expect(large.statements.length).toBe(small.statements.length);
    });
  });

  describe("partners", () => {
    it("see published services only, in lists and by id, and cannot ask for drafts", async () => {
      const partner = await partnerHeaders();
      const word = tag();
      const create = (status: "DRAFT" | "PUBLISHED" | "ARCHIVED") =>
        prisma.service.create({ data: { name: `${status} ${word}`, level: "FEDERAL", status } });
      const draft = await create("DRAFT");
      await create("PUBLISHED");
      await create("ARCHIVED");
      const own = await gql<Page>(PAGE, { first: 10, filter: { search: word } }, partner);
      expect(own.errors).toBeUndefined();
      expect(own.data?.services.edges.map((e) => e.node.name)).toEqual([`PUBLISHED ${word}`]);
      expect(own.data?.services.totalCount).toBe(1);
      const page = await gql<Page>(PAGE, { first: 100 }, partner);
      expect(page.data?.services.edges).toHaveLength(100);
      expect(page.data?.services.edges.every((e) => e.node.status === "PUBLISHED")).toBe(true);
      for (const status of ["DRAFT", "ARCHIVED"]) {
        const hidden = await gql<Page>(PAGE, { first: 1, filter: { status, search: word } }, partner);
        expect(hidden.data?.services.totalCount).toBe(0);
      }
      const node = await gql<{ node: unknown }>(
        `query N($id: ID!) { node(id: $id) { id } }`,
        { id: toGlobalId("Service", draft.id) },
        partner,
      );
      expect(node.data?.node).toBeNull();
      const byAdmin = await gql<{ node: { status: string } }>(
        `query N($id: ID!) { node(id: $id) { ... on Service { status } } }`,
        {
          id: toGlobalId("Service", draft.id),
        },
      );
      expect(byAdmin.data?.node.status).toBe("DRAFT");
    });
  });
});
