// Life situations as they are read: the catalogue with its ordered services, filters and search,
// each role's view (a curator sees federal ones and their regions', partners published ones
// with their published services only), and no N+1 statements.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { gql } from "../helpers/graphql.js";
import {
  createFederal,
  type LifeSituationFixtures,
  lifeSituationFixtures,
  PAGE,
  type Page,
  read,
  tag,
} from "../helpers/life-situations.js";
import { partnerKey } from "../helpers/partners.js";
import { recordSql } from "../helpers/sql.js";

describe("life situations", () => {
  let { curator, regions, federal } = {} as LifeSituationFixtures;
  beforeAll(async () => {
    ({ curator, regions, federal } = await lifeSituationFixtures());
  });

  describe("lists", () => {
    it("lists the demo catalogue with its ordered services, mandatory and optional", async () => {
      const page = await gql<Page>(PAGE, { first: 10, filter: { search: "RETIREMENT" } });
      expect(page.errors).toBeUndefined();
      expect(page.data?.lifeSituations.totalCount).toBe(1);
      const retirement = page.data?.lifeSituations.edges[0]?.node;
      expect(retirement?.name).toBe("Выход на пенсию");
      expect(retirement?.services.map((s) => [s.position, s.mandatory])).toEqual([
        [1, true],
        [2, true],
        [3, false],
        [4, false],
        [5, false],
      ]);
      expect(retirement?.services[1]?.service.name).toBe("Назначение страховой пенсии по старости");
    });

    it("filters by kind and region, with totals", async () => {
      const business = await gql<Page>(PAGE, { first: 50, filter: { kind: "BUSINESS_EVENT" } });
      expect(business.data?.lifeSituations.edges.map((e) => e.node.code)).toContain("BUSINESS_START");
      expect(business.data?.lifeSituations.edges.every((e) => e.node.kind === "BUSINESS_EVENT")).toBe(true);

      const word = tag();
      const create = (kind: "LIFE_EVENT" | "BUSINESS_EVENT", regionId: string | null) =>
        prisma.lifeSituation.create({ data: { code: `F_${tag()}`, name: `Фильтр ${word}`, kind, regionId } });
      await create("BUSINESS_EVENT", null);
      await create("BUSINESS_EVENT", regions.pskov.id);
      await create("LIFE_EVENT", regions.pskov.id);
      await create("LIFE_EVENT", null);
      const count = async (filter: Record<string, unknown>) =>
        (await gql<Page>(PAGE, { first: 10, filter: { search: word, ...filter } })).data?.lifeSituations.totalCount;
      expect(await count({})).toBe(4);
      expect(await count({ kind: "BUSINESS_EVENT" })).toBe(2);
      expect(await count({ regionId: regions.pskov.global })).toBe(2);
      expect(await count({ regionId: regions.pskov.global, kind: "LIFE_EVENT" })).toBe(1);
      expect(await count({ status: "DRAFT" })).toBe(0);
    });

    it("treats % and _ in a search as the characters themselves", async () => {
      const word = tag();
      for (const name of [`Скидка 100% ${word}`, `Скидка 1000 ${word}`, `Пособие a_b ${word}`, `Пособие aXb ${word}`]) {
        await prisma.lifeSituation.create({ data: { code: `S_${tag()}`, name, kind: "LIFE_EVENT" } });
      }
      const percent = await gql<Page>(PAGE, { first: 10, filter: { search: `100% ${word}` } });
      expect(percent.data?.lifeSituations.edges.map((e) => e.node.name)).toEqual([`Скидка 100% ${word}`]);
      const underscore = await gql<Page>(PAGE, { first: 10, filter: { search: `a_b ${word}` } });
      expect(underscore.data?.lifeSituations.edges.map((e) => e.node.name)).toEqual([`Пособие a_b ${word}`]);
    });

    it("shows a curator federal life situations and their regions', never another region's", async () => {
      const word = tag();
      const create = (regionId: string | null) =>
        prisma.lifeSituation.create({
          data: { code: `V_${tag()}`, name: `Видимость ${word}`, kind: "LIFE_EVENT", regionId },
        });
      await create(null);
      await create(regions.smolensk.id);
      const pskov = await create(regions.pskov.id);
      const page = await gql<Page>(PAGE, { first: 10, filter: { search: word } }, curator);
      expect(page.data?.lifeSituations.totalCount).toBe(2);
      expect(page.data?.lifeSituations.edges.map((e) => e.node.region?.code ?? null).sort()).toEqual(
        ["67", null].sort(),
      );
      expect(await read(toGlobalId("LifeSituation", pskov.id), curator)).toBeNull();
    });

    it("issues the same number of SQL statements for 2 life situations as for 50 (no N+1)", async () => {
      const small = await recordSql(() => gql(PAGE, { first: 2 }));
      const large = await recordSql(() => gql(PAGE, { first: 50 }));
      expect(small.result.errors).toBeUndefined();
      expect(large.statements.length).toBe(small.statements.length);
    });
  });

  describe("partners", () => {
    it("see published life situations only, and within them published services only", async () => {
      // The empty Authorization keeps the file's identity off the key's requests.
      const partner = { authorization: "", ...(await partnerKey({ name: "Life situations partner" })).headers };
      const draftService = await prisma.service.create({
        data: { name: `Черновик ${tag()}`, level: "FEDERAL", status: "DRAFT" },
      });
      const created = await createFederal([
        { serviceId: federal.esia, mandatory: true },
        { serviceId: toGlobalId("Service", draftService.id), mandatory: true },
      ]);
      const draft = await prisma.lifeSituation.create({
        data: { code: `DRAFT_${tag()}`, name: "Черновик", kind: "LIFE_EVENT", status: "DRAFT" },
      });

      const seen = await read(created.id, partner);
      expect(seen?.services.map((s) => s.service.id)).toEqual([federal.esia]);
      expect((await read(created.id))?.services).toHaveLength(2);
      expect(await read(toGlobalId("LifeSituation", draft.id), partner)).toBeNull();

      const listed = await gql<Page>(PAGE, { first: 10, filter: { search: draft.code } }, partner);
      expect(listed.errors).toBeUndefined();
      expect(listed.data?.lifeSituations.totalCount).toBe(0);
      const page = await gql<Page>(PAGE, { first: 100 }, partner);
      expect(page.data?.lifeSituations.edges.map((e) => e.node.code)).toContain(created.code);
      expect(page.data?.lifeSituations.edges.every((e) => e.node.status === "PUBLISHED")).toBe(true);
    });
  });
});
