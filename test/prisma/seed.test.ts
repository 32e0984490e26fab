import { describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { PSKOV_CAMPAIGNS } from "../../prisma/seed/demo/events.js";

async function regionId(code: string): Promise<string> {
  return (await prisma.region.findUniqueOrThrow({ where: { code } })).id;
}

async function indicatorValues(regionCode: string, code: string) {
  const values = await prisma.reportValue.findMany({
    where: {
      indicator: { code },
      report: { regionId: await regionId(regionCode), scope: "REGION", form: { code: "COD_ANNUAL" } },
    },
    include: { report: true },
    orderBy: { report: { periodStart: "asc" } },
  });
  return values.map((v) => ({ year: v.report.periodStart.getUTCFullYear(), total: v.total, rural: v.rural }));
}

describe("demo seed", () => {
  it("holds the Udmurtia users table of 2015–2018 exactly, with the rural part", async () => {
    expect(await indicatorValues("18", "USERS")).toEqual([
      { year: 2015, total: 10748, rural: 4486 },
      { year: 2016, total: 13868, rural: 4379 },
      { year: 2017, total: 19426, rural: 4049 },
      { year: 2018, total: 18240, rural: 4137 },
    ]);
  });

  it("holds Udmurtia's six request categories of 2018", async () => {
    const codes = [
      "REQ_GOV_INFO",
      "REQ_E_APPEALS",
      "REQ_SERVICE_INFO",
      "REQ_FORMS_PRINTING",
      "REQ_E_RESULT",
      "REQ_STATUS_TRACKING",
    ];
    const figures = await Promise.all(
      codes.map(async (code) => (await indicatorValues("18", code)).find((v) => v.year === 2018)?.total),
    );
    expect(figures).toEqual([5823, 1461, 15559, 4464, 7735, 2505]);
  });

  it("holds Pskov's 141 legal information centres, 34 of them rural, and 2,850 consultations", async () => {
    const pskov = await regionId("60");
    expect(await prisma.centre.count({ where: { regionId: pskov, kinds: { has: "LEGAL_INFO" } } })).toBe(141);
    expect(
      await prisma.centre.count({
        where: { regionId: pskov, kinds: { has: "LEGAL_INFO" }, settlement: { isRural: true } },
      }),
    ).toBe(34);
    expect((await indicatorValues("60", "PORTAL_CONSULTATIONS")).map((v) => v.total)).toContain(2850);
  });

  it("holds Yakutia's 11 thousand users and Tver's 70% target for 2018", async () => {
    expect((await indicatorValues("14", "USERS")).map((v) => v.total)).toContain(11000);
    const tver = await regionId("69");
    const kpi = await prisma.kpi.findFirstOrThrow({ where: { regionId: tver } });
    expect(Number(kpi.targetValue)).toBe(70);
    expect(kpi.targetYear).toBe(2018);
  });

  it("holds Smolensk's 83 socially significant services, all electronic, each with one primary regional curator", async () => {
    const smolensk = await regionId("67");
    const services = await prisma.service.findMany({
      where: { regionId: smolensk, socialSignificant: true },
      include: { curatorAssignments: { where: { primary: true, validTo: null, regionId: smolensk } } },
    });
    expect(services).toHaveLength(83);
    expect(services.every((s) => s.electronic)).toBe(true);
    // One curator for the region as a whole; municipalities name their own beside it.
    const regional = (s: (typeof services)[number]) => s.curatorAssignments.filter((a) => a.municipalityId === null);
    expect(services.every((s) => regional(s).length === 1)).toBe(true);
    const municipal = services.flatMap((s) => s.curatorAssignments.filter((a) => a.municipalityId !== null));
    expect(new Set(municipal.map((a) => a.serviceId)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(municipal.map((a) => a.municipalityId)).size).toBeGreaterThanOrEqual(4);
  });

  it("has no report approved by whoever submitted it (four eyes)", async () => {
    const approved = await prisma.report.findMany({
      where: { status: { in: ["APPROVED", "LOCKED"] }, approvedById: { not: null } },
      select: { submittedById: true, approvedById: true },
    });
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.filter((r) => r.submittedById === r.approvedById)).toEqual([]);
  });

  it("has one demo user per role", async () => {
    const users = await prisma.user.findMany({ orderBy: { email: "asc" }, select: { email: true, role: true } });
    expect(users).toEqual(
      expect.arrayContaining([
        { email: "admin@dostup.local", role: "ADMIN" },
        { email: "auditor@dostup.local", role: "AUDITOR" },
        { email: "curator@dostup.local", role: "CURATOR" },
        { email: "operator@dostup.local", role: "OPERATOR" },
      ]),
    );
  });

  it("fills the event register with Pskov's two campaigns and Udmurtia's five forums of 2018 (500+ people)", async () => {
    const campaigns = await prisma.event.findMany({
      where: { regionId: await regionId("60"), kind: "CAMPAIGN", title: { in: [...PSKOV_CAMPAIGNS] } },
      include: { municipalities: true },
    });
    expect(campaigns.map((e) => e.title).sort()).toEqual([...PSKOV_CAMPAIGNS].sort());
    expect(campaigns.every((e) => e.audience === "CITIZENS" && e.municipalities.length > 0)).toBe(true);
    const forums = await prisma.event.findMany({
      where: {
        regionId: await regionId("18"),
        kind: "FORUM",
        title: { startsWith: "Форум «Библиотека. Власть. Общество»" },
        startsOn: { gte: new Date("2018-01-01"), lte: new Date("2018-12-31") },
      },
    });
    expect(forums).toHaveLength(5);
    expect(forums.reduce((sum, e) => sum + (e.participants ?? 0), 0)).toBeGreaterThanOrEqual(500);
  });
});
