// KPI progress towards targets (issue 5, item 4).
import { builder } from "../../builder.js";
import { zodInput } from "../../inputs.js";
import { recordQuery } from "../../lib/selection.js";
import { Municipality, Region } from "../geography/geography.schema.js";
import { Kpi, KpiValueSourceEnum } from "../kpis/kpis.schema.js";
import { TargetDirectionEnum } from "../quality/quality.schema.js";
import { kpiProgressSchema } from "./analytics.inputs.js";
import { type KpiProgressRow, kpiProgress } from "./catalogue.service.js";

const KpiProgress = builder.objectRef<KpiProgressRow>("KpiProgress").implement({
  description: "The value of a KPI in a region (or the country) against its target.",
  fields: (t) => ({
    kpi: t.field({ type: Kpi, resolve: (row) => row.kpi }),
    region: t.field({
      type: Region,
      nullable: true,
      description: "Null for a national value.",
      resolve: (row) => row.region,
    }),
    municipality: t.field({
      type: Municipality,
      nullable: true,
      description: "The municipality asked for, whose COMPUTED values these are.",
      resolve: (row) => row.municipality,
    }),
    year: t.exposeInt("year"),
    periodStart: t.field({ type: "Date", nullable: true, resolve: (row) => row.periodStart }),
    periodEnd: t.field({
      type: "Date",
      nullable: true,
      description: "For a value computed now: today.",
      resolve: (row) => row.periodEnd,
    }),
    value: t.float({ nullable: true, description: "Null when there is no value yet.", resolve: (row) => row.value }),
    numerator: t.float({
      nullable: true,
      description:
        "COMPUTED ratio or share: the figure above the line (for a share, the services having the property), so the arithmetic can be checked.",
      resolve: (row) => row.numerator,
    }),
    denominator: t.float({
      nullable: true,
      description: "COMPUTED ratio or share: the figure below the line (for a share, the base set of services).",
      resolve: (row) => row.denominator,
    }),
    populationYear: t.int({
      nullable: true,
      description:
        "When the formula takes the population: the year of the figure used (the year asked, else the latest earlier one known).",
      resolve: (row) => row.populationYear,
    }),
    target: t.exposeFloat("target"),
    targetYear: t.exposeInt("targetYear"),
    formula: t.exposeString("formula"),
    unit: t.exposeString("unit"),
    direction: t.field({ type: TargetDirectionEnum, resolve: (row) => row.direction }),
    met: t.exposeBoolean("met", { description: "Whether the value reaches the target (false without a value)." }),
    source: t.field({ type: KpiValueSourceEnum, resolve: (row) => row.source }),
  }),
});

const KpiProgressInput = zodInput("KpiProgressInput", kpiProgressSchema);

builder.queryFields((t) => ({
  kpiProgress: t.field({
    type: [KpiProgress],
    description:
      "KPIs against their targets in your regions and nationally. COMPUTED ones are computed from their formulas for the year asked (by default the current one, or for a formula summing report indicators the latest year reported): catalogue terms describe the catalogue as it is now, indicator and population terms use the year asked. ENTERED ones show the value of the year asked, or the latest.",
    authScopes: { staff: true, partner: "statistics:read" },
    args: { input: t.arg({ type: KpiProgressInput, required: false }) },
    resolve: (_root, args, ctx, info) =>
      kpiProgress(ctx.access, args.input, recordQuery(ctx, info, "Region", "region")),
  }),
}));
