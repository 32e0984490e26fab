// What a centre's inputs must hold, checked by the validation plugin on their GraphQL input
// types (centres.schema.ts); the service takes what these give.
import { z } from "zod";
import { CentreKind, CentreStatus } from "../../generated/prisma/client.js";
import { optionalText, registryCode, text, versionedChange, webUrl, whenValid } from "../../lib/validate.js";

// ── The list's filter ──

export const centreFilterSchema = z.object({
  search: optionalText(200).describe("Part of the name or address; % and _ match themselves."),
  status: z.enum(CentreStatus).nullish(),
  kind: z.enum(CentreKind).nullish(),
  regionId: z.string().nullish(),
  municipalityId: z.string().nullish(),
  hostOrganisationId: z.string().nullish(),
  rural: z.boolean().nullish().describe("Only centres in rural (true) or urban (false) settlements."),
  includeArchived: z.boolean().nullish().describe("Also archived centres (staff only)."),
});
export type CentreFilterData = z.output<typeof centreFilterSchema>;

// ── A centre and its hours ──

/** A time of day as HH:MM, 24:00 for the end of a day. */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const centreFields = {
  code: registryCode(),
  name: text(300),
  kinds: z
    .array(z.enum(["PUBLIC_ACCESS", "LEGAL_INFO", "IDENTITY", "MOBILE_OFFICE", "E_SERVICES_SECTOR", "MFC_WINDOW"]))
    .min(1, "CENTRE_KIND_REQUIRED")
    .max(6),
  status: z.enum(["ACTIVE", "TEMPORARILY_CLOSED", "INACTIVE", "CLOSED"]),
  statusAlert: optionalText(500),
  address: text(500),
  latitude: z.number().min(-90, "LATITUDE_RANGE").max(90, "LATITUDE_RANGE").nullish(),
  longitude: z.number().min(-180, "LONGITUDE_RANGE").max(180, "LONGITUDE_RANGE").nullish(),
  accessibleVision: z.boolean(),
  accessibleHearing: z.boolean(),
  accessibleMobility: z.boolean(),
  workstations: z.number().int("WHOLE_NUMBER").min(0, "NEGATIVE_NOT_ALLOWED").max(10_000),
  printers: z.number().int("WHOLE_NUMBER").min(0, "NEGATIVE_NOT_ALLOWED").max(10_000),
  scanners: z.number().int("WHOLE_NUMBER").min(0, "NEGATIVE_NOT_ALLOWED").max(10_000),
  internetAccess: z.boolean(),
  equipmentNote: optionalText(2000),
  phone: optionalText(100),
  email: z.string().trim().email("INVALID_EMAIL").max(254).nullish(),
  website: webUrl().nullish(),
  signatureValidUntil: z.date().nullish(),
};

/** A point needs both coordinates: one given and the other cleared (null) is refused. */
function coordinatesPaired(
  data: { latitude?: number | null; longitude?: number | null },
  ctx: z.RefinementCtx<unknown>,
): void {
  if (
    (data.latitude == null) !== (data.longitude == null) &&
    data.latitude !== undefined &&
    data.longitude !== undefined
  ) {
    ctx.addIssue({ code: "custom", path: ["latitude"], message: "COORDINATES_BOTH_OR_NEITHER" });
  }
}

export const createCentreSchema = z
  .object({
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
    internetAccess: centreFields.internetAccess.default(true),
  })
  .superRefine(coordinatesPaired, whenValid);
export type CreateCentreData = z.output<typeof createCentreSchema>;

export const updateCentreSchema = versionedChange(centreFields).superRefine(coordinatesPaired, whenValid);
export type UpdateCentreData = z.output<typeof updateCentreSchema>;

/** One weekday's opening and closing, a part of `openingHoursSchema` (which checks it). */
export const openingHourSchema = z.object({
  weekday: z.number().int().min(1, "WEEKDAY_RANGE").max(7, "WEEKDAY_RANGE"),
  opens: z.string().regex(HHMM, "OPENS_FORMAT"),
  closes: z.string().regex(HHMM, "CLOSES_FORMAT"),
});

export const openingHoursSchema = z
  .object({ id: z.string(), version: z.number().int(), hours: z.array(openingHourSchema).max(50) })
  .superRefine((data, ctx) => {
    const i = data.hours.findIndex((h) => h.opens >= h.closes);
    if (i >= 0)
      ctx.addIssue({
        code: "custom",
        path: ["hours", i, "closes"],
        message: "CLOSES_BEFORE_OPENS",
      });
  }, whenValid);
export type OpeningHoursData = z.output<typeof openingHoursSchema>;
