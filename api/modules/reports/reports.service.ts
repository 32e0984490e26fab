// Reports of centres, municipalities and regions: who reads and changes which, their periods
// and due days, the lists, and opening a new report. What happens to a report after that has
// files of its own: report-values.service.ts (entering its figures), report-workflow.service.ts
// (submitting, returning, approving, locking); its form is report-forms.service.ts's.
import type { Periodicity, Prisma, ReportScope, ReportStatus } from "../../generated/prisma/client.js";
import { type Access, includes, inRegions } from "../../lib/access.js";
import { assertUpdated, change, log, type Tx } from "../../lib/change.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { inRegionOf, type OrderBy } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import type { MessageCode } from "../../messages/index.js";
import { lockForm } from "./report-forms.service.js";
import type { CreateReportData, ReportFilterData } from "./reports.inputs.js";

// ── Who sees and changes reports ──

const NO_ROW = "00000000-0000-0000-0000-000000000000";

/**
 * Reports a caller may read: partners only what was approved and published, operators only
 * their own centre's reports (not the whole region their centre is in), staff their regions.
 */
export function reportScope(access: Access): Prisma.ReportWhereInput {
  if (access.partner) return { published: true, status: { in: ["APPROVED", "LOCKED"] } };
  if (access.identity?.kind === "user" && access.identity.role === "OPERATOR") {
    return { centreId: access.centreId ?? NO_ROW };
  }
  return { regionId: inRegions(access.read) };
}

/** The same rule as `reportScope`, for a row already loaded (the type-level safety net). */
export function canReadReport(
  access: Access,
  report: { regionId: string; centreId: string | null; status: ReportStatus; published: boolean },
): boolean {
  if (access.partner) return report.published && (report.status === "APPROVED" || report.status === "LOCKED");
  if (access.identity?.kind === "user" && access.identity.role === "OPERATOR") {
    return access.centreId !== null && report.centreId === access.centreId;
  }
  return includes(access.read, report.regionId);
}

/** Who fills a report in and submits it: the operator of its centre, or a writer of its region. */
export function canEdit(access: Access, report: { regionId: string; centreId: string | null }): boolean {
  return (access.centreId !== null && report.centreId === access.centreId) || includes(access.write, report.regionId);
}

// ── Periods ──

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The last day of the period that starts on `start` (dates are UTC midnights). */
export function periodEndOf(periodicity: Periodicity, start: Date): Date {
  const months = periodicity === "MONTHLY" ? 1 : periodicity === "QUARTERLY" ? 3 : 12;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
}

/** Why `start` cannot begin a period of this periodicity, or null when it can. */
function periodStartProblem(periodicity: Periodicity, start: Date): MessageCode | null {
  if (periodicity === "MONTHLY") {
    return start.getUTCDate() === 1 ? null : "REPORT_PERIOD_START_MONTHLY";
  }
  if (periodicity === "QUARTERLY") {
    return start.getUTCDate() === 1 && start.getUTCMonth() % 3 === 0 ? null : "REPORT_PERIOD_START_QUARTERLY";
  }
  return start.getUTCDate() === 1 && start.getUTCMonth() === 0 ? null : "REPORT_PERIOD_START_ANNUAL";
}

/** The day by which a report is due: its period's end plus the form's due days. */
export function dueDateOf(report: { periodEnd: Date }, form: { dueDays: number }): Date {
  return addDays(report.periodEnd, form.dueDays);
}

/** Still with the reporter (not yet submitted) after its due day. */
export function isOverdue(
  report: { status: ReportStatus; periodEnd: Date },
  form: { dueDays: number },
  now = new Date(),
): boolean {
  if (report.status !== "DRAFT" && report.status !== "RETURNED") return false;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return dueDateOf(report, form).getTime() < today;
}

// ── Lists ──
export type ReportOrderByInput = OrderBy<"PERIOD_START" | "CREATED_AT" | "STATUS">;

export function reportWhere(access: Access, filter?: ReportFilterData | null): Prisma.ReportWhereInput {
  const municipalityId = filter?.municipalityId
    ? fromGlobalId("Municipality", filter.municipalityId, "filter.municipalityId")
    : null;
  return {
    AND: [
      reportScope(access),
      inRegionOf(filter),
      filter?.centreId ? { centreId: fromGlobalId("Centre", filter.centreId, "filter.centreId") } : {},
      // A municipality's own reports and those of its centres.
      municipalityId ? { OR: [{ municipalityId }, { centre: { municipalityId } }] } : {},
      filter?.formId ? { formId: fromGlobalId("ReportForm", filter.formId, "filter.formId") } : {},
      filter?.status ? { status: filter.status } : {},
      filter?.scope ? { scope: filter.scope } : {},
      filter?.periodFrom ? { periodStart: { gte: filter.periodFrom } } : {},
      filter?.periodTo ? { periodStart: { lte: filter.periodTo } } : {},
    ],
  };
}

