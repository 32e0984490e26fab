// KPIs and their values, per role. The KPIs changed here are created here; the seeded ones
// are only read.
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, mutate, ok, useIdentity } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";

type Headers = Record<string, string>;

interface KpiData {
  id: string;
  code: string;
  targetValue: number;
  targetYear: number;
  direction: string;
  source: string;
  version: number;
  region: { code: string } | null;
  values: { id: string; periodStart: string; periodEnd: string; value: number; region: { code: string } | null }[];
}

interface ValueData {
  id: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  source: string;
  version: number;
  region: { code: string } | null;
  kpi: { code: string };
}

const KPI = `id code targetValue targetYear direction source version region { code }
  values { id periodStart periodEnd value region { code } }`;
const VALUE = "id periodStart periodEnd value source version region { code } kpi { code }";

const createKpi = (input: object, headers: Headers) => mutate<KpiData>("createKpi", KPI, input, { headers });
const recordValue = (input: object, headers: Headers) => mutate<ValueData>("recordKpiValue", VALUE, input, { headers });

const LIST = `query L($filter: KpiFilter, $orderBy: KpiOrderBy) {
  kpis(first: 20, filter: $filter, orderBy: $orderBy) { totalCount edges { node { ${KPI} } } } }`;

async function list(headers: Headers, variables: Record<string, unknown> = {}) {
  const response = await gql<{ kpis: { totalCount: number; edges: { node: KpiData }[] } }>(LIST, variables, headers);
  expect(response.errors).toBeUndefined();
  return response.data?.kpis ?? { totalCount: -1, edges: [] };
}

