import { builder } from "../../builder.js";
import { LifeSituationKind } from "../../generated/prisma/client.js";
import { zodInput, zodInputPart } from "../../inputs.js";
import { safeUuid } from "../../lib/ids.js";
import { canReadCatalogueRow, lifeSituationScope, serviceScope } from "../../lib/scopes.js";
import { archiveMutations, listConnection, recordStamps, rowMutation } from "../../shared.js";
import { CatalogueOrderBy, EditableStatus, PublicationStatusEnum } from "../services/services.schema.js";
import { catalogueOrderBy } from "../services/services.service.js";
import {
  createLifeSituationSchema,
  lifeSituationFilterSchema,
  serviceEntrySchema,
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
    ...recordStamps(t),
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

const LifeSituationFilter = zodInput("LifeSituationFilter", lifeSituationFilterSchema, {
  types: { kind: LifeSituationKindEnum, status: PublicationStatusEnum },
});

builder.queryFields((t) => ({
  lifeSituations: listConnection(t, {
    type: "LifeSituation",
    authScopes: { staff: true, partner: "registry:read" },
    filter: { input: LifeSituationFilter, where: lifeSituationWhere },
    orderBy: { input: CatalogueOrderBy, order: catalogueOrderBy },
  }),
}));

// ── Mutations ──

const LifeSituationServiceInput = zodInputPart("LifeSituationServiceInput", serviceEntrySchema);

const CreateLifeSituationInput = zodInput("CreateLifeSituationInput", createLifeSituationSchema, {
  types: { kind: LifeSituationKindEnum, status: EditableStatus, services: [LifeSituationServiceInput] },
});

const UpdateLifeSituationInput = zodInput("UpdateLifeSituationInput", updateLifeSituationSchema, {
  description:
    "Only the fields given change; `version` is the one you read (a stale one gives ConflictError). The region is fixed at creation; the services have setLifeSituationServices.",
  types: { kind: LifeSituationKindEnum, status: EditableStatus },
});

const SetLifeSituationServicesInput = zodInput("SetLifeSituationServicesInput", setLifeSituationServicesSchema, {
  description: "The whole ordered list: positions 1..n follow the order given; each service at most once.",
  types: { services: [LifeSituationServiceInput] },
});

builder.mutationFields((t) => ({
  createLifeSituation: rowMutation(t, {
    type: "LifeSituation",
    description: "Federal life situations: administrators; regional ones: also the curators of that region.",
    input: CreateLifeSituationInput,
    run: createLifeSituation,
  }),
  updateLifeSituation: rowMutation(t, {
    type: "LifeSituation",
    input: UpdateLifeSituationInput,
    run: updateLifeSituation,
  }),
  ...archiveMutations(t, {
    type: "LifeSituation",
    setArchived: setLifeSituationArchived,
    descriptions: { restore: "Brings an archived life situation back as PUBLISHED." },
  }),
  setLifeSituationServices: rowMutation(t, {
    type: "LifeSituation",
    description: "Replaces the ordered list of services (reorder, add, remove, mandatory or optional).",
    input: SetLifeSituationServicesInput,
    run: setLifeSituationServices,
  }),
}));
