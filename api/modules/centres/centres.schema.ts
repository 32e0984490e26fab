import { builder } from "../../builder.js";
import { CentreHelpKind, CentreKind, CentreStatus } from "../../generated/prisma/client.js";
import { zodInput, zodInputPart } from "../../inputs.js";
import { includes, seesInternal } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { centreScope, serviceScope } from "../../lib/scopes.js";
import { webUrlOrNull } from "../../lib/validate.js";
import {
  archiveMutations,
  listConnection,
  orderByInput,
  recordStamps,
  rowMutation,
  VersionedInput,
} from "../../shared.js";
import {
  centreFilterSchema,
  createCentreSchema,
  openingHourSchema,
  openingHoursSchema,
  updateCentreSchema,
} from "./centres.inputs.js";
import {
  centreOrderBy,
  centreWhere,
  createCentre,
  setCentreArchived,
  setOpeningHours,
  updateCentre,
  verifyCentre,
} from "./centres.service.js";

export const CentreKindEnum = builder.enumType(CentreKind, { name: "CentreKind" });
export const CentreStatusEnum = builder.enumType(CentreStatus, { name: "CentreStatus" });
export const CentreHelpKindEnum = builder.enumType(CentreHelpKind, { name: "CentreHelpKind" });

export const Centre = builder.prismaNode("Centre", {
  id: { field: "id" },
  select: { id: true, regionId: true },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  // node(id) finds only centres in the caller's scope (partners: not archived), as the list
  // does; anything else is "not found".
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [centreScope(ctx.access)] }),
  // The last line of defence: a centre reached through any other path is checked too.
  authScopes: (centre, ctx) => includes(ctx.access.read, centre.regionId) && { staff: true, partner: "registry:read" },
  fields: (t) => ({
    code: t.exposeString("code", { nullable: true, description: "The region's own code; imports match on it." }),
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
    internetAccess: t.exposeBoolean("internetAccess"),
    equipmentNote: t.exposeString("equipmentNote", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    website: t.string({
      nullable: true,
      select: { website: true },
      description: "An http(s) address; null when none (or when one stored before the check was not http(s)).",
      resolve: (centre) => webUrlOrNull(centre.website),
    }),
    signatureValidUntil: t.expose("signatureValidUntil", { type: "Date", nullable: true }),
    lastVerifiedAt: t.expose("lastVerifiedAt", { type: "DateTime", nullable: true }),
    lastVerifiedByName: t.string({
      nullable: true,
      description: "Who last checked the data (verifyCentre); null for partners and operators.",
      select: { lastVerifiedBy: { select: { fullName: true } } },
      // A person's name is internal: others get null rather than an error, so one
      // selection serves every role.
      resolve: (centre, _args, ctx) => (seesInternal(ctx.access) ? (centre.lastVerifiedBy?.fullName ?? null) : null),
    }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    ...recordStamps(t),
    hostOrganisation: t.relation("hostOrganisation"),
    region: t.relation("region"),
    municipality: t.relation("municipality"),
    settlement: t.relation("settlement", { nullable: true }),
    openingHours: t.relation("openingHours", { query: { orderBy: [{ weekday: "asc" }, { opens: "asc" }] } }),
    hoursExceptions: t.relation("hoursExceptions", { query: { orderBy: [{ startsOn: "asc" }, { id: "asc" }] } }),
    services: t.relation("services", {
      // Only services the caller may see (partners: published ones).
      query: (_args, ctx) => ({
        where: { service: serviceScope(ctx.access) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
    }),
    activeCurators: t.relation("curatorAssignments", {
      description: "The centre's curators now (history: curatorAssignments).",
      authScopes: { internal: true },
      query: { where: { validTo: null }, orderBy: [{ primary: "desc" }, { validFrom: "desc" }, { id: "asc" }] },
    }),
    mobileVisits: t.relatedConnection("mobileVisits", {
      // From the registry into the figures: a registry-only key gets not even the count.
      authScopes: { staff: true, partner: "statistics:read" },
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ visitedOn: "desc" }, { id: "desc" }] }),
    }),
  }),
});

export const CentreFilter = zodInput("CentreFilter", centreFilterSchema, {
  types: { status: CentreStatusEnum, kind: CentreKindEnum },
});

const CentreOrderBy = orderByInput("Centre", ["NAME", "CREATED_AT", "SIGNATURE_VALID_UNTIL"]);

builder.queryFields((t) => ({
  centres: listConnection(t, {
    type: "Centre",
    authScopes: { staff: true, partner: "registry:read" },
    filter: { input: CentreFilter, where: centreWhere },
    orderBy: { input: CentreOrderBy, order: centreOrderBy },
    // The hottest list of the partner API (issue 12's Q2): its first pages and counts in one
    // hand-written statement each (lib/sql-read.ts).
    oneStatement: true,
  }),
}));

// ── Mutations ──

const centreTypes = { kinds: [CentreKindEnum] as [typeof CentreKindEnum], status: CentreStatusEnum };

const CreateCentreInput = zodInput("CreateCentreInput", createCentreSchema, { types: centreTypes });

const UpdateCentreInput = zodInput("UpdateCentreInput", updateCentreSchema, {
  description: "Only the fields given change; `version` is the one you read (a stale one gives ConflictError).",
  types: centreTypes,
});

const OpeningHoursInput = zodInputPart("OpeningHoursInput", openingHourSchema);

const SetCentreOpeningHoursInput = zodInput("SetCentreOpeningHoursInput", openingHoursSchema, {
  types: { hours: [OpeningHoursInput] },
});

builder.mutationFields((t) => ({
  createCentre: rowMutation(t, {
    type: "Centre",
    description: "Adds a centre to the registry of its region (curators of the region and administrators).",
    input: CreateCentreInput,
    run: createCentre,
  }),
  updateCentre: rowMutation(t, {
    type: "Centre",
    description: "Changes a centre's registry card; only the fields given change, at the version you read.",
    input: UpdateCentreInput,
    run: updateCentre,
  }),
  ...archiveMutations(t, { type: "Centre", setArchived: setCentreArchived }),
  verifyCentre: rowMutation(t, {
    type: "Centre",
    description: "Records that the centre's data was checked today (lastVerifiedAt/By).",
    input: VersionedInput,
    run: verifyCentre,
  }),
  setCentreOpeningHours: rowMutation(t, {
    type: "Centre",
    description: "Replaces the centre's weekly hours.",
    input: SetCentreOpeningHoursInput,
    run: setOpeningHours,
  }),
}));

export const CentreService = builder.prismaObject("CentreService", {
  select: { centreId: true, serviceId: true },
  description: "A service a centre helps with, and how.",
  fields: (t) => ({
    helpKinds: t.expose("helpKinds", { type: [CentreHelpKindEnum] }),
    note: t.exposeString("note", { nullable: true }),
    service: t.relation("service"),
    centre: t.relation("centre"),
  }),
});