describe("kpis", () => {
  let admin: Headers;
  let curator: Headers;
  let operator: Headers;
  let auditor: Headers;
  let partner: Headers;
  let region: Record<"smolensk" | "udmurtia" | "tver" | "pskov", { id: string; global: string }>;

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    curator = await asUser("curator@dostup.local");
    operator = await asUser("operator@dostup.local");
    auditor = await asUser("auditor@dostup.local");
    useIdentity(admin);
    const key = "dsp_kpis_test_partner_key_0123456789";
    await prisma.apiClient.create({
      data: {
        name: "KPI test partner",
        keyPrefix: "dsp_kpis_te",
        keyHash: hashApiKey(key),
        scopes: ["registry:read", "statistics:read"],
      },
    });
    // Without the default identity's token, which would win over the key.
    partner = { authorization: "", "x-api-key": key };
    const byCode = async (code: string) => {
      const row = await prisma.region.findUniqueOrThrow({ where: { code } });
      return { id: row.id, global: toGlobalId("Region", row.id) };
    };
    region = {
      smolensk: await byCode("67"),
      udmurtia: await byCode("18"),
      tver: await byCode("69"),
      pskov: await byCode("60"),
    };
  });

  it("shows national KPIs to everyone and regional ones to their region's readers", async () => {
    const all = await prisma.kpi.count();
    expect((await list(admin)).totalCount).toBe(all);
    expect((await list(auditor)).totalCount).toBe(all);
    expect((await list(partner)).totalCount).toBe(all);

    const curatorCodes = (await list(curator)).edges.map((e) => e.node.code);
    expect(curatorCodes).toContain("SMOLENSK_E_APPLICATIONS");
    expect(curatorCodes).toContain("PROACTIVE_SERVICES");
    expect(curatorCodes).not.toContain("E_SERVICES_USERS_SHARE");
    expect(curatorCodes).toHaveLength(
      await prisma.kpi.count({
        where: { OR: [{ regionId: null }, { regionId: { in: [region.smolensk.id, region.udmurtia.id] } }] },
      }),
    );
    // The operator's centre is in Udmurtia, which has no regional KPI of the seed.
    const operatorKpis = await list(operator);
    expect(operatorKpis.edges.every((e) => e.node.region === null || e.node.region.code === "18")).toBe(true);

    const tver = await prisma.kpi.findUniqueOrThrow({ where: { code: "E_SERVICES_USERS_SHARE" } });
    const node = `query N($id: ID!) { node(id: $id) { ... on Kpi { code } } }`;
    const hidden = await gql<{ node: { code: string } | null }>(node, { id: toGlobalId("Kpi", tver.id) }, curator);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data?.node).toBeNull();
    const shown = await gql<{ node: { code: string } | null }>(node, { id: toGlobalId("Kpi", tver.id) }, auditor);
    expect(shown.data?.node?.code).toBe("E_SERVICES_USERS_SHARE");
  });

  it("gives targets and values as numbers, oldest period first, filtered and ordered", async () => {
    const tver = await list(admin, { filter: { regionId: region.tver.global } });
    expect(tver.totalCount).toBe(1);
    expect(tver.edges[0]?.node).toMatchObject({
      code: "E_SERVICES_USERS_SHARE",
      targetValue: 70,
      targetYear: 2018,
      direction: "AT_LEAST",
      // Computed from Tver's reports and population (kpi-formulas.test.ts), nothing entered.
      source: "COMPUTED",
      region: { code: "69" },
      values: [],
    });
    const national = await list(admin, { filter: { federal: true, source: "COMPUTED" } });
    expect(national.edges.map((e) => e.node.code).sort()).toEqual([
      "PROACTIVE_SERVICES",
      "SOCIAL_SERVICES_ELECTRONIC_SHARE",
    ]);
    const byYear = await list(admin, { orderBy: { field: "TARGET_YEAR", direction: "DESC" } });
    const years = byYear.edges.map((e) => e.node.targetYear);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const search = await list(partner, { filter: { search: "proactive" } });
    expect(search.edges.map((e) => e.node.code)).toEqual(["PROACTIVE_SERVICES"]);

    const small = await recordSql(() => gql(LIST, { filter: { federal: true } }, admin));
    const large = await recordSql(() => gql(LIST, {}, admin));
    expect(large.statements.length).toBe(small.statements.length);
  });

  it("lets administrators alone define and change KPIs", async () => {
    const input = {
      code: "TEST_CENTRES_PER_10K",
      name: "Центров общественного доступа на 10 тыс. жителей",
      formula: "Действующие центры ÷ население × 10 000",
      unit: "ед.",
      targetValue: 1.25,
      targetYear: 2030,
      source: "ENTERED",
    };
    const refused = await createKpi(input, curator);
    expect(refused.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const invalid = await createKpi({ ...input, code: "lower case", targetYear: 1900, targetValue: 1e12 }, admin);
    expect(invalid.outcome?.issues?.map((i) => i.field).sort()).toEqual([
      "input.code",
      "input.targetValue",
      "input.targetYear",
    ]);

    const created = await ok<KpiData>("createKpi", KPI, input, { headers: admin });
    expect(created).toMatchObject({
      code: input.code,
      targetValue: 1.25,
      direction: "AT_LEAST",
      region: null,
      version: 1,
      values: [],
    });
    const duplicate = await createKpi(input, admin);
    expect(duplicate.outcome?.__typename).toBe("ConflictError");

    const updated = await ok<KpiData>(
      "updateKpi",
      KPI,
      { id: created.id, version: 1, targetValue: 1.5, direction: "AT_MOST", legalBasis: "Тест" },
      { headers: admin },
    );
    expect(updated).toMatchObject({ targetValue: 1.5, direction: "AT_MOST", version: 2 });
    const stale = await mutate<KpiData>(
      "updateKpi",
      KPI,
      { id: created.id, version: 1, targetYear: 2031 },
      { headers: admin },
    );
    expect(stale.outcome).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
    const byCurator = await mutate<KpiData>(
      "updateKpi",
      KPI,
      { id: created.id, version: 2, targetYear: 2031 },
      { headers: curator },
    );
    expect(byCurator.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const row = await prisma.kpi.findUniqueOrThrow({ where: { id: fromGlobalId("Kpi", created.id) } });
    expect(row.targetYear).toBe(2030);
    expect(row.version).toBe(2);

    const log = await prisma.changeLog.findMany({ where: { entity: "Kpi", entityId: row.id }, orderBy: { at: "asc" } });
    expect(log.map((entry) => entry.action)).toEqual(["CREATE", "UPDATE"]);
    expect(log[1]?.changes).toEqual({
      targetValue: { from: "1.25", to: "1.5" },
      direction: { from: "AT_LEAST", to: "AT_MOST" },
      legalBasis: { from: null, to: "Тест" },
    });
  });

  it("records values of entered KPIs within the writer's regions, one per region and period", async () => {
    const regional = await ok<KpiData>(
      "createKpi",
      KPI,
      {
        code: "TEST_SMOLENSK_CONSULTATIONS",
        name: "Консультации по Госуслугам в Смоленской области",
        formula: "Сумма консультаций по отчётам центров",
        unit: "ед.",
        targetValue: 5000,
        targetYear: 2031,
        regionId: region.smolensk.global,
        source: "ENTERED",
      },
      { headers: admin },
    );
    expect(regional.region).toEqual({ code: "67" });
    const period = { periodStart: "2030-01-01", periodEnd: "2030-12-31" };

    const first = await recordValue({ kpiId: regional.id, ...period, value: 4200 }, curator);
    expect(first.outcome?.__typename).toBe("MutationRecordKpiValueSuccess");
    expect(first.outcome?.data).toMatchObject({ value: 4200, source: "ENTERED", version: 1, region: { code: "67" } });
    const corrected = await recordValue({ kpiId: regional.id, ...period, value: 4250.5, version: 1 }, curator);
    expect(corrected.outcome?.data).toMatchObject({ id: first.outcome?.data?.id, value: 4250.5, version: 2 });
    const stale = await recordValue({ kpiId: regional.id, ...period, value: 1, version: 1 }, curator);
    expect(stale.outcome).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });

    const otherRegion = await recordValue(
      { kpiId: regional.id, regionId: region.udmurtia.global, ...period, value: 1 },
      curator,
    );
    expect(otherRegion.outcome?.issues?.[0]?.field).toBe("input.regionId");
    const backwards = await recordValue(
      { kpiId: regional.id, periodStart: "2030-12-31", periodEnd: "2030-01-01", value: 1 },
      curator,
    );
    expect(backwards.outcome?.issues).toEqual([
      { field: "input.periodEnd", message: "The period cannot end before it starts." },
    ]);
    for (const who of [auditor, operator, partner]) {
      const refused = await recordValue({ kpiId: regional.id, ...period, value: 1 }, who);
      expect(refused.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }

    const values = await prisma.kpiValue.findMany({ where: { kpiId: fromGlobalId("Kpi", regional.id) } });
    expect(values.map((v) => v.value.toNumber())).toEqual([4250.5]);
    const log = await prisma.changeLog.findMany({
      where: { entity: "KpiValue", entityId: values[0]?.id },
      orderBy: { at: "asc" },
    });
    expect(log.map((entry) => [entry.action, entry.regionId])).toEqual([
      ["CREATE", region.smolensk.id],
      ["UPDATE", region.smolensk.id],
    ]);
    expect(log[1]?.changes).toMatchObject({
      value: { from: "4200", to: "4250.5" },
      _note: { kpi: "TEST_SMOLENSK_CONSULTATIONS" },
    });
  });

  it("keeps regional writers to their regions and national values to administrators", async () => {
    const national = await ok<KpiData>(
      "createKpi",
      KPI,
      {
        code: "TEST_NATIONAL_SHARE",
        name: "Доля центров с доступом для маломобильных граждан",
        formula: "Центры с доступом ÷ все центры × 100",
        unit: "%",
        targetValue: 90,
        targetYear: 2032,
        source: "ENTERED",
      },
      { headers: admin },
    );
    const period = { periodStart: "2031-01-01", periodEnd: "2031-12-31" };
    const udmurtia = await recordValue(
      { kpiId: national.id, regionId: region.udmurtia.global, ...period, value: 64 },
      curator,
    );
    expect(udmurtia.outcome?.data?.region).toEqual({ code: "18" });
    const pskov = await recordValue(
      { kpiId: national.id, regionId: region.pskov.global, ...period, value: 50 },
      curator,
    );
    expect(pskov.outcome?.__typename).toBe("NotFoundError");
    const countryByCurator = await recordValue({ kpiId: national.id, ...period, value: 70 }, curator);
    expect(countryByCurator.outcome?.__typename).toBe("ForbiddenError");
    const country = await recordValue({ kpiId: national.id, ...period, value: 70 }, admin);
    expect(country.outcome?.data?.region).toBeNull();
    const again = await recordValue({ kpiId: national.id, ...period, value: 71 }, admin);
    expect(again.outcome?.data).toMatchObject({ id: country.outcome?.data?.id, value: 71, version: 2 });

    const tver = await prisma.kpi.findUniqueOrThrow({ where: { code: "E_SERVICES_USERS_SHARE" } });
    const hidden = await recordValue({ kpiId: toGlobalId("Kpi", tver.id), ...period, value: 1 }, curator);
    expect(hidden.outcome?.__typename).toBe("NotFoundError");
    const computed = await prisma.kpi.findUniqueOrThrow({ where: { code: "PROACTIVE_SERVICES" } });
    const refused = await recordValue({ kpiId: toGlobalId("Kpi", computed.id), ...period, value: 1 }, admin);
    expect(refused.outcome?.issues?.[0]?.field).toBe("input.kpiId");

    // The curator sees the national and Udmurtia values, not Pskov's.
    await ok(
      "recordKpiValue",
      VALUE,
      { kpiId: national.id, regionId: region.pskov.global, ...period, value: 50 },
      { headers: admin },
    );
    const read = async (headers: Headers) => {
      const response = await gql<{ node: KpiData }>(
        `query N($id: ID!) { node(id: $id) { ... on Kpi { ${KPI} } } }`,
        { id: national.id },
        headers,
      );
      expect(response.errors).toBeUndefined();
      return new Set(response.data?.node.values.map((v) => v.region?.code ?? "country"));
    };
    expect(await read(curator)).toEqual(new Set(["country", "18"]));
    expect(await read(admin)).toEqual(new Set(["country", "18", "60"]));
    const pskovValue = await prisma.kpiValue.findFirstOrThrow({
      where: { kpiId: fromGlobalId("Kpi", national.id), regionId: region.pskov.id },
    });
    const node = `query N($id: ID!) { node(id: $id) { ... on KpiValue { value } } }`;
    const asCurator = await gql<{ node: { value: number } | null }>(
      node,
      { id: toGlobalId("KpiValue", pskovValue.id) },
      curator,
    );
    expect(asCurator.errors).toBeUndefined();
    expect(asCurator.data?.node).toBeNull();
    const asAdmin = await gql<{ node: { value: number } | null }>(
      node,
      { id: toGlobalId("KpiValue", pskovValue.id) },
      admin,
    );
    expect(asAdmin.data?.node?.value).toBe(50);
  });
});
