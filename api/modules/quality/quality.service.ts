import { z } from "zod";
import type { Prisma, QualityTarget, StandardStatus } from "../../generated/prisma/client.js";
import { type Access, includes, inRegions, regionOrFederal } from "../../lib/access.js";
import { assertUpdated, change, log, saveVersion, type Tx } from "../../lib/change.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { callerWrote, callerWroteBatched } from "../../lib/four-eyes.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { parse, text } from "../../lib/validate.js";

// ── Reading ──

export interface QualityStandardFilterInput {
  serviceId?: string | null;
  status?: StandardStatus | null;
  search?: string | null;
}

export interface OrderByInput<F extends string> {
  field: F;
  direction: "ASC" | "DESC";
}

/**
 * Standards are read through their service: a federal service's by everyone signed in, a
 * regional one's within its region. Partners see only approved standards of published services.
 */
export function standardScope(access: Access): Prisma.QualityStandardWhereInput {
  const service: Prisma.ServiceWhereInput = {
    ...(regionOrFederal(access.read) as Prisma.ServiceWhereInput),
    ...(access.partner ? { status: "PUBLISHED" } : {}),
  };
  return {
    ...(Object.keys(service).length > 0 ? { service } : {}),
    ...(access.partner ? { status: "APPROVED" } : {}),
  };
}

export function standardVisible(
  access: Access,
  standard: { status: StandardStatus; service: { regionId: string | null; status?: string } },
): boolean {
  if (access.partner && (standard.status !== "APPROVED" || standard.service.status !== "PUBLISHED")) return false;
  return standard.service.regionId === null || includes(access.read, standard.service.regionId);
}

export function standardWhere(
  access: Access,
  filter?: QualityStandardFilterInput | null,
): Prisma.QualityStandardWhereInput {
  const search = filter?.search?.trim();
  return {
    AND: [
      standardScope(access),
      filter?.serviceId ? { serviceId: fromGlobalId("Service", filter.serviceId, "filter.serviceId") } : {},
      filter?.status ? { status: filter.status } : {},
      search ? { title: { contains: escapeLike(search), mode: "insensitive" } } : {},
    ],
  };
}

export type QualityStandardOrderField = "REVISION" | "VALID_FROM" | "CREATED_AT";

/** Newest revision first unless asked otherwise; the id keeps pages stable. */
export function standardOrderBy(
  orderBy?: OrderByInput<QualityStandardOrderField> | null,
): Prisma.QualityStandardOrderByWithRelationInput[] {
  const direction = orderBy?.direction === "ASC" ? "asc" : "desc";
  switch (orderBy?.field) {
    case "VALID_FROM":
      return [{ validFrom: { sort: direction, nulls: "last" } }, { id: direction }];
    case "CREATED_AT":
      return [{ createdAt: direction }, { id: direction }];
    default:
      return [{ serviceId: "asc" }, { revision: direction }, { id: direction }];
  }
}

export interface QualityMeasurementFilterInput {
  serviceId?: string | null;
  regionId?: string | null;
  municipalityId?: string | null;
  centreId?: string | null;
  indicatorCode?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Measurements are internal working data: staff of the region only, never partners. */
export function measurementScope(access: Access): Prisma.QualityMeasurementWhereInput {
  return access.partner ? { regionId: { in: [] } } : { regionId: inRegions(access.read) };
}

export function measurementWhere(
  access: Access,
  filter?: QualityMeasurementFilterInput | null,
): Prisma.QualityMeasurementWhereInput {
  return {
    AND: [
      measurementScope(access),
      filter?.serviceId ? { serviceId: fromGlobalId("Service", filter.serviceId, "filter.serviceId") } : {},
      filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {},
      filter?.municipalityId
        ? { municipalityId: fromGlobalId("Municipality", filter.municipalityId, "filter.municipalityId") }
        : {},
      filter?.centreId ? { centreId: fromGlobalId("Centre", filter.centreId, "filter.centreId") } : {},
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

const MAX_ABS = 9_999_999_999;
const indicatorCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z][A-Z0-9_]{1,49}$/,
    "Use 2–50 capital letters, digits and _, starting with a letter (e.g. WAIT_MINUTES).",
  );
const amount = z
  .number()
  .refine(Number.isFinite, "Must be a number.")
  .refine((n) => Math.abs(n) <= MAX_ABS, "Too large.");

const targetSchema = z.object({
  indicatorCode,
  name: text(300),
  unit: text(50),
  direction: z.enum(["AT_LEAST", "AT_MOST"]),
  threshold: amount,
});
type TargetInput = z.infer<typeof targetSchema>;

const targetsSchema = z.array(targetSchema).max(50, "At most 50 targets per standard.");

const createSchema = z.object({
  serviceId: z.string(),
  title: text(300),
  validFrom: z.date().nullish(),
  targets: targetsSchema.nullish(),
  copyFrom: z.string().nullish(),
});

const updateSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: text(300).optional(),
  validFrom: z.date().nullish(),
  targets: targetsSchema.optional(),
});

