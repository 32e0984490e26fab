import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, assertWritable, includes, inRegions } from "../../lib/access.js";
import { assertUpdated, change, log, type RowSave, saveArchived, saveRow } from "../../lib/change.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { archivedIfAsked, directionOf, inRegionOf, type OrderBy, searchIn } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import { writableRow } from "../../lib/rows.js";
import { centreScope } from "../../lib/scopes.js";
import type { CentreFilterData, CreateCentreData, OpeningHoursData, UpdateCentreData } from "./centres.inputs.js";

/** The centres list's filter, as its schema gives it (also the filter of the centres export). */
export type CentreFilterInput = CentreFilterData;

export type CentreOrderField = "NAME" | "CREATED_AT" | "SIGNATURE_VALID_UNTIL";

export type CentreOrderByInput = OrderBy<CentreOrderField>;

export function centreWhere(access: Access, filter?: CentreFilterInput | null): Prisma.CentreWhereInput {
  return {
    AND: [
      centreScope(access),
      archivedIfAsked(access, filter),
      filter?.status ? { status: filter.status } : {},
      filter?.kind ? { kinds: { has: filter.kind } } : {},
      inRegionOf(filter),
      filter?.municipalityId
        ? { municipalityId: fromGlobalId("Municipality", filter.municipalityId, "filter.municipalityId") }
        : {},
      filter?.hostOrganisationId
        ? { hostOrganisationId: fromGlobalId("Organisation", filter.hostOrganisationId, "filter.hostOrganisationId") }
        : {},
      typeof filter?.rural === "boolean" ? { settlement: { isRural: filter.rural } } : {},
      searchIn(filter?.search, ["name", "address"]),
    ],
  };
}

/** Always ends with the id, so pages are stable when names repeat. */
export function centreOrderBy(orderBy?: CentreOrderByInput | null): Prisma.CentreOrderByWithRelationInput[] {
  const direction = directionOf(orderBy);
  const field =
    orderBy?.field === "CREATED_AT"
      ? "createdAt"
      : orderBy?.field === "SIGNATURE_VALID_UNTIL"
        ? "signatureValidUntil"
        : "name";
  return [{ [field]: direction }, { id: direction }];
}

// ── Changes ──

/** A centre the caller may change, read inside the transaction. */
export async function writableCentre(tx: Prisma.TransactionClient, access: Access, globalId: string) {
  const id = fromGlobalId("Centre", globalId, "input.id");
  return writableRow(access, "centre", await tx.centre.findFirst({ where: { id, regionId: inRegions(access.read) } }));
}

export async function createCentre(access: Access, data: CreateCentreData) {
  return change("centre", async (tx) => {
    const settlement = await tx.settlement.findUnique({
      where: { id: fromGlobalId("Settlement", data.settlementId, "input.settlementId") },
      include: { municipality: true },
    });
    if (!settlement || !includes(access.read, settlement.municipality.regionId)) throw new NotFoundError("settlement");
    assertWritable(access, settlement.municipality.regionId, "centre");
    const host = await tx.organisation.findUnique({
      where: { id: fromGlobalId("Organisation", data.hostOrganisationId, "input.hostOrganisationId") },
    });
    if (!host || host.regionId !== settlement.municipality.regionId) {
      throw ValidationError.of("input.hostOrganisationId", "HOST_OUTSIDE_CENTRE_REGION");
    }
    const { hostOrganisationId: _h, settlementId: _s, ...fields } = data;
    const centre = await tx.centre.create({
      data: {
        ...fields,
        hostOrganisationId: host.id,
        settlementId: settlement.id,
        municipalityId: settlement.municipalityId,
        regionId: settlement.municipality.regionId,
      },
    });
    await log(tx, access, {
      entity: "Centre",
      entityId: centre.id,
      action: "CREATE",
      regionId: centre.regionId,
      after: centre,
    });
    return centre;
  });
}

/** Saves `data` over a centre the caller may change, if it is still at `version`. */
function saveCentre(access: Access, globalId: string, version: number, data: RowSave<"Centre">["data"]) {
  return change("centre", async (tx) => {
    const before = await writableCentre(tx, access, globalId);
    return saveRow(tx, access, { entity: "Centre", label: "centre", before, version, action: "UPDATE", data });
  });
}

export async function updateCentre(access: Access, { id, version, ...fields }: UpdateCentreData) {
  return saveCentre(access, id, version, fields);
}

/** Archived centres leave lists and partner answers but keep their history and reports. */
export async function setCentreArchived(access: Access, input: { id: string; version: number }, archived: boolean) {
  return change("centre", async (tx) => {
    const before = await writableCentre(tx, access, input.id);
    return saveArchived(tx, access, { entity: "Centre", label: "centre", before, version: input.version, archived });
  });
}

/** Records that a curator checked the centre's data today. */
export async function verifyCentre(access: Access, input: { id: string; version: number }) {
  const lastVerifiedById = access.identity?.kind === "user" ? access.identity.userId : null;
  return saveCentre(access, input.id, input.version, { lastVerifiedAt: new Date(), lastVerifiedById });
}

/** Replaces the weekly hours as a whole (the centre's version guards against lost edits). */
export async function setOpeningHours(access: Access, data: OpeningHoursData) {
  return change("centre", async (tx) => {
    const before = await writableCentre(tx, access, data.id);
    const previous = await tx.openingHours.findMany({
      where: { centreId: before.id },
      orderBy: [{ weekday: "asc" }, { opens: "asc" }],
    });
    const result = await tx.centre.updateMany({
      where: { id: before.id, version: data.version },
      data: { version: { increment: 1 } },
    });
    assertUpdated(result.count, before, "centre", data.version);
    await tx.openingHours.deleteMany({ where: { centreId: before.id } });
    await tx.openingHours.createMany({ data: data.hours.map((h) => ({ ...h, centreId: before.id })) });
    const strip = (rows: { weekday: number; opens: string; closes: string }[]) =>
      rows.map((r) => `${r.weekday} ${r.opens}-${r.closes}`);
    await log(tx, access, {
      entity: "Centre",
      entityId: before.id,
      action: "UPDATE",
      regionId: before.regionId,
      before: { openingHours: strip(previous) },
      after: { openingHours: strip(data.hours) },
    });
    return tx.centre.findUniqueOrThrow({ where: { id: before.id } });
  });
}
