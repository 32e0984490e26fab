// Four eyes on reports: whoever created, filled in or submitted a report never approves or
// publishes it, and canApprove says so without a statement per report. Every report changed
// here is created here, on 2034 and 2035 periods no other file uses.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId } from "../../api/lib/ids.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import {
  admin,
  auditor,
  changeLog,
  curator,
  draft,
  monthly,
  operator,
  ownCentre,
  partner,
  REPORT,
  type ReportData,
  readReport,
  setUpReports,
} from "../helpers/reports.js";
import { recordSql } from "../helpers/sql.js";
import { newUser, type TestUser } from "../helpers/users.js";

type Headers = Record<string, string>;

describe("four eyes on reports", () => {
  /** A second curator of the operator's region, who wrote none of these reports. */
  let colleague: TestUser;
  beforeAll(async () => {
    await setUpReports();
    colleague = await newUser("CURATOR", ["18"]);
  });

  const canApprove = async (id: string, headers: Headers) =>
    (
      await gql<{ node: { canApprove: boolean } | null }>(
        `query C($id: ID!) { node(id: $id) { ... on Report { canApprove } } }`,
        { id },
        headers,
      )
    ).data?.node?.canApprove;

  it("keeps the curator who corrected a returned report from approving or publishing it; a colleague can", async () => {
    const report = await draft("2034-01-01");
    const values = [{ indicatorCode: "USERS", total: 500, rural: 50 }];
    await ok("setReportValues", REPORT, { id: report.id, version: 1, values }, { headers: operator });
    await ok("submitReport", REPORT, { id: report.id, version: 2 }, { headers: operator, inputType: "VersionedInput" });
    // Returning is reviewing: the curator may still approve after it.
    const returned = await ok<ReportData>(
      "returnReport",
      REPORT,
      { id: report.id, version: 3, reason: "Сверьте число пользователей с журналом." },
      { headers: curator },
    );
    expect(await canApprove(report.id, curator)).toBe(false); // nothing to approve while RETURNED
    // ... but correcting the figures is writing them, even in a later round.
    const corrected = await ok<ReportData>(
      "setReportValues",
      REPORT,
      { id: report.id, version: returned.version, values: [{ indicatorCode: "USERS", total: 450, rural: 50 }] },
      { headers: curator },
    );
    const resubmitted = await ok<ReportData>(
      "submitReport",
      REPORT,
      { id: report.id, version: corrected.version },
      { headers: operator, inputType: "VersionedInput" },
    );
    expect(await canApprove(report.id, curator)).toBe(false);
    expect(await canApprove(report.id, colleague.headers)).toBe(true);
    expect(await canApprove(report.id, admin)).toBe(true);
    expect(await canApprove(report.id, operator)).toBe(false);
    expect(await canApprove(report.id, auditor)).toBe(false);

    const historyBefore = await changeLog(report.id);
    const refused = await mutate(
      "approveReport",
      REPORT,
      { id: report.id, version: resubmitted.version, published: true },
      { headers: curator },
    );
    expect(refused.outcome).toEqual({
      __typename: "ForbiddenError",
      message:
        "You created, filled in or submitted this report, so you cannot approve or publish it: its figures need a second pair of eyes. Another curator of the report's region or an administrator must approve it.",
    });
    expect(await readReport(report.id, admin)).toMatchObject({
      status: "SUBMITTED",
      published: false,
      approvedAt: null,
      version: resubmitted.version,
    });
    expect(await changeLog(report.id)).toHaveLength(historyBefore.length);
    expect(await readReport(report.id, partner)).toBeNull();

    const approved = await ok<ReportData>(
      "approveReport",
      REPORT,
      { id: report.id, version: resubmitted.version, published: true },
      { headers: colleague.headers },
    );
    expect(approved).toMatchObject({ status: "APPROVED", published: true });
    expect((await readReport(report.id, partner))?.values).toEqual([
      { total: 450, rural: 50, indicator: { code: "USERS" } },
    ]);
    const stored = await prisma.report.findUniqueOrThrow({ where: { id: fromGlobalId("Report", report.id) } });
    expect(stored.approvedById).toBe(colleague.id);
  });

  it("keeps the operator's curator free to approve what only the operator wrote, the administrator too", async () => {
    const report = await draft("2034-02-01");
    const values = [{ indicatorCode: "USERS", total: 5 }];
    await ok("setReportValues", REPORT, { id: report.id, version: 1, values }, { headers: operator });
    await ok("submitReport", REPORT, { id: report.id, version: 2 }, { headers: operator, inputType: "VersionedInput" });
    expect(await canApprove(report.id, curator)).toBe(true);
    expect(await canApprove(report.id, admin)).toBe(true);
    // A curator of another region does not even see it.
    const pskovCurator = await newUser("CURATOR", ["60"]);
    expect(await canApprove(report.id, pskovCurator.headers)).toBeUndefined();
    const refused = await mutate(
      "approveReport",
      REPORT,
      { id: report.id, version: 3 },
      { headers: pskovCurator.headers },
    );
    expect(refused.outcome?.__typename).toBe("NotFoundError");
    expect(
      (await ok<ReportData>("approveReport", REPORT, { id: report.id, version: 3 }, { headers: admin })).status,
    ).toBe("APPROVED");
    expect(await canApprove(report.id, curator)).toBe(false); // approved: nothing left to approve
  });

  it("answers canApprove for a list of submitted reports with the same number of SQL statements for 2 as for 20", async () => {
    const mine: string[] = [];
    for (const month of ["2035-01-01", "2035-02-01", "2035-03-01", "2035-04-01"]) {
      const report = await ok<ReportData>(
        "createReport",
        REPORT,
        { formId: monthly.id, centreId: ownCentre, periodStart: month },
        { headers: curator },
      );
      const values = [{ indicatorCode: "USERS", total: 3 }];
      await ok("setReportValues", REPORT, { id: report.id, version: 1, values }, { headers: operator });
      await ok(
        "submitReport",
        REPORT,
        { id: report.id, version: 2 },
        { headers: operator, inputType: "VersionedInput" },
      );
      mine.push(report.id);
    }
    const query = `query S($first: Int) { reports(first: $first, filter: { status: SUBMITTED }) {
      edges { node { id canApprove } } } }`;
    const small = await recordSql(() => gql(query, { first: 2 }, curator));
    const large = await recordSql(() =>
      gql<{ reports: { edges: { node: { id: string; canApprove: boolean } }[] } }>(query, { first: 20 }, curator),
    );
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data?.reports.edges.length).toBeGreaterThan(2);
    expect(large.statements.length).toBe(small.statements.length);
    // The curator created these four: none is theirs to approve, each is the colleague's.
    for (const id of mine) {
      expect(await canApprove(id, curator)).toBe(false);
      expect(await canApprove(id, colleague.headers)).toBe(true);
    }
  });
});
