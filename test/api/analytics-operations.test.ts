// Operational analytics: the Tver mobile offices' work (seeded: three offices, eight visits
// each) and reporting completeness (the seeded Udmurtia monthly reports, plus a form and
// reports of Yakutia this file creates to pin the on-time boundary).
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { MOBILE_DOCUMENT_TYPES } from "../../prisma/seed/demo/centre-details.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";

type Headers = Record<string, string>;

interface Activity {
  bySettlement: {
    settlementId: string;
    settlement: string;
    municipality: string;
    isRural: boolean;
    visits: number;
    peopleServed: number;
  }[];
  documents: { documentType: string; count: number }[];
  totals: { visits: number; peopleServed: number; documents: number };
}

interface Completeness {
  regionCode: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  expected: number;
  submitted: number;
  onTime: number;
  shareSubmitted: number | null;
  shareOnTime: number | null;
}

const ACTIVITY = `query A($input: MobileOfficeActivityInput!) { mobileOfficeActivity(input: $input) {
  bySettlement { settlementId settlement municipality isRural visits peopleServed }
  documents { documentType count } totals { visits peopleServed documents } } }`;
const COMPLETENESS = `query C($input: ReportingCompletenessInput!) { reportingCompleteness(input: $input) {
  regionCode periodStart periodEnd dueDate expected submitted onTime shareSubmitted shareOnTime } }`;

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

let admin: Headers;
let curator: Headers;
let operator: Headers;
let partner: Headers;
const region: Record<string, { id: string; global: string }> = {};

beforeAll(async () => {
  admin = await asUser("admin@dostup.local");
  curator = await asUser("curator@dostup.local");
  operator = await asUser("operator@dostup.local");
  useIdentity(admin);
  const key = "dsp_opsan_test_partner_key_0123456789";
  await prisma.apiClient.create({
    data: {
      name: "Operations analytics test partner",
      keyPrefix: "dsp_opsan_t",
      keyHash: hashApiKey(key),
      scopes: ["registry:read", "statistics:read"],
    },
  });
  partner = { authorization: "", "x-api-key": key };
  for (const code of ["18", "67", "69", "14"]) {
    const row = await prisma.region.findUniqueOrThrow({ where: { code } });
    region[code] = { id: row.id, global: toGlobalId("Region", row.id) };
  }
});

const reg = (code: string) => {
  const r = region[code];
  if (!r) throw new Error(`No region ${code}`);
  return r;
};

