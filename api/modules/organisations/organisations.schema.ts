import { builder } from "../../builder.js";
import { OrganisationKind } from "../../generated/prisma/client.js";
import { includes, inRegions } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { safeUuid } from "../../lib/ids.js";
import { organisationWhere } from "./organisations.service.js";

export const OrganisationKindEnum = builder.enumType(OrganisationKind, { name: "OrganisationKind" });

export const Organisation = builder.prismaNode("Organisation", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id: safeUuid(id), regionId: inRegions(ctx.access.read) }),
  authScopes: (organisation, ctx) => includes(ctx.access.read, organisation.regionId),
  fields: (t) => ({
    name: t.exposeString("name"),
    shortName: t.exposeString("shortName", { nullable: true }),
    kind: t.expose("kind", { type: OrganisationKindEnum }),
    inn: t.exposeString("inn", { nullable: true }),
    ogrn: t.exposeString("ogrn", { nullable: true }),
    address: t.exposeString("address", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    website: t.exposeString("website", { nullable: true }),
    region: t.relation("region"),
    municipality: t.relation("municipality", { nullable: true }),
    centres: t.relatedConnection("centres", {
      cursor: "id",
      totalCount: true,
      query: () => ({ where: { archivedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    }),
  }),
});

const OrganisationFilter = builder.inputType("OrganisationFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the name, or the exact INN." }),
    regionId: t.id({ required: false }),
    kind: t.field({ type: OrganisationKindEnum, required: false }),
  }),
});

builder.queryFields((t) => ({
  organisations: t.prismaConnection({
    type: "Organisation",
    cursor: "id",
    authScopes: { signedIn: true },
    args: { filter: t.arg({ type: OrganisationFilter, required: false }) },
    resolve: (query, _root, args, ctx) =>
      prisma.organisation.findMany({
        ...query,
        where: organisationWhere(ctx.access, args.filter),
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
    totalCount: (_root, args, ctx) => prisma.organisation.count({ where: organisationWhere(ctx.access, args.filter) }),
  }),
}));
