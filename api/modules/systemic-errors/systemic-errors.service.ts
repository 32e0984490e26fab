// The register of systemic errors (a failing form, a wrong rule of an authority) that citizens'
// feedback reveals: recorded by the region's curators, reported to the responsible authority,
// fixed and the fix confirmed (OPEN → REPORTED → FIXED → CONFIRMED; FIXED → OPEN when the fix
// did not hold), each with a due day after which an open one is overdue. Internal records:
// administrators, curators and auditors of the region read them, writers change them.
import type { Feedback, Prisma, SystemicError, SystemicErrorStatus } from "../../generated/prisma/client.js";
import { type Access, assertWritable, includes, inRegions, type Regions, seesInternal } from "../../lib/access.js";
import { assertUpdated, change, log, saveRow, type Tx } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { directionOf, inRegionOf, type OrderBy, searchIn } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import { internalRecordScope } from "../../lib/scopes.js";
import type { RecordQuery } from "../../lib/selection.js";
import { feedbackScope } from "../feedback/feedback.service.js";
import { saveFeedback, writableFeedback } from "../feedback/handling.service.js";
import type {
  CreateSystemicErrorData,
  LinkFeedbackData,
  SystemicErrorFilterData,
  TransitionSystemicErrorData,
  UpdateSystemicErrorData,
} from "./systemic-errors.inputs.js";

// ── Reading ──

/** Internal records of a region: never partners or operators. */
export function systemicErrorScope(access: Access): Prisma.SystemicErrorWhereInput {
  return internalRecordScope(access);
}

export function systemicErrorVisible(access: Access, row: Pick<SystemicError, "regionId">): boolean {
  return seesInternal(access) && includes(access.read, row.regionId);
}

/** Statuses in which the error is still to be fixed: only these can be overdue. */
export const UNFIXED: SystemicErrorStatus[] = ["OPEN", "REPORTED"];

/** Today at 00:00 UTC: a due day before it has passed. */
function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const overdueWhere = (): Prisma.SystemicErrorWhereInput => ({ status: { in: UNFIXED }, dueAt: { lt: today() } });

export function isOverdue(row: Pick<SystemicError, "status" | "dueAt">): boolean {
  return UNFIXED.includes(row.status) && row.dueAt < today();
}

export function systemicErrorWhere(
  access: Access,
  filter?: SystemicErrorFilterData | null,
): Prisma.SystemicErrorWhereInput {
  return {
    AND: [
      systemicErrorScope(access),
      inRegionOf(filter),
      filter?.status ? { status: filter.status } : {},
      filter?.serviceId ? { serviceId: fromGlobalId("Service", filter.serviceId, "filter.serviceId") } : {},
      filter?.authorityId
        ? { authorityId: fromGlobalId("Organisation", filter.authorityId, "filter.authorityId") }
        : {},
      filter?.overdueOnly ? overdueWhere() : {},
      searchIn(filter?.search, ["title", "description"]),
    ],
  };
}

export type SystemicErrorOrderByInput = OrderBy<"DETECTED_AT" | "DUE_AT" | "TITLE">;

/** Newest found first unless asked otherwise; the id keeps pages stable. */
export function systemicErrorOrderBy(
  orderBy?: SystemicErrorOrderByInput | null,
): Prisma.SystemicErrorOrderByWithRelationInput[] {
  const direction = orderBy ? directionOf(orderBy) : "desc";
  const field = orderBy?.field === "DUE_AT" ? "dueAt" : orderBy?.field === "TITLE" ? "title" : "detectedAt";
  return [{ [field]: direction }, { id: direction }];
}

/** The overdue errors of `regions`, longest overdue first, capped at `limit`, with their total (alerts). */
export async function overdueSystemicErrors(regions: Regions, limit: number, query: RecordQuery = {}) {
  const where: Prisma.SystemicErrorWhereInput = { AND: [{ regionId: inRegions(regions) }, overdueWhere()] };
  const [rows, totalCount] = await Promise.all([
    prisma.systemicError.findMany({ ...query, where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: limit }),
    prisma.systemicError.count({ where }),
  ]);
  const start = today().getTime();
  return {
    totalCount,
    items: rows.map((row) => ({
      systemicError: row,
      dueAt: row.dueAt,
      daysOverdue: Math.round((start - row.dueAt.getTime()) / 86_400_000),
    })),
  };
}

