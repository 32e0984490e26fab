import { builder } from "../../builder.js";
import { KpiValueSource } from "../../generated/prisma/client.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, orderByInput, rowMutation } from "../../shared.js";
// One GraphQL enum for targets of quality standards and KPIs alike.
import { TargetDirectionEnum } from "../quality/quality.schema.js";
import { createKpiSchema, recordKpiValueSchema, updateKpiSchema } from "./kpis.inputs.js";
import {
  canReadRegional,
  createKpi,
  kpiOrderBy,
  kpiScope,
  kpiValueScope,
  kpiWhere,
  recordKpiValue,
  updateKpi,
} from "./kpis.service.js";

export const KpiValueSourceEnum = builder.enumType(KpiValueSource, {
  name: "KpiValueSource",
  description: "COMPUTED from the registry and catalogue, or ENTERED by people.",
});

export const Kpi = builder.prismaNode("Kpi", {
  id: { field: "id" },
  // node(id) of a row outside the scope answers null, as for an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [kpiScope(ctx.access)] }),
  authScopes: (kpi, ctx) => canReadRegional(ctx.access, kpi) && { staff: true, partner: "statistics:read" },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    formula: t.exposeString("formula", { description: "How the value is obtained, in words." }),
    unit: t.exposeString("unit"),
    direction: t.expose("direction", { type: TargetDirectionEnum }),
    targetValue: t.float({ resolve: (kpi) => kpi.targetValue.toNumber() }),
    targetYear: t.exposeInt("targetYear"),
    legalBasis: t.exposeString("legalBasis", { nullable: true }),
    source: t.expose("source", { type: KpiValueSourceEnum }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    region: t.relation("region", {
      nullable: true,
      description: "The region of a regional target; null for a national one.",
    }),
    values: t.relation("values", {
      description: "Values of your regions and national values, oldest period first.",
      query: (_args, ctx) => ({
        where: kpiValueScope(ctx.access),
        orderBy: [{ periodStart: "asc" }, { regionId: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});

export const KpiValue = builder.prismaNode("KpiValue", {
  id: { field: "id" },
  // node(id) of a row outside the scope answers null, as for an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [kpiValueScope(ctx.access), { kpi: kpiScope(ctx.access) }] }),
  authScopes: (value, ctx) => canReadRegional(ctx.access, value) && { staff: true, partner: "statistics:read" },
  fields: (t) => ({
    periodStart: t.expose("periodStart", { type: "Date" }),
    periodEnd: t.expose("periodEnd", { type: "Date" }),
    value: t.float({ resolve: (value) => value.value.toNumber() }),
    source: t.expose("source", { type: KpiValueSourceEnum }),
    version: t.exposeInt("version"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    kpi: t.relation("kpi"),
    region: t.relation("region", { nullable: true, description: "Null for a national value." }),
  }),
});

// ── Lists ──

const KpiFilter = builder.inputType("KpiFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the code or name; % and _ match themselves." }),
    regionId: t.id({ required: false, description: "Regional KPIs of this region." }),
    federal: t.boolean({ required: false, description: "Only national (true) or only regional (false) KPIs." }),
    source: t.field({ type: KpiValueSourceEnum, required: false }),
  }),
});

const KpiOrderBy = orderByInput("Kpi", ["CODE", "NAME", "TARGET_YEAR"]);

builder.queryFields((t) => ({
  kpis: listConnection(t, {
    type: "Kpi",
    description: "National KPIs and those of your regions.",
    authScopes: { staff: true, partner: "statistics:read" },
    filter: KpiFilter,
    orderBy: KpiOrderBy,
    where: kpiWhere,
    order: kpiOrderBy,
  }),
}));

// ── Mutations ──

const CreateKpiInput = builder
  .inputType("CreateKpiInput", {
    fields: (t) => ({
      code: t.string({ required: true }),
      name: t.string({ required: true }),
      description: t.string({ required: false }),
      formula: t.string({ required: true }),
      unit: t.string({ required: true }),
      direction: t.field({ type: TargetDirectionEnum, required: false, description: "AT_LEAST unless given." }),
      targetValue: t.float({ required: true }),
      targetYear: t.int({ required: true }),
      legalBasis: t.string({ required: false }),
      regionId: t.id({ required: false, description: "The region of a regional target; omit for a national one." }),
      source: t.field({ type: KpiValueSourceEnum, required: true }),
    }),
  })
  .validate(createKpiSchema);

const UpdateKpiInput = builder
  .inputType("UpdateKpiInput", {
    description: "Only the fields given change (description and legalBasis are cleared by null); the region stays.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      code: t.string({ required: false }),
      name: t.string({ required: false }),
      description: t.string({ required: false }),
      formula: t.string({ required: false }),
      unit: t.string({ required: false }),
      direction: t.field({ type: TargetDirectionEnum, required: false }),
      targetValue: t.float({ required: false }),
      targetYear: t.int({ required: false }),
      legalBasis: t.string({ required: false }),
      source: t.field({ type: KpiValueSourceEnum, required: false }),
    }),
  })
  .validate(updateKpiSchema);

const RecordKpiValueInput = builder
  .inputType("RecordKpiValueInput", {
    description: "Recording a value for the same KPI, region and period start again corrects it.",
    fields: (t) => ({
      kpiId: t.id({ required: true }),
      regionId: t.id({
        required: false,
        description: "A region's value of a national KPI; omit for a regional KPI (its region) or a national value.",
      }),
      periodStart: t.field({ type: "Date", required: true }),
      periodEnd: t.field({ type: "Date", required: true }),
      value: t.float({ required: true }),
      version: t.int({
        required: false,
        description: "When correcting: the version you read (stale → ConflictError).",
      }),
    }),
  })
  .validate(recordKpiValueSchema);

builder.mutationFields((t) => ({
  createKpi: rowMutation(t, {
    type: "Kpi",
    authScopes: { admin: true },
    input: CreateKpiInput,
    run: (input, ctx) => createKpi(ctx.access, input),
  }),
  updateKpi: rowMutation(t, {
    type: "Kpi",
    authScopes: { admin: true },
    input: UpdateKpiInput,
    run: (input, ctx) => updateKpi(ctx.access, input),
  }),
  recordKpiValue: rowMutation(t, {
    type: "KpiValue",
    description: "Enters the value of an ENTERED KPI (administrators, and curators for their regions).",
    authScopes: { writer: true },
    input: RecordKpiValueInput,
    run: (input, ctx) => recordKpiValue(ctx.access, input),
  }),
}));
