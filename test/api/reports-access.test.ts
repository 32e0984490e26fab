// Who reads and changes which reports: operators their own centre's, curators their regions',
// auditors every region's without changing any, partner apps only what was published; and the
// list's filters and order without N+1 queries. Every report changed here is created here, on
// 2030, 2031 and 2033 periods no other file uses.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import {
  admin,
  annual,
  auditor,
  curator,
  draft,
  monthly,
  operator,
  operatorUser,
  otherCentre,
  ownCentre,
  partner,
  pskov,
  pskovCentre,
  REPORT,
  type ReportData,
  readReport,
  setUpReports,
  udmurtiaMunicipality,
} from "../helpers/reports.js";
import { recordSql } from "../helpers/sql.js";

describe("who reads and changes reports", () => {
  beforeAll(setUpReports);

  it("lets the operator create reports for their own centre only, and never review", async () => {
    const other = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, centreId: otherCentre, periodStart: "2030-06-01" },
      { headers: operator },
    );
    expect(other.outcome?.__typename).toBe("ForbiddenError");
    const elsewhere = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, centreId: pskovCentre, periodStart: "2030-06-01" },
      { headers: operator },
    );
    expect(elsewhere.outcome?.__typename).toBe("NotFoundError");
    const municipal = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, municipalityId: udmurtiaMunicipality, periodStart: "2030-06-01" },
      { headers: operator },
    );
    expect(municipal.outcome?.__typename).toBe("ForbiddenError");
    expect(await prisma.report.count({ where: { periodStart: new Date("2030-06-01") } })).toBe(0);

    const report = await draft("2030-06-01");
    await ok(
      "setReportValues",
      REPORT,
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 3 }] },
      { headers: operator },
    );
    const submitted = await ok<ReportData>(
      "submitReport",
      REPORT,
      { id: report.id, version: 2 },
      { headers: operator, inputType: "VersionedInput" },
    );
    for (const [name, type, extra] of [
      ["returnReport", "ReturnReportInput", { reason: "Сам себе" }],
      ["approveReport", "ApproveReportInput", {}],
      ["lockReport", "VersionedInput", {}],
    ] as const) {
      const refused = await mutate(
        name,
        REPORT,
        { id: report.id, version: submitted.version, ...extra },
        { headers: operator, inputType: type },
      );
      expect(refused.outcome).toBeNull();
      expect(refused.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await readReport(report.id, operator))?.status).toBe("SUBMITTED");
  });

  it("shows the operator only their centre's reports, and the curator only their regions'", async () => {
    const page = `query { reports(first: 100) { totalCount edges { node { id centre { id } } } } }`;
    const own = await gql<{ reports: { totalCount: number; edges: { node: { centre: { id: string } | null } }[] } }>(
      page,
      {},
      operator,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.reports.totalCount).toBe(
      await prisma.report.count({ where: { centreId: operatorUser.centreId } }),
    );
    expect(own.data?.reports.edges.every((edge) => edge.node.centre?.id === ownCentre)).toBe(true);

    const seededElsewhere = await prisma.report.findFirstOrThrow({
      where: { regionId: operatorUser.regionId, centreId: { not: operatorUser.centreId } },
    });
    expect(await readReport(toGlobalId("Report", seededElsewhere.id), operator)).toBeNull();

    const curatorRegions = await prisma.region.findMany({ where: { code: { in: ["67", "18"] } } });
    const mine = await gql<{ reports: { totalCount: number } }>(page, {}, curator);
    expect(mine.data?.reports.totalCount).toBe(
      await prisma.report.count({ where: { regionId: { in: curatorRegions.map((r) => r.id) } } }),
    );
  });

  it("keeps a curator away from Pskov's reports", async () => {
    const report = await ok<ReportData>(
      "createReport",
      REPORT,
      { formId: annual, regionId: pskov, periodStart: "2031-01-01" },
      { headers: admin },
    );
    expect(report).toMatchObject({ scope: "REGION", periodEnd: "2031-12-31", dueDate: "2032-01-30" });
    expect(await readReport(report.id, curator)).toBeNull();
    const values = await mutate(
      "setReportValues",
      REPORT,
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 1 }] },
      { headers: curator },
    );
    expect(values.outcome?.__typename).toBe("NotFoundError");
    await ok(
      "setReportValues",
      REPORT,
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 4100 }] },
      { headers: admin },
    );
    const submitted = await ok<ReportData>(
      "submitReport",
      REPORT,
      { id: report.id, version: 2 },
      { headers: admin, inputType: "VersionedInput" },
    );
    const returned = await mutate(
      "returnReport",
      REPORT,
      { id: report.id, version: submitted.version, reason: "Нет" },
      { headers: curator },
    );
    expect(returned.outcome?.__typename).toBe("NotFoundError");
    const created = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, centreId: pskovCentre, periodStart: "2031-01-01" },
      { headers: curator },
    );
    expect(created.outcome?.__typename).toBe("NotFoundError");
    expect((await readReport(report.id, admin))?.status).toBe("SUBMITTED");
  });

  it("lets the auditor read every region's reports but change none", async () => {
    const all = await gql<{ reports: { totalCount: number } }>(
      `query { reports(first: 1) { totalCount } }`,
      {},
      auditor,
    );
    expect(all.data?.reports.totalCount).toBe(await prisma.report.count());
    const report = await draft("2030-07-01");
    expect((await readReport(report.id, auditor))?.status).toBe("DRAFT");
    const created = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, centreId: ownCentre, periodStart: "2030-08-01" },
      { headers: auditor },
    );
    expect(created.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const values = await mutate(
      "setReportValues",
      REPORT,
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 1 }] },
      { headers: auditor },
    );
    expect(values.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await readReport(report.id, admin))?.version).toBe(1);
  });

  it("shows partner apps only published approved and locked reports", async () => {
    const page = `query { reports(first: 100) { totalCount edges { node { id status published values { total } } } } }`;
    const published = { published: true, status: { in: ["APPROVED" as const, "LOCKED" as const] } };
    const before = await gql<{
      reports: { totalCount: number; edges: { node: { id: string; status: string; published: boolean } }[] };
    }>(page, {}, partner);
    expect(before.errors).toBeUndefined();
    expect(before.data?.reports.totalCount).toBe(await prisma.report.count({ where: published }));
    expect(before.data?.reports.totalCount).toBeGreaterThan(0);
    expect(
      before.data?.reports.edges.every((e) => e.node.published && ["APPROVED", "LOCKED"].includes(e.node.status)),
    ).toBe(true);

    const approve = async (month: string, publish: boolean) => {
      const report = await draft(month);
      await ok(
        "setReportValues",
        REPORT,
        { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 9 }] },
        { headers: operator },
      );
      await ok(
        "submitReport",
        REPORT,
        { id: report.id, version: 2 },
        { headers: operator, inputType: "VersionedInput" },
      );
      return ok<ReportData>(
        "approveReport",
        REPORT,
        { id: report.id, version: 3, published: publish },
        { headers: curator },
      );
    };
    const shown = await approve("2030-09-01", true);
    const hidden = await approve("2030-10-01", false);
    expect(shown.published).toBe(true);
    expect(hidden.published).toBe(false);
    expect((await readReport(shown.id, partner))?.values).toEqual([
      { total: 9, rural: null, indicator: { code: "USERS" } },
    ]);
    expect(await readReport(hidden.id, partner)).toBeNull();
    const draftOnly = await draft("2030-11-01");
    expect(await readReport(draftOnly.id, partner)).toBeNull();
    const after = await gql<{ reports: { totalCount: number } }>(page, {}, partner);
    expect(after.data?.reports.totalCount).toBe((before.data?.reports.totalCount ?? 0) + 1);
    const write = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, centreId: ownCentre, periodStart: "2030-12-01" },
      { headers: partner },
    );
    expect(write.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("filters, orders and pages reports without N+1 queries", async () => {
    for (const month of ["2033-01-01", "2033-02-01", "2033-03-01"]) await draft(month);
    const query = `query Q($first: Int, $filter: ReportFilter, $orderBy: ReportOrderBy) {
      reports(first: $first, filter: $filter, orderBy: $orderBy) { totalCount
        edges { node { periodStart status dueDate overdue form { code indicators { code } } centre { name } municipality { name }
          region { code } values { total rural indicator { code position } } } } } }`;
    const filter = {
      centreId: ownCentre,
      periodFrom: "2033-01-01",
      periodTo: "2033-02-28",
      status: "DRAFT",
      scope: "CENTRE",
    };
    const asc = await gql<{ reports: { totalCount: number; edges: { node: { periodStart: string } }[] } }>(
      query,
      { first: 10, filter, orderBy: { field: "PERIOD_START", direction: "ASC" } },
      curator,
    );
    expect(asc.errors).toBeUndefined();
    expect(asc.data?.reports.totalCount).toBe(2);
    expect(asc.data?.reports.edges.map((e) => e.node.periodStart)).toEqual(["2033-01-01", "2033-02-01"]);
    const byForm = await gql<{ reports: { totalCount: number } }>(
      query,
      { first: 1, filter: { formId: annual } },
      admin,
    );
    expect(byForm.data?.reports.totalCount).toBe(
      await prisma.report.count({ where: { form: { code: "COD_ANNUAL" } } }),
    );

    const small = await recordSql(() => gql(query, { first: 2 }, admin));
    const large = await recordSql(() => gql(query, { first: 50 }, admin));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.statements.length).toBe(small.statements.length);
  });
});