// ── Changing ──

/** An error the caller may change, as read at `version` (else NotFound, Forbidden or Conflict). */
async function writableError(tx: Tx, access: Access, globalId: string, version: number) {
  const row = await tx.systemicError.findFirst({
    where: { AND: [{ id: fromGlobalId("SystemicError", globalId, "input.id") }, systemicErrorScope(access)] },
  });
  if (!row) throw new NotFoundError("systemic error");
  assertWritable(access, row.regionId, "systemic error");
  // A stale view is reported before anything else: the status the caller saw may be gone.
  if (row.version !== version) assertUpdated(0, row, "systemic error", version);
  return row;
}

/** An organisation of the region (the responsible authority), else a ValidationError on `field`. */
async function authorityIn(tx: Tx, regionId: string, globalId: string, field: string) {
  const authority = await tx.organisation.findUnique({ where: { id: fromGlobalId("Organisation", globalId, field) } });
  if (!authority || authority.regionId !== regionId) {
    throw ValidationError.of(field, "SYSTEMIC_AUTHORITY_OTHER_REGION");
  }
  return authority.id;
}

/**
 * Links feedback to an error (or, `error` null, unlinks it) as read at `version`, with a step in
 * the feedback's history and the change in the ChangeLog. The feedback must be of the error's region.
 */
async function link(
  tx: Tx,
  access: Access,
  before: Feedback,
  version: number,
  error: SystemicError | null,
  comment?: string | null,
) {
  if (error && error.regionId !== before.regionId) {
    throw ValidationError.of("input.systemicErrorId", "SYSTEMIC_ERROR_OTHER_REGION");
  }
  if ((error?.id ?? null) === before.systemicErrorId) {
    throw ValidationError.of("input.systemicErrorId", error ? "SYSTEMIC_ALREADY_LINKED" : "SYSTEMIC_NOT_LINKED");
  }
  const note = comment ?? (error ? `Systemic error: ${error.title}` : "Unlinked from its systemic error");
  return saveFeedback(tx, access, before, version, {
    action: "UPDATE",
    data: { systemicErrorId: error?.id ?? null },
    event: { toStatus: before.status, comment: note },
    note: { comment: note },
  });
}

/** Records a systemic error of a region, by default the service's competent authority's to fix. */
export async function createSystemicError(access: Access, data: CreateSystemicErrorData) {
  return change("systemic error", async (tx) => {
    const service = data.serviceId
      ? await tx.service.findFirst({
          where: {
            id: fromGlobalId("Service", data.serviceId, "input.serviceId"),
            OR: [{ regionId: null }, { regionId: inRegions(access.read) }],
          },
        })
      : null;
    if (data.serviceId && !service) throw new NotFoundError("service");
    const named = data.regionId ? fromGlobalId("Region", data.regionId, "input.regionId") : null;
    if (named && service?.regionId && named !== service.regionId) {
      throw ValidationError.of("input.regionId", "SYSTEMIC_SERVICE_OTHER_REGION");
    }
    const regionId = service?.regionId ?? named;
    if (!regionId) throw ValidationError.of("input.regionId", "SYSTEMIC_REGION_REQUIRED");
    if (!includes(access.read, regionId)) throw new NotFoundError("region");
    assertWritable(access, regionId, "systemic error");
    const authorityId = data.authorityId
      ? await authorityIn(tx, regionId, data.authorityId, "input.authorityId")
      : service?.regionId === regionId
        ? service.competentAuthorityId
        : null;
    const error = await tx.systemicError.create({
      data: {
        regionId,
        serviceId: service?.id ?? null,
        authorityId,
        title: data.title,
        description: data.description,
        dueAt: data.dueAt,
      },
    });
    await log(tx, access, { entity: "SystemicError", entityId: error.id, action: "CREATE", regionId, after: error });
    for (const [index, feedbackId] of (data.feedbackIds ?? []).entries()) {
      const field = `input.feedbackIds.${index}`;
      const feedback = await tx.feedback.findFirst({
        where: { AND: [{ id: fromGlobalId("Feedback", feedbackId, field) }, feedbackScope(access)] },
      });
      if (!feedback || feedback.regionId !== regionId) {
        throw ValidationError.of(field, "SYSTEMIC_FEEDBACK_OTHER_REGION");
      }
      await link(tx, access, feedback, feedback.version, error);
    }
    return error;
  });
}

