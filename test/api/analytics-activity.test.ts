import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";

interface Point {
  period: string;
  label: string;
  total: number;
  rural: number | null;
  change: number | null;
  changePct: number | null;
}

const DYNAMICS = `query D($input: IndicatorDynamicsInput!) {
  indicatorDynamics(input: $input) { period label total rural change changePct } }`;
const REQUESTS = `query R($input: ActivityRangeInput!) { requestsByCategory(input: $input) { indicatorCode name total } }`;
const EVENTS = `query E($input: ActivityRangeInput!) { eventsByType(input: $input) { indicatorCode name total } }`;
const BY_KIND = `query K($input: CentresByKindInput) { centresByKind(input: $input) { kind total rural } }`;
const BY_PLACE = `query P($input: CentresByPlaceInput!) {
  centresByPlace(input: $input) { id name total rural legalInfo identity eSignature } }`;

let udmurtia: string;
let pskov: string;
let admin: Record<string, string>;
let partner: Record<string, string>;
/** Reports this file creates (year 2011, which the seed leaves empty), deleted afterwards. */
const created: string[] = [];

async function partnerKey(): Promise<Record<string, string>> {
  const key = `dsp_${randomBytes(32).toString("base64url")}`;
  await prisma.apiClient.create({
    data: {
      name: "Партнёр (аналитика)",
      keyPrefix: key.slice(0, 12),
      keyHash: hashApiKey(key),
      scopes: ["registry:read", "statistics:read"],
    },
  });
  // The empty authorization overrides the file's default (curator) identity.
  return { authorization: "", "x-api-key": key };
}

beforeAll(async () => {
  useIdentity(await asUser("curator@dostup.local"));
  admin = await asUser("admin@dostup.local");
  partner = await partnerKey();
  udmurtia = (await prisma.region.findUniqueOrThrow({ where: { code: "18" } })).id;
  pskov = (await prisma.region.findUniqueOrThrow({ where: { code: "60" } })).id;

  // 2011 in Udmurtia: an approved but unpublished regional report and a published centre
  // report. Staff see the regional figure (the most aggregated level); partners only the
  // published centre's.
  const form = await prisma.reportForm.findFirstOrThrow({ where: { code: "COD_ANNUAL" } });
  const users = await prisma.reportIndicator.findFirstOrThrow({ where: { formId: form.id, code: "USERS" } });
  const centre = await prisma.centre.findFirstOrThrow({ where: { regionId: udmurtia, archivedAt: null } });
  const period = { periodStart: new Date("2011-01-01"), periodEnd: new Date("2011-12-31") };
  const region = await prisma.report.create({
    data: { formId: form.id, scope: "REGION", regionId: udmurtia, ...period, status: "APPROVED", published: false },
  });
  const own = await prisma.report.create({
    data: {
      formId: form.id,
      scope: "CENTRE",
      centreId: centre.id,
      regionId: udmurtia,
      ...period,
      status: "LOCKED",
      published: true,
    },
  });
  created.push(region.id, own.id);
  await prisma.reportValue.createMany({
    data: [
      { reportId: region.id, indicatorId: users.id, total: 1000, rural: 400 },
      { reportId: own.id, indicatorId: users.id, total: 7, rural: 2 },
    ],
  });
});

afterAll(async () => {
  await prisma.report.deleteMany({ where: { id: { in: created } } });
});

function dynamics(input: Record<string, unknown>, headers: Record<string, string> = {}) {
  return gql<{ indicatorDynamics: Point[] }>(DYNAMICS, { input }, headers);
}

