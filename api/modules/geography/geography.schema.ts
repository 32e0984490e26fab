import { builder } from "../../builder.js";
import { MunicipalityKind } from "../../generated/prisma/client.js";
import { includes, inRegions } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { safeUuid } from "../../lib/ids.js";
import { municipalityWhere, regionWhere } from "./geography.service.js";

export const MunicipalityKindEnum = builder.enumType(MunicipalityKind, { name: "MunicipalityKind" });

export const Region = builder.prismaNode("Region", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [{ id: inRegions(ctx.access.read) }] }),
  authScopes: (region, ctx) => includes(ctx.access.read, region.id),
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    municipalities: t.relatedConnection("municipalities", {
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ name: "asc" }, { id: "asc" }] }),
    }),
  }),
});

export const Municipality = builder.prismaNode("Municipality", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id: safeUuid(id), regionId: inRegions(ctx.access.read) }),
  authScopes: (municipality, ctx) => includes(ctx.access.read, municipality.regionId),
  fields: (t) => ({
    oktmo: t.exposeString("oktmo"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: MunicipalityKindEnum }),
    region: t.relation("region"),
    settlements: t.relation("settlements", { query: { orderBy: [{ name: "asc" }, { id: "asc" }] } }),
  }),
});

export const Settlement = builder.prismaNode("Settlement", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id: safeUuid(id), municipality: { regionId: inRegions(ctx.access.read) } }),
  fields: (t) => ({
    name: t.exposeString("name"),
    isRural: t.exposeBoolean("isRural"),
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
  regions: t.prismaConnection({
    type: "Region",
    cursor: "id",
    authScopes: { signedIn: true },
    args: { filter: t.arg({ type: RegionFilter, required: false }) },
    resolve: (query, _root, args, ctx) =>
      prisma.region.findMany({ ...query, where: regionWhere(ctx.access, args.filter), orderBy: [{ name: "asc" }, { id: "asc" }] }),
    totalCount: (_root, args, ctx) => prisma.region.count({ where: regionWhere(ctx.access, args.filter) }),
  }),
  municipalities: t.prismaConnection({
    type: "Municipality",
    cursor: "id",
    authScopes: { signedIn: true },
    args: { filter: t.arg({ type: MunicipalityFilter, required: false }) },
    resolve: (query, _root, args, ctx) =>
      prisma.municipality.findMany({
        ...query,
        where: municipalityWhere(ctx.access, args.filter),
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
    totalCount: (_root, args, ctx) => prisma.municipality.count({ where: municipalityWhere(ctx.access, args.filter) }),
  }),
}));