const versionedSchema = z.object({ id: z.string(), version: z.number().int() });

/** Each indicator once per standard, and percentages within 0–100. */
function checkTargets(targets: readonly TargetInput[]): void {
  const seen = new Set<string>();
  targets.forEach((target, i) => {
    if (seen.has(target.indicatorCode)) {
      throw ValidationError.of(
        `input.targets.${i}.indicatorCode`,
        `${target.indicatorCode} is already a target above.`,
      );
    }
    seen.add(target.indicatorCode);
    if (target.unit === "%" && (target.threshold < 0 || target.threshold > 100)) {
      throw ValidationError.of(`input.targets.${i}.threshold`, "A percentage is between 0 and 100.");
    }
  });
}

/** Targets as one line each, so the change log shows what changed in a readable form. */
function snapshot<T extends { targets: QualityTarget[] }>(standard: T) {
  const { targets, ...fields } = standard;
  return {
    ...fields,
    targets: targets
      .map((t) => `${t.indicatorCode} ${t.direction} ${String(t.threshold)} ${t.unit} (${t.name})`)
      .sort(),
  };
}

async function readableService(tx: Tx, access: Access, globalId: string, field: string) {
  const service = await tx.service.findUnique({ where: { id: fromGlobalId("Service", globalId, field) } });
  if (!service || !(service.regionId === null || includes(access.read, service.regionId))) {
    throw new NotFoundError("service");
  }
  return service;
}

/** Administrators set federal services' standards; curators those of their regions' services. */
function assertStandardWritable(access: Access, service: { regionId: string | null }): void {
  if (includes(access.write, service.regionId)) return;
  throw new ForbiddenError(
    service.regionId === null
      ? "Only an administrator can change the quality standards of a federal service."
      : "You cannot change the quality standards of a service outside your regions.",
  );
}

async function writableStandard(tx: Tx, access: Access, globalId: string) {
  const id = fromGlobalId("QualityStandard", globalId, "input.id");
  const standard = await tx.qualityStandard.findFirst({
    where: { AND: [{ id }, standardScope(access)] },
    include: { targets: true, service: { select: { regionId: true } } },
  });
  if (!standard) throw new NotFoundError("quality standard");
  assertStandardWritable(access, standard.service);
  return standard;
}

async function loadStandard(tx: Tx, id: string) {
  const { service: _service, ...standard } = await tx.qualityStandard.findUniqueOrThrow({
    where: { id },
    include: { targets: true, service: { select: { regionId: true } } },
  });
  return standard;
}

/** Why a draft's own authors cannot approve it, and who can. */
function ownDraft(service: { regionId: string | null }): string {
  const who =
    service.regionId === null
      ? "Another administrator must approve it."
      : "Another curator of the service's region or an administrator must approve it.";
  return `You created or edited this draft, so you cannot approve it: a standard needs a second pair of eyes before it is in force. ${who}`;
}

/**
 * Whether the caller may approve the revision now: a DRAFT of a service whose standards they
 * set, which they neither created nor edited (four eyes, see lib/four-eyes.ts).
 */
export async function canApproveStandard(
  access: Access,
  standard: { id: string; status: StandardStatus; service: { regionId: string | null } },
): Promise<boolean> {
  if (standard.status !== "DRAFT" || !includes(access.write, standard.service.regionId)) return false;
  return !(await callerWroteBatched(access, "QualityStandard", standard.id));
}

const READ_ONLY = "Approved versions are read-only: create a new draft (copyFrom) to change the standard.";

