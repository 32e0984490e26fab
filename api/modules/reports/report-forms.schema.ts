// Report forms: what centres report (indicators, periodicity, due days), their revisions and
// the administrators' changes to them. Reports themselves: reports.schema.ts.
import { builder } from "../../builder.js";
import { EventMeasure, Periodicity, ReportFormStatus } from "../../generated/prisma/client.js";
import { safeUuid } from "../../lib/ids.js";
import {
  EventAudienceEnum,
  EventKindEnum,
  listConnection,
  orderByInput,
  rowMutation,
  VersionedInput,
} from "../../shared.js";
import { createReportFormSchema, updateReportFormSchema } from "./report-forms.inputs.js";
import {
  createReportForm,
  reportFormOrderBy,
  reportFormWhere,
  retireReportForm,
  updateReportForm,
} from "./report-forms.service.js";

export const PeriodicityEnum = builder.enumType(Periodicity, { name: "Periodicity" });
export const ReportFormStatusEnum = builder.enumType(ReportFormStatus, { name: "ReportFormStatus" });
export const EventMeasureEnum = builder.enumType(EventMeasure, {
  name: "EventMeasure",
  description: "What an indicator computed from the event register counts: the events, or their participants.",
});

export const ReportForm = builder.prismaNode("ReportForm", {
  id: { field: "id" },
  // node(id) of a row outside the scope answers null, as for an id that does not exist.
  nullable: true,
  findUnique: (id) => ({ id: safeUuid(id) }),
  authScopes: { staff: true, partner: "statistics:read" },
  fields: (t) => ({
    code: t.exposeString("code"),
    revision: t.exposeInt("revision"),
    name: t.exposeString("name"),
    periodicity: t.expose("periodicity", { type: PeriodicityEnum }),
    dueDays: t.exposeInt("dueDays", { description: "Days after the period's end by which a report is due." }),
    status: t.expose("status", { type: ReportFormStatusEnum }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    indicators: t.relation("indicators", { query: { orderBy: [{ position: "asc" }, { id: "asc" }] } }),
  }),
});

export const ReportIndicator = builder.prismaNode("ReportIndicator", {
  id: { field: "id" },
  // node(id) of a row outside the scope answers null, as for an id that does not exist.
  nullable: true,
  findUnique: (id) => ({ id: safeUuid(id) }),
  authScopes: { staff: true, partner: "statistics:read" },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    unit: t.exposeString("unit"),
    hasRuralSplit: t.exposeBoolean("hasRuralSplit", {
      description: "Whether a rural part is reported beside the total.",
    }),
    category: t.exposeString("category", { nullable: true }),
    eventMeasure: t.expose("eventMeasure", {
      type: EventMeasureEnum,
      nullable: true,
      description:
        "Computed from the event register (prefillReportFromEvents): COUNT the events or sum their PARTICIPANTS. Null: entered by hand.",
    }),
    eventKind: t.expose("eventKind", {
      type: EventKindEnum,
      nullable: true,
      description: "Only events of this kind count (null: any kind).",
    }),
    eventAudience: t.expose("eventAudience", {
      type: EventAudienceEnum,
      nullable: true,
      description: "Only events for this audience count (null: any audience).",
    }),
    position: t.exposeInt("position"),
    form: t.relation("form"),
  }),
});

const ReportFormFilter = builder.inputType("ReportFormFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the code or name; % and _ match themselves." }),
    status: t.field({ type: ReportFormStatusEnum, required: false }),
    periodicity: t.field({ type: PeriodicityEnum, required: false }),
  }),
});

const ReportFormOrderBy = orderByInput("ReportForm", ["CODE", "NAME", "CREATED_AT"]);

builder.queryFields((t) => ({
  reportForms: listConnection(t, {
    type: "ReportForm",
    authScopes: { staff: true, partner: "statistics:read" },
    filter: ReportFormFilter,
    orderBy: ReportFormOrderBy,
    // Forms are the same for every caller: the filter alone chooses.
    where: (_access, filter) => reportFormWhere(filter),
    order: reportFormOrderBy,
  }),
}));

const ReportIndicatorInput = builder.inputType("ReportIndicatorInput", {
  description: "An indicator of a form; its position is its place in the list.",
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    unit: t.string({ required: true }),
    hasRuralSplit: t.boolean({ required: false }),
    category: t.string({ required: false }),
    eventMeasure: t.field({
      type: EventMeasureEnum,
      required: false,
      description: "Computed from the event register: COUNT the events or sum their PARTICIPANTS (no rural split).",
    }),
    eventKind: t.field({ type: EventKindEnum, required: false, description: "Only with eventMeasure." }),
    eventAudience: t.field({ type: EventAudienceEnum, required: false, description: "Only with eventMeasure." }),
  }),
});

const CreateReportFormInput = builder
  .inputType("CreateReportFormInput", {
    fields: (t) => ({
      code: t.string({ required: true }),
      revision: t.int({
        required: false,
        description: "Omit to create the next revision of the code (1 for a new code).",
      }),
      name: t.string({ required: true }),
      periodicity: t.field({ type: PeriodicityEnum, required: true }),
      dueDays: t.int({ required: true }),
      status: t.field({ type: ReportFormStatusEnum, required: false, description: "DRAFT or ACTIVE (default)." }),
      indicators: t.field({ type: [ReportIndicatorInput], required: true }),
    }),
  })
  .validate(createReportFormSchema);

const UpdateReportFormInput = builder
  .inputType("UpdateReportFormInput", {
    description:
      "Only while no report uses the form; only the fields given change. `indicators` replaces the list (matched by code).",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      code: t.string({ required: false }),
      name: t.string({ required: false }),
      periodicity: t.field({ type: PeriodicityEnum, required: false }),
      dueDays: t.int({ required: false }),
      status: t.field({ type: ReportFormStatusEnum, required: false, description: "DRAFT or ACTIVE." }),
      indicators: t.field({ type: [ReportIndicatorInput], required: false }),
    }),
  })
  .validate(updateReportFormSchema);

builder.mutationFields((t) => ({
  createReportForm: rowMutation(t, {
    type: "ReportForm",
    authScopes: { admin: true },
    input: CreateReportFormInput,
    run: (input, ctx) => createReportForm(ctx.access, input),
  }),
  updateReportForm: rowMutation(t, {
    type: "ReportForm",
    authScopes: { admin: true },
    input: UpdateReportFormInput,
    run: (input, ctx) => updateReportForm(ctx.access, input),
  }),
  retireReportForm: rowMutation(t, {
    type: "ReportForm",
    description: "The form takes no new reports; existing ones keep it.",
    authScopes: { admin: true },
    input: VersionedInput,
    run: (input, ctx) => retireReportForm(ctx.access, { id: String(input.id), version: input.version }),
  }),
}));