describe("mobileOfficeActivity", () => {
  const today = new Date();
  const from = iso(new Date(today.getTime() - 400 * 86_400_000));
  const to = iso(today);

  const activity = async (input: object, headers?: Headers) => {
    const response = await gql<{ mobileOfficeActivity: Activity }>(ACTIVITY, { input }, headers);
    return response;
  };

  it("answers the Tver question with the seeded visits and documents", async () => {
    const tver = reg("69");
    const response = await activity({ regionId: tver.global, from, to });
    expect(response.errors).toBeUndefined();
    const result = response.data?.mobileOfficeActivity as Activity;
    const visits = { centre: { regionId: tver.id }, visitedOn: { gte: new Date(from), lte: new Date(to) } };
    const people = await prisma.mobileVisit.aggregate({ where: visits, _sum: { peopleServed: true } });
    const docs = await prisma.mobileVisitDocument.groupBy({
      by: ["documentType"],
      where: { visit: visits },
      _sum: { count: true },
    });
    const docsTotal = docs.reduce((sum, d) => sum + (d._sum.count ?? 0), 0);
    // Three mobile offices × eight monthly trips, all within the last 252 days (centre-details.ts).
    expect(result.totals).toEqual({ visits: 24, peopleServed: people._sum.peopleServed, documents: docsTotal });
    expect(result.totals.peopleServed).toBeGreaterThanOrEqual(24 * 6);
    expect(result.totals.peopleServed).toBeLessThanOrEqual(24 * 35);
    // No more documents than people served: the seed never issues more than the visit's people.
    expect(result.totals.documents).toBeLessThanOrEqual(result.totals.peopleServed);
    expect(result.documents.map((d) => d.documentType).every((t) => MOBILE_DOCUMENT_TYPES.includes(t))).toBe(true);
    expect(Object.fromEntries(result.documents.map((d) => [d.documentType, d.count]))).toEqual(
      Object.fromEntries(docs.map((d) => [d.documentType, d._sum.count])),
    );
    expect([...result.documents].sort((a, b) => b.count - a.count)).toEqual(result.documents);

    const bySettlement = await prisma.mobileVisit.groupBy({
      by: ["settlementId"],
      where: visits,
      _count: { _all: true },
      _sum: { peopleServed: true },
    });
    expect(result.bySettlement).toHaveLength(bySettlement.length);
    for (const row of bySettlement) {
      const settlement = await prisma.settlement.findUniqueOrThrow({
        where: { id: row.settlementId },
        include: { municipality: true },
      });
      expect(result.bySettlement).toContainEqual({
        settlementId: toGlobalId("Settlement", row.settlementId),
        settlement: settlement.name,
        municipality: settlement.municipality.name,
        isRural: true,
        visits: row._count._all,
        peopleServed: row._sum.peopleServed,
      });
    }
    expect(result.bySettlement.reduce((sum, s) => sum + s.visits, 0)).toBe(24);
  });

  it("counts only the visits of the period, boundaries included", async () => {
    const one = await prisma.mobileVisit.findFirstOrThrow({ orderBy: { visitedOn: "asc" } });
    const sameDay = await prisma.mobileVisit.findMany({ where: { visitedOn: one.visitedOn } });
    const response = await activity({ from: iso(one.visitedOn), to: iso(one.visitedOn) });
    expect(response.data?.mobileOfficeActivity.totals).toMatchObject({
      visits: sameDay.length,
      peopleServed: sameDay.reduce((sum, v) => sum + v.peopleServed, 0),
    });
  });

  it("lets partners read it (no personal data) and refuses anonymous callers", async () => {
    const mine = await activity({ regionId: reg("69").global, from, to });
    const theirs = await activity({ regionId: reg("69").global, from, to }, partner);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data).toEqual(mine.data);
    const anonymous = await activity({ from, to }, { authorization: "" });
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBeDefined();
  });

  it("shows a curator of Smolensk and Udmurtia nothing of Tver", async () => {
    const empty = { bySettlement: [], documents: [], totals: { visits: 0, peopleServed: 0, documents: 0 } };
    // Across their scope they may see their own regions' visits (other test files record some
    // in Smolensk), but never a Tver settlement.
    const all = await activity({ from, to }, curator);
    const tverSettlements = await prisma.settlement.findMany({
      where: { municipality: { region: { code: "69" } } },
      select: { id: true },
    });
    const tverIds = new Set(tverSettlements.map((s) => toGlobalId("Settlement", s.id)));
    const seen = all.data?.mobileOfficeActivity.bySettlement.map((row) => row.settlementId) ?? [];
    expect(seen.filter((id) => tverIds.has(id))).toEqual([]);
    const tver = await activity({ regionId: reg("69").global, from, to }, curator);
    expect(tver.data?.mobileOfficeActivity).toEqual(empty);
  });

  it("refuses a period that ends before it starts", async () => {
    const response = await activity({ from: to, to: from });
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.from" });
  });
});

