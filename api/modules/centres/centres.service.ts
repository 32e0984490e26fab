import { z } from "zod";
import type { CentreKind, CentreStatus, Prisma } from "../../generated/prisma/client.js";
import { type Access, assertWritable, includes, inRegions } from "../../lib/access.js";
import { assertUpdated, change, log, saveVersion } from "../../lib/change.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { centreScope } from "../../lib/scopes.js";
import { optionalText, parse, text, webUrl } from "../../lib/validate.js";

export interface CentreFilterInput {
  search?: string | null;
  status?: CentreStatus | null;
  kind?: CentreKind | null;
  regionId?: string | null;
  municipalityId?: string | null;
  hostOrganisationId?: string | null;
  rural?: boolean | null;
  includeArchived?: boolean | null;
}

export type CentreOrderField = "NAME" | "CREATED_AT" | "SIGNATURE_VALID_UNTIL";

export interface CentreOrderByInput {
  field: CentreOrderField;
  direction: "ASC" | "DESC";
}

export function centreWhere(access: Access, filter?: CentreFilterInput | null): Prisma.CentreWhereInput {
  const search = filter?.search?.trim();
  return {
    AND: [
      centreScope(access),
      filter?.includeArchived && !access.partner ? {} : { archivedAt: null },
      filter?.status ? { status: filter.status } : {},
      filter?.kind ? { kinds: { has: filter.kind } } : {},
      filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {},
      filter?.municipalityId
        ? { municipalityId: fromGlobalId("Municipality", filter.municipalityId, "filter.municipalityId") }
        : {},
      filter?.hostOrganisationId
        ? { hostOrganisationId: fromGlobalId("Organisation", filter.hostOrganisationId, "filter.hostOrganisationId") }
        : {},
      typeof filter?.rural === "boolean" ? { settlement: { isRural: filter.rural } } : {},
      search
        ? {
            OR: [
              { name: { contains: escapeLike(search), mode: "insensitive" } },
              { address: { contains: escapeLike(search), mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
}

/** Always ends with the id, so pages are stable when names repeat. */
export function centreOrderBy(orderBy?: CentreOrderByInput | null): Prisma.CentreOrderByWithRelationInput[] {
  const direction = orderBy?.direction === "DESC" ? "desc" : "asc";
  const field =
    orderBy?.field === "CREATED_AT"
      ? "createdAt"
      : orderBy?.field === "SIGNATURE_VALID_UNTIL"
        ? "signatureValidUntil"
        : "name";
  return [{ [field]: direction }, { id: direction }];
}

// ── Changes ──

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const centreFields = {
  name: text(300),
  kinds: z
    .array(z.enum(["PUBLIC_ACCESS", "LEGAL_INFO", "IDENTITY", "MOBILE_OFFICE", "E_SERVICES_SECTOR", "MFC_WINDOW"]))
    .min(1, "Choose at least one kind.")
    .max(6),
  status: z.enum(["ACTIVE", "TEMPORARILY_CLOSED", "INACTIVE", "CLOSED"]),
  statusAlert: optionalText(500),
  address: text(500),
  latitude: z.number().min(-90, "Latitude is between −90 and 90.").max(90, "Latitude is between −90 and 90.").nullish(),
  longitude: z
    .number()
    .min(-180, "Longitude is between −180 and 180.")
    .max(180, "Longitude is between −180 and 180.")
    .nullish(),
  accessibleVision: z.boolean(),
  accessibleHearing: z.boolean(),
  accessibleMobility: z.boolean(),
  workstations: z.number().int("A whole number.").min(0, "Cannot be negative.").max(10_000),
  printers: z.number().int("A whole number.").min(0, "Cannot be negative.").max(10_000),
  scanners: z.number().int("A whole number.").min(0, "Cannot be negative.").max(10_000),
  equipmentNote: optionalText(2000),
  phone: optionalText(100),
  email: z.string().trim().email("Enter an email address.").max(254).nullish(),
  website: webUrl().nullish(),
  signatureValidUntil: z.date().nullish(),
};

const createSchema = z.object({
  hostOrganisationId: z.string(),
  settlementId: z.string(),
  ...centreFields,
  status: centreFields.status.default("ACTIVE"),
  accessibleVision: z.boolean().default(false),
  accessibleHearing: z.boolean().default(false),
  accessibleMobility: z.boolean().default(false),
  workstations: centreFields.workstations.default(0),
  printers: centreFields.printers.default(0),
  scanners: centreFields.scanners.default(0),
});

const updateSchema = z
  .object({ id: z.string(), version: z.number().int() })
  .extend(z.object(centreFields).partial().shape);

function coordinatesPaired(data: { latitude?: number | null; longitude?: number | null }): void {
  if (
    (data.latitude == null) !== (data.longitude == null) &&
    data.latitude !== undefined &&
    data.longitude !== undefined
  ) {
    throw ValidationError.of("input.latitude", "Give both latitude and longitude, or neither.");
  }
}

/** A centre the caller may change, read inside the transaction. */
export async function writableCentre(tx: Prisma.TransactionClient, access: Access, globalId: string) {
  const id = fromGlobalId("Centre", globalId, "input.id");
  const centre = await tx.centre.findFirst({ where: { id, regionId: inRegions(access.read) } });
  if (!centre) throw new NotFoundError("centre");
  assertWritable(access, centre.regionId, "centre");
  return centre;
}

export async function createCentre(access: Access, input: unknown) {
  const data = parse(createSchema, input);
  coordinatesPaired(data);
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
      throw ValidationError.of("input.hostOrganisationId", "Choose a host organisation of the centre's region.");
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

/** Updates a centre the caller may change, if still at `version`, and logs the difference. */
function saveCentre(
  tx: Prisma.TransactionClient,
  access: Access,
  before: { id: string; version: number },
  version: number,
  action: "UPDATE" | "ARCHIVE" | "RESTORE",
  data: Prisma.CentreUncheckedUpdateManyInput,
) {
  return saveVersion(tx, access, {
    entity: "Centre",
    label: "centre",
    before,
    version,
    action,
    update: (where) => tx.centre.updateMany({ where, data: { ...data, version: { increment: 1 } } }),
    reload: () => tx.centre.findUniqueOrThrow({ where: { id: before.id } }),
    regionOf: (centre) => centre.regionId,
  });
}

export async function updateCentre(access: Access, input: unknown) {
  const { id: globalId, version, ...fields } = parse(updateSchema, input);
  coordinatesPaired(fields);
  return change("centre", async (tx) =>
    saveCentre(tx, access, await writableCentre(tx, access, globalId), version, "UPDATE", fields),
  );
}

/** Archived centres leave lists and partner answers but keep their history and reports. */
export async function setCentreArchived(access: Access, input: { id: string; version: number }, archived: boolean) {
  return change("centre", async (tx) =>
    saveCentre(
      tx,
      access,
      await writableCentre(tx, access, input.id),
      input.version,
      archived ? "ARCHIVE" : "RESTORE",
      {
        archivedAt: archived ? new Date() : null,
      },
    ),
  );
}

/** Records that a curator checked the centre's data today. */
export async function verifyCentre(access: Access, input: { id: string; version: number }) {
  const lastVerifiedById = access.identity?.kind === "user" ? access.identity.userId : null;
  return change("centre", async (tx) =>
    saveCentre(tx, access, await writableCentre(tx, access, input.id), input.version, "UPDATE", {
      lastVerifiedAt: new Date(),
      lastVerifiedById,
    }),
  );
}

const hoursSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  hours: z
    .array(
      z.object({
        weekday: z
          .number()
          .int()
          .min(1, "Weekdays are 1 (Monday) to 7 (Sunday).")
          .max(7, "Weekdays are 1 (Monday) to 7 (Sunday)."),
        opens: z.string().regex(HHMM, "Use HH:MM, e.g. 09:00."),
        closes: z.string().regex(HHMM, "Use HH:MM, e.g. 18:00."),
      }),
    )
    .max(50),
});

/** Replaces the weekly hours as a whole (the centre's version guards against lost edits). */
export async function setOpeningHours(access: Access, input: unknown) {
  const data = parse(hoursSchema, input);
  data.hours.forEach((h, i) => {
    if (h.opens >= h.closes)
      throw ValidationError.of(`input.hours.${i}.closes`, "Closing time must be after opening time.");
  });
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
