import { builder } from "../../builder.js";
import { CentreHelpKind, CentreKind, CentreStatus } from "../../generated/prisma/client.js";
import { includes, seesInternal } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { centreScope, serviceScope } from "../../lib/scopes.js";
import { webUrlOrNull } from "../../lib/validate.js";
import {
  archiveMutations,
  listConnection,
  orderByInput,
  rowMutation,
  type Types,
  VersionedInput,
} from "../../shared.js";
import { createCentreSchema, openingHoursSchema, updateCentreSchema } from "./centres.inputs.js";
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
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
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

export const CentreFilter = builder.inputType("CentreFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the name or address; % and _ match themselves." }),
    status: t.field({ type: CentreStatusEnum, required: false }),
    kind: t.field({ type: CentreKindEnum, required: false }),
    regionId: t.id({ required: false }),
    municipalityId: t.id({ required: false }),
    hostOrganisationId: t.id({ required: false }),
    rural: t.boolean({ required: false, description: "Only centres in rural (true) or urban (false) settlements." }),
    includeArchived: t.boolean({ required: false, description: "Also archived centres (staff only)." }),
  }),
});

const CentreOrderBy = orderByInput("Centre", ["NAME", "CREATED_AT", "SIGNATURE_VALID_UNTIL"]);

builder.queryFields((t) => ({
  centres: listConnection(t, {
    type: "Centre",
    authScopes: { staff: true, partner: "registry:read" },
    filter: CentreFilter,
    orderBy: CentreOrderBy,
    where: centreWhere,
    order: centreOrderBy,
    // The hottest list of the partner API (issue 12's Q2): its first pages and counts in one
    // hand-written statement each (lib/sql-read.ts).
    oneStatement: true,
  }),
}));

// ── Mutations ──

/**
 * A centre's own fields as both inputs take them, each declared once: all optional, except
 * that a new centre needs its name, kinds and address. What each must hold is in
 * centres.inputs.ts.
 */
const centreFieldInputs = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">, creating: boolean) => ({
  name: t.string({ required: creating }),
  kinds: t.field({ type: [CentreKindEnum], required: creating }),
  status: t.field({ type: CentreStatusEnum, required: false }),
  statusAlert: t.string({ required: false }),
  address: t.string({ required: creating }),
  latitude: t.float({ required: false }),
  longitude: t.float({ required: false }),
  accessibleVision: t.boolean({ required: false }),
  accessibleHearing: t.boolean({ required: false }),
  accessibleMobility: t.boolean({ required: false }),
  workstations: t.int({ required: false }),
  printers: t.int({ required: false }),
  scanners: t.int({ required: false }),
  internetAccess: t.boolean({ required: false }),
  equipmentNote: t.string({ required: false }),
  phone: t.string({ required: false }),
  email: t.string({ required: false }),
  website: t.string({ required: false }),
  signatureValidUntil: t.field({ type: "Date", required: false }),
});

const CreateCentreInput = builder
  .inputType("CreateCentreInput", {
    fields: (t) => ({
      hostOrganisationId: t.id({ required: true }),
      settlementId: t.id({ required: true }),
      ...centreFieldInputs(t, true),
    }),
  })
  .validate(createCentreSchema);

const UpdateCentreInput = builder
  .inputType("UpdateCentreInput", {
    description: "Only the fields given change; `version` is the one you read (a stale one gives ConflictError).",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...centreFieldInputs(t, false),
    }),
  })
  .validate(updateCentreSchema);

const OpeningHoursInput = builder.inputType("OpeningHoursInput", {
  fields: (t) => ({
    weekday: t.int({ required: true }),
    opens: t.string({ required: true }),
    closes: t.string({ required: true }),
  }),
});

const SetCentreOpeningHoursInput = builder
  .inputType("SetCentreOpeningHoursInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      hours: t.field({ type: [OpeningHoursInput], required: true }),
    }),
  })
  .validate(openingHoursSchema);

builder.mutationFields((t) => ({
  createCentre: rowMutation(t, {
    type: "Centre",
    authScopes: { writer: true },
    input: CreateCentreInput,
    run: (input, ctx) => createCentre(ctx.access, input),
  }),
  updateCentre: rowMutation(t, {
    type: "Centre",
    authScopes: { writer: true },
    input: UpdateCentreInput,
    run: (input, ctx) => updateCentre(ctx.access, input),
  }),
  ...archiveMutations(t, { type: "Centre", setArchived: setCentreArchived }),
  verifyCentre: rowMutation(t, {
    type: "Centre",
    description: "Records that the centre's data was checked today (lastVerifiedAt/By).",
    authScopes: { writer: true },
    input: VersionedInput,
    run: (input, ctx) => verifyCentre(ctx.access, { id: String(input.id), version: input.version }),
  }),
  setCentreOpeningHours: rowMutation(t, {
    type: "Centre",
    description: "Replaces the centre's weekly hours.",
    authScopes: { writer: true },
    input: SetCentreOpeningHoursInput,
    run: (input, ctx) => setOpeningHours(ctx.access, input),
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
