// Population per region and municipality and year: who reads and records it, corrections at
// the version read, the figure of a place with its year, and Tver's share following a
// corrected figure.
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, mutate, ok, useIdentity } from "../helpers/graphql.js";

type Headers = Record<string, string>;

interface Figure {
  id: string;
  year: number;
  count: number;
  source: string | null;
  version: number;
  region: { code: string };
  municipality: { name: string } | null;
}

const FIGURE = "id year count source version region { code } municipality { name }";
const LIST = `query($filter: PopulationFilter) { population(first: 50, filter: $filter) {
  totalCount edges { node { ${FIGURE} } } } }`;
const SOURCE = "Росстат, численность постоянного населения на 1 января";

const record = (input: object, headers: Headers) => mutate<Figure>("recordPopulation", FIGURE, input, { headers });

describe("population", () => {
  let admin: Headers;
  let curator: Headers;
  let auditor: Headers;
  let operator: Headers;
  let partner: Headers;
  let registryPartner: Headers;
  let region: Record<"tver" | "udmurtia" | "smolensk" | "pskov", { id: string; global: string }>;

  const list = async (filter: object, headers: Headers) => {
    const res = await gql<{ population: { totalCount: number; edges: { node: Figure }[] } }>(LIST, { filter }, headers);
    expect(res.errors).toBeUndefined();
    return res.data?.population.edges.map((edge) => edge.node) ?? [];
  };

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    curator = await asUser("curator@dostup.local");
    auditor = await asUser("auditor@dostup.local");
    operator = await asUser("operator@dostup.local");
    useIdentity(admin);
    const partnerKey = async (key: string, scopes: string[]) => {
      await prisma.apiClient.create({
        data: { name: `Population ${scopes.join(" ")}`, keyPrefix: key.slice(0, 11), keyHash: hashApiKey(key), scopes },
      });
      return { authorization: "", "x-api-key": key };
    };
    partner = await partnerKey("dsp_popul_stats_key_0123456789abcd", ["statistics:read"]);
    registryPartner = await partnerKey("dsp_popul_regis_key_0123456789abcd", ["registry:read"]);
    const byCode = async (code: string) => {
      const row = await prisma.region.findUniqueOrThrow({ where: { code } });
      return { id: row.id, global: toGlobalId("Region", row.id) };
    };
    region = {
      tver: await byCode("69"),
      udmurtia: await byCode("18"),
      smolensk: await byCode("67"),
      pskov: await byCode("60"),
    };
  });

  it("lists figures per region and municipality and year, latest year first", async () => {
    const tver = await list({ regionId: region.tver.global, level: "REGION" }, admin);
    expect(tver.map((f) => [f.year, f.count, f.source])).toEqual([
      [2018, 1_269_636, SOURCE],
      [2017, 1_283_873, SOURCE],
    ]);
    const pskov2021 = await list({ regionId: region.pskov.global, year: 2021 }, auditor);
    expect(pskov2021.map((f) => f.municipality?.name ?? "region")).toEqual([
      "город Великие Луки",
      "город Псков",
      "region",
    ]);
    expect(pskov2021.find((f) => f.municipality?.name === "город Псков")?.count).toBe(209_840);
    const municipalities = await list({ regionId: region.udmurtia.global, level: "MUNICIPALITY", year: 2018 }, admin);
    expect(municipalities.map((f) => f.municipality?.name).sort()).toEqual(["город Глазов", "город Ижевск"]);
    // A curator reads only the figures of their regions.
    const mine = await list({}, curator);
    expect(new Set(mine.map((f) => f.region.code))).toEqual(new Set(["18", "67"]));
  });

  it("lets partners read population with statistics:read only", async () => {
    const read = await list({ regionId: region.tver.global }, partner);
    expect(read.map((f) => f.count)).toContain(1_269_636);
    const refused = await gql(LIST, { filter: {} }, registryPartner);
    expect(refused.errors?.[0]?.extensions?.code).toBeDefined();
    expect(refused.data?.population ?? null).toBeNull();
  });

  it("gives a region's and a municipality's figure of a year, else the latest before it, with its year", async () => {
    const izhevsk = await prisma.municipality.findFirstOrThrow({ where: { name: "город Ижевск" } });
    const query = `query($region: ID!, $municipality: ID!, $year: Int) {
      region: node(id: $region) { ... on Region { population(year: $year) { year count source } } }
      municipality: node(id: $municipality) { ... on Municipality { population(year: $year) { year count } } } }`;
    const at = async (year: number) => {
      const res = await gql<{
        region: { population: { year: number; count: number; source: string } | null };
        municipality: { population: { year: number; count: number } | null };
      }>(query, { region: region.udmurtia.global, municipality: toGlobalId("Municipality", izhevsk.id), year });
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    expect(await at(2017)).toEqual({
      region: { population: { year: 2017, count: 1_516_826, source: SOURCE } },
      municipality: { population: { year: 2017, count: 646_277 } },
    });
    expect(await at(2024)).toEqual({
      region: { population: { year: 2018, count: 1_513_044, source: SOURCE } },
      municipality: { population: { year: 2018, count: 648_146 } },
    });
    expect(await at(2014)).toEqual({ region: { population: null }, municipality: { population: null } });
  });

  it("lets curators record and correct figures of their regions only, at the version read", async () => {
    const input = { regionId: region.udmurtia.global, year: 2019, count: 1_505_000, source: SOURCE };
    const created = await ok<Figure>("recordPopulation", FIGURE, input, { headers: curator });
    expect(created).toMatchObject({
      year: 2019,
      count: 1_505_000,
      version: 1,
      region: { code: "18" },
      municipality: null,
    });
    const unversioned = await record({ ...input, count: 1_507_390 }, curator);
    expect(unversioned.outcome?.issues?.map((i) => i.field)).toEqual(["input.version"]);
    const corrected = await ok<Figure>(
      "recordPopulation",
      FIGURE,
      { ...input, count: 1_507_390, version: 1 },
      {
        headers: curator,
      },
    );
    expect(corrected).toMatchObject({ id: created.id, count: 1_507_390, version: 2 });
    const stale = await record({ ...input, count: 1, version: 1 }, curator);
    expect(stale.outcome).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });

    const tver = await record({ regionId: region.tver.global, year: 2019, count: 1_260_000 }, curator);
    expect(tver.outcome?.__typename).toBe("NotFoundError");
    for (const who of [auditor, operator, partner]) {
      const refused = await record({ ...input, year: 2020 }, who);
      expect(refused.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const pskovCity = await prisma.municipality.findFirstOrThrow({ where: { name: "город Псков" } });
    const elsewhere = await record(
      { ...input, year: 2020, municipalityId: toGlobalId("Municipality", pskovCity.id) },
      admin,
    );
    expect(elsewhere.outcome?.issues?.map((i) => i.field)).toEqual(["input.municipalityId"]);

    const row = await prisma.population.findUniqueOrThrow({ where: { id: fromGlobalId("Population", created.id) } });
    expect(row.count).toBe(1_507_390);
    const log = await prisma.changeLog.findMany({
      where: { entity: "Population", entityId: row.id },
      orderBy: { at: "asc" },
    });
    expect(log.map((entry) => [entry.action, entry.regionId])).toEqual([
      ["CREATE", region.udmurtia.id],
      ["UPDATE", region.udmurtia.id],
    ]);
    expect(log[1]?.changes).toMatchObject({ count: { from: 1_505_000, to: 1_507_390 } });
  });

  it("refuses impossible figures with the field named, writing nothing", async () => {
    const before = await prisma.population.count();
    const cases: [object, string][] = [
      [{ count: 0 }, "input.count"],
      [{ count: -5 }, "input.count"],
      [{ count: 300_000_000 }, "input.count"],
      [{ year: 1800 }, "input.year"],
      [{ source: "x".repeat(501) }, "input.source"],
    ];
    for (const [change, field] of cases) {
      const { outcome } = await record(
        { regionId: region.smolensk.global, year: 2030, count: 850_000, ...change },
        admin,
      );
      expect(outcome?.__typename, JSON.stringify(change)).toBe("ValidationError");
      expect(
        outcome?.issues?.map((i) => i.field),
        JSON.stringify(change),
      ).toEqual([field]);
    }
    expect(await prisma.population.count()).toBe(before);
  });

  it("recomputes Tver's share from a corrected population figure", async () => {
    const share = async () => {
      const res = await gql<{ kpiProgress: { kpi: { code: string }; value: number; denominator: number }[] }>(
        `query($input: KpiProgressInput) { kpiProgress(input: $input) { kpi { code } value denominator } }`,
        { input: { regionId: region.tver.global, year: 2018 } },
      );
      return res.data?.kpiProgress.find((row) => row.kpi.code === "E_SERVICES_USERS_SHARE");
    };
    const figure = await prisma.population.findFirstOrThrow({
      where: { regionId: region.tver.id, municipalityId: null, year: 2018 },
    });
    const input = { regionId: region.tver.global, year: 2018, source: SOURCE };
    await ok("recordPopulation", "id", { ...input, count: 1_300_000, version: figure.version }, { headers: admin });
    try {
      expect(await share()).toMatchObject({ denominator: 1_300_000, value: (892_554 / 1_300_000) * 100 });
    } finally {
      await ok(
        "recordPopulation",
        "id",
        { ...input, count: figure.count, version: figure.version + 1 },
        {
          headers: admin,
        },
      );
    }
    expect((await share())?.value?.toFixed(1)).toBe("70.3");
  });
});
