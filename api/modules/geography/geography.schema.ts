import { builder } from "../../builder.js";
import { MunicipalityKind } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { includes, inRegions } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, rowMutation } from "../../shared.js";
import {
  createMunicipalitySchema,
  createRegionSchema,
  createSettlementSchema,
  municipalityFilterSchema,
  regionFilterSchema,
  updateMunicipalitySchema,
  updateRegionSchema,
  updateSettlementSchema,
} from "./geography.inputs.js";
import {
  createMunicipality,
  createRegion,
  createSettlement,
  municipalityWhere,
  regionWhere,
  updateMunicipality,
  updateRegion,
  updateSettlement,
} from "./geography.service.js";

export const MunicipalityKindEnum = builder.enumType(MunicipalityKind, { name: "MunicipalityKind" });

export const Region = builder.prismaNode("Region", {
  id: { field: "id" },
  select: { id: true },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [{ id: inRegions(ctx.access.read) }] }),
  // Geography labels the published figures as well as the registry: either scope reads it.
  authScopes: (region, ctx) =>
    includes(ctx.access.read, region.id) && { staff: true, partner: ["registry:read", "statistics:read"] },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    // Updates take the version read, so a stale form is a conflict rather than a lost edit.
    version: t.exposeInt("version"),
    municipalities: t.relatedConnection("municipalities", {
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ name: "asc" }, { id: "asc" }] }),
    }),
  }),
});

export const Municipality = builder.prismaNode("Municipality", {
  id: { field: "id" },
  select: { id: true, regionId: true },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), regionId: inRegions(ctx.access.read) }),
  authScopes: (municipality, ctx) =>
    includes(ctx.access.read, municipality.regionId) && { staff: true, partner: ["registry:read", "statistics:read"] },
  fields: (t) => ({
    oktmo: t.exposeString("oktmo"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: MunicipalityKindEnum }),
    version: t.exposeInt("version"),
    region: t.relation("region"),
    settlements: t.relation("settlements", { query: { orderBy: [{ name: "asc" }, { id: "asc" }] } }),
  }),
});

export const Settlement = builder.prismaNode("Settlement", {
  id: { field: "id" },
  select: { id: true },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), municipality: { regionId: inRegions(ctx.access.read) } }),
  authScopes: { staff: true, partner: ["registry:read", "statistics:read"] },
  fields: (t) => ({
    name: t.exposeString("name"),
    isRural: t.exposeBoolean("isRural"),
    version: t.exposeInt("version"),
    municipality: t.relation("municipality"),
  }),
});

const RegionFilter = zodInput("RegionFilter", regionFilterSchema);
const MunicipalityFilter = zodInput("MunicipalityFilter", municipalityFilterSchema);

builder.queryFields((t) => ({
  regions: listConnection(t, {
    type: "Region",
    authScopes: { staff: true, partner: "registry:read" },
    filter: { input: RegionFilter, where: regionWhere },
    order: () => [{ name: "asc" }, { id: "asc" }],
  }),
  municipalities: listConnection(t, {
    type: "Municipality",
    authScopes: { staff: true, partner: "registry:read" },
    filter: { input: MunicipalityFilter, where: municipalityWhere },
    order: () => [{ name: "asc" }, { id: "asc" }],
  }),
}));

// ── Mutations ──

const kindTypes = { kind: MunicipalityKindEnum } as const;

const CreateRegionInput = zodInput("CreateRegionInput", createRegionSchema);
const UpdateRegionInput = zodInput("UpdateRegionInput", updateRegionSchema);
const CreateMunicipalityInput = zodInput("CreateMunicipalityInput", createMunicipalitySchema, { types: kindTypes });
const UpdateMunicipalityInput = zodInput("UpdateMunicipalityInput", updateMunicipalitySchema, { types: kindTypes });
const CreateSettlementInput = zodInput("CreateSettlementInput", createSettlementSchema);
const UpdateSettlementInput = zodInput("UpdateSettlementInput", updateSettlementSchema);

builder.mutationFields((t) => ({
  createRegion: rowMutation(t, {
    type: "Region",
    authScopes: { admin: true },
    input: CreateRegionInput,
    run: createRegion,
  }),
  updateRegion: rowMutation(t, {
    type: "Region",
    authScopes: { admin: true },
    input: UpdateRegionInput,
    run: updateRegion,
  }),
  createMunicipality: rowMutation(t, {
    type: "Municipality",
    description: "Adds a municipality (by its OKTMO code) to a region.",
    input: CreateMunicipalityInput,
    run: createMunicipality,
  }),
  updateMunicipality: rowMutation(t, {
    type: "Municipality",
    description: "Changes a municipality's name, kind or OKTMO code.",
    input: UpdateMunicipalityInput,
    run: updateMunicipality,
  }),
  createSettlement: rowMutation(t, {
    type: "Settlement",
    description: "Adds a settlement to a municipality, rural or urban.",
    input: CreateSettlementInput,
    run: createSettlement,
  }),
  updateSettlement: rowMutation(t, {
    type: "Settlement",
    description: "Changes a settlement's name or whether it is rural.",
    input: UpdateSettlementInput,
    run: updateSettlement,
  }),
}));
