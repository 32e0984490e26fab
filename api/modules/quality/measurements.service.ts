// Quality measurements: values of a standard's indicators per place (a centre, a municipality or
// a region) and period, internal to the staff of the region, and how a value is judged by the
// target in force when its period began.
import type { Prisma, QualityTarget, StandardStatus } from "../../generated/prisma/client.js";
import { type Access, includes, inRegions } from "../../lib/access.js";
import { change, saveRow, type Tx } from "../../lib/change.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { inRegionOf } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import { linkedTo, logCreated } from "../../lib/records.js";
import type { QualityMeasurementFilterData, RecordMeasurementData, UpdateMeasurementData } from "./quality.inputs.js";
import { type OrderByInput, readableService } from "./standards.service.js";

// ── Reading ──

/** Measurements are internal working data: staff of the region only, never partners. */
export function measurementScope(access: Access): Prisma.QualityMeasurementWhereInput {
  return access.partner ? { regionId: { in: [] } } : { regionId: inRegions(access.read) };
}

export function measurementWhere(
  access: Access,
  filter?: QualityMeasurementFilterData | null,
): Prisma.QualityMeasurementWhereInput {
  return {
    AND: [
      measurementScope(access),
      linkedTo(filter, "serviceId", "Service"),
      inRegionOf(filter),
      linkedTo(filter, "municipalityId", "Municipality"),
      linkedTo(filter, "centreId", "Centre"),
      filter?.indicatorCode ? { indicatorCode: filter.indicatorCode.trim().toUpperCase() } : {},
      // Periods that overlap [from, to]: a quarter counts for a month inside it.
      filter?.from ? { periodEnd: { gte: filter.from } } : {},
      filter?.to ? { periodStart: { lte: filter.to } } : {},
    ],
  };
}

export type QualityMeasurementOrderField = "PERIOD_START" | "VALUE";

export function measurementOrderBy(
  orderBy?: OrderByInput<QualityMeasurementOrderField> | null,
): Prisma.QualityMeasurementOrderByWithRelationInput[] {
  const direction = orderBy?.direction === "ASC" ? "asc" : "desc";
  const field = orderBy?.field === "VALUE" ? "value" : "periodStart";
  return [{ [field]: direction }, { id: direction }];
}

interface StandardInForce {
  status: StandardStatus;
  revision: number;
  validFrom: Date | null;
  approvedAt: Date | null;
  targets: QualityTarget[];
}

/**
 * The target a measurement is judged by: that of the latest approved (now or formerly)
 * revision already in force when the measured period began, so old periods keep the
 * thresholds that applied to them.
 */
export function targetInForce(
  standards: readonly StandardInForce[],
  measurement: { indicatorCode: string; periodStart: Date },
): QualityTarget | null {
  let best: StandardInForce | null = null;
  for (const standard of standards) {
    if (standard.status === "DRAFT") continue;
    const start = standard.validFrom ?? standard.approvedAt;
    if (!start || start > measurement.periodStart) continue;
    if (!best || standard.revision > best.revision) best = standard;
  }
  return best?.targets.find((target) => target.indicatorCode === measurement.indicatorCode) ?? null;
}

export function meetsTarget(target: Pick<QualityTarget, "direction" | "threshold">, value: number): boolean {
  const threshold = Number(target.threshold);
  return target.direction === "AT_LEAST" ? value >= threshold : value <= threshold;
}

// ── Changes ──

/** Values measure waiting, days and shares: never negative; a percentage at most 100. */
function checkValue(value: number, unit: string): void {
  if (value < 0) throw ValidationError.of("input.value", "QUALITY_VALUE_NEGATIVE");
  if (unit === "%" && value > 100) throw ValidationError.of("input.value", "QUALITY_PERCENT_RANGE");
}

/** The unit of an indicator as this service's standards define it; unknown codes are refused. */
async function indicatorUnit(tx: Tx, serviceId: string, code: string): Promise<string> {
  const target = await tx.qualityTarget.findFirst({
    where: { indicatorCode: code, standard: { serviceId } },
    orderBy: { standard: { revision: "desc" } },
  });
  if (!target) {
    throw ValidationError.of("input.indicatorCode", "QUALITY_INDICATOR_NO_TARGET", { code });
  }
  return target.unit;
}

