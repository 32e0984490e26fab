// Report forms and the report workflow, per role. Every report changed here is created here,
// on periods the demo seed does not use (2010 and 2030+).
import { beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "../../api/generated/prisma/client.js";
import { accessFor } from "../../api/lib/access.js";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { ValidationError } from "../../api/lib/errors.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { setReportValues } from "../../api/modules/reports/report-values.service.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";
import { newUser, type TestUser } from "../helpers/users.js";

type Headers = Record<string, string>;

interface ReportData {
  id: string;
  status: string;
  version: number;
  scope: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  overdue: boolean;
  published: boolean;
  returnReason: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  lockedAt: string | null;
  values: { total: number; rural: number | null; indicator: { code: string } }[];
}

interface Result<T> {
  __typename: string;
  data?: T;
  message?: string;
  issues?: { field: string; message: string }[];
  currentVersion?: number | null;
}

const REPORT = `id status version scope periodStart periodEnd dueDate overdue published returnReason
  submittedAt approvedAt lockedAt values { total rural indicator { code } }`;
const FORM = `id code revision name periodicity dueDays status version indicators { id code hasRuralSplit position }`;

/** Runs a mutation and returns its result union (or the GraphQL errors when there is none). */
async function mutate<T = ReportData>(
  name: string,
  inputType: string,
  input: object,
  headers: Headers,
  fields = REPORT,
) {
  const success = `Mutation${name.charAt(0).toUpperCase()}${name.slice(1)}Success`;
  const response = await gql<{ result: Result<T> }>(
    `mutation M($input: ${inputType}!) { result: ${name}(input: $input) { __typename
      ... on ${success} { data { ${fields} } }
      ... on Error { message }
      ... on ValidationError { issues { field message } }
      ... on ConflictError { currentVersion } } }`,
    { input },
    headers,
  );
  return { result: response.data?.result, errors: response.errors };
}

/** The data of a mutation that must succeed. */
async function ok<T = ReportData>(name: string, inputType: string, input: object, headers: Headers, fields = REPORT) {
  const { result, errors } = await mutate<T>(name, inputType, input, headers, fields);
  expect(errors).toBeUndefined();
  expect(result?.__typename, JSON.stringify(result)).toMatch(/Success$/);
  return result?.data as T;
}

async function readReport(id: string, headers: Headers): Promise<ReportData | null> {
  const response = await gql<{ node: ReportData | null }>(
    `query R($id: ID!) { node(id: $id) { ... on Report { ${REPORT} } } }`,
    { id },
    headers,
  );
  expect(response.errors).toBeUndefined();
  return response.data?.node ?? null;
}

describe("reports", () => {
  let admin: Headers;
  let curator: Headers;
  let operator: Headers;
  let auditor: Headers;
  let partner: Headers;
  let monthly: { id: string; dbId: string };
  let annual: string;
  let ownCentre: string;
  let otherCentre: string;
  let pskovCentre: string;
  let pskov: string;
  let udmurtiaMunicipality: string;
  let operatorUser: { id: string; centreId: string; regionId: string };

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    curator = await asUser("curator@dostup.local");
    operator = await asUser("operator@dostup.local");
    auditor = await asUser("auditor@dostup.local");
    useIdentity(admin);
    const key = "dsp_reports_test_partner_key_0123456789";
    await prisma.apiClient.create({
      data: {
        name: "Reports test partner",
        keyPrefix: "dsp_reports_t",
        keyHash: hashApiKey(key),
        scopes: ["registry:read", "statistics:read"],
      },
    });
    // Without the default identity's token, which would win over the key.
    partner = { authorization: "", "x-api-key": key };

    const form = await prisma.reportForm.findFirstOrThrow({
      where: { code: "COD_MONTHLY" },
      orderBy: { revision: "desc" },
    });
    monthly = { id: toGlobalId("ReportForm", form.id), dbId: form.id };
    const annualForm = await prisma.reportForm.findFirstOrThrow({
      where: { code: "COD_ANNUAL" },
      orderBy: { revision: "desc" },
    });
    annual = toGlobalId("ReportForm", annualForm.id);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "operator@dostup.local" },
      include: { centre: true },
    });
    if (!user.centre) throw new Error("The demo operator has no centre.");
    operatorUser = { id: user.id, centreId: user.centre.id, regionId: user.centre.regionId };
    ownCentre = toGlobalId("Centre", user.centre.id);
    const other = await prisma.centre.findFirstOrThrow({
      where: { regionId: user.centre.regionId, id: { not: user.centre.id }, archivedAt: null },
    });
    otherCentre = toGlobalId("Centre", other.id);
    const pskovRegion = await prisma.region.findUniqueOrThrow({ where: { code: "60" } });
    pskov = toGlobalId("Region", pskovRegion.id);
    pskovCentre = toGlobalId(
      "Centre",
      (await prisma.centre.findFirstOrThrow({ where: { regionId: pskovRegion.id, archivedAt: null } })).id,
    );
    udmurtiaMunicipality = toGlobalId(
      "Municipality",
      (await prisma.municipality.findFirstOrThrow({ where: { regionId: user.centre.regionId } })).id,
    );
  });

  /** A new DRAFT report of the operator's centre for the given month. */
  async function draft(periodStart: string): Promise<ReportData> {
    return ok("createReport", "CreateReportInput", { formId: monthly.id, centreId: ownCentre, periodStart }, operator);
  }

  async function changeLog(reportId: string) {
    return prisma.changeLog.findMany({
      where: { entity: "Report", entityId: fromGlobalId("Report", reportId) },
      orderBy: { at: "asc" },
    });
  }

  it("walks the workflow: the operator drafts and submits, the curator returns, approves and locks", async () => {
    const created = await draft("2030-01-01");
    expect(created).toMatchObject({
      status: "DRAFT",
      scope: "CENTRE",
      periodStart: "2030-01-01",
      periodEnd: "2030-01-31",
      dueDate: "2030-02-10",
      overdue: false,
      version: 1,
      values: [],
    });

    const filled = await ok(
      "setReportValues",
      "SetReportValuesInput",
      {
        id: created.id,
        version: 1,
        values: [
          { indicatorCode: "REQ_GOV_INFO", total: 40 },
          { indicatorCode: "USERS", total: 120, rural: 30 },
        ],
      },
      operator,
    );
    expect(filled.version).toBe(2);
    // In the form's order, whatever order they were sent in.
    expect(filled.values).toEqual([
      { total: 120, rural: 30, indicator: { code: "USERS" } },
      { total: 40, rural: null, indicator: { code: "REQ_GOV_INFO" } },
    ]);

    const submitted = await ok("submitReport", "VersionedInput", { id: created.id, version: 2 }, operator);
    expect(submitted.status).toBe("SUBMITTED");
    expect(submitted.submittedAt).not.toBeNull();

    // Submitted values wait for the curator: the operator cannot change them.
    const whileSubmitted = await mutate(
      "setReportValues",
      "SetReportValuesInput",
      { id: created.id, version: 3, values: [{ indicatorCode: "USERS", total: 1 }] },
      operator,
    );
    expect(whileSubmitted.result?.__typename).toBe("ValidationError");
    expect(whileSubmitted.result?.issues?.[0]?.field).toBe("status");
    expect(whileSubmitted.result?.issues?.[0]?.message).toMatch(/submitted/);

    const reason = "Пользователей больше, чем в журнале учёта: проверьте строку USERS.";
    const returned = await ok("returnReport", "ReturnReportInput", { id: created.id, version: 3, reason }, curator);
    expect(returned).toMatchObject({ status: "RETURNED", returnReason: reason, version: 4 });
    expect((await readReport(created.id, operator))?.returnReason).toBe(reason);

    const fixed = await ok(
      "setReportValues",
      "SetReportValuesInput",
      { id: created.id, version: 4, values: [{ indicatorCode: "USERS", total: 110, rural: 30 }] },
      operator,
    );
    expect(fixed.values[0]).toEqual({ total: 110, rural: 30, indicator: { code: "USERS" } });
    const resubmitted = await ok(
      "submitReport",
      "VersionedInput",
      { id: created.id, version: fixed.version },
      operator,
    );
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", returnReason: null });

    const approved = await ok(
      "approveReport",
      "ApproveReportInput",
      { id: created.id, version: resubmitted.version },
      curator,
    );
    expect(approved.status).toBe("APPROVED");
    expect(approved.approvedAt).not.toBeNull();

    for (const who of [operator, curator, admin]) {
      const refused = await mutate(
        "setReportValues",
        "SetReportValuesInput",
        { id: created.id, version: approved.version, values: [{ indicatorCode: "USERS", total: 1 }] },
        who,
      );
      expect(refused.result?.__typename).toBe("ValidationError");
      expect(refused.result?.issues).toEqual([
        { field: "status", message: expect.stringMatching(/approved.*cannot change/) },
      ]);
    }

    const locked = await ok("lockReport", "VersionedInput", { id: created.id, version: approved.version }, curator);
    expect(locked.status).toBe("LOCKED");
    expect(locked.lockedAt).not.toBeNull();
    const afterLock = await mutate(
      "setReportValues",
      "SetReportValuesInput",
      { id: created.id, version: locked.version, values: [{ indicatorCode: "USERS", total: 1 }] },
      admin,
    );
    expect(afterLock.result?.issues).toEqual([
      { field: "status", message: expect.stringMatching(/locked.*cannot change/) },
    ]);
    expect((await readReport(created.id, admin))?.values[0]).toEqual({
      total: 110,
      rural: 30,
      indicator: { code: "USERS" },
    });

    const history = await changeLog(created.id);
    expect(history.map((entry) => entry.action)).toEqual([
      "CREATE",
      "UPDATE",
      "TRANSITION",
      "TRANSITION",
      "UPDATE",
      "TRANSITION",
      "TRANSITION",
      "TRANSITION",
    ]);
    const transitions = history.filter((entry) => entry.action === "TRANSITION").map((entry) => entry.changes);
    expect(transitions.map((changes) => (changes as { _note: { to: string } })._note.to)).toEqual([
      "SUBMITTED",
      "RETURNED",
      "SUBMITTED",
      "APPROVED",
      "LOCKED",
    ]);
    expect(transitions[1]).toMatchObject({
      _note: { from: "SUBMITTED", to: "RETURNED", reason },
      returnReason: { from: null, to: reason },
    });
    // The correction is logged by indicator code, before and after.
    expect(history[4]?.changes).toEqual({
      "values.USERS": { from: { total: 120, rural: 30 }, to: { total: 110, rural: 30 } },
    });
    expect(history.every((entry) => entry.regionId === operatorUser.regionId)).toBe(true);
    expect(history[0]?.actorUserId).toBe(operatorUser.id);
  });

  describe("four eyes", () => {
    /** A second curator of the operator's region, who wrote none of these reports. */
    let colleague: TestUser;
    beforeAll(async () => {
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
      await ok("setReportValues", "SetReportValuesInput", { id: report.id, version: 1, values }, operator);
      await ok("submitReport", "VersionedInput", { id: report.id, version: 2 }, operator);
      // Returning is reviewing: the curator may still approve after it.
      const returned = await ok(
        "returnReport",
        "ReturnReportInput",
        { id: report.id, version: 3, reason: "Сверьте число пользователей с журналом." },
        curator,
      );
      expect(await canApprove(report.id, curator)).toBe(false); // nothing to approve while RETURNED
      // ... but correcting the figures is writing them, even in a later round.
      const corrected = await ok(
        "setReportValues",
        "SetReportValuesInput",
        { id: report.id, version: returned.version, values: [{ indicatorCode: "USERS", total: 450, rural: 50 }] },
        curator,
      );
      const resubmitted = await ok(
        "submitReport",
        "VersionedInput",
        { id: report.id, version: corrected.version },
        operator,
      );
      expect(await canApprove(report.id, curator)).toBe(false);
      expect(await canApprove(report.id, colleague.headers)).toBe(true);
      expect(await canApprove(report.id, admin)).toBe(true);
      expect(await canApprove(report.id, operator)).toBe(false);
      expect(await canApprove(report.id, auditor)).toBe(false);

      const historyBefore = await changeLog(report.id);
      const refused = await mutate(
        "approveReport",
        "ApproveReportInput",
        { id: report.id, version: resubmitted.version, published: true },
        curator,
      );
      expect(refused.result).toEqual({
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

      const approved = await ok(
        "approveReport",
        "ApproveReportInput",
        { id: report.id, version: resubmitted.version, published: true },
        colleague.headers,
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
      await ok("setReportValues", "SetReportValuesInput", { id: report.id, version: 1, values }, operator);
      await ok("submitReport", "VersionedInput", { id: report.id, version: 2 }, operator);
      expect(await canApprove(report.id, curator)).toBe(true);
      expect(await canApprove(report.id, admin)).toBe(true);
      // A curator of another region does not even see it.
      const pskovCurator = await newUser("CURATOR", ["60"]);
      expect(await canApprove(report.id, pskovCurator.headers)).toBeUndefined();
      const refused = await mutate(
        "approveReport",
        "ApproveReportInput",
        { id: report.id, version: 3 },
        pskovCurator.headers,
      );
      expect(refused.result?.__typename).toBe("NotFoundError");
      expect((await ok("approveReport", "ApproveReportInput", { id: report.id, version: 3 }, admin)).status).toBe(
        "APPROVED",
      );
      expect(await canApprove(report.id, curator)).toBe(false); // approved: nothing left to approve
    });

    it("answers canApprove for a list of submitted reports with the same number of SQL statements for 2 as for 20", async () => {
      const mine: string[] = [];
      for (const month of ["2035-01-01", "2035-02-01", "2035-03-01", "2035-04-01"]) {
        const report = await ok(
          "createReport",
          "CreateReportInput",
          { formId: monthly.id, centreId: ownCentre, periodStart: month },
          curator,
        );
        const values = [{ indicatorCode: "USERS", total: 3 }];
        await ok("setReportValues", "SetReportValuesInput", { id: report.id, version: 1, values }, operator);
        await ok("submitReport", "VersionedInput", { id: report.id, version: 2 }, operator);
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

  it("refuses rural above the total, negative and misplaced values, naming each field, and applies none", async () => {
    const report = await draft("2030-02-01");
    const first = await ok(
      "setReportValues",
      "SetReportValuesInput",
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 10, rural: 5 }] },
      operator,
    );
    const { result } = await mutate(
      "setReportValues",
      "SetReportValuesInput",
      {
        id: report.id,
        version: first.version,
        values: [
          { indicatorCode: "USERS", total: 5, rural: 6 },
          { indicatorCode: "REQ_GOV_INFO", total: -1 },
          { indicatorCode: "PORTAL_CONSULTATIONS", total: 3, rural: 1 },
          { indicatorCode: "NO_SUCH_INDICATOR", total: 1 },
          { indicatorId: toGlobalId("ReportIndicator", "00000000-0000-4000-8000-000000000000"), total: 1 },
          { indicatorCode: "REQ_E_APPEALS", total: 2 },
        ],
      },
      operator,
    );
    expect(result?.__typename).toBe("ValidationError");
    expect(result?.issues?.map((issue) => issue.field)).toEqual([
      "input.values.0.rural",
      "input.values.1.total",
      "input.values.2.rural",
      "input.values.3.indicatorCode",
      "input.values.4.indicatorId",
    ]);
    expect(result?.issues?.[0]?.message).toBe("The rural part (6) cannot exceed the total (5).");
    const after = await readReport(report.id, operator);
    expect(after?.version).toBe(first.version);
    expect(after?.values).toEqual([{ total: 10, rural: 5, indicator: { code: "USERS" } }]);
  });

  it("refuses fractional values: GraphQL's Int at the API, the service's own check behind it", async () => {
    const report = await draft("2030-03-01");
    const response = await gql(
      `mutation M($input: SetReportValuesInput!) { setReportValues(input: $input) { __typename } }`,
      { input: { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 1.5 }] } },
      operator,
    );
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toMatch(/Int cannot represent non-integer value: 1\.5/);

    const user = await prisma.user.findUniqueOrThrow({ where: { id: operatorUser.id } });
    const access = accessFor({
      kind: "user",
      userId: user.id,
      role: user.role as UserRole,
      regionIds: [],
      allRegions: false,
      centreId: operatorUser.centreId,
      centreRegionId: operatorUser.regionId,
    });
    const error = await setReportValues(access, {
      id: report.id,
      version: 1,
      values: [{ indicatorCode: "USERS", total: 1.5, rural: 0.5 }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([
      "input.values.0.total",
      "input.values.0.rural",
    ]);
    expect((await readReport(report.id, operator))?.values).toEqual([]);
  });

  it("writes values in four statements and one transaction, logging only what changed, before and after", async () => {
    const report = await draft("2030-08-01");
    const first = await ok(
      "setReportValues",
      "SetReportValuesInput",
      {
        id: report.id,
        version: 1,
        values: [
          { indicatorCode: "USERS", total: 7, rural: 1 },
          { indicatorCode: "WEBINARS", total: 3 },
        ],
      },
      operator,
    );
    const written = await recordSql(() =>
      mutate(
        "setReportValues",
        "SetReportValuesInput",
        {
          id: report.id,
          version: first.version,
          values: [
            { indicatorCode: "USERS", total: 9, rural: 1 },
            { indicatorCode: "WEBINARS", total: 3 },
          ],
        },
        operator,
        "id version status",
      ),
    );
    expect(written.result.result).toMatchObject({ __typename: "MutationSetReportValuesSuccess", data: { version: 3 } });
    // The report with its form's indicators, the version, the values (read before and after in
    // the statement that writes them), the log; then COMMIT. The answer's columns are at hand.
    expect(written.statements.filter((statement) => !/^(BEGIN|COMMIT)/.test(statement))).toHaveLength(4);
    const log = await changeLog(report.id);
    expect(log.at(-1)?.changes).toEqual({
      "values.USERS": { from: { total: 7, rural: 1 }, to: { total: 9, rural: 1 } },
    });
    expect(await readReport(report.id, operator)).toMatchObject({
      version: 3,
      values: expect.arrayContaining([
        { total: 9, rural: 1, indicator: { code: "USERS" } },
        { total: 3, rural: null, indicator: { code: "WEBINARS" } },
      ]),
    });
  });

  it("answers a stale version with ConflictError and changes nothing", async () => {
    const report = await draft("2030-04-01");
    await ok(
      "setReportValues",
      "SetReportValuesInput",
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 7, rural: 1 }] },
      operator,
    );
    const stale = await mutate(
      "setReportValues",
      "SetReportValuesInput",
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 8, rural: 1 }] },
      curator,
    );
    expect(stale.result).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
    const staleSubmit = await mutate("submitReport", "VersionedInput", { id: report.id, version: 1 }, operator);
    expect(staleSubmit.result).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
    const after = await readReport(report.id, operator);
    expect(after).toMatchObject({
      version: 2,
      status: "DRAFT",
      values: [{ total: 7, rural: 1, indicator: { code: "USERS" } }],
    });
    expect((await changeLog(report.id)).map((entry) => entry.action)).toEqual(["CREATE", "UPDATE"]);
  });

  it("names the current status and what is possible when a step does not fit", async () => {
    const report = await draft("2030-05-01");
    const empty = await mutate("submitReport", "VersionedInput", { id: report.id, version: 1 }, operator);
    expect(empty.result?.issues).toEqual([{ field: "values", message: expect.stringMatching(/at least one value/) }]);
    const approveDraft = await mutate("approveReport", "ApproveReportInput", { id: report.id, version: 1 }, curator);
    expect(approveDraft.result?.issues).toEqual([
      {
        field: "status",
        message: "The report is DRAFT, so it cannot be approved; from DRAFT it can only be submitted (SUBMITTED).",
      },
    ]);
    const lockDraft = await mutate("lockReport", "VersionedInput", { id: report.id, version: 1 }, admin);
    expect(lockDraft.result?.issues?.[0]?.message).toMatch(/^The report is DRAFT, so it cannot be locked/);
    const blank = await mutate(
      "returnReport",
      "ReturnReportInput",
      { id: report.id, version: 1, reason: "   " },
      curator,
    );
    expect(blank.result?.issues).toEqual([{ field: "input.reason", message: "Say what must be corrected." }]);
    const long = await mutate(
      "returnReport",
      "ReturnReportInput",
      { id: report.id, version: 1, reason: "x".repeat(2001) },
      curator,
    );
    expect(long.result?.issues?.[0]?.field).toBe("input.reason");
    expect((await readReport(report.id, operator))?.version).toBe(1);
  });

  it("lets the operator create reports for their own centre only, and never review", async () => {
    const other = await mutate(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, centreId: otherCentre, periodStart: "2030-06-01" },
      operator,
    );
    expect(other.result?.__typename).toBe("ForbiddenError");
    const elsewhere = await mutate(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, centreId: pskovCentre, periodStart: "2030-06-01" },
      operator,
    );
    expect(elsewhere.result?.__typename).toBe("NotFoundError");
    const municipal = await mutate(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, municipalityId: udmurtiaMunicipality, periodStart: "2030-06-01" },
      operator,
    );
    expect(municipal.result?.__typename).toBe("ForbiddenError");
    expect(await prisma.report.count({ where: { periodStart: new Date("2030-06-01") } })).toBe(0);

    const report = await draft("2030-06-01");
    await ok(
      "setReportValues",
      "SetReportValuesInput",
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 3 }] },
      operator,
    );
    const submitted = await ok("submitReport", "VersionedInput", { id: report.id, version: 2 }, operator);
    for (const [name, type, extra] of [
      ["returnReport", "ReturnReportInput", { reason: "Сам себе" }],
      ["approveReport", "ApproveReportInput", {}],
      ["lockReport", "VersionedInput", {}],
    ] as const) {
      const refused = await mutate(name, type, { id: report.id, version: submitted.version, ...extra }, operator);
      expect(refused.result).toBeUndefined();
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
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
    const report = await ok(
      "createReport",
      "CreateReportInput",
      { formId: annual, regionId: pskov, periodStart: "2031-01-01" },
      admin,
    );
    expect(report).toMatchObject({ scope: "REGION", periodEnd: "2031-12-31", dueDate: "2032-01-30" });
    expect(await readReport(report.id, curator)).toBeNull();
    const values = await mutate(
      "setReportValues",
      "SetReportValuesInput",
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 1 }] },
      curator,
    );
    expect(values.result?.__typename).toBe("NotFoundError");
    await ok(
      "setReportValues",
      "SetReportValuesInput",
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 4100 }] },
      admin,
    );
    const submitted = await ok("submitReport", "VersionedInput", { id: report.id, version: 2 }, admin);
    const returned = await mutate(
      "returnReport",
      "ReturnReportInput",
      { id: report.id, version: submitted.version, reason: "Нет" },
      curator,
    );
    expect(returned.result?.__typename).toBe("NotFoundError");
    const created = await mutate(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, centreId: pskovCentre, periodStart: "2031-01-01" },
      curator,
    );
    expect(created.result?.__typename).toBe("NotFoundError");
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
      "CreateReportInput",
      { formId: monthly.id, centreId: ownCentre, periodStart: "2030-08-01" },
      auditor,
    );
    expect(created.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const values = await mutate(
      "setReportValues",
      "SetReportValuesInput",
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 1 }] },
      auditor,
    );
    expect(values.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
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
        "SetReportValuesInput",
        { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 9 }] },
        operator,
      );
      await ok("submitReport", "VersionedInput", { id: report.id, version: 2 }, operator);
      return ok("approveReport", "ApproveReportInput", { id: report.id, version: 3, published: publish }, curator);
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
      "CreateReportInput",
      { formId: monthly.id, centreId: ownCentre, periodStart: "2030-12-01" },
      partner,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a second report for the same form, entity and period with ConflictError", async () => {
    await draft("2032-01-01");
    const again = await mutate(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, centreId: ownCentre, periodStart: "2032-01-01" },
      curator,
    );
    expect(again.result?.__typename).toBe("ConflictError");
    expect(again.result?.message).toMatch(/already exists/);
    expect(
      await prisma.report.count({
        where: { formId: monthly.dbId, centreId: operatorUser.centreId, periodStart: new Date("2032-01-01") },
      }),
    ).toBe(1);
    // The same period of another entity, or another form, is a different report.
    await ok(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, municipalityId: udmurtiaMunicipality, periodStart: "2032-01-01" },
      curator,
    );
  });

  it("derives the period from the form and refuses a start that does not begin one", async () => {
    const midMonth = await mutate(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, centreId: ownCentre, periodStart: "2032-02-15" },
      operator,
    );
    expect(midMonth.result?.issues).toEqual([
      { field: "input.periodStart", message: expect.stringMatching(/first day of a month/) },
    ]);
    const midYear = await mutate(
      "createReport",
      "CreateReportInput",
      { formId: annual, regionId: pskov, periodStart: "2032-07-01" },
      admin,
    );
    expect(midYear.result?.issues?.[0]?.field).toBe("input.periodStart");
    const two = await mutate(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, centreId: ownCentre, regionId: pskov, periodStart: "2032-02-01" },
      admin,
    );
    expect(two.result?.issues?.[0]?.field).toBe("input");
    const none = await mutate(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, periodStart: "2032-02-01" },
      admin,
    );
    expect(none.result?.issues?.[0]?.field).toBe("input");

    const smolensk = await prisma.centre.findFirstOrThrow({ where: { region: { code: "67" }, archivedAt: null } });
    const late = await ok(
      "createReport",
      "CreateReportInput",
      { formId: monthly.id, centreId: toGlobalId("Centre", smolensk.id), periodStart: "2010-02-01" },
      curator,
    );
    expect(late).toMatchObject({ periodEnd: "2010-02-28", dueDate: "2010-03-10", overdue: true });
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

  describe("forms", () => {
    it("are readable by every signed-in caller, indicators in order", async () => {
      const query = `query { reportForms(first: 10, filter: { search: "cod_" }) { totalCount edges { node { ${FORM} } } } }`;
      for (const who of [operator, partner]) {
        const result = await gql<{
          reportForms: { totalCount: number; edges: { node: { code: string; indicators: { position: number }[] } }[] };
        }>(query, {}, who);
        expect(result.errors).toBeUndefined();
        expect(result.data?.reportForms.totalCount).toBeGreaterThanOrEqual(2);
        const positions = result.data?.reportForms.edges[0]?.node.indicators.map((i) => i.position) ?? [];
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(positions.length).toBeGreaterThan(5);
      }
      const anonymous = await gql(query, {}, { authorization: "" });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("are created and changed by administrators only, and frozen once a report uses them", async () => {
      const input = {
        code: "TEST_QUARTERLY",
        name: "Тестовая квартальная форма",
        periodicity: "QUARTERLY",
        dueDays: 15,
        indicators: [
          { code: "VISITORS", name: "Посетители", unit: "чел.", hasRuralSplit: true, category: "USERS" },
          { code: "EVENTS", name: "Мероприятия", unit: "ед." },
        ],
      };
      const refused = await mutate("createReportForm", "CreateReportFormInput", input, curator, FORM);
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const twice = await mutate(
        "createReportForm",
        "CreateReportFormInput",
        { ...input, code: "bad code", dueDays: -1, indicators: [input.indicators[1], input.indicators[1]] },
        admin,
        FORM,
      );
      expect(twice.result?.issues?.map((i) => i.field).sort()).toEqual([
        "input.code",
        "input.dueDays",
        "input.indicators.1.code",
      ]);

      type Form = {
        id: string;
        version: number;
        revision: number;
        status: string;
        indicators: { id: string; code: string; position: number }[];
      };
      const form = await ok<Form>("createReportForm", "CreateReportFormInput", input, admin, FORM);
      expect(form).toMatchObject({ revision: 1, status: "ACTIVE", version: 1 });
      expect(form.indicators.map((i) => [i.code, i.position])).toEqual([
        ["VISITORS", 1],
        ["EVENTS", 2],
      ]);

      const updated = await ok<Form>(
        "updateReportForm",
        "UpdateReportFormInput",
        {
          id: form.id,
          version: 1,
          dueDays: 20,
          indicators: [input.indicators[1], { code: "SEMINARS", name: "Семинары", unit: "ед." }, input.indicators[0]],
        },
        admin,
        FORM,
      );
      expect(updated.version).toBe(2);
      expect(updated.indicators.map((i) => i.code)).toEqual(["EVENTS", "SEMINARS", "VISITORS"]);
      // Kept codes keep their ids.
      expect(updated.indicators.find((i) => i.code === "EVENTS")?.id).toBe(form.indicators[1]?.id);
      const stale = await mutate(
        "updateReportForm",
        "UpdateReportFormInput",
        { id: form.id, version: 1, dueDays: 5 },
        admin,
        FORM,
      );
      expect(stale.result).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });

      const quarter = await mutate(
        "createReport",
        "CreateReportInput",
        { formId: form.id, centreId: ownCentre, periodStart: "2030-02-01" },
        operator,
      );
      expect(quarter.result?.issues?.[0]?.message).toMatch(/first day of a quarter/);
      const report = await ok(
        "createReport",
        "CreateReportInput",
        { formId: form.id, centreId: ownCentre, periodStart: "2030-04-01" },
        operator,
      );
      expect(report).toMatchObject({ periodEnd: "2030-06-30", dueDate: "2030-07-20" });
      const byId = await ok(
        "setReportValues",
        "SetReportValuesInput",
        { id: report.id, version: 1, values: [{ indicatorId: updated.indicators[2]?.id, total: 5, rural: 5 }] },
        operator,
      );
      expect(byId.values).toEqual([{ total: 5, rural: 5, indicator: { code: "VISITORS" } }]);

      const frozen = await mutate(
        "updateReportForm",
        "UpdateReportFormInput",
        { id: form.id, version: 2, name: "Другое" },
        admin,
        FORM,
      );
      expect(frozen.result?.__typename).toBe("ValidationError");
      expect(frozen.result?.message).toMatch(/next revision/);

      const next = await ok<Form>("createReportForm", "CreateReportFormInput", input, admin, FORM);
      expect(next.revision).toBe(2);
      const duplicate = await mutate(
        "createReportForm",
        "CreateReportFormInput",
        { ...input, revision: 1 },
        admin,
        FORM,
      );
      expect(duplicate.result?.__typename).toBe("ConflictError");

      const retired = await ok<Form>("retireReportForm", "VersionedInput", { id: form.id, version: 2 }, admin, FORM);
      expect(retired.status).toBe("RETIRED");
      const onRetired = await mutate(
        "createReport",
        "CreateReportInput",
        { formId: form.id, centreId: ownCentre, periodStart: "2030-07-01" },
        operator,
      );
      expect(onRetired.result?.issues?.[0]?.field).toBe("input.formId");

      const log = await prisma.changeLog.findMany({
        where: { entity: "ReportForm", entityId: fromGlobalId("ReportForm", form.id) },
        orderBy: { at: "asc" },
      });
      expect(log.map((entry) => entry.action)).toEqual(["CREATE", "UPDATE", "ARCHIVE"]);
      expect(log[1]?.changes).toMatchObject({ dueDays: { from: 15, to: 20 } });
    });
  });
});
