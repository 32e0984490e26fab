import { builder } from "../../builder.js";
import { OrganisationKind } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { includes, inRegions } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { webUrlOrNull } from "../../lib/validate.js";
import { archiveMutations, listConnection, rowMutation } from "../../shared.js";
import {
  createOrganisationSchema,
  organisationFilterSchema,
  updateOrganisationSchema,
} from "./organisations.inputs.js";
import {
  createOrganisation,
  organisationWhere,
  setOrganisationArchived,
  updateOrganisation,
} from "./organisations.service.js";

export const OrganisationKindEnum = builder.enumType(OrganisationKind, { name: "OrganisationKind" });
const kindTypes = { kind: OrganisationKindEnum } as const;

export const Organisation = builder.prismaNode("Organisation", {
  id: { field: "id" },
  select: { id: true, regionId: true },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), regionId: inRegions(ctx.access.read) }),
  authScopes: (organisation, ctx) =>
    includes(ctx.access.read, organisation.regionId) && { staff: true, partner: "registry:read" },
  fields: (t) => ({
    code: t.exposeString("code", { nullable: true, description: "The region's own code; imports match on it." }),
    name: t.exposeString("name"),
    shortName: t.exposeString("shortName", { nullable: true }),
    kind: t.expose("kind", { type: OrganisationKindEnum }),
    inn: t.exposeString("inn", { nullable: true }),
    ogrn: t.exposeString("ogrn", { nullable: true }),
    address: t.exposeString("address", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    website: t.string({
      nullable: true,
      select: { website: true },
      description: "An http(s) address; null when none (or when one stored before the check was not http(s)).",
      resolve: (organisation) => webUrlOrNull(organisation.website),
    }),
    // Updates, archive and restore take the version read.
    version: t.exposeInt("version"),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    region: t.relation("region"),
    municipality: t.relation("municipality", { nullable: true }),
    centres: t.relatedConnection("centres", {
      cursor: "id",
      totalCount: true,
      query: () => ({ where: { archivedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    }),
  }),
});

const OrganisationFilter = zodInput("OrganisationFilter", organisationFilterSchema, { types: kindTypes });

builder.queryFields((t) => ({
  organisations: listConnection(t, {
    type: "Organisation",
    authScopes: { staff: true, partner: "registry:read" },
    filter: { input: OrganisationFilter, where: organisationWhere },
    order: () => [{ name: "asc" }, { id: "asc" }],
  }),
}));

const CreateOrganisationInput = zodInput("CreateOrganisationInput", createOrganisationSchema, { types: kindTypes });

const UpdateOrganisationInput = zodInput("UpdateOrganisationInput", updateOrganisationSchema, { types: kindTypes });

builder.mutationFields((t) => ({
  createOrganisation: rowMutation(t, {
    type: "Organisation",
    description:
      "Adds an organisation (a library that hosts centres, an authority that provides services) to a region.",
    input: CreateOrganisationInput,
    run: createOrganisation,
  }),
  updateOrganisation: rowMutation(t, {
    type: "Organisation",
    description: "Changes an organisation; only the fields given change, at the version you read.",
    input: UpdateOrganisationInput,
    run: updateOrganisation,
  }),
  ...archiveMutations(t, { type: "Organisation", setArchived: setOrganisationArchived }),
}));
