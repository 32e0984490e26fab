// Population per region and municipality and year (issue 15): the list, the figure of a place
// (Region.population, Municipality.population) and recording one.
import { builder } from "../../builder.js";
import { zodInput } from "../../inputs.js";
import { includes } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, recordStamps, rowMutation } from "../../shared.js";
import { Municipality, Region } from "../geography/geography.schema.js";
import { populationFilterSchema, recordPopulationSchema } from "./population.inputs.js";
import {
  populationOf,
  populationOrderBy,
  populationScope,
  populationWhere,
  recordPopulation,
} from "./population.service.js";

export const Population = builder.prismaNode("Population", {
  id: { field: "id" },
  description: "The resident population of a region (no municipality) or a municipality at the start of a year.",
  // node(id) of a row outside the scope answers null, as for an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [populationScope(ctx.access)] }),
  authScopes: (row, ctx) => includes(ctx.access.read, row.regionId) && { staff: true, partner: "statistics:read" },
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year whose 1 January the figure is of." }),
    count: t.exposeInt("count", { description: "Residents." }),
    source: t.exposeString("source", { nullable: true, description: "Where the figure comes from." }),
    ...recordStamps(t),
    region: t.relation("region"),
    municipality: t.relation("municipality", { nullable: true, description: "Null for the region as a whole." }),
  }),
});

builder.objectField(Region, "population", (t) =>
  t.field({
    type: Population,
    nullable: true,
    description:
      "The region's population in `year` (the current one when omitted), else the latest earlier figure; its `year` says which.",
    args: { year: t.arg.int({ required: false }) },
    resolve: (region, args) => populationOf({ regionId: region.id, municipalityId: null }, args.year),
  }),
);

builder.objectField(Municipality, "population", (t) =>
  t.field({
    type: Population,
    nullable: true,
    description:
      "The municipality's population in `year` (the current one when omitted), else the latest earlier figure; its `year` says which.",
    args: { year: t.arg.int({ required: false }) },
    resolve: (municipality, args) =>
      populationOf({ regionId: municipality.regionId, municipalityId: municipality.id }, args.year),
  }),
);

const PopulationLevelEnum = builder.enumType("PopulationLevel", {
  description: "Figures of regions as a whole, or of municipalities.",
  values: ["REGION", "MUNICIPALITY"] as const,
});

const PopulationFilter = zodInput("PopulationFilter", populationFilterSchema, {
  types: { level: PopulationLevelEnum },
});

builder.queryFields((t) => ({
  population: listConnection(t, {
    type: "Population",
    description:
      "Population figures of your regions and their municipalities: latest year first, by region; within a region its municipalities by name, then the region as a whole.",
    authScopes: { staff: true, partner: "statistics:read" },
    filter: { input: PopulationFilter, where: populationWhere },
    order: populationOrderBy,
  }),
}));

const RecordPopulationInput = zodInput("RecordPopulationInput", recordPopulationSchema, {
  description: "Recording the figure of the same place and year again corrects it (give the version you read).",
});

builder.mutationFields((t) => ({
  recordPopulation: rowMutation(t, {
    type: "Population",
    description:
      "Records the population of a region or one of its municipalities for a year (administrators, and curators for their regions).",
    input: RecordPopulationInput,
    run: recordPopulation,
  }),
}));
