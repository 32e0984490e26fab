import { builder } from "../../builder.js";
import { OrganisationKind } from "../../generated/prisma/client.js";
import { includes, inRegions } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { webUrlOrNull } from "../../lib/validate.js";
import { archiveMutations, listConnection, rowMutation, type Types } from "../../shared.js";
import { createOrganisationSchema, updateOrganisationSchema } from "./organisations.inputs.js";
import {
  createOrganisation,
  organisationWhere,
  setOrganisationArchived,
  updateOrganisation,
} from "./organisations.service.js";

export const OrganisationKindEnum = builder.enumType(OrganisationKind, { name: "OrganisationKind" });

export const Organisation = builder.prismaNode("Organisation", {
  id: { field: "id" },
  select: { id: true, regionId: true },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), regionId: inRegions(ctx.access.read) }),
  authScopes: (organisation, ctx) =>
    includes(ctx.access.read, organisation.regionId) && { staff: true, partner: "registry:read" },
  fields: (t) => ({
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

const OrganisationFilter = builder.inputType("OrganisationFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the name, or the exact INN." }),
    regionId: t.id({ required: false }),
    kind: t.field({ type: OrganisationKindEnum, required: false }),
    includeArchived: t.boolean({ required: false, description: "Also archived organisations (never for partners)." }),
  }),
});

builder.queryFields((t) => ({
  organisations: listConnection(t, {
    type: "Organisation",
    authScopes: { staff: true, partner: "registry:read" },
    filter: OrganisationFilter,
    where: organisationWhere,
    order: () => [{ name: "asc" }, { id: "asc" }],
  }),
}));

/**
 * An organisation's own fields as both inputs take them, each declared once: all optional,
 * except that a new organisation needs its name and kind. What each must hold is in
 * organisations.inputs.ts.
 */
const organisationFieldInputs = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">, creating: boolean) => ({
  name: t.string({ required: creating }),
  shortName: t.string({ required: false }),
  kind: t.field({ type: OrganisationKindEnum, required: creating }),
  inn: t.string({ required: false, description: "ИНН: 10 digits (12 for individuals)." }),
  ogrn: t.string({ required: false, description: "ОГРН: 13 digits (15 for individuals)." }),
  address: t.string({ required: false }),
  phone: t.string({ required: false }),
  email: t.string({ required: false }),
  website: t.string({ required: false }),
  municipalityId: t.id({ required: false }),
});

const CreateOrganisationInput = builder
  .inputType("CreateOrganisationInput", {
    fields: (t) => ({ regionId: t.id({ required: true }), ...organisationFieldInputs(t, true) }),
  })
  .validate(createOrganisationSchema);

const UpdateOrganisationInput = builder
  .inputType("UpdateOrganisationInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...organisationFieldInputs(t, false),
    }),
  })
  .validate(updateOrganisationSchema);

builder.mutationFields((t) => ({
  createOrganisation: rowMutation(t, {
    type: "Organisation",
    authScopes: { writer: true },
    input: CreateOrganisationInput,
    run: (input, ctx) => createOrganisation(ctx.access, input),
  }),
  updateOrganisation: rowMutation(t, {
    type: "Organisation",
    authScopes: { writer: true },
    input: UpdateOrganisationInput,
    run: (input, ctx) => updateOrganisation(ctx.access, input),
  }),
  ...archiveMutations(t, { type: "Organisation", setArchived: setOrganisationArchived }),
}));
