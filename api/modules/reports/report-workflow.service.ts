// The report workflow: DRAFT → SUBMITTED → RETURNED | APPROVED → LOCKED, each step by whom it
// belongs to (the report's editors submit, the curators of its region review), logged with the
// step, and approval kept from the report's own authors (four eyes).
import type { Prisma, ReportStatus } from "../../generated/prisma/client.js";
import { type Access, includes } from "../../lib/access.js";
import { change, saveVersion, type Tx } from "../../lib/change.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { callerWrote, callerWroteBatched } from "../../lib/four-eyes.js";
import { fromGlobalId } from "../../lib/ids.js";
import type { ApproveReportData, ReturnReportData } from "./reports.inputs.js";
import { assertVersion, canEdit, reportScope } from "./reports.service.js";

/** Who reviews a report (return, approve, lock): curators of its region and administrators. */
function canReview(access: Access, report: { regionId: string }): boolean {
  return includes(access.write, report.regionId);
}

/**
 * Whether the caller may approve (and publish) the report now: it is SUBMITTED, they review
 * its region, and they did not create, fill in or submit it (four eyes, see lib/four-eyes.ts).
 */
export async function canApproveReport(
  access: Access,
  report: { id: string; regionId: string; status: ReportStatus },
): Promise<boolean> {
  if (report.status !== "SUBMITTED" || !canReview(access, report)) return false;
  return !(await callerWroteBatched(access, "Report", report.id));
}

function userIdOf(access: Access): string | null {
  return access.identity?.kind === "user" ? access.identity.userId : null;
}

/** A report the caller can read, inside the transaction; anything else is "not found". */
async function readableReport(tx: Tx, access: Access, globalId: string) {
  const id = fromGlobalId("Report", globalId, "input.id");
  const report = await tx.report.findFirst({ where: { id, AND: [reportScope(access)] } });
  if (!report) throw new NotFoundError("report");
  return report;
}

/** DRAFT → SUBMITTED → RETURNED | APPROVED → LOCKED; a returned report is submitted again. */
const NEXT: Record<ReportStatus, readonly ReportStatus[]> = {
  DRAFT: ["SUBMITTED"],
  SUBMITTED: ["RETURNED", "APPROVED"],
  RETURNED: ["SUBMITTED"],
  APPROVED: ["LOCKED"],
  LOCKED: [],
};

const VERB: Record<ReportStatus, string> = {
  DRAFT: "reopened",
  SUBMITTED: "submitted",
  RETURNED: "returned",
  APPROVED: "approved",
  LOCKED: "locked",
};

/** The step refused, naming the statuses and steps as `…Entity` params so each language says them its own way. */
function assertTransition(from: ReportStatus, to: ReportStatus): void {
  if (NEXT[from].includes(to)) return;
  const [next, other] = NEXT[from].map((s) => `${VERB[s]} (${s})`);
  const params = { statusEntity: from, stepEntity: VERB[to], nextEntity: next, otherEntity: other };
  throw ValidationError.of(
    "status",
    !next ? "REPORT_STEP_FINAL" : other ? "REPORT_STEP_NOT_NEXT_TWO" : "REPORT_STEP_NOT_NEXT",
    params,
  );
}

interface TransitionSpec {
  to: ReportStatus;
  /** Who may make this step. */
  who: "editor" | "reviewer";
  data: (access: Access) => Prisma.ReportUpdateManyMutationInput;
  note?: Record<string, unknown>;
  /** Extra checks on the report before it moves. */
  check?: (tx: Tx, report: { id: string }) => Promise<void>;
}

async function transition(access: Access, input: { id: string; version: number }, spec: TransitionSpec) {
  return change("report", async (tx) => {
    const before = await readableReport(tx, access, input.id);
    if (spec.who === "editor" ? !canEdit(access, before) : !canReview(access, before)) {
      throw new ForbiddenError(spec.who === "editor" ? "REPORT_SUBMIT_FORBIDDEN" : "REPORT_REVIEW_FORBIDDEN");
    }
    assertVersion(before, input.version);
    assertTransition(before.status, spec.to);
    await spec.check?.(tx, before);
    return saveVersion(tx, access, {
      entity: "Report",
      label: "report",
      before,
      version: input.version,
      action: "TRANSITION",
      update: (where) =>
        tx.report.updateMany({
          where: { ...where, status: before.status },
          data: { ...spec.data(access), status: spec.to, version: { increment: 1 } },
        }),
      reload: () => tx.report.findUniqueOrThrow({ where: { id: before.id } }),
      regionOf: (after) => after.regionId,
      note: { from: before.status, to: spec.to, ...spec.note },
    });
  });
}

export async function submitReport(access: Access, data: { id: string; version: number }) {
  return transition(access, data, {
    to: "SUBMITTED",
    who: "editor",
    // The reason belongs to the return it explained; the ChangeLog keeps it.
    data: (a) => ({ submittedAt: new Date(), submittedById: userIdOf(a), returnReason: null }),
    check: async (tx, report) => {
      const values = await tx.reportValue.count({ where: { reportId: report.id } });
      if (values === 0) throw ValidationError.of("values", "REPORT_SUBMIT_EMPTY");
    },
  });
}

export async function returnReport(access: Access, data: ReturnReportData) {
  return transition(access, data, {
    to: "RETURNED",
    who: "reviewer",
    data: () => ({ returnReason: data.reason }),
    note: { reason: data.reason },
  });
}

/**
 * SUBMITTED → APPROVED, published to partners when asked. Never by the report's own authors:
 * whoever created it, filled in its values (by any path) or submitted it, in any round.
 */
export async function approveReport(access: Access, data: ApproveReportData) {
  return transition(access, data, {
    to: "APPROVED",
    who: "reviewer",
    data: (a) => ({ approvedAt: new Date(), approvedById: userIdOf(a), published: data.published ?? false }),
    // Safe against a late write: values change only while DRAFT or RETURNED, each write bumps
    // the version, and the approval applies only to the SUBMITTED version read here.
    check: async (tx, report) => {
      if (await callerWrote(tx, access, "Report", report.id)) throw new ForbiddenError("REPORT_OWN_APPROVAL");
    },
  });
}

export async function lockReport(access: Access, data: { id: string; version: number }) {
  return transition(access, data, { to: "LOCKED", who: "reviewer", data: () => ({ lockedAt: new Date() }) });
}