/** Where the measurement was taken: a centre, a municipality or a whole region. */
async function measurementPlace(
  tx: Tx,
  access: Access,
  data: RecordMeasurementData,
): Promise<{ regionId: string; municipalityId: string | null; centreId: string | null }> {
  const given = data.regionId ? fromGlobalId("Region", data.regionId, "input.regionId") : null;
  let place: { regionId: string; municipalityId: string | null; centreId: string | null } | null = null;
  if (data.centreId) {
    const centre = await tx.centre.findFirst({
      where: { id: fromGlobalId("Centre", data.centreId, "input.centreId"), regionId: inRegions(access.read) },
    });
    if (!centre) throw new NotFoundError("centre");
    const municipalityId = data.municipalityId
      ? fromGlobalId("Municipality", data.municipalityId, "input.municipalityId")
      : centre.municipalityId;
    if (municipalityId !== centre.municipalityId) {
      throw ValidationError.of("input.municipalityId", "QUALITY_CENTRE_OTHER_MUNICIPALITY");
    }
    place = { regionId: centre.regionId, municipalityId, centreId: centre.id };
  } else if (data.municipalityId) {
    const municipality = await tx.municipality.findFirst({
      where: {
        id: fromGlobalId("Municipality", data.municipalityId, "input.municipalityId"),
        regionId: inRegions(access.read),
      },
    });
    if (!municipality) throw new NotFoundError("municipality");
    place = { regionId: municipality.regionId, municipalityId: municipality.id, centreId: null };
  } else if (given) {
    place = { regionId: given, municipalityId: null, centreId: null };
  }
  if (!place) {
    throw ValidationError.of("input.regionId", "QUALITY_PLACE_REQUIRED");
  }
  if (given && given !== place.regionId) {
    throw ValidationError.of("input.regionId", "QUALITY_PLACE_OTHER_REGION");
  }
  return place;
}

export async function recordMeasurement(access: Access, data: RecordMeasurementData) {
  if (data.periodEnd < data.periodStart) {
    throw ValidationError.of("input.periodEnd", "PERIOD_ENDS_BEFORE_START");
  }
  return change("quality measurement", async (tx) => {
    const place = await measurementPlace(tx, access, data);
    if (!includes(access.write, place.regionId)) {
      throw new ForbiddenError("QUALITY_MEASURE_OUTSIDE_REGIONS");
    }
    const service = await readableService(tx, access, data.serviceId, "input.serviceId");
    if (service.regionId !== null && service.regionId !== place.regionId) {
      throw ValidationError.of("input.serviceId", "QUALITY_SERVICE_OTHER_REGION");
    }
    checkValue(data.value, await indicatorUnit(tx, service.id, data.indicatorCode));
    const key = {
      serviceId: service.id,
      indicatorCode: data.indicatorCode,
      ...place,
      periodStart: data.periodStart,
      periodEnd: data.periodEnd,
    };
    const existing = await tx.qualityMeasurement.findFirst({ where: key });
    if (existing) {
      throw new ConflictError("QUALITY_MEASUREMENT_EXISTS", undefined, existing.version);
    }
    const measurement = await tx.qualityMeasurement.create({
      data: { ...key, value: data.value, source: data.source ?? null },
    });
    await logCreated(tx, access, "QualityMeasurement", measurement);
    return measurement;
  });
}

export async function updateMeasurement(access: Access, input: UpdateMeasurementData) {
  const { id: globalId, version, ...fields } = input;
  return change("quality measurement", async (tx) => {
    const before = await tx.qualityMeasurement.findFirst({
      where: { AND: [{ id: fromGlobalId("QualityMeasurement", globalId, "input.id") }, measurementScope(access)] },
    });
    if (!before) throw new NotFoundError("quality measurement");
    if (!includes(access.write, before.regionId)) {
      throw new ForbiddenError("QUALITY_CHANGE_OUTSIDE_REGIONS");
    }
    if (fields.value !== undefined) {
      checkValue(fields.value, await indicatorUnit(tx, before.serviceId, before.indicatorCode));
    }
    return saveRow(tx, access, {
      entity: "QualityMeasurement",
      label: "quality measurement",
      before,
      version,
      action: "UPDATE",
      data: fields,
    });
  });
}