describe("reportingCompleteness", () => {
  let monthlyForm: string;
  let testForm: string;
  let yakutiaActive: number;

  beforeAll(async () => {
    monthlyForm = toGlobalId(
      "ReportForm",
      (await prisma.reportForm.findFirstOrThrow({ where: { code: "COD_MONTHLY" } })).id,
    );
    // A quarterly form due five days after the quarter, with reports of two Yakutia centres.
    const yakutia = reg("14");
    const centres = await prisma.centre.findMany({
      where: { regionId: yakutia.id, status: "ACTIVE", archivedAt: null },
      orderBy: { id: "asc" },
      take: 2,
    });
    const [a, b] = centres;
    if (!a || !b) throw new Error("The seed should have two active Yakutia centres.");
    yakutiaActive = await prisma.centre.count({ where: { regionId: yakutia.id, status: "ACTIVE", archivedAt: null } });
    const form = await prisma.reportForm.create({
      data: { code: "OPS_ANALYTICS_TEST", name: "Тестовая квартальная форма", periodicity: "QUARTERLY", dueDays: 5 },
    });
    testForm = toGlobalId("ReportForm", form.id);
    const report = (
      centreId: string,
      q: number,
      status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "LOCKED",
      submittedAt: Date | null,
    ) => ({
      formId: form.id,
      scope: "CENTRE" as const,
      centreId,
      regionId: yakutia.id,
      periodStart: utcDay(2024, q * 3 - 2, 1),
      periodEnd: new Date(Date.UTC(2024, q * 3, 0)),
      status,
      submittedAt,
    });
    await prisma.report.createMany({
      data: [
        // Due 2024-04-05: the last minute of the due day is on time.
        report(a.id, 1, "SUBMITTED", new Date("2024-04-05T23:59:00Z")),
        report(b.id, 1, "LOCKED", new Date("2024-04-01T10:00:00Z")),
        // Due 2024-07-05: a minute past midnight of the next day is late.
        report(a.id, 2, "APPROVED", new Date("2024-07-06T00:01:00Z")),
        // Returned after an on-time submission: it was submitted.
        report(a.id, 3, "RETURNED", new Date("2024-10-02T09:00:00Z")),
        report(a.id, 4, "DRAFT", null),
      ],
    });
  });

  const completeness = async (input: object, headers?: Headers) =>
    gql<{ reportingCompleteness: Completeness[] }>(COMPLETENESS, { input }, headers);

  it("counts expected, submitted and on-time reports per quarter", async () => {
    const response = await completeness({
      formId: testForm,
      regionId: reg("14").global,
      from: "2024-02-15",
      to: "2024-11-01",
    });
    expect(response.errors).toBeUndefined();
    const e = yakutiaActive;
    expect(response.data?.reportingCompleteness).toEqual([
      {
        regionCode: "14",
        periodStart: "2024-01-01",
        periodEnd: "2024-03-31",
        dueDate: "2024-04-05",
        expected: e,
        submitted: 2,
        onTime: 2,
        shareSubmitted: 2 / e,
        shareOnTime: 2 / e,
      },
      {
        regionCode: "14",
        periodStart: "2024-04-01",
        periodEnd: "2024-06-30",
        dueDate: "2024-07-05",
        expected: e,
        submitted: 1,
        onTime: 0,
        shareSubmitted: 1 / e,
        shareOnTime: 0,
      },
      {
        regionCode: "14",
        periodStart: "2024-07-01",
        periodEnd: "2024-09-30",
        dueDate: "2024-10-05",
        expected: e,
        submitted: 1,
        onTime: 1,
        shareSubmitted: 1 / e,
        shareOnTime: 1 / e,
      },
      {
        regionCode: "14",
        periodStart: "2024-10-01",
        periodEnd: "2024-12-31",
        dueDate: "2025-01-05",
        expected: e,
        submitted: 0,
        onTime: 0,
        shareSubmitted: 0,
        shareOnTime: 0,
      },
    ]);
  });

  it("matches the seeded Udmurtia monthly reports", async () => {
    const now = new Date();
    const start = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const from = start(6);
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
    const udmurtia = reg("18");
    const response = await completeness({
      formId: monthlyForm,
      regionId: udmurtia.global,
      from: iso(from),
      to: iso(to),
    });
    expect(response.errors).toBeUndefined();
    const rows = response.data?.reportingCompleteness ?? [];
    const expected = await prisma.centre.count({
      where: { regionId: udmurtia.id, status: "ACTIVE", archivedAt: null },
    });
    const reports = await prisma.report.findMany({
      where: {
        form: { code: "COD_MONTHLY" },
        regionId: udmurtia.id,
        scope: "CENTRE",
        centre: { status: "ACTIVE", archivedAt: null },
        periodStart: { gte: from, lte: to },
        OR: [
          { status: { in: ["SUBMITTED", "APPROVED", "LOCKED"] } },
          { status: "RETURNED", submittedAt: { not: null } },
        ],
      },
    });
    const submittedIn = (periodStart: string) => reports.filter((r) => iso(r.periodStart) === periodStart);
    expect(rows.map((r) => r.periodStart)).toEqual([6, 5, 4, 3, 2, 1].map((back) => iso(start(back))));
    for (const row of rows) {
      const mine = submittedIn(row.periodStart);
      const due = new Date(`${row.dueDate}T00:00:00Z`).getTime() + 86_400_000;
      expect(row).toMatchObject({
        regionCode: "18",
        expected,
        submitted: mine.length,
        onTime: mine.filter((r) => (r.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY) < due).length,
      });
    }
    // The seed: the operator's centre walks DRAFT…LOCKED over six months (DRAFT last month),
    // four other centres report SUBMITTED, APPROVED, LOCKED for the last three, 2–8 days after the period.
    expect(rows.map((r) => r.submitted)).toEqual([1, 1, 1, 5, 5, 4]);
    expect(rows.map((r) => r.onTime)).toEqual([1, 1, 1, 5, 5, 4]);
  });

  it("keeps to the caller's regions and refuses partners and operators", async () => {
    const input = { formId: testForm, from: "2024-01-01", to: "2024-03-31" };
    const mine = await completeness(input, curator);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.reportingCompleteness.map((r) => r.regionCode).sort()).toEqual(["18", "67"]);
    const yakutia = await completeness({ ...input, regionId: reg("14").global }, curator);
    expect(yakutia.data?.reportingCompleteness).toEqual([]);
    const tver = await completeness({ ...input, regionId: reg("69").global }, curator);
    expect(tver.data?.reportingCompleteness).toEqual([]);
    for (const headers of [partner, operator]) {
      const refused = await completeness(input, headers);
      expect(refused.data).toBeNull();
      expect(refused.errors).toHaveLength(1);
    }
  });

  it("names a missing form and a bad id", async () => {
    const missing = await completeness({
      formId: toGlobalId("ReportForm", "00000000-0000-4000-8000-000000000000"),
      from: "2024-01-01",
      to: "2024-03-31",
    });
    expect(missing.data).toBeNull();
    expect(missing.errors?.[0]?.message).toMatch(/report form/i);
    const wrong = await completeness({ formId: reg("14").global, from: "2024-01-01", to: "2024-03-31" });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.formId" });
  });
});
