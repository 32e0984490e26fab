// The report workflow, per role: drafting, filling in, submitting, returning, approving and
// locking, with the ChangeLog of every step; stale versions and steps that do not fit. Every
// report changed here is created here, on 2030 periods no other file uses.
import { beforeAll, describe, expect, it } from "vitest";
import { mutate, ok } from "../helpers/graphql.js";
import {
  admin,
  changeLog,
  curator,
  draft,
  operator,
  operatorUser,
  REPORT,
  type ReportData,
  readReport,
  setUpReports,
} from "../helpers/reports.js";

describe("the report workflow", () => {
  beforeAll(setUpReports);

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

    const filled = await ok<ReportData>(
      "setReportValues",
      REPORT,
      {
        id: created.id,
        version: 1,
        values: [
          { indicatorCode: "REQ_GOV_INFO", total: 40 },
          { indicatorCode: "USERS", total: 120, rural: 30 },
        ],
      },
      { headers: operator },
    );
    expect(filled.version).toBe(2);
    // In the form's order, whatever order they were sent in.
    expect(filled.values).toEqual([
      { total: 120, rural: 30, indicator: { code: "USERS" } },
      { total: 40, rural: null, indicator: { code: "REQ_GOV_INFO" } },
    ]);

    const submitted = await ok<ReportData>(
      "submitReport",
      REPORT,
      { id: created.id, version: 2 },
      { headers: operator, inputType: "VersionedInput" },
    );
    expect(submitted.status).toBe("SUBMITTED");
    expect(submitted.submittedAt).not.toBeNull();

    // Submitted values wait for the curator: the operator cannot change them.
    const whileSubmitted = await mutate(
      "setReportValues",
      REPORT,
      { id: created.id, version: 3, values: [{ indicatorCode: "USERS", total: 1 }] },
      { headers: operator },
    );
    expect(whileSubmitted.outcome?.__typename).toBe("ValidationError");
    expect(whileSubmitted.outcome?.issues?.[0]?.field).toBe("status");
    expect(whileSubmitted.outcome?.issues?.[0]?.message).toMatch(/submitted/);

    const reason = "Пользователей больше, чем в журнале учёта: проверьте строку USERS.";
    const returned = await ok<ReportData>(
      "returnReport",
      REPORT,
      { id: created.id, version: 3, reason },
      { headers: curator },
    );
    expect(returned).toMatchObject({ status: "RETURNED", returnReason: reason, version: 4 });
    expect((await readReport(created.id, operator))?.returnReason).toBe(reason);

    const fixed = await ok<ReportData>(
      "setReportValues",
      REPORT,
      { id: created.id, version: 4, values: [{ indicatorCode: "USERS", total: 110, rural: 30 }] },
      { headers: operator },
    );
    expect(fixed.values[0]).toEqual({ total: 110, rural: 30, indicator: { code: "USERS" } });
    const resubmitted = await ok<ReportData>(
      "submitReport",
      REPORT,
      { id: created.id, version: fixed.version },
      { headers: operator, inputType: "VersionedInput" },
    );
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", returnReason: null });

    const approved = await ok<ReportData>(
      "approveReport",
      REPORT,
      { id: created.id, version: resubmitted.version },
      { headers: curator },
    );
    expect(approved.status).toBe("APPROVED");
    expect(approved.approvedAt).not.toBeNull();

    for (const who of [operator, curator, admin]) {
      const refused = await mutate(
        "setReportValues",
        REPORT,
        { id: created.id, version: approved.version, values: [{ indicatorCode: "USERS", total: 1 }] },
        { headers: who },
      );
      expect(refused.outcome?.__typename).toBe("ValidationError");
      expect(refused.outcome?.issues).toEqual([
        { field: "status", message: expect.stringMatching(/approved.*cannot change/) },
      ]);
    }

    const locked = await ok<ReportData>(
      "lockReport",
      REPORT,
      { id: created.id, version: approved.version },
      { headers: curator, inputType: "VersionedInput" },
    );
    expect(locked.status).toBe("LOCKED");
    expect(locked.lockedAt).not.toBeNull();
    const afterLock = await mutate(
      "setReportValues",
      REPORT,
      { id: created.id, version: locked.version, values: [{ indicatorCode: "USERS", total: 1 }] },
      { headers: admin },
    );
    expect(afterLock.outcome?.issues).toEqual([
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

  it("answers a stale version with ConflictError and changes nothing", async () => {
    const report = await draft("2030-04-01");
    await ok(
      "setReportValues",
      REPORT,
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 7, rural: 1 }] },
      { headers: operator },
    );
    const stale = await mutate(
      "setReportValues",
      REPORT,
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 8, rural: 1 }] },
      { headers: curator },
    );
    expect(stale.outcome).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
    const staleSubmit = await mutate(
      "submitReport",
      REPORT,
      { id: report.id, version: 1 },
      { headers: operator, inputType: "VersionedInput" },
    );
    expect(staleSubmit.outcome).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
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
    const empty = await mutate(
      "submitReport",
      REPORT,
      { id: report.id, version: 1 },
      { headers: operator, inputType: "VersionedInput" },
    );
    expect(empty.outcome?.issues).toEqual([{ field: "values", message: expect.stringMatching(/at least one value/) }]);
    const approveDraft = await mutate("approveReport", REPORT, { id: report.id, version: 1 }, { headers: curator });
    expect(approveDraft.outcome?.issues).toEqual([
      {
        field: "status",
        message: "The report is DRAFT, so it cannot be approved; from DRAFT it can only be submitted (SUBMITTED).",
      },
    ]);
    // The admin panel asks in Russian: the statuses and the step by their Russian names.
    const inRussian = await mutate(
      "approveReport",
      REPORT,
      { id: report.id, version: 1 },
      { headers: { ...curator, "accept-language": "ru" } },
    );
    expect(inRussian.outcome?.issues).toEqual([
      {
        field: "status",
        message:
          "Отчёт в статусе «Черновик»: действие «Утвердить» недоступно. Из этого статуса отчёт переходит только в статус «На проверке».",
      },
    ]);
    const lockDraft = await mutate(
      "lockReport",
      REPORT,
      { id: report.id, version: 1 },
      { headers: admin, inputType: "VersionedInput" },
    );
    expect(lockDraft.outcome?.issues?.[0]?.message).toMatch(/^The report is DRAFT, so it cannot be locked/);
    const blank = await mutate(
      "returnReport",
      REPORT,
      { id: report.id, version: 1, reason: "   " },
      { headers: curator },
    );
    expect(blank.outcome?.issues).toEqual([{ field: "input.reason", message: "Say what must be corrected." }]);
    const long = await mutate(
      "returnReport",
      REPORT,
      { id: report.id, version: 1, reason: "x".repeat(2001) },
      { headers: curator },
    );
    expect(long.outcome?.issues?.[0]?.field).toBe("input.reason");
    expect((await readReport(report.id, operator))?.version).toBe(1);
  });
});