/** Changes the title, description, authority, due day or resolution at the version read. */
export async function updateSystemicError(access: Access, { id, version, ...fields }: UpdateSystemicErrorData) {
  return change("systemic error", async (tx) => {
    const before = await writableError(tx, access, id, version);
    const data: Prisma.SystemicErrorUncheckedUpdateManyInput = {};
    if (fields.title) data.title = fields.title;
    if (fields.dueAt) data.dueAt = fields.dueAt;
    if (fields.description !== undefined) data.description = fields.description;
    if (fields.resolution !== undefined) data.resolution = fields.resolution;
    if (fields.authorityId !== undefined) {
      data.authorityId = fields.authorityId
        ? await authorityIn(tx, before.regionId, fields.authorityId, "input.authorityId")
        : null;
    }
    return saveRow(tx, access, {
      entity: "SystemicError",
      label: "systemic error",
      before,
      version,
      action: "UPDATE",
      data,
    });
  });
}

/** Where an error may go from each status; CONFIRMED is final. */
export const SYSTEMIC_WORKFLOW: Record<SystemicErrorStatus, readonly SystemicErrorStatus[]> = {
  OPEN: ["REPORTED"],
  REPORTED: ["FIXED"],
  FIXED: ["CONFIRMED", "OPEN"],
  CONFIRMED: [],
};

/** What the caller may do next with the error; nothing for readers who cannot change it. */
export function allowedSystemicTransitions(access: Access, row: Pick<SystemicError, "regionId" | "status">) {
  return includes(access.write, row.regionId) ? [...SYSTEMIC_WORKFLOW[row.status]] : [];
}

/**
 * Moves an error along its workflow, stamping the date of the step: reported, fixed (with the
 * resolution), confirmed; reopening (FIXED → OPEN) clears the fix and its confirmation.
 */
export async function transitionSystemicError(access: Access, data: TransitionSystemicErrorData) {
  return change("systemic error", async (tx) => {
    const before = await writableError(tx, access, data.id, data.version);
    const allowed = SYSTEMIC_WORKFLOW[before.status];
    if (!allowed.includes(data.to)) {
      const params = { statusEntity: before.status, toEntity: data.to };
      throw allowed.length > 0
        ? ValidationError.of("input.to", "SYSTEMIC_STEP_NOT_ALLOWED", { ...params, allowedEntity: allowed.join(", ") })
        : ValidationError.of("input.to", "SYSTEMIC_STATUS_FINAL", params);
    }
    if (data.to === "FIXED" && !data.resolution && !before.resolution) {
      throw ValidationError.of("input.resolution", "SYSTEMIC_RESOLUTION_REQUIRED");
    }
    const now = new Date();
    const stamps: Record<SystemicErrorStatus, Prisma.SystemicErrorUncheckedUpdateManyInput> = {
      OPEN: { fixedAt: null, confirmedAt: null },
      REPORTED: { reportedAt: now },
      FIXED: { fixedAt: now },
      CONFIRMED: { confirmedAt: now },
    };
    return saveRow(tx, access, {
      entity: "SystemicError",
      label: "systemic error",
      before,
      version: data.version,
      action: "TRANSITION",
      data: { status: data.to, ...stamps[data.to], ...(data.resolution ? { resolution: data.resolution } : {}) },
      note: { from: before.status, to: data.to },
    });
  });
}

/** Links feedback to an error of its region, or unlinks it (systemicErrorId null). */
export async function linkFeedbackToSystemicError(access: Access, data: LinkFeedbackData) {
  return change("feedback", async (tx) => {
    const before = await writableFeedback(tx, access, data.feedbackId, data.version, "input.feedbackId");
    const error = data.systemicErrorId
      ? await tx.systemicError.findFirst({
          where: {
            AND: [
              { id: fromGlobalId("SystemicError", data.systemicErrorId, "input.systemicErrorId") },
              systemicErrorScope(access),
            ],
          },
        })
      : null;
    if (data.systemicErrorId && !error) throw new NotFoundError("systemic error");
    return link(tx, access, before, data.version, error, data.comment);
  });
}
