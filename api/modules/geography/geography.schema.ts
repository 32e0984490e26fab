import { builder } from "../../builder.js";
import { MunicipalityKind } from "../../generated/prisma/client.js";
import { includes, inRegions } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, rowMutation, type Types } from "../../shared.js";
import {
  createMunicipalitySchema,
  createRegionSchema,
  createSettlementSchema,
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

const RegionFilter = builder.inputType("RegionFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the name or the code (case-insensitive)." }),
  }),
});

const MunicipalityFilter = builder.inputType("MunicipalityFilter", {
  fields: (t) => ({
    regionId: t.id({ required: false }),
    search: t.string({ required: false }),
  }),
});

builder.queryFields((t) => ({
  regions: listConnection(t, {
    type: "Region",
    authScopes: { staff: true, partner: "registry:read" },
    filter: RegionFilter,
    where: regionWhere,
    order: () => [{ name: "asc" }, { id: "asc" }],
  }),
  municipalities: listConnection(t, {
    type: "Municipality",
    authScopes: { staff: true, partner: "registry:read" },
    filter: MunicipalityFilter,
    where: municipalityWhere,
    order: () => [{ name: "asc" }, { id: "asc" }],
  }),
}));

// ── Mutations ──

// Each place's own fields as both its inputs take them, declared once: all required for a new
// place, all optional for a change. The parent (region, municipality) is chosen only at creation.
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">;
const regionFieldInputs = (t: InputFields, creating: boolean) => ({
  code: t.string({ required: creating }),
  name: t.string({ required: creating }),
});
const municipalityFieldInputs = (t: InputFields, creating: boolean) => ({
  oktmo: t.string({ required: creating }),
  name: t.string({ required: creating }),
  kind: t.field({ type: MunicipalityKindEnum, required: creating }),
});
const settlementFieldInputs = (t: InputFields, creating: boolean) => ({
  name: t.string({ required: creating }),
  isRural: t.boolean({ required: creating }),
});

const CreateRegionInput = builder
  .inputType("CreateRegionInput", { fields: (t) => regionFieldInputs(t, true) })
  .validate(createRegionSchema);
const UpdateRegionInput = builder
  .inputType("UpdateRegionInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...regionFieldInputs(t, false),
    }),
  })
  .validate(updateRegionSchema);
const CreateMunicipalityInput = builder
  .inputType("CreateMunicipalityInput", {
    fields: (t) => ({
      regionId: t.id({ required: true }),
      ...municipalityFieldInputs(t, true),
    }),
  })
  .validate(createMunicipalitySchema);
const UpdateMunicipalityInput = builder
  .inputType("UpdateMunicipalityInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...municipalityFieldInputs(t, false),
    }),
  })
  .validate(updateMunicipalitySchema);
const CreateSettlementInput = builder
  .inputType("CreateSettlementInput", {
    fields: (t) => ({
      municipalityId: t.id({ required: true }),
      ...settlementFieldInputs(t, true),
    }),
  })
  .validate(createSettlementSchema);
const UpdateSettlementInput = builder
  .inputType("UpdateSettlementInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...settlementFieldInputs(t, false),
    }),
  })
  .validate(updateSettlementSchema);

builder.mutationFields((t) => ({
  createRegion: rowMutation(t, {
    type: "Region",
    authScopes: { admin: true },
    input: CreateRegionInput,
    run: (input, ctx) => createRegion(ctx.access, input),
  }),
  updateRegion: rowMutation(t, {
    type: "Region",
    authScopes: { admin: true },
    input: UpdateRegionInput,
    run: (input, ctx) => updateRegion(ctx.access, input),
  }),
  createMunicipality: rowMutation(t, {
    type: "Municipality",
    authScopes: { writer: true },
    input: CreateMunicipalityInput,
    run: (input, ctx) => createMunicipality(ctx.access, input),
  }),
  updateMunicipality: rowMutation(t, {
    type: "Municipality",
    authScopes: { writer: true },
    input: UpdateMunicipalityInput,
    run: (input, ctx) => updateMunicipality(ctx.access, input),
  }),
  createSettlement: rowMutation(t, {
    type: "Settlement",
    authScopes: { writer: true },
    input: CreateSettlementInput,
    run: (input, ctx) => createSettlement(ctx.access, input),
  }),
  updateSettlement: rowMutation(t, {
    type: "Settlement",
    authScopes: { writer: true },
    input: UpdateSettlementInput,
    run: (input, ctx) => updateSettlement(ctx.access, input),
  }),
}));
