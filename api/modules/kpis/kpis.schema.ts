import { builder } from "../../builder.js";
import { KpiValueSource } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { prisma } from "../../lib/db.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, orderByInput, recordStamps, rowMutation } from "../../shared.js";
// One GraphQL enum for targets of quality standards and KPIs alike.
import { TargetDirectionEnum } from "../quality/quality.schema.js";
import { formulaWords, indicatorCodes, readDefinition } from "./formula.js";
import { KpiDefinition, KpiDefinitionInput } from "./formula.schema.js";
import { createKpiSchema, kpiFilterSchema, recordKpiValueSchema, updateKpiSchema } from "./kpis.inputs.js";
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
    definition: t.field({
      type: KpiDefinition,
      nullable: true,
      description: "How a COMPUTED KPI is computed; null for an ENTERED one.",
      resolve: (kpi) => readDefinition(kpi.definition),
    }),
    formulaText: t.string({
      nullable: true,
      description: "A COMPUTED KPI's definition in Russian words, naming the indicators it sums.",
      resolve: async (kpi) => {
        const definition = readDefinition(kpi.definition);
        if (!definition) return null;
        const codes = indicatorCodes(definition);
        const rows =
          codes.length === 0
            ? []
            : await prisma.reportIndicator.findMany({
                where: { code: { in: codes } },
                select: { code: true, name: true },
                orderBy: { createdAt: "asc" },
              });
        return formulaWords(definition, new Map(rows.map((row) => [row.code, row.name])));
      },
    }),
    ...recordStamps(t),
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

const KpiFilter = zodInput("KpiFilter", kpiFilterSchema, { types: { source: KpiValueSourceEnum } });

const KpiOrderBy = orderByInput("Kpi", ["CODE", "NAME", "TARGET_YEAR"]);

builder.queryFields((t) => ({
  kpis: listConnection(t, {
    type: "Kpi",
    description: "National KPIs and those of your regions.",
    authScopes: { staff: true, partner: "statistics:read" },
    filter: { input: KpiFilter, where: kpiWhere },
    orderBy: { input: KpiOrderBy, order: kpiOrderBy },
  }),
}));

// ── Mutations ──

const kpiTypes = {
  direction: TargetDirectionEnum,
  source: KpiValueSourceEnum,
  definition: KpiDefinitionInput,
} as const;

const CreateKpiInput = zodInput("CreateKpiInput", createKpiSchema, { types: kpiTypes });

const UpdateKpiInput = zodInput("UpdateKpiInput", updateKpiSchema, {
  description: "Only the fields given change (description and legalBasis are cleared by null); the region stays.",
  types: kpiTypes,
});

const RecordKpiValueInput = zodInput("RecordKpiValueInput", recordKpiValueSchema, {
  description: "Recording a value for the same KPI, region and period start again corrects it.",
});

builder.mutationFields((t) => ({
  createKpi: rowMutation(t, {
    type: "Kpi",
    description: "Defines a KPI (administrators): its code, formula, unit, target and where its values come from.",
    authScopes: { admin: true },
    input: CreateKpiInput,
    run: createKpi,
  }),
  updateKpi: rowMutation(t, {
    type: "Kpi",
    description: "Changes a KPI's definition (administrators); only the fields given change.",
    authScopes: { admin: true },
    input: UpdateKpiInput,
    run: updateKpi,
  }),
  recordKpiValue: rowMutation(t, {
    type: "KpiValue",
    description: "Enters the value of an ENTERED KPI (administrators, and curators for their regions).",
    input: RecordKpiValueInput,
    run: recordKpiValue,
  }),
}));
