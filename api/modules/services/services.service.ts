import type { Prisma, PublicationStatus, ServiceLevel } from "../../generated/prisma/client.js";
import { type Access, assertWritable, inRegions, isAdmin, regionOrFederal } from "../../lib/access.js";
import { change, log, saveArchived, saveRow, type Tx } from "../../lib/change.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { directionOf, inRegionOf, type OrderBy } from "../../lib/filters.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { writableRow } from "../../lib/rows.js";
import { centreScope, serviceScope } from "../../lib/scopes.js";
import type {
  CreateServiceData,
  RemoveCentreServiceData,
  ServiceFilterData,
  SetCentreServiceData,
  UpdateServiceData,
} from "./services.inputs.js";

// ── Who sees and changes catalogue rows (services and life situations alike) ──

/**
 * Federal catalogue rows belong to everyone, so only administrators change them; regional
 * ones are changed by administrators and the curators of that region.
 */
export function assertCatalogueWritable(access: Access, regionId: string | null, entity: string): void {
  if (regionId === null) {
    if (!isAdmin(access)) throw new ForbiddenError("CATALOGUE_FEDERAL_ADMIN_ONLY", { entity });
    return;
  }
  assertWritable(access, regionId, entity);
}

/**
 * Archiving or restoring a catalogue row, which its status records: ARCHIVED, or PUBLISHED
 * again. Asking for the state the row is already in is a ValidationError.
 */
export function saveCatalogueArchived<Name extends "Service" | "LifeSituation">(
  tx: Tx,
  access: Access,
  save: {
    entity: Name;
    label: string;
    before: { id: string; version: number; status: PublicationStatus };
    version: number;
  },
  archived: boolean,
) {
  if (archived === (save.before.status === "ARCHIVED")) {
    throw ValidationError.of("input.id", archived ? "CATALOGUE_ALREADY_ARCHIVED" : "CATALOGUE_RESTORE_NOT_ARCHIVED", {
      entity: save.label,
    });
  }
  return saveArchived<Name>(tx, access, { ...save, archived, data: { status: archived ? "ARCHIVED" : "PUBLISHED" } });
}

/** A region given in an input: it must exist in the caller's read scope (else "not found"). */
async function readableRegion(tx: Tx, access: Access, globalId: string, field: string): Promise<string> {
  const id = fromGlobalId("Region", globalId, field);
  const region = await tx.region.findFirst({
    where: { id, AND: [{ id: inRegions(access.read) }] },
    select: { id: true },
  });
  if (!region) throw new NotFoundError("region");
  return region.id;
}

/** The region a new catalogue row goes in: the input's `regionId`, or none (federal); one the caller may change. */
export async function newCatalogueRegion(
  tx: Tx,
  access: Access,
  regionGlobalId: string | null | undefined,
  entity: string,
): Promise<string | null> {
  const regionId = regionGlobalId ? await readableRegion(tx, access, regionGlobalId, "input.regionId") : null;
  assertCatalogueWritable(access, regionId, entity);
  return regionId;
}

// ── Lists ──

export type CatalogueOrderByInput = OrderBy<"NAME" | "CREATED_AT">;

export function serviceWhere(access: Access, filter?: ServiceFilterData | null): Prisma.ServiceWhereInput {
  const search = filter?.search?.trim();
  const like = search ? escapeLike(search) : null;
  return {
    AND: [
      serviceScope(access),
      // Archived entries leave lists unless asked for by status.
      filter?.status ? { status: filter.status } : { status: { not: "ARCHIVED" } },
      filter?.level ? { level: filter.level } : {},
      inRegionOf(filter),
      filter?.competentAuthorityId
        ? {
            competentAuthorityId: fromGlobalId(
              "Organisation",
              filter.competentAuthorityId,
              "filter.competentAuthorityId",
            ),
          }
        : {},
      typeof filter?.socialSignificant === "boolean" ? { socialSignificant: filter.socialSignificant } : {},
      typeof filter?.electronic === "boolean" ? { electronic: filter.electronic } : {},
      typeof filter?.proactive === "boolean" ? { proactive: filter.proactive } : {},
      like
        ? {
            OR: [
              { name: { contains: like, mode: "insensitive" } },
              { shortName: { contains: like, mode: "insensitive" } },
              { registryId: { contains: like } },
            ],
          }
        : {},
    ],
  };
}

/** Always ends with the id, so pages are stable when names repeat. */
export function catalogueOrderBy(
  orderBy?: CatalogueOrderByInput | null,
): { name?: "asc" | "desc"; createdAt?: "asc" | "desc"; id?: "asc" | "desc" }[] {
  const direction = directionOf(orderBy);
  return [orderBy?.field === "CREATED_AT" ? { createdAt: direction } : { name: direction }, { id: direction }];
}

// ── Changes to services ──

/** Federal services have no region, and regional or municipal ones always have one. */
function assertLevelMatchesRegion(level: ServiceLevel, regionId: string | null): void {
  if (level === "FEDERAL" && regionId !== null) {
    throw ValidationError.of("input.level", "SERVICE_FEDERAL_WITH_REGION");
  }
  if (level !== "FEDERAL" && regionId === null) {
    throw ValidationError.of("input.level", "SERVICE_REGION_REQUIRED");
  }
}

