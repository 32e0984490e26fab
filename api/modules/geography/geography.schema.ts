import { builder } from "../../builder.js";
import { MunicipalityKind } from "../../generated/prisma/client.js";
import { prisma } from "../../lib/db.js";
import { municipalityWhere, regionWhere } from "./geography.service.js";

export const MunicipalityKindEnum = builder.enumType(MunicipalityKind, { name: "MunicipalityKind" });

export const Region = builder.prismaNode("Region", {
  id: { field: "id" },
  authScopes: { public: true },
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
  authScopes: { public: true },
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
  authScopes: { public: true },
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
    authScopes: { public: true },
    args: { filter: t.arg({ type: RegionFilter, required: false }) },
    resolve: (query, _root, args) =>
      prisma.region.findMany({ ...query, where: regionWhere(args.filter), orderBy: [{ name: "asc" }, { id: "asc" }] }),
    totalCount: (_root, args) => prisma.region.count({ where: regionWhere(args.filter) }),
  }),
  municipalities: t.prismaConnection({
    type: "Municipality",
    cursor: "id",
    authScopes: { public: true },
    args: { filter: t.arg({ type: MunicipalityFilter, required: false }) },
    resolve: (query, _root, args) =>
      prisma.municipality.findMany({
        ...query,
        where: municipalityWhere(args.filter),
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
    totalCount: (_root, args) => prisma.municipality.count({ where: municipalityWhere(args.filter) }),
  }),
}));