export async function createStandardDraft(access: Access, input: unknown) {
  const data = parse(createSchema, input);
  if (data.targets) checkTargets(data.targets);
  try {
    return await change("quality standard", async (tx) => {
      const service = await readableService(tx, access, data.serviceId, "input.serviceId");
      assertStandardWritable(access, service);
      let targets: TargetInput[] = data.targets ?? [];
      if (data.copyFrom) {
        const source = await tx.qualityStandard.findFirst({
          where: { id: fromGlobalId("QualityStandard", data.copyFrom, "input.copyFrom"), serviceId: service.id },
          include: { targets: true },
        });
        if (!source) throw ValidationError.of("input.copyFrom", "Choose a revision of this service's standard.");
        if (!data.targets) {
          targets = source.targets.map((t) => ({ ...t, threshold: Number(t.threshold) }));
        }
      }
      const last = await tx.qualityStandard.aggregate({ where: { serviceId: service.id }, _max: { revision: true } });
      const created = await tx.qualityStandard.create({
        data: {
          serviceId: service.id,
          revision: (last._max.revision ?? 0) + 1,
          title: data.title,
          validFrom: data.validFrom ?? null,
          targets: {
            createMany: {
              data: targets.map(({ indicatorCode, name, unit, direction, threshold }) => ({
                indicatorCode,
                name,
                unit,
                direction,
                threshold,
              })),
            },
          },
        },
      });
      const after = await loadStandard(tx, created.id);
      await log(tx, access, {
        entity: "QualityStandard",
        entityId: after.id,
        action: "CREATE",
        regionId: service.regionId,
        after: snapshot(after),
      });
      return after;
    });
  } catch (error) {
    // Two drafts created at once would take the same revision number.
    if (error instanceof ConflictError && error.currentVersion === null) {
      throw new ConflictError("Another draft of this service's standard was created at the same time; try again.");
    }
    throw error;
  }
}