async function competentAuthority(
  tx: Tx,
  access: Access,
  globalId: string | null | undefined,
): Promise<string | null | undefined> {
  if (globalId == null) return globalId;
  const id = fromGlobalId("Organisation", globalId, "input.competentAuthorityId");
  const organisation = await tx.organisation.findFirst({
    where: { id, regionId: inRegions(access.read) },
    select: { id: true },
  });
  if (!organisation) throw new NotFoundError("organisation");
  return organisation.id;
}

/** A service the caller may change, read inside the transaction. */
async function writableService(tx: Tx, access: Access, globalId: string) {
  const id = fromGlobalId("Service", globalId, "input.id");
  const service = await tx.service.findFirst({
    where: { id, ...(regionOrFederal(access.read) as Prisma.ServiceWhereInput) },
  });
  return writableRow(access, "service", service, assertCatalogueWritable);
}

export async function createService(
  access: Access,
  { regionId: regionGlobalId, competentAuthorityId, ...fields }: CreateServiceData,
) {
  return change("service", async (tx) => {
    const regionId = await newCatalogueRegion(tx, access, regionGlobalId, "service");
    assertLevelMatchesRegion(fields.level, regionId);
    const service = await tx.service.create({
      data: { ...fields, regionId, competentAuthorityId: await competentAuthority(tx, access, competentAuthorityId) },
    });
    await log(tx, access, { entity: "Service", entityId: service.id, action: "CREATE", regionId, after: service });
    return service;
  });
}

export async function updateService(
  access: Access,
  { id: globalId, version, competentAuthorityId, ...fields }: UpdateServiceData,
) {
  return change("service", async (tx) => {
    const before = await writableService(tx, access, globalId);
    if (fields.level) assertLevelMatchesRegion(fields.level, before.regionId);
    const data = {
      ...fields,
      competentAuthorityId: await competentAuthority(tx, access, competentAuthorityId),
    };
    return saveRow(tx, access, {
      entity: "Service",
      label: "service",
      before,
      version: version,
      action: "UPDATE",
      data: data,
    });
  });
}

/** Archived services leave lists and partner answers; their links and history stay. */
export async function setServiceArchived(access: Access, input: { id: string; version: number }, archived: boolean) {
  return change("service", async (tx) => {
    const before = await writableService(tx, access, input.id);
    const save = { entity: "Service", label: "service", before, version: input.version } as const;
    return saveCatalogueArchived(tx, access, save, archived);
  });
}

// ── Which centre helps with which service (logged against the centre) ──

async function writableCentre(tx: Tx, access: Access, globalId: string) {
  const id = fromGlobalId("Centre", globalId, "input.centreId");
  return writableRow(access, "centre", await tx.centre.findFirst({ where: { id, AND: [centreScope(access)] } }));
}

type Link = { serviceId: string; helpKinds: string[]; note: string | null } | null;

function linkSnapshot(link: Link) {
  return { centreService: link ? { serviceId: link.serviceId, helpKinds: link.helpKinds, note: link.note } : null };
}

/** A link set or removed is logged as a change of the centre, naming the service. */
function logLinkChange(
  tx: Tx,
  access: Access,
  centre: { id: string; regionId: string },
  { before, after, service }: { before: Link; after: Link; service: string },
) {
  return log(tx, access, {
    entity: "Centre",
    entityId: centre.id,
    action: "UPDATE",
    regionId: centre.regionId,
    before: linkSnapshot(before),
    after: linkSnapshot(after),
    note: { service },
  });
}

/** Creates or replaces the link between a centre and a service the centre can help with. */
export async function setCentreService(access: Access, data: SetCentreServiceData) {
  const helpKinds = [...new Set(data.helpKinds)];
  return change("centre service", async (tx) => {
    const centre = await writableCentre(tx, access, data.centreId);
    const serviceId = fromGlobalId("Service", data.serviceId, "input.serviceId");
    const service = await tx.service.findFirst({ where: { id: serviceId, AND: [serviceScope(access)] } });
    if (!service) throw new NotFoundError("service");
    if (service.regionId !== null && service.regionId !== centre.regionId) {
      throw ValidationError.of("input.serviceId", "CENTRE_SERVICE_OTHER_REGION");
    }
    if (service.status === "ARCHIVED") throw ValidationError.of("input.serviceId", "CENTRE_SERVICE_ARCHIVED");
    const before = await tx.centreService.findUnique({
      where: { centreId_serviceId: { centreId: centre.id, serviceId } },
    });
    const link = await tx.centreService.upsert({
      where: { centreId_serviceId: { centreId: centre.id, serviceId } },
      create: { centreId: centre.id, serviceId, helpKinds, note: data.note ?? null },
      update: { helpKinds, note: data.note ?? null, version: { increment: 1 } },
    });
    await logLinkChange(tx, access, centre, { before, after: link, service: service.name });
    return link;
  });
}

export async function removeCentreService(access: Access, data: RemoveCentreServiceData) {
  return change("centre service", async (tx) => {
    const centre = await writableCentre(tx, access, data.centreId);
    const serviceId = fromGlobalId("Service", data.serviceId, "input.serviceId");
    const before = await tx.centreService.findUnique({
      where: { centreId_serviceId: { centreId: centre.id, serviceId } },
      include: { service: true },
    });
    if (!before) throw new NotFoundError("centre service");
    await tx.centreService.delete({ where: { id: before.id } });
    await logLinkChange(tx, access, centre, { before, after: null, service: before.service.name });
    return centre;
  });
}
