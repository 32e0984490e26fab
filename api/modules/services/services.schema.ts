import { builder } from "../../builder.js";
import { PublicationStatus, ServiceLevel } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { includes } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { canReadCatalogueRow, centreScope, lifeSituationScope, serviceScope } from "../../lib/scopes.js";
import { webUrlOrNull } from "../../lib/validate.js";
import { archiveMutations, listConnection, orderByInput, recordStamps, rowMutation } from "../../shared.js";
import { CentreHelpKindEnum } from "../centres/centres.schema.js";
import { Organisation } from "../organisations/organisations.schema.js";
import {
  createServiceSchema,
  removeCentreServiceSchema,
  serviceFilterSchema,
  setCentreServiceSchema,
  updateServiceSchema,
} from "./services.inputs.js";
import {
  catalogueOrderBy,
  createService,
  removeCentreService,
  serviceWhere,
  setCentreService,
  setServiceArchived,
  updateService,
} from "./services.service.js";

export const ServiceLevelEnum = builder.enumType(ServiceLevel, { name: "ServiceLevel" });
export const PublicationStatusEnum = builder.enumType(PublicationStatus, {
  name: "PublicationStatus",
  description: "Partner apps see PUBLISHED entries only; ARCHIVED ones leave lists unless filtered for.",
});

export const Service = builder.prismaNode("Service", {
  id: { field: "id" },
  // Select mode (the competent authority is selected per field); the scope check needs these.
  select: { id: true, regionId: true, status: true },
  // node(id) finds federal services and those of the caller's regions (partners: published);
  // any other id answers null, like an id that never existed.
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [serviceScope(ctx.access)] }),
  nullable: true,
  authScopes: (service, ctx) => canReadCatalogueRow(ctx.access, service) && { staff: true, partner: "registry:read" },
  fields: (t) => ({
    registryId: t.exposeString("registryId", {
      nullable: true,
      description: "Id in the federal register of services (ФРГУ).",
    }),
    code: t.exposeString("code", { nullable: true, description: "The region's own code; imports match on it." }),
    name: t.exposeString("name"),
    shortName: t.exposeString("shortName", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    level: t.expose("level", { type: ServiceLevelEnum }),
    region: t.relation("region", { nullable: true, description: "Null for federal services." }),
    competentAuthority: t.field({
      type: Organisation,
      nullable: true,
      description: "The authority that provides the service; null when unknown or outside your regions.",
      select: (_args, _ctx, nestedSelection) => ({ competentAuthority: nestedSelection(true) }),
      resolve: (service, _args, ctx) =>
        service.competentAuthority && includes(ctx.access.read, service.competentAuthority.regionId)
          ? service.competentAuthority
          : null,
    }),
    socialSignificant: t.exposeBoolean("socialSignificant"),
    electronic: t.exposeBoolean("electronic"),
    proactive: t.exposeBoolean("proactive", { description: "Delivered on a life event without an application." }),
    needsExtraDocuments: t.exposeBoolean("needsExtraDocuments"),
    processingDays: t.exposeInt("processingDays", {
      nullable: true,
      description: "Maximum processing time in working days.",
    }),
    fee: t.string({
      nullable: true,
      description:
        'Fee in roubles as an exact decimal string with two places (e.g. "3000.00"), so no cents are lost to floating point; "0.00" or null when free.',
      select: { fee: true },
      resolve: (service) => service.fee?.toFixed(2) ?? null,
    }),
    requiredDocuments: t.exposeStringList("requiredDocuments"),
    portalUrl: t.string({
      nullable: true,
      select: { portalUrl: true },
      description: "The service's page on the portal, an http(s) address; null when none.",
      resolve: (service) => webUrlOrNull(service.portalUrl),
    }),
    status: t.expose("status", { type: PublicationStatusEnum }),
    ...recordStamps(t),
    centres: t.relatedConnection("centres", {
      cursor: "id",
      totalCount: true,
      description: "Centres of your regions that help with the service, and how (archived centres left out).",
      query: (_args, ctx) => ({
        where: { centre: { AND: [centreScope(ctx.access), { archivedAt: null }] } },
        orderBy: [{ centre: { name: "asc" } }, { id: "asc" }],
      }),
    }),
    lifeSituations: t.relation("lifeSituations", {
      description: "Life situations (that you can read) which include the service.",
      query: (_args, ctx) => ({
        where: { lifeSituation: lifeSituationScope(ctx.access) },
        orderBy: [{ lifeSituation: { name: "asc" } }, { id: "asc" }],
      }),
    }),
  }),
});

// ── Lists ──

const ServiceFilter = zodInput("ServiceFilter", serviceFilterSchema, {
  types: { level: ServiceLevelEnum, status: PublicationStatusEnum },
});

export const CatalogueOrderBy = orderByInput("Catalogue", ["NAME", "CREATED_AT"]);

builder.queryFields((t) => ({
  services: listConnection(t, {
    type: "Service",
    authScopes: { staff: true, partner: "registry:read" },
    filter: { input: ServiceFilter, where: serviceWhere },
    orderBy: { input: CatalogueOrderBy, order: catalogueOrderBy },
  }),
}));

// ── Mutations ──

export const EditableStatus = builder.enumType("EditablePublicationStatus", {
  description: "The statuses an edit may set; archiving has its own mutation.",
  values: ["DRAFT", "PUBLISHED"] as const,
});

const serviceTypes = { level: ServiceLevelEnum, status: EditableStatus, registryId: "String" } as const;

const CreateServiceInput = zodInput("CreateServiceInput", createServiceSchema, { types: serviceTypes });

const UpdateServiceInput = zodInput("UpdateServiceInput", updateServiceSchema, {
  description:
    "Only the fields given change; `version` is the one you read (a stale one gives ConflictError). The region is fixed at creation.",
  types: serviceTypes,
});

const SetCentreServiceInput = zodInput("SetCentreServiceInput", setCentreServiceSchema, {
  description: "Creates or replaces how a centre helps with a service.",
  types: { helpKinds: [CentreHelpKindEnum] },
});

const RemoveCentreServiceInput = zodInput("RemoveCentreServiceInput", removeCentreServiceSchema);

builder.mutationFields((t) => ({
  createService: rowMutation(t, {
    type: "Service",
    description: "Federal services: administrators; regional and municipal ones: also the curators of that region.",
    input: CreateServiceInput,
    run: createService,
  }),
  updateService: rowMutation(t, {
    type: "Service",
    description: "Changes a service; only the fields given change, at the version you read.",
    input: UpdateServiceInput,
    run: updateService,
  }),
  ...archiveMutations(t, {
    type: "Service",
    setArchived: setServiceArchived,
    descriptions: {
      archive: "Sets the status to ARCHIVED: the service leaves lists and partner answers, its links stay.",
      restore: "Brings an archived service back as PUBLISHED.",
    },
  }),
  setCentreService: rowMutation(t, {
    type: "CentreService",
    description: "Records that a centre (one you may change) helps with a federal service or one of its region.",
    input: SetCentreServiceInput,
    run: setCentreService,
  }),
  removeCentreService: rowMutation(t, {
    type: "Centre",
    description: "Removes a service from a centre's list; returns the centre.",
    input: RemoveCentreServiceInput,
    run: removeCentreService,
  }),
}));