export async function updateStandardDraft(access: Access, input: unknown) {
  const { id: globalId, version, targets, ...fields } = parse(updateSchema, input);
  if (targets) checkTargets(targets);
  return change("quality standard", async (tx) => {
    const found = await writableStandard(tx, access, globalId);
    const { service, ...before } = found;
    if (before.status !== "DRAFT") throw ValidationError.of("status", READ_ONLY);
    const result = await tx.qualityStandard.updateMany({
      where: { id: before.id, version, status: "DRAFT" },
      data: { ...fields, version: { increment: 1 } },
    });
    assertUpdated(result.count, before, "quality standard", version);
    if (targets) {
      await tx.qualityTarget.deleteMany({ where: { standardId: before.id } });
      await tx.qualityTarget.createMany({ data: targets.map((target) => ({ ...target, standardId: before.id })) });
    }
    const after = await loadStandard(tx, before.id);
    await log(tx, access, {
      entity: "QualityStandard",
      entityId: after.id,
      action: "UPDATE",
      regionId: service.regionId,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * Approves a draft: in one transaction the service's approved revision becomes superseded and
 * this one approved. The partial unique index QualityStandard_one_approved_key is the last word
 * when two drafts are approved at once: the later commit fails and nothing of it is kept.
 */
export async function approveStandard(access: Access, input: unknown) {
  const { id: globalId, version } = parse(versionedSchema, input);
  try {
    return await change("quality standard", async (tx) => {
      const { service, ...before } = await writableStandard(tx, access, globalId);
      if (before.version !== version) assertUpdated(0, before, "quality standard", version);
      if (before.status !== "DRAFT") {
        throw ValidationError.of(
          "status",
          before.status === "APPROVED" ? "This revision is already approved." : READ_ONLY,
        );
      }
      if (before.targets.length === 0) {
        throw ValidationError.of("targets", "Add at least one target before approving the standard.");
      }
      // A later edit cannot slip past this: it would bump the version approved below.
      if (await callerWrote(tx, access, "QualityStandard", before.id)) throw new ForbiddenError(ownDraft(service));
      const now = new Date();
      const approvedById = access.identity?.kind === "user" ? access.identity.userId : null;

      const previous = await tx.qualityStandard.findMany({
        where: { serviceId: before.serviceId, status: "APPROVED" },
        include: { targets: true },
      });
      for (const old of previous) {
        await tx.qualityStandard.updateMany({
          where: { id: old.id, status: "APPROVED" },
          data: { status: "SUPERSEDED", supersededAt: now, version: { increment: 1 } },
        });
        const superseded = await loadStandard(tx, old.id);
        await log(tx, access, {
          entity: "QualityStandard",
          entityId: old.id,
          action: "TRANSITION",
          regionId: service.regionId,
          before: snapshot(old),
          after: snapshot(superseded),
          note: { supersededBy: before.id, revision: before.revision },
        });
      }

      const result = await tx.qualityStandard.updateMany({
        where: { id: before.id, version, status: "DRAFT" },
        data: {
          status: "APPROVED",
          approvedAt: now,
          approvedById,
          validFrom: before.validFrom ?? startOfDay(now),
          version: { increment: 1 },
        },
      });
      assertUpdated(result.count, before, "quality standard", version);
      const after = await loadStandard(tx, before.id);
      await log(tx, access, {
        entity: "QualityStandard",
        entityId: after.id,
        action: "TRANSITION",
        regionId: service.regionId,
        before: snapshot(before),
        after: snapshot(after),
        note: previous[0] ? { supersedes: previous[0].id, revision: previous[0].revision } : undefined,
      });
      return after;
    });
  } catch (error) {
    if (error instanceof ConflictError && error.currentVersion === null) {
      throw new ConflictError(
        "Another revision of this service's standard was approved at the same time; reload the standards and try again.",
      );
    }
    throw error;
  }
}

// ── Measurements ──

const measurementSchema = z.object({
  serviceId: z.string(),
  indicatorCode,
  regionId: z.string().nullish(),
  municipalityId: z.string().nullish(),
  centreId: z.string().nullish(),
  periodStart: z.date(),
  periodEnd: z.date(),
  value: amount,
  source: z.string().trim().max(300, "At most 300 characters.").nullish(),
});

const updateMeasurementSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  value: amount.optional(),
  source: z.string().trim().max(300, "At most 300 characters.").nullish(),
});

/** Values measure waiting, days and shares: never negative; a percentage at most 100. */
function checkValue(value: number, unit: string): void {
  if (value < 0) throw ValidationError.of("input.value", "A measured value cannot be negative.");
  if (unit === "%" && value > 100) throw ValidationError.of("input.value", "A percentage is between 0 and 100.");
}

/** The unit of an indicator as this service's standards define it; unknown codes are refused. */
async function indicatorUnit(tx: Tx, serviceId: string, code: string): Promise<string> {
  const target = await tx.qualityTarget.findFirst({
    where: { indicatorCode: code, standard: { serviceId } },
    orderBy: { standard: { revision: "desc" } },
  });
  if (!target) {
    throw ValidationError.of(
      "input.indicatorCode",
      `No standard of this service has a target for ${code}; add the target to a standard first.`,
    );
  }
  return target.unit;
}

/** Where the measurement was taken: a centre, a municipality or a whole region. */
async function measurementPlace(
  tx: Tx,
  access: Access,
  data: z.infer<typeof measurementSchema>,
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
      throw ValidationError.of("input.municipalityId", "The centre is in another municipality.");
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
    throw ValidationError.of("input.regionId", "Say where the value was measured: a region, municipality or centre.");
  }
  if (given && given !== place.regionId) {
    throw ValidationError.of("input.regionId", "The municipality or centre is in another region.");
  }
  return place;
}

export async function recordMeasurement(access: Access, input: unknown) {
  const data = parse(measurementSchema, input);
  if (data.periodEnd < data.periodStart) {
    throw ValidationError.of("input.periodEnd", "The period cannot end before it starts.");
  }
  return change("quality measurement", async (tx) => {
    const place = await measurementPlace(tx, access, data);
    if (!includes(access.write, place.regionId)) {
      throw new ForbiddenError("You cannot record measurements outside your regions.");
    }
    const service = await readableService(tx, access, data.serviceId, "input.serviceId");
    if (service.regionId !== null && service.regionId !== place.regionId) {
      throw ValidationError.of("input.serviceId", "This regional service belongs to another region.");
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
      throw new ConflictError(
        "This value is already recorded for the same place and period; correct it instead.",
        existing.version,
      );
    }
    const measurement = await tx.qualityMeasurement.create({
      data: { ...key, value: data.value, source: data.source ?? null },
    });
    await log(tx, access, {
      entity: "QualityMeasurement",
      entityId: measurement.id,
      action: "CREATE",
      regionId: measurement.regionId,
      after: measurement,
    });
    return measurement;
  });
}

export async function updateMeasurement(access: Access, input: unknown) {
  const { id: globalId, version, ...fields } = parse(updateMeasurementSchema, input);
  return change("quality measurement", async (tx) => {
    const before = await tx.qualityMeasurement.findFirst({
      where: { AND: [{ id: fromGlobalId("QualityMeasurement", globalId, "input.id") }, measurementScope(access)] },
    });
    if (!before) throw new NotFoundError("quality measurement");
    if (!includes(access.write, before.regionId)) {
      throw new ForbiddenError("You cannot change measurements outside your regions.");
    }
    if (fields.value !== undefined) {
      checkValue(fields.value, await indicatorUnit(tx, before.serviceId, before.indicatorCode));
    }
    return saveVersion(tx, access, {
      entity: "QualityMeasurement",
      label: "quality measurement",
      before,
      version,
      action: "UPDATE",
      update: (where) => tx.qualityMeasurement.updateMany({ where, data: { ...fields, version: { increment: 1 } } }),
      reload: () => tx.qualityMeasurement.findUniqueOrThrow({ where: { id: before.id } }),
      regionOf: (row) => row.regionId,
    });
  });
}
