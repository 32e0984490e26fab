import { builder, OrderDirection } from "../../builder.js";
import { CentreKind, CentreStatus } from "../../generated/prisma/client.js";
import { prisma } from "../../lib/db.js";
import { centreOrderBy, centreWhere } from "./centres.service.js";

export const CentreKindEnum = builder.enumType(CentreKind, { name: "CentreKind" });
export const CentreStatusEnum = builder.enumType(CentreStatus, { name: "CentreStatus" });

export const Centre = builder.prismaNode("Centre", {
  id: { field: "id" },
  authScopes: { public: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    kinds: t.expose("kinds", { type: [CentreKindEnum] }),
    status: t.expose("status", { type: CentreStatusEnum }),
    statusAlert: t.exposeString("statusAlert", { nullable: true }),
    address: t.exposeString("address"),
    latitude: t.exposeFloat("latitude", { nullable: true }),
    longitude: t.exposeFloat("longitude", { nullable: true }),
    accessibleVision: t.exposeBoolean("accessibleVision"),
    accessibleHearing: t.exposeBoolean("accessibleHearing"),
    accessibleMobility: t.exposeBoolean("accessibleMobility"),
    workstations: t.exposeInt("workstations"),
    printers: t.exposeInt("printers"),
    scanners: t.exposeInt("scanners"),
    phone: t.exposeString("phone", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    website: t.exposeString("website", { nullable: true }),
    signatureValidUntil: t.expose("signatureValidUntil", { type: "Date", nullable: true }),
    lastVerifiedAt: t.expose("lastVerifiedAt", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    hostOrganisation: t.relation("hostOrganisation"),
    region: t.relation("region"),
    municipality: t.relation("municipality"),
    settlement: t.relation("settlement", { nullable: true }),
  }),
});

const CentreFilter = builder.inputType("CentreFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the name or address; % and _ match themselves." }),
    status: t.field({ type: CentreStatusEnum, required: false }),
    kind: t.field({ type: CentreKindEnum, required: false }),
    regionId: t.id({ required: false }),
    municipalityId: t.id({ required: false }),
    hostOrganisationId: t.id({ required: false }),
    rural: t.boolean({ required: false, description: "Only centres in rural (true) or urban (false) settlements." }),
  }),
});

const CentreOrderField = builder.enumType("CentreOrderField", { values: ["NAME", "CREATED_AT"] as const });

const CentreOrderBy = builder.inputType("CentreOrderBy", {
  fields: (t) => ({
    field: t.field({ type: CentreOrderField, required: true }),
    direction: t.field({ type: OrderDirection, required: true }),
  }),
});

builder.queryFields((t) => ({
  centres: t.prismaConnection({
    type: "Centre",
    cursor: "id",
    authScopes: { public: true },
    args: {
      filter: t.arg({ type: CentreFilter, required: false }),
      orderBy: t.arg({ type: CentreOrderBy, required: false }),
    },
    resolve: (query, _root, args) =>
      prisma.centre.findMany({ ...query, where: centreWhere(args.filter), orderBy: centreOrderBy(args.orderBy) }),
    totalCount: (_root, args) => prisma.centre.count({ where: centreWhere(args.filter) }),
  }),
}));
