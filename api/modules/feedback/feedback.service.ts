// Feedback from citizens: who reads it, how it is listed and filtered, its categories (with the
// days allowed to answer), and recording it as received. What happens to it then, the workflow,
// assignment and the systemic-error flag: handling.service.ts.
import type { Feedback, FeedbackStatus, Prisma } from "../../generated/prisma/client.js";
import { type Access, includes, inRegions } from "../../lib/access.js";
import { change, log, type Tx } from "../../lib/change.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { inRegionOf, searchIn } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import { updateFoundRow } from "../../lib/rows.js";
import type {
  CreateCategoryData,
  FeedbackFilterData,
  SubmitFeedbackData,
  UpdateCategoryData,
} from "./feedback.inputs.js";

// ── Due dates ──

/** Statuses still waiting for an answer: only these can be overdue. */
export const OPEN_STATUSES: FeedbackStatus[] = ["RECEIVED", "IN_PROGRESS"];

export function isOverdue(feedback: Pick<Feedback, "status" | "dueAt">, now = new Date()): boolean {
  return OPEN_STATUSES.includes(feedback.status) && feedback.dueAt < now;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function dueDate(receivedAt: Date, slaDays: number): Date {
  return new Date(receivedAt.getTime() + slaDays * DAY_MS);
}

// ── Reading ──

/**
 * Feedback carries citizens' personal data: never partners. Staff read their regions; an
 * operator only the feedback about their own centre.
 */
export function feedbackScope(access: Access): Prisma.FeedbackWhereInput {
  if (access.partner) return { regionId: { in: [] } };
  return { regionId: inRegions(access.read), ...(access.centreId ? { centreId: access.centreId } : {}) };
}

export function feedbackVisible(access: Access, feedback: Pick<Feedback, "regionId" | "centreId">): boolean {
  if (access.partner || !includes(access.read, feedback.regionId)) return false;
  return !access.centreId || feedback.centreId === access.centreId;
}

export function feedbackWhere(access: Access, filter?: FeedbackFilterData | null): Prisma.FeedbackWhereInput {
  const overdue: Prisma.FeedbackWhereInput = { status: { in: OPEN_STATUSES }, dueAt: { lt: new Date() } };
  return {
    AND: [
      feedbackScope(access),
      inRegionOf(filter),
      filter?.status ? { status: filter.status } : {},
      filter?.categoryId
        ? { categoryId: fromGlobalId("FeedbackCategory", filter.categoryId, "filter.categoryId") }
        : {},
      filter?.centreId ? { centreId: fromGlobalId("Centre", filter.centreId, "filter.centreId") } : {},
      filter?.serviceId ? { serviceId: fromGlobalId("Service", filter.serviceId, "filter.serviceId") } : {},
      filter?.subjectType ? { subjectType: filter.subjectType } : {},
      typeof filter?.systemicError === "boolean" ? { systemicError: filter.systemicError } : {},
      filter?.overdue === true ? overdue : filter?.overdue === false ? { NOT: overdue } : {},
      searchIn(filter?.search, ["text"]),
    ],
  };
}

export type FeedbackOrderField = "RECEIVED_AT" | "DUE_AT";

/** Newest first unless asked otherwise; the id keeps pages stable. */
export function feedbackOrderBy(
  orderBy?: {
    field: FeedbackOrderField;
    direction: "ASC" | "DESC";
  } | null,
): Prisma.FeedbackOrderByWithRelationInput[] {
  const direction = orderBy?.direction === "ASC" ? "asc" : "desc";
  const field = orderBy?.field === "DUE_AT" ? "dueAt" : "receivedAt";
  return [{ [field]: direction }, { id: direction }];
}

// ── Categories ──

/** Optional text where an empty answer is stored as none (null). */
export async function createCategory(access: Access, data: CreateCategoryData) {
  return change("feedback category", async (tx) => {
    const category = await tx.feedbackCategory.create({ data });
    await log(tx, access, { entity: "FeedbackCategory", entityId: category.id, action: "CREATE", after: category });
    return category;
  });
}

/** A new SLA applies to feedback received from now on; due dates already set stay. */
export async function updateCategory(access: Access, input: UpdateCategoryData) {
  const { id: globalId, version, ...fields } = input;
  return change("feedback category", async (tx) => {
    const before = await tx.feedbackCategory.findUnique({
      where: { id: fromGlobalId("FeedbackCategory", globalId, "input.id") },
    });
    const save = { entity: "FeedbackCategory", label: "feedback category", before, version, data: fields } as const;
    // Categories are national.
    return updateFoundRow(tx, access, { ...save, regionOf: () => null });
  });
}

// ── Submitting ──

const SUBJECT_FIELD: Record<SubmitFeedbackData["subjectType"], "centreId" | "serviceId" | "lifeSituationId" | null> = {
  CENTRE: "centreId",
  SERVICE: "serviceId",
  LIFE_SITUATION: "lifeSituationId",
  OTHER: null,
};

/**
 * The subject and the region it belongs to. A centre or a regional service or life situation
 * fixes the region; for federal subjects (and OTHER) the caller names the region.
 */
async function subjectOf(tx: Tx, access: Access, data: SubmitFeedbackData) {
  const required = SUBJECT_FIELD[data.subjectType];
  if (required && !data[required]) {
    throw ValidationError.of(`input.${required}`, `Choose what the feedback is about (${data.subjectType}).`);
  }
  const centre = data.centreId
    ? await tx.centre.findFirst({
        where: { id: fromGlobalId("Centre", data.centreId, "input.centreId"), regionId: inRegions(access.read) },
      })
    : null;
  if (data.centreId && !centre) throw new NotFoundError("centre");
  const service = data.serviceId
    ? await tx.service.findUnique({ where: { id: fromGlobalId("Service", data.serviceId, "input.serviceId") } })
    : null;
  if (data.serviceId && !(service && (service.regionId === null || includes(access.read, service.regionId)))) {
    throw new NotFoundError("service");
  }
  const lifeSituation = data.lifeSituationId
    ? await tx.lifeSituation.findUnique({
        where: { id: fromGlobalId("LifeSituation", data.lifeSituationId, "input.lifeSituationId") },
      })
    : null;
  if (
    data.lifeSituationId &&
    !(lifeSituation && (lifeSituation.regionId === null || includes(access.read, lifeSituation.regionId)))
  ) {
    throw new NotFoundError("life situation");
  }

  // Every part that has a region must agree; the first one found sets it.
  const parts: [string, string | null | undefined][] = [
    ["input.centreId", centre?.regionId],
    ["input.serviceId", service?.regionId],
    ["input.lifeSituationId", lifeSituation?.regionId],
    ["input.regionId", data.regionId ? fromGlobalId("Region", data.regionId, "input.regionId") : null],
  ];
  let regionId: string | null = null;
  for (const [field, region] of parts) {
    if (!region) continue;
    if (regionId && region !== regionId) {
      throw ValidationError.of(field, "Belongs to another region than the rest of the feedback's subject.");
    }
    regionId ??= region;
  }
  if (!regionId) {
    throw ValidationError.of("input.regionId", "For a federal subject, say which region the feedback comes from.");
  }
  return { regionId, centreId: centre?.id ?? null, serviceId: service?.id ?? null, lifeSituation };
}

/**
 * Records feedback received on paper, by phone or at a centre. Curators and administrators
 * for their regions; an operator for their own centre.
 */
export async function submitFeedback(access: Access, data: SubmitFeedbackData) {
  return change("feedback", async (tx) => {
    const category = await tx.feedbackCategory.findUnique({
      where: { id: fromGlobalId("FeedbackCategory", data.categoryId, "input.categoryId") },
    });
    if (!category) throw new NotFoundError("feedback category");
    const subject = await subjectOf(tx, access, data);
    if (access.centreId) {
      if (subject.centreId !== access.centreId) {
        throw new ForbiddenError("Operators record feedback about their own centre only.");
      }
    } else if (!includes(access.write, subject.regionId)) {
      throw new ForbiddenError("You cannot record feedback outside your regions.");
    }
    const receivedAt = data.receivedAt ?? new Date();
    const actorUserId = access.identity?.kind === "user" ? access.identity.userId : null;
    const feedback = await tx.feedback.create({
      data: {
        categoryId: category.id,
        subjectType: data.subjectType,
        centreId: subject.centreId,
        serviceId: subject.serviceId,
        lifeSituationId: subject.lifeSituation?.id ?? null,
        regionId: subject.regionId,
        ratingTime: data.ratingTime ?? null,
        ratingWaiting: data.ratingWaiting ?? null,
        ratingStaff: data.ratingStaff ?? null,
        ratingComfort: data.ratingComfort ?? null,
        ratingInformation: data.ratingInformation ?? null,
        text: data.text,
        authorName: data.authorName,
        authorContact: data.authorContact,
        receivedAt,
        dueAt: dueDate(receivedAt, category.slaDays),
        events: { create: { fromStatus: null, toStatus: "RECEIVED", actorUserId, at: receivedAt } },
      },
    });
    await log(tx, access, {
      entity: "Feedback",
      entityId: feedback.id,
      action: "CREATE",
      regionId: feedback.regionId,
      after: feedback,
    });
    return feedback;
  });
}
