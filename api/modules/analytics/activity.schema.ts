// Activity analytics (issue 5, items 1–3): indicator dynamics, requests and events by type,
// centres by kind and by place. Read-only queries for any signed-in caller, answered within
// the caller's regions; partners get published report figures only.
import { builder, type Types } from "../../builder.js";
import { zodInput, zodInputPart } from "../../inputs.js";
import { fromGlobalId, toGlobalId } from "../../lib/ids.js";
import { CentreKindEnum } from "../centres/centres.schema.js";
import {
  type ActivityScope,
  categoryTotals,
  centresByKind,
  centresByPlace,
  type DynamicsPoint,
  type IndicatorTotal,
  indicatorDynamics,
  type KindCount,
  type PlaceCount,
} from "./activity.service.js";
import {
  type ActivityScopeData,
  activityRangeSchema,
  activityScopeSchema,
  centresByKindSchema,
  centresByPlaceSchema,
  GRANULARITIES,
  indicatorDynamicsSchema,
  PLACE_GROUPINGS,
} from "./analytics.inputs.js";

const GranularityEnum = builder.enumType("Granularity", {
  description: "Length of the periods figures are grouped by.",
  values: GRANULARITIES,
});

const PlaceGroupingEnum = builder.enumType("CentrePlaceGrouping", { values: PLACE_GROUPINGS });

const ActivityScopeInput = zodInputPart("ActivityScopeInput", activityScopeSchema, {
  description: "At most one place; none means the whole country (the regions you may read).",
});

function scopeOf(scope: ActivityScopeData | null | undefined): ActivityScope {
  return {
    regionId: scope?.regionId ? fromGlobalId("Region", scope.regionId, "input.scope.regionId") : null,
    municipalityId: scope?.municipalityId
      ? fromGlobalId("Municipality", scope.municipalityId, "input.scope.municipalityId")
      : null,
    centreId: scope?.centreId ? fromGlobalId("Centre", scope.centreId, "input.scope.centreId") : null,
  };
}

const scopeTypes = { scope: ActivityScopeInput } as const;

const IndicatorDynamicsInput = zodInput("IndicatorDynamicsInput", indicatorDynamicsSchema, {
  types: { ...scopeTypes, granularity: GranularityEnum },
});

const ActivityRangeInput = zodInput("ActivityRangeInput", activityRangeSchema, { types: scopeTypes });

const CentresByKindInput = zodInput("CentresByKindInput", centresByKindSchema, { types: scopeTypes });

const CentresByPlaceInput = zodInput("CentresByPlaceInput", centresByPlaceSchema, {
  types: { groupBy: PlaceGroupingEnum },
});

const IndicatorDynamicsPoint = builder.objectRef<DynamicsPoint>("IndicatorDynamicsPoint").implement({
  description: "An indicator's total over one period, with the change from the period before.",
  fields: (t) => ({
    period: t.expose("period", { type: "Date", description: "First day of the period." }),
    label: t.exposeString("label", { description: "2018, 2018-Q1 or 2018-03." }),
    total: t.exposeInt("total"),
    rural: t.exposeInt("rural", { nullable: true }),
    change: t.exposeInt("change", {
      nullable: true,
      description: "Total minus the previous period's; null when that period has no data.",
    }),
    changePct: t.exposeFloat("changePct", { nullable: true, description: "The change in per cent, 2 decimals." }),
  }),
});

const IndicatorTotalRef = builder.objectRef<IndicatorTotal>("IndicatorTotal").implement({
  fields: (t) => ({
    indicatorCode: t.exposeString("indicatorCode"),
    name: t.exposeString("name"),
    total: t.exposeInt("total"),
  }),
});

const CentreKindCount = builder.objectRef<KindCount>("CentreKindCount").implement({
  fields: (t) => ({
    kind: t.field({ type: CentreKindEnum, resolve: (row) => row.kind as never }),
    total: t.exposeInt("total"),
    rural: t.exposeInt("rural", { description: "Centres in rural settlements." }),
  }),
});

const CentrePlaceCount = builder
  .objectRef<PlaceCount & { type: "Region" | "Municipality" }>("CentrePlaceCount")
  .implement({
    fields: (t) => ({
      id: t.id({
        description: "Global id of the region or municipality.",
        resolve: (row) => toGlobalId(row.type, row.id),
      }),
      name: t.exposeString("name"),
      total: t.exposeInt("total"),
      rural: t.exposeInt("rural", { description: "Centres in rural settlements." }),
      legalInfo: t.exposeInt("legalInfo", { description: "Public legal information centres." }),
      identity: t.exposeInt("identity", { description: "Identity confirmation centres." }),
      eSignature: t.exposeInt("eSignature", { description: "Centres that help renew electronic signatures." }),
    }),
  });

/** The totals of every indicator of a category over a range. */
function categoryField(
  t: PothosSchemaTypes.QueryFieldBuilder<Types, Types["Root"]>,
  category: "REQUESTS" | "EVENTS",
  description: string,
) {
  return t.field({
    type: [IndicatorTotalRef],
    description,
    authScopes: { staff: true, partner: "statistics:read" },
    args: { input: t.arg({ type: ActivityRangeInput, required: true }) },
    resolve: (_root, { input }, ctx) => categoryTotals(ctx.access, category, { ...input, scope: scopeOf(input.scope) }),
  });
}

builder.queryFields((t) => ({
  indicatorDynamics: t.field({
    type: [IndicatorDynamicsPoint],
    description:
      "An indicator's totals per year, quarter or month from approved reports, at the most aggregated level each region reported.",
    authScopes: { staff: true, partner: "statistics:read" },
    args: { input: t.arg({ type: IndicatorDynamicsInput, required: true }) },
    resolve: (_root, { input }, ctx) => indicatorDynamics(ctx.access, { ...input, scope: scopeOf(input.scope) }),
  }),
  requestsByCategory: categoryField(
    t,
    "REQUESTS",
    "Requests fulfilled per category (indicators of category REQUESTS) over a range.",
  ),
  eventsByType: categoryField(t, "EVENTS", "Events held per type (indicators of category EVENTS) over a range."),
  centresByKind: t.field({
    type: [CentreKindCount],
    description: "Non-archived centres per kind; a centre of two kinds counts in both.",
    authScopes: { staff: true, partner: "statistics:read" },
    args: { input: t.arg({ type: CentresByKindInput, required: false }) },
    resolve: (_root, { input }, ctx) => centresByKind(ctx.access, { scope: scopeOf(input?.scope) }),
  }),
  centresByPlace: t.field({
    type: [CentrePlaceCount],
    description: "Non-archived centres per region or municipality (places with at least one centre).",
    authScopes: { staff: true, partner: "statistics:read" },
    args: { input: t.arg({ type: CentresByPlaceInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      centresByPlace(ctx.access, {
        groupBy: input.groupBy,
        regionId: input.regionId ? fromGlobalId("Region", input.regionId, "input.regionId") : null,
      }),
  }),
}));
