import { builder } from "../../builder.js";
import { ReportScope, ReportStatus } from "../../generated/prisma/client.js";
import { zodInput, zodInputPart } from "../../inputs.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, orderByInput, recordStamps, rowMutation, VersionedInput } from "../../shared.js";
import { prefillReportFromEvents, setReportValues } from "./report-values.service.js";
import { approveReport, canApproveReport, lockReport, returnReport, submitReport } from "./report-workflow.service.js";
import {
  approveReportSchema,
  createReportSchema,
  reportFilterSchema,
  reportValueSchema,
  returnReportSchema,
  setReportValuesSchema,
} from "./reports.inputs.js";
import {
  canReadReport,
  createReport,
  dueDateOf,
  isOverdue,
  reportOrderBy,
  reportScope,
  reportWhere,
} from "./reports.service.js";

export const ReportScopeEnum = builder.enumType(ReportScope, {
  name: "ReportScope",
  description: "Whose report it is: a centre's, a municipality's or a region's.",
});
export const ReportStatusEnum = builder.enumType(ReportStatus, {
  name: "ReportStatus",
  description: "DRAFT → SUBMITTED → RETURNED (and submitted again) or APPROVED → LOCKED.",
});

export const Report = builder.prismaNode("Report", {
  id: { field: "id" },
  // node(id) of a row outside the scope answers null, as for an id that does not exist.
  nullable: true,
  // node(id) finds only reports in the caller's scope; anything else is "not found".
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [reportScope(ctx.access)] }),
  authScopes: (report, ctx) => canReadReport(ctx.access, report) && { staff: true, partner: "statistics:read" },
  fields: (t) => ({
    scope: t.expose("scope", { type: ReportScopeEnum }),
    periodStart: t.expose("periodStart", { type: "Date" }),
    periodEnd: t.expose("periodEnd", { type: "Date" }),
    status: t.expose("status", { type: ReportStatusEnum }),
    returnReason: t.exposeString("returnReason", {
      nullable: true,
      description: "Why the report was returned (while RETURNED).",
    }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    approvedAt: t.expose("approvedAt", { type: "DateTime", nullable: true }),
    lockedAt: t.expose("lockedAt", { type: "DateTime", nullable: true }),
    published: t.exposeBoolean("published", { description: "Approved figures shown to partner apps." }),
    canApprove: t.boolean({
      description:
        "Whether you may approve (and publish) it now: SUBMITTED, in a region you review, and not created, filled in or submitted by you (four eyes: approveReport refuses a report's own authors, administrators included).",
      resolve: (report, _args, ctx) => canApproveReport(ctx.access, report),
    }),
    dueDate: t.field({
      type: "Date",
      description: "The period's end plus the form's due days.",
      select: { periodEnd: true, form: { select: { dueDays: true } } },
      resolve: (report) => dueDateOf(report, report.form),
    }),
    overdue: t.boolean({
      description: "Not submitted (DRAFT or RETURNED) and past its due date.",
      select: { status: true, periodEnd: true, form: { select: { dueDays: true } } },
      resolve: (report) => isOverdue(report, report.form),
    }),
    ...recordStamps(t),
    form: t.relation("form"),
    centre: t.relation("centre", { nullable: true }),
    municipality: t.relation("municipality", { nullable: true }),
    region: t.relation("region"),
    values: t.relation("values", {
      description: "In the order of the form's indicators.",
      query: { orderBy: [{ indicator: { position: "asc" } }, { id: "asc" }] },
    }),
  }),
});

export const ReportValue = builder.prismaObject("ReportValue", {
  description: "The value of one indicator in one report.",
  fields: (t) => ({
    total: t.exposeInt("total"),
    rural: t.exposeInt("rural", { nullable: true, description: "The rural part, for indicators with a rural split." }),
    indicator: t.relation("indicator"),
  }),
});

// ── Lists ──

export const ReportFilter = zodInput("ReportFilter", reportFilterSchema, {
  types: { status: ReportStatusEnum, scope: ReportScopeEnum },
});

const ReportOrderBy = orderByInput(
  "Report",
  ["PERIOD_START", "CREATED_AT", "STATUS"],
  "Without it: newest periods first.",
);

builder.queryFields((t) => ({
  reports: listConnection(t, {
    type: "Report",
    description: "Reports in your scope (partner apps: published approved and locked reports).",
    authScopes: { staff: true, partner: "statistics:read" },
    filter: { input: ReportFilter, where: reportWhere },
    orderBy: { input: ReportOrderBy, order: reportOrderBy },
  }),
}));

// ── Mutations on reports ──

const CreateReportInput = zodInput("CreateReportInput", createReportSchema, {
  description: "Exactly one of centreId, municipalityId or regionId says whose report it is.",
});

const ReportValueInput = zodInputPart("ReportValueInput", reportValueSchema, {
  types: { total: "Int", rural: "Int" },
});

const SetReportValuesInput = zodInput("SetReportValuesInput", setReportValuesSchema, {
  description: "Replaces the values of the indicators given; others stay as they are.",
  types: { values: [ReportValueInput] },
});

const ReturnReportInput = zodInput("ReturnReportInput", returnReportSchema);

const ApproveReportInput = zodInput("ApproveReportInput", approveReportSchema);

// Operators fill in their centre's reports; curators and administrators those of their regions.
const reporter = { writer: true, role: "OPERATOR" } as const;

builder.mutationFields((t) => ({
  createReport: rowMutation(t, {
    type: "Report",
    description: "Opens a DRAFT report; the period's end follows from the form.",
    authScopes: reporter,
    input: CreateReportInput,
    run: createReport,
  }),
  setReportValues: rowMutation(t, {
    type: "Report",
    description:
      "Enters or corrects values while the report is DRAFT or RETURNED; nothing applies unless all are valid.",
    authScopes: reporter,
    input: SetReportValuesInput,
    run: setReportValues,
  }),
  prefillReportFromEvents: rowMutation(t, {
    type: "Report",
    description:
      "Sets a DRAFT report's indicators computed from the event register (ReportIndicator.eventMeasure) from the non-archived events of its region that start within its period: a centre's report counts the events the centre held, a municipality's those that covered it, a region's all of the region's. COUNT indicators get the number of matching events, PARTICIPANTS the sum of their participants, 0 where none match; other values stay. Who may: as setReportValues.",
    authScopes: reporter,
    input: VersionedInput,
    run: prefillReportFromEvents,
  }),
  submitReport: rowMutation(t, {
    type: "Report",
    description: "DRAFT or RETURNED → SUBMITTED (needs at least one value).",
    authScopes: reporter,
    input: VersionedInput,
    run: submitReport,
  }),
  returnReport: rowMutation(t, {
    type: "Report",
    description: "SUBMITTED → RETURNED with the reason the reporter sees.",
    input: ReturnReportInput,
    run: returnReport,
  }),
  approveReport: rowMutation(t, {
    type: "Report",
    description:
      "SUBMITTED → APPROVED; the values are final from now on. Whoever created, filled in or submitted the report cannot approve or publish it (ForbiddenError): another curator of its region or an administrator does.",
    input: ApproveReportInput,
    run: approveReport,
  }),
  lockReport: rowMutation(t, {
    type: "Report",
    description: "APPROVED → LOCKED: closed for good (e.g. after the period's statistics are published).",
    input: VersionedInput,
    run: lockReport,
  }),
}));
