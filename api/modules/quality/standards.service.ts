// Quality standards: per service, versioned (DRAFT → APPROVED → SUPERSEDED), each revision with
// its targets. Who reads them, how they are listed, and the changes: drafts, edits and approval
// by a second pair of eyes. Measurements against the targets: measurements.service.ts.
import type { ChangeAction, Prisma, QualityTarget, StandardStatus } from "../../generated/prisma/client.js";
import { type Access, includes, regionOrFederal } from "../../lib/access.js";
import { assertUpdated, change, log, type Tx } from "../../lib/change.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { searchIn } from "../../lib/filters.js";
import { callerWrote, callerWroteBatched } from "../../lib/four-eyes.js";
import { fromGlobalId } from "../../lib/ids.js";
import { linkedTo } from "../../lib/records.js";
import type { MessageCode } from "../../messages/index.js";
import type {
  ApproveStandardData,
  CreateStandardDraftData,
  QualityStandardFilterData,
  TargetData,
  UpdateStandardDraftData,
} from "./quality.inputs.js";

// ── Reading ──

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
  filter?: QualityStandardFilterData | null,
): Prisma.QualityStandardWhereInput {
  return {
    AND: [
      standardScope(access),
      linkedTo(filter, "serviceId", "Service"),
      filter?.status ? { status: filter.status } : {},
      searchIn(filter?.search, ["title"]),
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

// ── Changes ──

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

/**
 * Logs a change of a standard revision: filed under its service's region (`regionId`), with the
 * targets as readable lines (`snapshot`).
 */
function logStandard(
  tx: Tx,
  access: Access,
  action: ChangeAction,
  regionId: string | null,
  entry: {
    before?: { targets: QualityTarget[] };
    after: { id: string; targets: QualityTarget[] };
    note?: Record<string, unknown>;
  },
): Promise<void> {
  return log(tx, access, {
    entity: "QualityStandard",
    entityId: entry.after.id,
    action,
    regionId,
    before: entry.before && snapshot(entry.before),
    after: snapshot(entry.after),
    note: entry.note,
  });
}

/** A service the caller reads (its standards and measurements are of it), or NotFound. */
export async function readableService(tx: Tx, access: Access, globalId: string, field: string) {
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
    service.regionId === null ? "QUALITY_FEDERAL_ADMIN_ONLY" : "QUALITY_SERVICE_OUTSIDE_REGIONS",
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
function ownDraft(service: { regionId: string | null }): MessageCode {
  return service.regionId === null ? "QUALITY_OWN_DRAFT_FEDERAL" : "QUALITY_OWN_DRAFT_REGIONAL";
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

const READ_ONLY = "QUALITY_STANDARD_READ_ONLY";

export async function createStandardDraft(access: Access, data: CreateStandardDraftData) {
  try {
    return await change("quality standard", async (tx) => {
      const service = await readableService(tx, access, data.serviceId, "input.serviceId");
      assertStandardWritable(access, service);
      let targets: TargetData[] = data.targets ?? [];
      if (data.copyFrom) {
        const source = await tx.qualityStandard.findFirst({
          where: { id: fromGlobalId("QualityStandard", data.copyFrom, "input.copyFrom"), serviceId: service.id },
          include: { targets: true },
        });
        if (!source) throw ValidationError.of("input.copyFrom", "QUALITY_COPY_FROM_OTHER");
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
      await logStandard(tx, access, "CREATE", service.regionId, { after });
      return after;
    });
  } catch (error) {
    // Two drafts created at once would take the same revision number.
    if (error instanceof ConflictError && error.currentVersion === null) {
      throw new ConflictError("QUALITY_DRAFT_CONCURRENT");
    }
    throw error;
  }
}

export async function updateStandardDraft(access: Access, input: UpdateStandardDraftData) {
  const { id: globalId, version, targets, ...fields } = input;
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
    await logStandard(tx, access, "UPDATE", service.regionId, { before, after });
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
export async function approveStandard(access: Access, input: ApproveStandardData) {
  const { id: globalId, version } = input;
  try {
    return await change("quality standard", async (tx) => {
      const { service, ...before } = await writableStandard(tx, access, globalId);
      if (before.version !== version) assertUpdated(0, before, "quality standard", version);
      if (before.status !== "DRAFT") {
        throw ValidationError.of("status", before.status === "APPROVED" ? "QUALITY_ALREADY_APPROVED" : READ_ONLY);
      }
      if (before.targets.length === 0) {
        throw ValidationError.of("targets", "QUALITY_APPROVE_NO_TARGETS");
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
        await logStandard(tx, access, "TRANSITION", service.regionId, {
          before: old,
          after: superseded,
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
      await logStandard(tx, access, "TRANSITION", service.regionId, {
        before,
        after,
        note: previous[0] ? { supersedes: previous[0].id, revision: previous[0].revision } : undefined,
      });
      return after;
    });
  } catch (error) {
    if (error instanceof ConflictError && error.currentVersion === null) {
      throw new ConflictError("QUALITY_APPROVE_CONCURRENT");
    }
    throw error;
  }
}