/** Newest periods first unless asked otherwise; always ends with the id so pages are stable. */
export function reportOrderBy(orderBy?: ReportOrderByInput | null): Prisma.ReportOrderByWithRelationInput[] {
  const direction = orderBy ? (orderBy.direction === "DESC" ? "desc" : "asc") : "desc";
  if (orderBy?.field === "CREATED_AT") return [{ createdAt: direction }, { id: direction }];
  if (orderBy?.field === "STATUS") return [{ status: direction }, { periodStart: "desc" }, { id: direction }];
  return [{ periodStart: direction }, { id: direction }];
}

// ── Creating reports ──

/** The reporting entity of a new report, checked against the caller's scope. */
async function reportingEntity(
  tx: Tx,
  access: Access,
  data: CreateReportData,
): Promise<{ scope: ReportScope; centreId: string | null; municipalityId: string | null; regionId: string }> {
  const operator = access.identity?.kind === "user" && access.identity.role === "OPERATOR";
  if (data.centreId) {
    const centre = await tx.centre.findFirst({
      where: { id: fromGlobalId("Centre", data.centreId, "input.centreId"), regionId: inRegions(access.read) },
    });
    if (!centre) throw new NotFoundError("centre");
    if (operator ? centre.id !== access.centreId : !includes(access.write, centre.regionId)) {
      throw new ForbiddenError(operator ? "REPORT_OPERATOR_OWN_CENTRE" : "REPORT_OUTSIDE_REGIONS");
    }
    if (centre.archivedAt) throw ValidationError.of("input.centreId", "REPORT_CENTRE_ARCHIVED");
    return { scope: "CENTRE", centreId: centre.id, municipalityId: null, regionId: centre.regionId };
  }
  if (operator) throw new ForbiddenError("REPORT_OPERATOR_OWN_CENTRE");
  if (data.municipalityId) {
    const municipality = await tx.municipality.findFirst({
      where: {
        id: fromGlobalId("Municipality", data.municipalityId, "input.municipalityId"),
        regionId: inRegions(access.read),
      },
    });
    if (!municipality) throw new NotFoundError("municipality");
    if (!includes(access.write, municipality.regionId)) throw new ForbiddenError("REPORT_OUTSIDE_REGIONS");
    return { scope: "MUNICIPALITY", centreId: null, municipalityId: municipality.id, regionId: municipality.regionId };
  }
  const regionId = fromGlobalId("Region", data.regionId ?? "", "input.regionId");
  const region = await tx.region.findFirst({ where: { id: regionId, AND: [{ id: inRegions(access.read) }] } });
  if (!region) throw new NotFoundError("region");
  if (!includes(access.write, region.id)) throw new ForbiddenError("REPORT_OUTSIDE_REGIONS");
  return { scope: "REGION", centreId: null, municipalityId: null, regionId: region.id };
}

/**
 * Opens a DRAFT report of a centre, municipality or region for one period. The period's end
 * follows from the form; a second report for the same form, entity and period is refused by
 * the partial unique indexes Report_*_period_key (→ ConflictError).
 */
export async function createReport(access: Access, data: CreateReportData) {
  const given = [data.centreId, data.municipalityId, data.regionId].filter(Boolean).length;
  if (given !== 1) {
    throw ValidationError.of("input", "REPORT_OWNER_ONE_OF");
  }
  const formId = fromGlobalId("ReportForm", data.formId, "input.formId");
  return change("report", async (tx) => {
    // Holds off a concurrent change of the form until this report exists (updateReportForm counts reports).
    await lockForm(tx, formId, "SHARE");
    const form = await tx.reportForm.findUnique({ where: { id: formId } });
    if (!form) throw new NotFoundError("report form");
    if (form.status !== "ACTIVE") {
      throw ValidationError.of(
        "input.formId",
        form.status === "DRAFT" ? "REPORT_FORM_DRAFT_UNUSABLE" : "REPORT_FORM_RETIRED_UNUSABLE",
      );
    }
    const entity = await reportingEntity(tx, access, data);
    const problem = periodStartProblem(form.periodicity, data.periodStart);
    if (problem) throw ValidationError.of("input.periodStart", problem);
    const report = await tx.report.create({
      data: {
        formId: form.id,
        ...entity,
        periodStart: data.periodStart,
        periodEnd: periodEndOf(form.periodicity, data.periodStart),
        status: "DRAFT",
      },
    });
    await log(tx, access, {
      entity: "Report",
      entityId: report.id,
      action: "CREATE",
      regionId: report.regionId,
      after: report,
    });
    return report;
  });
}

// ── What the changes of a report share ──

export function assertVersion(report: { version: number }, version: number): void {
  if (report.version !== version) assertUpdated(0, report, "report", version);
}
