import { builder } from "../../builder.js";
import { LifeSituationKind } from "../../generated/prisma/client.js";
import { safeUuid } from "../../lib/ids.js";
import { canReadCatalogueRow, lifeSituationScope, serviceScope } from "../../lib/scopes.js";
import { archiveMutations, listConnection, rowMutation } from "../../shared.js";
import { CatalogueOrderBy, EditableStatus, PublicationStatusEnum } from "../services/services.schema.js";
import { catalogueOrderBy } from "../services/services.service.js";
import {
  createLifeSituationSchema,
  setLifeSituationServicesSchema,
  updateLifeSituationSchema,
} from "./life-situations.inputs.js";
import {
  createLifeSituation,
  lifeSituationWhere,
  setLifeSituationArchived,
  setLifeSituationServices,
  updateLifeSituation,
} from "./life-situations.service.js";

export const LifeSituationKindEnum = builder.enumType(LifeSituationKind, { name: "LifeSituationKind" });

export const LifeSituation = builder.prismaNode("LifeSituation", {
  id: { field: "id" },
  description: "A life or business event, with the services it takes in order.",
  // Any id outside the caller's scope answers null, like an id that never existed.
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [lifeSituationScope(ctx.access)] }),
  nullable: true,
  authScopes: (lifeSituation, ctx) =>
    canReadCatalogueRow(ctx.access, lifeSituation) && { staff: true, partner: "registry:read" },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: LifeSituationKindEnum }),
    description: t.exposeString("description", { nullable: true }),
    region: t.relation("region", { nullable: true, description: "Null for the federal catalogue." }),
    status: t.expose("status", { type: PublicationStatusEnum }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    services: t.relation("services", {
      description: "The services in order (partners see published services only).",
      query: (_args, ctx) => ({
        where: { service: serviceScope(ctx.access) },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});

export const LifeSituationService = builder.prismaObject("LifeSituationService", {
  description: "One step of a life situation: a service, its place in the order, and whether it is mandatory.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "1-based order within the life situation." }),
    mandatory: t.exposeBoolean("mandatory"),
    service: t.relation("service"),
    lifeSituation: t.relation("lifeSituation"),
  }),
});

const LifeSituationFilter = builder.inputType("LifeSituationFilter", {
  fields: (t) => ({
    search: t.string({
      required: false,
      description: "Part of the name, code or description; % and _ match themselves.",
    }),
    kind: t.field({ type: LifeSituationKindEnum, required: false }),
    regionId: t.id({ required: false }),
    status: t.field({
      type: PublicationStatusEnum,
      required: false,
      description: "Without it, DRAFT and PUBLISHED entries are listed (partners: PUBLISHED only).",
    }),
  }),
});

builder.queryFields((t) => ({
  lifeSituations: listConnection(t, {
    type: "LifeSituation",
    authScopes: { staff: true, partner: "registry:read" },
    filter: LifeSituationFilter,
    orderBy: CatalogueOrderBy,
    where: lifeSituationWhere,
    order: catalogueOrderBy,
  }),
}));

// ── Mutations ──

const LifeSituationServiceInput = builder.inputType("LifeSituationServiceInput", {
  fields: (t) => ({
    serviceId: t.id({ required: true }),
    mandatory: t.boolean({ required: true }),
  }),
});

const CreateLifeSituationInput = builder
  .inputType("CreateLifeSituationInput", {
    fields: (t) => ({
      code: t.string({ required: true, description: "Capital Latin letters, digits and _, e.g. CHILD_BIRTH; unique." }),
      name: t.string({ required: true }),
      kind: t.field({ type: LifeSituationKindEnum, required: true }),
      description: t.string({ required: false }),
      regionId: t.id({ required: false, description: "Empty for the federal catalogue (administrators only)." }),
      status: t.field({ type: EditableStatus, required: false, description: "PUBLISHED unless given." }),
      services: t.field({
        type: [LifeSituationServiceInput],
        required: false,
        description: "The services in order; federal ones, or of the life situation's region.",
      }),
    }),
  })
  .validate(createLifeSituationSchema);

const UpdateLifeSituationInput = builder
  .inputType("UpdateLifeSituationInput", {
    description:
      "Only the fields given change; `version` is the one you read (a stale one gives ConflictError). The region is fixed at creation; the services have setLifeSituationServices.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      code: t.string({ required: false }),
      name: t.string({ required: false }),
      kind: t.field({ type: LifeSituationKindEnum, required: false }),
      description: t.string({ required: false }),
      status: t.field({ type: EditableStatus, required: false }),
    }),
  })
  .validate(updateLifeSituationSchema);

const SetLifeSituationServicesInput = builder
  .inputType("SetLifeSituationServicesInput", {
    description: "The whole ordered list: positions 1..n follow the order given; each service at most once.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      services: t.field({ type: [LifeSituationServiceInput], required: true }),
    }),
  })
  .validate(setLifeSituationServicesSchema);

builder.mutationFields((t) => ({
  createLifeSituation: rowMutation(t, {
    type: "LifeSituation",
    description: "Federal life situations: administrators; regional ones: also the curators of that region.",
    authScopes: { writer: true },
    input: CreateLifeSituationInput,
    run: (input, ctx) => createLifeSituation(ctx.access, input),
  }),
  updateLifeSituation: rowMutation(t, {
    type: "LifeSituation",
    authScopes: { writer: true },
    input: UpdateLifeSituationInput,
    run: (input, ctx) => updateLifeSituation(ctx.access, input),
  }),
  ...archiveMutations(t, {
    type: "LifeSituation",
    setArchived: setLifeSituationArchived,
    descriptions: { restore: "Brings an archived life situation back as PUBLISHED." },
  }),
  setLifeSituationServices: rowMutation(t, {
    type: "LifeSituation",
    description: "Replaces the ordered list of services (reorder, add, remove, mandatory or optional).",
    authScopes: { writer: true },
    input: SetLifeSituationServicesInput,
    run: (input, ctx) => setLifeSituationServices(ctx.access, input),
  }),
}));
