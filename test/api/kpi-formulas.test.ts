// COMPUTED KPIs as formulas an administrator defines: Tver's road map share (seed 004: 70 % of
// residents using e-services by 2018) computed from the residents its report counts and its
// population, catalogue shares and counts, the population year fallback and a municipality
// (formulas refused and changed: kpi-formula-changes.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, ok, useIdentity } from "../helpers/graphql.js";

type Headers = Record<string, string>;

interface Progress {
  kpi: { code: string };
  region: { code: string } | null;
  municipality: { name: string } | null;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  populationYear: number | null;
  target: number;
  met: boolean;
  source: string;
  periodStart: string | null;
  periodEnd: string | null;
}

const PROGRESS = `query($input: KpiProgressInput) { kpiProgress(input: $input) {
  kpi { code } region { code } municipality { name } year value numerator denominator populationYear
  target met source periodStart periodEnd } }`;

const KPI = `id code source version definition { kind byRegion multiplier indicatorCode part
  services { socialSignificant electronic proactive needsExtraDocuments level federal }
  having { socialSignificant electronic proactive needsExtraDocuments level }
  numerator { kind indicatorCode part services { proactive federal } }
  denominator { kind indicatorCode part } } formulaText`;

interface KpiData {
  id: string;
  code: string;
  source: string;
  version: number;
  definition: Record<string, unknown> | null;
  formulaText: string | null;
}

const base = {
  name: "Тестовый показатель",
  formula: "Вычисляется по формуле",
  unit: "%",
  targetValue: 50,
  targetYear: 2030,
  source: "COMPUTED",
};

