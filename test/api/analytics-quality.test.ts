// KPI progress and quality analytics on the demo seed (read only: nothing here writes).
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";

type Headers = Record<string, string>;

interface Progress {
  kpi: { code: string };
  region: { code: string } | null;
  year: number;
  value: number | null;
  target: number;
  targetYear: number;
  met: boolean;
  source: string;
}

const PROGRESS = `query($input: KpiProgressInput) { kpiProgress(input: $input) {
  kpi { code } region { code } year value target targetYear met source formula unit direction } }`;

const COVERAGE = `query($input: CuratorCoverageInput) { curatorCoverage(input: $input) {
  region { code } socialServices covered uncovered coveredShare } }`;

const COMPLIANCE = `query($input: ServiceComplianceInput) { serviceCompliance(input: $input) {
  service { id } targetCount metCount notMetCount noDataCount metShare averageRating feedbackCount
  targets { indicatorCode value met } } }`;

const SLA = `query($input: FeedbackSlaInput) { feedbackSla(input: $input) {
  total open overdue answered medianHoursToAnswer averageRatingTime averageRatingInformation } }`;

const ALERTS = `query($input: AlertsInput) { alerts(input: $input) {
  expiringSignatures { totalCount items { centre { id } validUntil daysLeft } }
  overdueReports { totalCount items { report { id } daysOverdue } }
  unverifiedCentres { totalCount items { centre { id } lastVerifiedAt } }
  servicesWithoutCurator { totalCount items { service { id } region { code } } } } }`;

