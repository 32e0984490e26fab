// Report forms: what centres report (indicators, periodicity, due days), their revisions and
// the administrators' changes to them. Reports themselves: reports.schema.ts.
import { builder } from "../../builder.js";
import { EventMeasure, Periodicity, ReportFormStatus } from "../../generated/prisma/client.js";
import { zodInput, zodInputPart } from "../../inputs.js";
import { safeUuid } from "../../lib/ids.js";
import {
  EventAudienceEnum,
  EventKindEnum,
  listConnection,
  orderByInput,
  recordStamps,
  rowMutation,
  VersionedInput,
} from "../../shared.js";
import {
  createReportFormSchema,
  indicatorSchema,
  reportFormFilterSchema,
  updateReportFormSchema,
} from "./report-forms.inputs.js";
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

/**
 * Forms and their indicators carry no personal or regional data: staff and statistics partners
 * read them all. node(id) of an id that is no form (or indicator) answers null.
 */
const formNode = {
  id: { field: "id" },
  nullable: true,
  findUnique: (id: string) => ({ id: safeUuid(id) }),
  authScopes: { staff: true, partner: "statistics:read" },
} as const;

export const ReportForm = builder.prismaNode("ReportForm", {
  ...formNode,
  fields: (t) => ({
    code: t.exposeString("code"),
    revision: t.exposeInt("revision"),
    name: t.exposeString("name"),
    periodicity: t.expose("periodicity", { type: PeriodicityEnum }),
    dueDays: t.exposeInt("dueDays", { description: "Days after the period's end by which a report is due." }),
    status: t.expose("status", { type: ReportFormStatusEnum }),
    ...recordStamps(t),
    indicators: t.relation("indicators", { query: { orderBy: [{ position: "asc" }, { id: "asc" }] } }),
  }),
});

export const ReportIndicator = builder.prismaNode("ReportIndicator", {
  ...formNode,
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

const ReportFormFilter = zodInput("ReportFormFilter", reportFormFilterSchema, {
  types: { status: ReportFormStatusEnum, periodicity: PeriodicityEnum },
});

const ReportFormOrderBy = orderByInput("ReportForm", ["CODE", "NAME", "CREATED_AT"]);

builder.queryFields((t) => ({
  reportForms: listConnection(t, {
    type: "ReportForm",
    authScopes: { staff: true, partner: "statistics:read" },
    // Forms are the same for every caller: the filter alone chooses.
    filter: { input: ReportFormFilter, where: (_access, filter) => reportFormWhere(filter) },
    orderBy: { input: ReportFormOrderBy, order: reportFormOrderBy },
  }),
}));

const ReportIndicatorInput = zodInputPart("ReportIndicatorInput", indicatorSchema, {
  description: "An indicator of a form; its position is its place in the list.",
  types: { eventMeasure: EventMeasureEnum, eventKind: EventKindEnum, eventAudience: EventAudienceEnum },
});

const formTypes = {
  periodicity: PeriodicityEnum,
  status: ReportFormStatusEnum,
  indicators: [ReportIndicatorInput],
} as const;

const CreateReportFormInput = zodInput("CreateReportFormInput", createReportFormSchema, { types: formTypes });

const UpdateReportFormInput = zodInput("UpdateReportFormInput", updateReportFormSchema, {
  description:
    "Only while no report uses the form; only the fields given change. `indicators` replaces the list (matched by code).",
  types: formTypes,
});

builder.mutationFields((t) => ({
  createReportForm: rowMutation(t, {
    type: "ReportForm",
    authScopes: { admin: true },
    input: CreateReportFormInput,
    run: createReportForm,
  }),
  updateReportForm: rowMutation(t, {
    type: "ReportForm",
    authScopes: { admin: true },
    input: UpdateReportFormInput,
    run: updateReportForm,
  }),
  retireReportForm: rowMutation(t, {
    type: "ReportForm",
    description: "The form takes no new reports; existing ones keep it.",
    authScopes: { admin: true },
    input: VersionedInput,
    run: retireReportForm,
  }),
}));