describe("KPI formulas", () => {
  let admin: Headers;
  let region: Record<"tver" | "smolensk" | "udmurtia", { id: string; global: string }>;
  const created: string[] = [];

  const progress = async (input: object, headers?: Headers) => {
    const res = await gql<{ kpiProgress: Progress[] }>(PROGRESS, { input }, headers);
    expect(res.errors).toBeUndefined();
    return res.data?.kpiProgress ?? [];
  };
  const define = async (input: object) => {
    const kpi = await ok<KpiData>("createKpi", KPI, { ...base, ...input }, { headers: admin });
    created.push(fromGlobalId("Kpi", kpi.id));
    return kpi;
  };

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    useIdentity(admin);
    const byCode = async (code: string) => {
      const row = await prisma.region.findUniqueOrThrow({ where: { code } });
      return { id: row.id, global: toGlobalId("Region", row.id) };
    };
    region = { tver: await byCode("69"), smolensk: await byCode("67"), udmurtia: await byCode("18") };
  });

  afterAll(async () => {
    await prisma.kpi.deleteMany({ where: { id: { in: created } } });
  });

  /** Tver's residents who used e-services in `year`, as its approved report gives them. */
  const tverUsers = async (year: number) => {
    const value = await prisma.reportValue.findFirstOrThrow({
      where: {
        indicator: { code: "E_SERVICES_USERS" },
        report: { regionId: region.tver.id, periodStart: new Date(Date.UTC(year, 0, 1)), status: "APPROVED" },
      },
    });
    return value.total;
  };
  const tverPopulation = async (year: number) =>
    (
      await prisma.population.findFirstOrThrow({
        where: { regionId: region.tver.id, municipalityId: null, year },
      })
    ).count;

  it("computes Tver's share of residents using e-services: users ÷ population × 100 against 70 % by 2018", async () => {
    const kpi = await prisma.kpi.findUniqueOrThrow({ where: { code: "E_SERVICES_USERS_SHARE" } });
    expect(kpi.source).toBe("COMPUTED");
    for (const [year, shown, met] of [
      [2017, "61.4", false],
      [2018, "70.3", true],
    ] as const) {
      const users = await tverUsers(year);
      const population = await tverPopulation(year);
      const rows = (await progress({ regionId: region.tver.global, year })).filter(
        (row) => row.kpi.code === "E_SERVICES_USERS_SHARE",
      );
      expect(rows).toEqual([
        expect.objectContaining({
          region: { code: "69" },
          year,
          value: (users / population) * 100,
          numerator: users,
          denominator: population,
          populationYear: year,
          target: 70,
          met,
          source: "COMPUTED",
          periodStart: `${year}-01-01`,
          periodEnd: `${year}-12-31`,
        }),
      ]);
      expect(rows[0]?.value?.toFixed(1)).toBe(shown);
    }
    // No year asked: the latest year Tver reported, 2018.
    const [latest] = (await progress({ regionId: region.tver.global })).filter(
      (row) => row.kpi.code === "E_SERVICES_USERS_SHARE",
    );
    expect(latest).toMatchObject({ year: 2018, numerator: 892_554, denominator: 1_269_636, met: true });
    // Rosstat's figure for 1 January 2018, with its source.
    expect(await tverPopulation(2018)).toBe(1_269_636);
    const figure = await prisma.population.findFirstOrThrow({ where: { regionId: region.tver.id, year: 2018 } });
    expect(figure.source).toBe("Росстат, численность постоянного населения на 1 января");
  });

  it("reads Tver's formula back as a typed object and in words", async () => {
    const tver = await prisma.kpi.findUniqueOrThrow({ where: { code: "E_SERVICES_USERS_SHARE" } });
    const res = await gql<{ node: KpiData }>(`query($id: ID!) { node(id: $id) { ... on Kpi { ${KPI} } } }`, {
      id: toGlobalId("Kpi", tver.id),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.node.definition).toMatchObject({
      kind: "RATIO",
      multiplier: 100,
      numerator: { kind: "INDICATOR", indicatorCode: "E_SERVICES_USERS", part: "TOTAL" },
      denominator: { kind: "POPULATION" },
    });
    expect(res.data?.node.formulaText).toContain(
      "«Жители, получившие государственные и муниципальные услуги в электронной форме»",
    );
    expect(res.data?.node.formulaText).toContain("÷ (численность населения");
    expect(res.data?.node.formulaText).toMatch(/× 100$/);
  });

  it("takes the latest earlier population when the year's is not known, and says which year", async () => {
    const kpi = await define({
      code: "TEST_TVER_POPULATION",
      unit: "чел.",
      targetValue: 1_000_000,
      regionId: region.tver.global,
      definition: { kind: "POPULATION" },
    });
    expect(kpi.definition).toMatchObject({ kind: "POPULATION", multiplier: null });
    const [in2020] = await progress({ regionId: region.tver.global, year: 2020 }).then((rows) =>
      rows.filter((row) => row.kpi.code === "TEST_TVER_POPULATION"),
    );
    expect(in2020).toMatchObject({ year: 2020, value: 1_269_636, populationYear: 2018, met: true });
    const [in2016] = await progress({ regionId: region.tver.global, year: 2016 }).then((rows) =>
      rows.filter((row) => row.kpi.code === "TEST_TVER_POPULATION"),
    );
    expect(in2016).toMatchObject({ year: 2016, value: null, populationYear: null, met: false });
    // Tver's share in 2019: no report of 2019, so no value, though the population of 2018 stands in.
    const [share2019] = (await progress({ regionId: region.tver.global, year: 2019 })).filter(
      (row) => row.kpi.code === "E_SERVICES_USERS_SHARE",
    );
    expect(share2019).toMatchObject({ value: null, numerator: null, denominator: 1_269_636, populationYear: 2018 });
  });

  it("computes a share and a count an administrator defines from the catalogue as it is now", async () => {
    const share = await define({
      code: "TEST_PROACTIVE_SOCIAL_SHARE",
      definition: { kind: "SERVICE_SHARE", services: { socialSignificant: true }, having: { proactive: true } },
    });
    expect(share.definition).toMatchObject({
      kind: "SERVICE_SHARE",
      services: { socialSignificant: true, electronic: null, federal: true },
      having: { proactive: true },
    });
    expect(share.formulaText).toBe(
      "Доля услуг (проактивные) среди: опубликованные услуги (социально значимые), включая федеральные, × 100",
    );
    await define({
      code: "TEST_REGIONAL_E_COUNT",
      unit: "ед.",
      targetValue: 10,
      definition: { kind: "SERVICE_COUNT", services: { electronic: true, level: "REGIONAL", federal: false } },
    });
    const available = { status: "PUBLISHED" as const, OR: [{ regionId: region.smolensk.id }, { regionId: null }] };
    const social = await prisma.service.count({ where: { ...available, socialSignificant: true } });
    const proactive = await prisma.service.count({ where: { ...available, socialSignificant: true, proactive: true } });
    const regional = await prisma.service.count({
      where: { status: "PUBLISHED", regionId: region.smolensk.id, electronic: true, level: "REGIONAL" },
    });
    expect(social).toBeGreaterThan(0);
    // Whatever the year asked, the catalogue terms count today's catalogue.
    for (const year of [2020, undefined]) {
      const rows = await progress({ regionId: region.smolensk.global, ...(year ? { year } : {}) });
      expect(rows.find((row) => row.kpi.code === "TEST_PROACTIVE_SOCIAL_SHARE")).toMatchObject({
        region: { code: "67" },
        value: (100 * proactive) / social,
        numerator: proactive,
        denominator: social,
        populationYear: null,
      });
      expect(rows.find((row) => row.kpi.code === "TEST_REGIONAL_E_COUNT")).toMatchObject({
        value: regional,
        met: regional >= 10,
      });
    }
    // Nationally: the whole published catalogue, one row (no breakdown asked).
    const national = (await progress({})).filter((row) => row.kpi.code === "TEST_PROACTIVE_SOCIAL_SHARE");
    const all = await prisma.service.count({ where: { status: "PUBLISHED", socialSignificant: true } });
    const allProactive = await prisma.service.count({
      where: { status: "PUBLISHED", socialSignificant: true, proactive: true },
    });
    expect(national).toEqual([expect.objectContaining({ region: null, numerator: allProactive, denominator: all })]);
  });

  it("computes the KPIs once computed by name just as before", async () => {
    const rows = await progress({});
    const electronic = rows.filter((row) => row.kpi.code === "SOCIAL_SERVICES_ELECTRONIC_SHARE");
    // Each region's own published socially significant services, and the whole catalogue nationally.
    const perRegion = await prisma.$queryRaw<{ code: string; share: number }[]>`
      SELECT r."code", (100.0 * count(*) FILTER (WHERE s."electronic") / count(*))::float8 AS share
        FROM "Service" s JOIN "Region" r ON r."id" = s."regionId"
       WHERE s."socialSignificant" AND s."status" = 'PUBLISHED' GROUP BY r."code"`;
    const [all] = await prisma.$queryRaw<{ share: number }[]>`
      SELECT (100.0 * count(*) FILTER (WHERE "electronic") / count(*))::float8 AS share
        FROM "Service" WHERE "socialSignificant" AND "status" = 'PUBLISHED'`;
    expect(new Map(electronic.map((row) => [row.region?.code ?? null, row.value]))).toEqual(
      new Map([[null, all?.share], ...perRegion.map((row) => [row.code, row.share] as const)]),
    );
    expect(electronic.find((row) => row.region?.code === "67")).toMatchObject({ value: 100, met: true });

    const proactive = rows.filter((row) => row.kpi.code === "PROACTIVE_SERVICES");
    const count = await prisma.service.count({ where: { proactive: true, status: "PUBLISHED" } });
    expect(proactive).toEqual([expect.objectContaining({ region: null, value: count, source: "COMPUTED" })]);
    const inUdmurtia = (await progress({ regionId: region.udmurtia.global })).find(
      (row) => row.kpi.code === "PROACTIVE_SERVICES",
    );
    const available = await prisma.service.count({
      where: { proactive: true, status: "PUBLISHED", OR: [{ regionId: null }, { regionId: region.udmurtia.id }] },
    });
    expect(inUdmurtia).toMatchObject({ region: { code: "18" }, value: available });
  });

  it("computes a formula for a municipality from its own reports and population", async () => {
    const izhevsk = await prisma.municipality.findFirstOrThrow({
      where: { regionId: region.udmurtia.id, name: "город Ижевск" },
    });
    const form = await prisma.reportForm.findFirstOrThrow({ where: { code: "COD_ANNUAL" } });
    const users = await prisma.reportIndicator.findFirstOrThrow({ where: { formId: form.id, code: "USERS" } });
    const report = await prisma.report.create({
      data: {
        formId: form.id,
        scope: "MUNICIPALITY",
        municipalityId: izhevsk.id,
        regionId: region.udmurtia.id,
        periodStart: new Date(Date.UTC(2018, 0, 1)),
        periodEnd: new Date(Date.UTC(2018, 11, 31)),
        status: "APPROVED",
        approvedAt: new Date(),
        published: true,
        values: { create: [{ indicatorId: users.id, total: 6200, rural: 0 }] },
      },
    });
    try {
      await define({
        code: "TEST_USERS_PER_1000",
        unit: "чел. на 1 000 жителей",
        targetValue: 5,
        definition: {
          kind: "RATIO",
          numerator: { kind: "INDICATOR", indicatorCode: "USERS" },
          denominator: { kind: "POPULATION" },
          multiplier: 1000,
        },
      });
      const rows = await progress({ municipalityId: toGlobalId("Municipality", izhevsk.id), year: 2018 });
      // Only COMPUTED KPIs are measured in a municipality.
      expect(rows.every((row) => row.source === "COMPUTED" && row.municipality?.name === "город Ижевск")).toBe(true);
      expect(rows.find((row) => row.kpi.code === "TEST_USERS_PER_1000")).toMatchObject({
        region: { code: "18" },
        value: (6200 / 648_146) * 1000,
        numerator: 6200,
        denominator: 648_146,
        populationYear: 2018,
        met: true,
      });
      // The region's figure: its own annual report (18 240 users in 2018, seed 003) ÷ its population.
      const [udmurtia] = (await progress({ regionId: region.udmurtia.global, year: 2018 })).filter(
        (row) => row.kpi.code === "TEST_USERS_PER_1000",
      );
      expect(udmurtia).toMatchObject({ numerator: 18_240, denominator: 1_513_044, value: (18_240 / 1_513_044) * 1000 });
    } finally {
      await prisma.report.delete({ where: { id: report.id } });
    }
  });
});