describe("analytics: KPIs and quality", () => {
  let admin: Headers;
  let curator: Headers;
  let partner: Headers;
  let operator: Headers;
  const region: Record<string, { id: string; global: string }> = {};

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    curator = await asUser("curator@dostup.local");
    operator = await asUser("operator@dostup.local");
    useIdentity(admin);
    const key = "dsp_analytics_quality_partner_0123456789";
    await prisma.apiClient.create({
      data: {
        name: "Analytics quality partner",
        keyPrefix: "dsp_analyti",
        keyHash: hashApiKey(key),
        scopes: ["registry:read", "statistics:read"],
      },
    });
    partner = { authorization: "", "x-api-key": key };
    for (const code of ["67", "69", "18", "60"]) {
      const row = await prisma.region.findUniqueOrThrow({ where: { code } });
      region[code] = { id: row.id, global: toGlobalId("Region", row.id) };
    }
  });

  it("computes the electronic share of socially significant services: Smolensk 83 of 83 is 100 %", async () => {
    const res = await gql<{ kpiProgress: Progress[] }>(PROGRESS, { input: { regionId: region["67"]?.global } });
    expect(res.errors).toBeUndefined();
    const share = res.data?.kpiProgress.filter((row) => row.kpi.code === "SOCIAL_SERVICES_ELECTRONIC_SHARE");
    expect(share).toHaveLength(1);
    expect(share?.[0]).toMatchObject({ region: { code: "67" }, value: 100, target: 99, met: true, source: "COMPUTED" });
  });

  it("counts published proactive services nationally against 100", async () => {
    const expected = await prisma.service.count({ where: { proactive: true, status: "PUBLISHED" } });
    const res = await gql<{ kpiProgress: Progress[] }>(PROGRESS, {});
    const row = res.data?.kpiProgress.find((r) => r.kpi.code === "PROACTIVE_SERVICES");
    expect(row).toMatchObject({ region: null, value: expected, target: 100, met: expected >= 100 });
  });

  it("computes Tver's 2018 share of residents using e-services against its 70 % target", async () => {
    const res = await gql<{ kpiProgress: Progress[] }>(PROGRESS, { input: { year: 2018 } });
    const rows = res.data?.kpiProgress.filter((r) => r.kpi.code === "E_SERVICES_USERS_SHARE");
    expect(rows).toEqual([
      expect.objectContaining({
        region: { code: "69" },
        year: 2018,
        // 892 554 residents ÷ 1 269 636 (Rosstat, 1 January 2018) × 100.
        value: (892_554 / 1_269_636) * 100,
        target: 70,
        targetYear: 2018,
        met: true,
        source: "COMPUTED",
      }),
    ]);
    expect(rows?.[0]?.value?.toFixed(1)).toBe("70.3");
  });

  it("keeps a curator to their regions and national rows", async () => {
    const res = await gql<{ kpiProgress: Progress[] }>(PROGRESS, {}, curator);
    expect(res.errors).toBeUndefined();
    const codes = new Set(res.data?.kpiProgress.map((r) => r.region?.code ?? null));
    for (const code of codes) expect([null, "67", "18"]).toContain(code);
    expect(res.data?.kpiProgress.some((r) => r.kpi.code === "E_SERVICES_USERS_SHARE")).toBe(false);
    // Tver asked for explicitly: outside the scope, nothing.
    const tver = await gql<{ kpiProgress: Progress[] }>(
      PROGRESS,
      { input: { regionId: region["69"]?.global } },
      curator,
    );
    expect(tver.data?.kpiProgress).toEqual([]);
  });

  it("reports curator coverage: Smolensk 83 of 83", async () => {
    const res = await gql<{
      curatorCoverage: {
        region: { code: string };
        socialServices: number;
        covered: number;
        uncovered: number;
        coveredShare: number;
      }[];
    }>(COVERAGE, { input: { regionId: region["67"]?.global } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.curatorCoverage).toEqual([
      { region: { code: "67" }, socialServices: 83, covered: 83, uncovered: 0, coveredShare: 100 },
    ]);
    const mine = await gql<{ curatorCoverage: { region: { code: string } }[] }>(COVERAGE, {}, curator);
    expect(mine.data?.curatorCoverage.map((r) => r.region.code).sort()).toEqual(["18", "67"]);
  });

  it("judges services against their approved standards, worst first", async () => {
    const expected = await prisma.qualityStandard.count({ where: { status: "APPROVED" } });
    const res = await gql<{
      serviceCompliance: {
        metShare: number | null;
        targetCount: number;
        metCount: number;
        notMetCount: number;
        noDataCount: number;
        targets: { met: boolean | null }[];
      }[];
    }>(COMPLIANCE, {});
    expect(res.errors).toBeUndefined();
    const rows = res.data?.serviceCompliance ?? [];
    expect(rows).toHaveLength(expected);
    const shares = rows.map((r) => r.metShare).filter((s): s is number => s !== null);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    for (const row of rows) {
      expect(row.metCount + row.notMetCount + row.noDataCount).toBe(row.targetCount);
      expect(row.targets.filter((t) => t.met === true)).toHaveLength(row.metCount);
    }
  });

  it("summarises feedback answer times in SQL", async () => {
    const total = await prisma.feedback.count();
    const open = await prisma.feedback.count({ where: { status: { in: ["RECEIVED", "IN_PROGRESS"] } } });
    const overdue = await prisma.feedback.count({
      where: { status: { in: ["RECEIVED", "IN_PROGRESS"] }, dueAt: { lt: new Date() } },
    });
    const answered = await prisma.feedback.count({ where: { answeredAt: { not: null } } });
    const [median] = await prisma.$queryRaw<{ m: number | null }[]>`
      SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("answeredAt" - "receivedAt")) / 3600.0))::float8 AS m
        FROM "Feedback" WHERE "answeredAt" IS NOT NULL`;
    const time = await prisma.feedback.aggregate({ _avg: { ratingTime: true } });
    const res = await gql<{
      feedbackSla: {
        total: number;
        open: number;
        overdue: number;
        answered: number;
        medianHoursToAnswer: number | null;
        averageRatingTime: number | null;
      };
    }>(SLA, {});
    expect(res.errors).toBeUndefined();
    expect(res.data?.feedbackSla).toMatchObject({ total, open, overdue, answered });
    expect(res.data?.feedbackSla.medianHoursToAnswer).toBeCloseTo(median?.m ?? 0, 6);
    expect(res.data?.feedbackSla.averageRatingTime).toBeCloseTo(time._avg.ratingTime ?? 0, 6);
    // A future window has nothing.
    const empty = await gql<{ feedbackSla: { total: number; medianHoursToAnswer: number | null } }>(SLA, {
      input: { from: "2100-01-01" },
    });
    expect(empty.data?.feedbackSla).toMatchObject({ total: 0, medianHoursToAnswer: null });
  });

  it("lists alerts with their totals; Smolensk's services all have curators", async () => {
    const smolensk = region["67"]?.id ?? "";
    const soon = new Date(Date.now() + 30 * 86_400_000);
    const expiring = await prisma.centre.count({
      where: { regionId: smolensk, archivedAt: null, signatureValidUntil: { lte: soon } },
    });
    const yearAgo = new Date();
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    const unverified = await prisma.centre.count({
      where: {
        regionId: smolensk,
        archivedAt: null,
        OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: yearAgo } }],
      },
    });
    const res = await gql<{
      alerts: {
        expiringSignatures: { totalCount: number; items: { validUntil: string; daysLeft: number }[] };
        overdueReports: { totalCount: number; items: { daysOverdue: number }[] };
        unverifiedCentres: { totalCount: number; items: unknown[] };
        servicesWithoutCurator: { totalCount: number; items: unknown[] };
      };
    }>(ALERTS, { input: { regionId: region["67"]?.global } });
    expect(res.errors).toBeUndefined();
    const a = res.data?.alerts;
    // The boundary day may differ by the time zone of "today"; the count is within one day's centres.
    expect(Math.abs((a?.expiringSignatures.totalCount ?? 0) - expiring)).toBeLessThanOrEqual(
      await prisma.centre.count({
        where: {
          regionId: smolensk,
          archivedAt: null,
          signatureValidUntil: {
            gte: new Date(soon.getTime() - 2 * 86_400_000),
            lte: new Date(soon.getTime() + 86_400_000),
          },
        },
      }),
    );
    const dates = a?.expiringSignatures.items.map((i) => i.validUntil) ?? [];
    expect(dates).toEqual([...dates].sort());
    expect(a?.expiringSignatures.items.length).toBe(Math.min(100, a?.expiringSignatures.totalCount ?? 0));
    expect(a?.unverifiedCentres.totalCount).toBe(unverified);
    expect(a?.servicesWithoutCurator).toEqual({ totalCount: 0, items: [] });
    for (const item of a?.overdueReports.items ?? []) expect(item.daysOverdue).toBeGreaterThan(0);
  });

  it("refuses partners and operators the internal queries, and keeps curators to their regions", async () => {
    for (const who of [partner, operator]) {
      for (const query of [COVERAGE, COMPLIANCE, SLA, ALERTS]) {
        const res = await gql(query, {}, who);
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]?.message).toBeTruthy();
      }
    }
    // Partners may read KPI progress (published figures).
    expect((await gql(PROGRESS, {}, partner)).errors).toBeUndefined();
    const tver = await gql<{ alerts: { unverifiedCentres: { totalCount: number } } }>(
      ALERTS,
      { input: { regionId: region["69"]?.global } },
      curator,
    );
    expect(tver.data?.alerts.unverifiedCentres.totalCount).toBe(0);
    const all = await gql<{ alerts: { unverifiedCentres: { items: { centre: { id: string } }[] } } }>(
      ALERTS,
      {},
      curator,
    );
    const ids = all.data?.alerts.unverifiedCentres.items.map((i) => fromGlobalId("Centre", i.centre.id, "id")) ?? [];
    const outside = await prisma.centre.count({
      where: { id: { in: ids }, regionId: { notIn: [region["67"]?.id ?? "", region["18"]?.id ?? ""] } },
    });
    expect(outside).toBe(0);
    const sla = await gql<{ feedbackSla: { total: number } }>(SLA, {}, curator);
    expect(sla.data?.feedbackSla.total).toBe(
      await prisma.feedback.count({ where: { regionId: { in: [region["67"]?.id ?? "", region["18"]?.id ?? ""] } } }),
    );
  });

  // Centre, Service and Region are read in select mode: records handed to GraphQL beside the
  // figures must be read with the query's selection, or every name, and any record's relation,
  // would cost a statement per row. The admin's dashboard asks the alerts like this.
  const named: [string, string, string, Record<string, unknown>][] = [
    [
      "alerts",
      `alerts(input: $input) {
        expiringSignatures { items { centre { id NAMES } } }
        overdueReports { items { report { id RELATIONS } } }
        unverifiedCentres { items { centre { id NAMES } } }
        servicesWithoutCurator { items { service { id NAMES } region { id NAMES } } } }`,
      "AlertsInput",
      { signatureWithinDays: 3650 },
    ],
    ["kpiProgress", "kpiProgress(input: $input) { region { id NAMES } }", "KpiProgressInput", {}],
    ["curatorCoverage", "curatorCoverage(input: $input) { region { id NAMES } }", "CuratorCoverageInput", {}],
    ["serviceCompliance", "serviceCompliance(input: $input) { service { id NAMES } }", "ServiceComplianceInput", {}],
  ];
  for (const [field, selection, inputType, input] of named) {
    it(`${field}: naming the records it lists costs no statement per row`, async () => {
      // Every published socially significant service of the demo has a curator: the alerts get
      // three without, so their list of services without a curator has rows to name.
      const uncurated = await Promise.all(
        (field === "alerts" ? [1, 2, 3] : []).map((n) =>
          prisma.service.create({
            data: {
              name: `Выдача справок (тест оповещений, ${n})`,
              level: "REGIONAL",
              regionId: region["69"]?.id ?? "",
              socialSignificant: true,
              status: "PUBLISHED",
            },
          }),
        ),
      );
      onTestFinished(() => prisma.service.deleteMany({ where: { id: { in: uncurated.map((s) => s.id) } } }).then());
      const query = (names: string, relations: string) =>
        `query($input: ${inputType}) { ${selection.replaceAll("NAMES", names).replaceAll("RELATIONS", relations)} }`;
      const bare = query("", "");
      const full = query(
        "name",
        "periodStart centre { name region { name } } municipality { name } region { name } form { name }",
      );
      await gql(bare, { input });
      const without = await recordSql(() => gql(bare, { input }));
      const withNames = await recordSql(() => gql<Record<string, unknown>>(full, { input }));
      expect(withNames.result.errors).toBeUndefined();
      expect(JSON.stringify(withNames.result.data).match(/"name":"[^"]+"/g)?.length ?? 0).toBeGreaterThan(1);
      expect(withNames.statements).toHaveLength(without.statements.length);
      if (field === "alerts") {
        // Every list has rows here, so each kind of record (and a report's relations) was named.
        const lists = (withNames.result.data?.alerts ?? {}) as Record<string, { items: unknown[] }>;
        for (const [list, { items }] of Object.entries(lists)) expect(items.length, list).toBeGreaterThan(0);
      }
    });
  }

  it("asks each region's name with the user, not once per region", async () => {
    const query = (names: string) => `{ me { regions { id ${names} } } }`;
    const curator = await asUser("curator@dostup.local");
    await gql(query(""), {}, curator); // the identity is read once per token, then cached
    const bare = await recordSql(() => gql(query(""), {}, curator));
    const withNames = await recordSql(() =>
      gql<{ me: { regions: { name: string }[] } }>(query("name code"), {}, curator),
    );
    expect(withNames.result.data?.me.regions.length).toBeGreaterThan(1);
    expect(withNames.result.data?.me.regions.every((r) => r.name.length > 0)).toBe(true);
    expect(withNames.statements).toHaveLength(bare.statements.length);
  });
});
