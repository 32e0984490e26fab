import { builder } from "../../builder.js";
import { ReportScope, ReportStatus } from "../../generated/prisma/client.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, orderByInput, rowMutation, VersionedInput } from "../../shared.js";
import { prefillReportFromEvents, setReportValues } from "./report-values.service.js";
import { approveReport, canApproveReport, lockReport, returnReport, submitReport } from "./report-workflow.service.js";
import {
  approveReportSchema,
  createReportSchema,
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

// Forms carry no personal or regional data: every signed-in caller reads them.
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
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
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

export const ReportFilter = builder.inputType("ReportFilter", {
  fields: (t) => ({
    regionId: t.id({ required: false }),
    centreId: t.id({ required: false }),
    municipalityId: t.id({ required: false, description: "The municipality's own reports and those of its centres." }),
    formId: t.id({ required: false }),
    status: t.field({ type: ReportStatusEnum, required: false }),
    scope: t.field({ type: ReportScopeEnum, required: false }),
    periodFrom: t.field({ type: "Date", required: false, description: "Periods starting on or after this day." }),
    periodTo: t.field({ type: "Date", required: false, description: "Periods starting on or before this day." }),
  }),
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
    filter: ReportFilter,
    orderBy: ReportOrderBy,
    where: reportWhere,
    order: reportOrderBy,
  }),
}));

// ── Mutations on reports ──

const CreateReportInput = builder
  .inputType("CreateReportInput", {
    description: "Exactly one of centreId, municipalityId or regionId says whose report it is.",
    fields: (t) => ({
      formId: t.id({ required: true }),
      centreId: t.id({ required: false }),
      municipalityId: t.id({ required: false }),
      regionId: t.id({ required: false }),
      periodStart: t.field({
        type: "Date",
        required: true,
        description: "The first day of a month, quarter or year, as the form's periodicity requires.",
      }),
    }),
  })
  .validate(createReportSchema);

const ReportValueInput = builder.inputType("ReportValueInput", {
  fields: (t) => ({
    indicatorId: t.id({ required: false, description: "The indicator (or give indicatorCode)." }),
    indicatorCode: t.string({ required: false }),
    total: t.int({ required: true }),
    rural: t.int({ required: false, description: "Only for indicators with a rural split; at most the total." }),
  }),
});

const SetReportValuesInput = builder
  .inputType("SetReportValuesInput", {
    description: "Replaces the values of the indicators given; others stay as they are.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      values: t.field({ type: [ReportValueInput], required: true }),
    }),
  })
  .validate(setReportValuesSchema);

const ReturnReportInput = builder
  .inputType("ReturnReportInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      reason: t.string({ required: true, description: "What the reporter must correct (shown to them)." }),
    }),
  })
  .validate(returnReportSchema);

const ApproveReportInput = builder
  .inputType("ApproveReportInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      published: t.boolean({ required: false, description: "Show the figures to partner apps (default false)." }),
    }),
  })
  .validate(approveReportSchema);

// Operators fill in their centre's reports; curators and administrators those of their regions.
const reporter = { writer: true, role: "OPERATOR" } as const;

builder.mutationFields((t) => ({
  createReport: rowMutation(t, {
    type: "Report",
    description: "Opens a DRAFT report; the period's end follows from the form.",
    authScopes: reporter,
    input: CreateReportInput,
    run: (input, ctx) => createReport(ctx.access, input),
  }),
  setReportValues: rowMutation(t, {
    type: "Report",
    description:
      "Enters or corrects values while the report is DRAFT or RETURNED; nothing applies unless all are valid.",
    authScopes: reporter,
    input: SetReportValuesInput,
    run: (input, ctx) => setReportValues(ctx.access, input),
  }),
  prefillReportFromEvents: rowMutation(t, {
    type: "Report",
    description:
      "Sets a DRAFT report's indicators computed from the event register (ReportIndicator.eventMeasure) from the non-archived events of its region that start within its period: a centre's report counts the events the centre held, a municipality's those that covered it, a region's all of the region's. COUNT indicators get the number of matching events, PARTICIPANTS the sum of their participants, 0 where none match; other values stay. Who may: as setReportValues.",
    authScopes: reporter,
    input: VersionedInput,
    run: (input, ctx) => prefillReportFromEvents(ctx.access, { id: String(input.id), version: input.version }),
  }),
  submitReport: rowMutation(t, {
    type: "Report",
    description: "DRAFT or RETURNED → SUBMITTED (needs at least one value).",
    authScopes: reporter,
    input: VersionedInput,
    run: (input, ctx) => submitReport(ctx.access, { id: String(input.id), version: input.version }),
  }),
  returnReport: rowMutation(t, {
    type: "Report",
    description: "SUBMITTED → RETURNED with the reason the reporter sees.",
    authScopes: { writer: true },
    input: ReturnReportInput,
    run: (input, ctx) => returnReport(ctx.access, input),
  }),
  approveReport: rowMutation(t, {
    type: "Report",
    description:
      "SUBMITTED → APPROVED; the values are final from now on. Whoever created, filled in or submitted the report cannot approve or publish it (ForbiddenError): another curator of its region or an administrator does.",
    authScopes: { writer: true },
    input: ApproveReportInput,
    run: (input, ctx) => approveReport(ctx.access, input),
  }),
  lockReport: rowMutation(t, {
    type: "Report",
    description: "APPROVED → LOCKED: closed for good (e.g. after the period's statistics are published).",
    authScopes: { writer: true },
    input: VersionedInput,
    run: (input, ctx) => lockReport(ctx.access, { id: String(input.id), version: input.version }),
  }),
}));