describe("indicatorDynamics", () => {
  it("gives Udmurtia's users per year with rural part and changes, exactly as reported", async () => {
    const result = await dynamics({
      indicatorCode: "USERS",
      granularity: "YEAR",
      from: "2015-01-01",
      to: "2018-12-31",
      scope: { regionId: toGlobalId("Region", udmurtia) },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.indicatorDynamics).toEqual([
      { period: "2015-01-01", label: "2015", total: 10748, rural: 4486, change: null, changePct: null },
      { period: "2016-01-01", label: "2016", total: 13868, rural: 4379, change: 3120, changePct: 29.03 },
      { period: "2017-01-01", label: "2017", total: 19426, rural: 4049, change: 5558, changePct: 40.08 },
      { period: "2018-01-01", label: "2018", total: 18240, rural: 4137, change: -1186, changePct: -6.11 },
    ]);
  });

  it("uses the most aggregated level per region, and partners see only published reports", async () => {
    const input = {
      indicatorCode: "USERS",
      granularity: "YEAR",
      from: "2011-01-01",
      to: "2011-12-31",
      scope: { regionId: toGlobalId("Region", udmurtia) },
    };
    const staff = await dynamics(input);
    expect(staff.data?.indicatorDynamics.map((p) => [p.label, p.total, p.rural])).toEqual([["2011", 1000, 400]]);
    const outside = await dynamics(input, partner);
    expect(outside.errors).toBeUndefined();
    expect(outside.data?.indicatorDynamics.map((p) => [p.label, p.total, p.rural])).toEqual([["2011", 7, 2]]);
  });

  it("leaves out a year without data and gives the year after it no change", async () => {
    const result = await dynamics({
      indicatorCode: "USERS",
      granularity: "YEAR",
      from: "2011-01-01",
      to: "2016-12-31",
      scope: { regionId: toGlobalId("Region", udmurtia) },
    });
    expect(result.data?.indicatorDynamics.map((p) => [p.label, p.change])).toEqual([
      ["2011", null],
      ["2015", null],
      ["2016", 3120],
    ]);
  });

  it("labels quarters and months, and scopes to one centre", async () => {
    const quarters = await dynamics({
      indicatorCode: "USERS",
      granularity: "QUARTER",
      from: "2018-01-01",
      to: "2018-12-31",
      scope: { regionId: toGlobalId("Region", udmurtia) },
    });
    expect(quarters.data?.indicatorDynamics.map((p) => [p.label, p.total])).toEqual([["2018-Q1", 18240]]);

    const operator = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
    const centreId = operator.centreId ?? "";
    const from = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 1));
    const to = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 0));
    const expected = await prisma.report.findMany({
      where: { centreId, status: { in: ["APPROVED", "LOCKED"] }, periodStart: { gte: from }, periodEnd: { lte: to } },
      include: { values: { where: { indicator: { code: "USERS" } } } },
      orderBy: { periodStart: "asc" },
    });
    expect(expected.length).toBeGreaterThan(1);
    const months = await dynamics(
      {
        indicatorCode: "USERS",
        granularity: "MONTH",
        from: from.toISOString().slice(0, 10),
        to: to.toISOString().slice(0, 10),
        scope: { centreId: toGlobalId("Centre", centreId) },
      },
      await asUser("operator@dostup.local"),
    );
    expect(months.errors).toBeUndefined();
    expect(months.data?.indicatorDynamics.map((p) => [p.label, p.total])).toEqual(
      expected.map((r) => [r.periodStart.toISOString().slice(0, 7), r.values[0]?.total]),
    );
  });

  it("answers NotFound for a region outside the caller's, and a country answer holds only their regions", async () => {
    const result = await dynamics({
      indicatorCode: "USERS",
      granularity: "YEAR",
      from: "2021-01-01",
      to: "2021-12-31",
      scope: { regionId: toGlobalId("Region", pskov) },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const country = { indicatorCode: "USERS", granularity: "YEAR", from: "2021-01-01", to: "2021-12-31" };
    expect((await dynamics(country)).data?.indicatorDynamics).toEqual([]);
    expect((await dynamics(country, admin)).data?.indicatorDynamics.map((p) => p.total)).toEqual([4100]);
  });

  it("refuses a range that ends before it starts, and anonymous callers", async () => {
    const bad = await dynamics({ indicatorCode: "USERS", granularity: "YEAR", from: "2018-01-01", to: "2017-01-01" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const anonymous = await gql(
      DYNAMICS,
      { input: { indicatorCode: "USERS", granularity: "YEAR", from: "2018-01-01", to: "2018-12-31" } },
      { authorization: "" },
    );
    expect(anonymous.data?.indicatorDynamics ?? null).toBeNull();
    expect(anonymous.errors?.length).toBeGreaterThan(0);
  });
});

describe("requests and events", () => {
  const year2018 = () => ({
    from: "2018-01-01",
    to: "2018-12-31",
    scope: { regionId: toGlobalId("Region", udmurtia) },
  });

  it("gives Udmurtia's 2018 requests per category in form order", async () => {
    const result = await gql<{ requestsByCategory: { indicatorCode: string; name: string; total: number }[] }>(
      REQUESTS,
      { input: year2018() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.requestsByCategory.map((r) => [r.indicatorCode, r.total])).toEqual([
      ["REQ_GOV_INFO", 5823],
      ["REQ_E_APPEALS", 1461],
      ["REQ_SERVICE_INFO", 15559],
      ["REQ_FORMS_PRINTING", 4464],
      ["REQ_E_RESULT", 7735],
      ["REQ_STATUS_TRACKING", 2505],
    ]);
    expect(result.data?.requestsByCategory[0]?.name).toMatch(/органов государственной власти/);
  });

  it("gives events per type, portal consultations and participants included", async () => {
    const udm = await gql<{ eventsByType: { indicatorCode: string; total: number }[] }>(EVENTS, { input: year2018() });
    expect(udm.data?.eventsByType.map((r) => [r.indicatorCode, r.total])).toEqual([
      ["PORTAL_CONSULTATIONS", 0],
      ["EVENTS_SEMINARS", 1],
      ["EVENTS_FORUMS", 5],
      ["EVENT_PARTICIPANTS", 500],
      ["WEBINARS", 2],
    ]);
    const psk = await gql<{ eventsByType: { indicatorCode: string; total: number }[] }>(
      EVENTS,
      { input: { from: "2021-01-01", to: "2021-12-31", scope: { regionId: toGlobalId("Region", pskov) } } },
      partner,
    );
    expect(psk.data?.eventsByType.find((r) => r.indicatorCode === "PORTAL_CONSULTATIONS")?.total).toBe(2850);
  });

  it("does not show Pskov to a curator of Smolensk and Udmurtia", async () => {
    const result = await gql(REQUESTS, {
      input: { from: "2021-01-01", to: "2021-12-31", scope: { regionId: toGlobalId("Region", pskov) } },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("centres by kind and place", () => {
  it("counts Pskov's centres per kind with the rural ones", async () => {
    const result = await gql<{ centresByKind: { kind: string; total: number; rural: number }[] }>(
      BY_KIND,
      { input: { scope: { regionId: toGlobalId("Region", pskov) } } },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.centresByKind.find((k) => k.kind === "LEGAL_INFO")).toEqual({
      kind: "LEGAL_INFO",
      total: 141,
      rural: 34,
    });
    const pskovCentres = await prisma.centre.findMany({ where: { regionId: pskov, archivedAt: null } });
    const expected = new Map<string, number>();
    for (const centre of pskovCentres)
      for (const kind of centre.kinds) expected.set(kind, (expected.get(kind) ?? 0) + 1);
    expect(Object.fromEntries(result.data?.centresByKind.map((k) => [k.kind, k.total]) ?? [])).toEqual(
      Object.fromEntries(expected),
    );
  });

  it("does not count Pskov's centres for a curator of Smolensk and Udmurtia", async () => {
    const result = await gql(BY_KIND, { input: { scope: { regionId: toGlobalId("Region", pskov) } } });
    expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const country = await gql<{ centresByKind: { total: number }[] }>(BY_KIND, {});
    const total = country.data?.centresByKind.reduce((sum, k) => sum + k.total, 0) ?? 0;
    const own = await prisma.centre.findMany({
      where: { archivedAt: null, region: { code: { in: ["18", "67"] } } },
      select: { kinds: true },
    });
    expect(total).toBe(own.reduce((sum, c) => sum + c.kinds.length, 0));
  });

  it("counts centres per region and per municipality, with legal, identity and e-signature centres", async () => {
    const regions = await gql<{
      centresByPlace: {
        id: string;
        name: string;
        total: number;
        rural: number;
        legalInfo: number;
        eSignature: number;
      }[];
    }>(BY_PLACE, { input: { groupBy: "REGION" } });
    expect(regions.errors).toBeUndefined();
    expect(regions.data?.centresByPlace.map((p) => p.id).sort()).toEqual(
      [
        toGlobalId("Region", udmurtia),
        toGlobalId("Region", (await prisma.region.findUniqueOrThrow({ where: { code: "67" } })).id),
      ].sort(),
    );

    const places = await gql<{
      centresByPlace: { id: string; total: number; rural: number; legalInfo: number; eSignature: number }[];
    }>(BY_PLACE, { input: { groupBy: "MUNICIPALITY", regionId: toGlobalId("Region", pskov) } }, admin);
    expect(places.errors).toBeUndefined();
    const rows = places.data?.centresByPlace ?? [];
    expect(rows.every((p) => p.id.length > 0)).toBe(true);
    expect(rows.reduce((sum, p) => sum + p.legalInfo, 0)).toBe(141);
    const signature = await prisma.centre.count({
      where: { regionId: pskov, archivedAt: null, services: { some: { helpKinds: { has: "SIGNATURE_RENEWAL" } } } },
    });
    expect(rows.reduce((sum, p) => sum + p.eSignature, 0)).toBe(signature);
    const total = await prisma.centre.count({ where: { regionId: pskov, archivedAt: null } });
    expect(rows.reduce((sum, p) => sum + p.total, 0)).toBe(total);

    const refused = await gql(BY_PLACE, { input: { groupBy: "MUNICIPALITY", regionId: toGlobalId("Region", pskov) } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("report rollup", () => {
  it("counts a report in the dynamics as soon as it is approved, and not before", async () => {
    const form = await prisma.reportForm.findFirstOrThrow({ where: { code: "COD_ANNUAL" } });
    const users = await prisma.reportIndicator.findFirstOrThrow({ where: { formId: form.id, code: "USERS" } });
    const report = await prisma.report.create({
      data: {
        formId: form.id,
        scope: "REGION",
        regionId: pskov,
        periodStart: new Date("2010-01-01"),
        periodEnd: new Date("2010-12-31"),
        status: "SUBMITTED",
        values: { create: { indicatorId: users.id, total: 321, rural: 12 } },
      },
    });
    created.push(report.id);
    const input = { indicatorCode: "USERS", granularity: "YEAR", from: "2010-01-01", to: "2010-12-31" };
    expect((await dynamics(input, admin)).data?.indicatorDynamics).toEqual([]);
    const approved = await gql<{ approveReport: { __typename: string } }>(
      `mutation A($input: ApproveReportInput!) { approveReport(input: $input) { __typename } }`,
      { input: { id: toGlobalId("Report", report.id), version: report.version, published: true } },
      admin,
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approveReport.__typename).toBe("MutationApproveReportSuccess");
    const after = await dynamics(input, admin);
    expect(after.data?.indicatorDynamics.map((p) => [p.label, p.total, p.rural])).toEqual([["2010", 321, 12]]);
    expect((await dynamics(input, partner)).data?.indicatorDynamics.map((p) => p.total)).toEqual([321]);
  });
});
