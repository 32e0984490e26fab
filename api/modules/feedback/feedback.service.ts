// Feedback from citizens: who reads it, how it is listed and filtered, its categories (with the
// days allowed to answer), and recording it as received (staff here, partner apps in
// citizen.service.ts). What happens to it then, the workflow and assignment: handling.service.ts;
// the systemic errors it reveals: modules/systemic-errors.
import type { Feedback, FeedbackCategory, FeedbackStatus, Prisma } from "../../generated/prisma/client.js";
import { type Access, includes, inRegions } from "../../lib/access.js";
import { change, log, type Tx } from "../../lib/change.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { inRegionOf, searchIn } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import { updateFoundRow } from "../../lib/rows.js";
import { centreScope, serviceScope } from "../../lib/scopes.js";
import type {
  CreateCategoryData,
  FeedbackFilterData,
  SubmitFeedbackData,
  UpdateCategoryData,
} from "./feedback.inputs.js";
import { newReference } from "./reference.js";

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
      filter?.systemicErrorId
        ? { systemicErrorId: fromGlobalId("SystemicError", filter.systemicErrorId, "filter.systemicErrorId") }
        : {},
      hasOrNot("systemicErrorId", filter?.hasSystemicError),
      hasOrNot("apiClientId", filter?.fromApp),
      filter?.apiClientId ? { apiClientId: fromGlobalId("ApiClient", filter.apiClientId, "filter.apiClientId") } : {},
      filter?.overdue === true ? overdue : filter?.overdue === false ? { NOT: overdue } : {},
      searchIn(filter?.search, ["text", "reference"]),
    ],
  };
}

/** Rows whose `column` is set (true), unset (false), or either (no answer). */
function hasOrNot(
  column: "systemicErrorId" | "apiClientId",
  has: boolean | null | undefined,
): Prisma.FeedbackWhereInput {
  if (typeof has !== "boolean") return {};
  return has ? { [column]: { not: null } } : { [column]: null };
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
export async function subjectOf(
  tx: Tx,
  access: Access,
  data: Pick<SubmitFeedbackData, "subjectType" | "centreId" | "serviceId" | "lifeSituationId" | "regionId">,
) {
  const required = SUBJECT_FIELD[data.subjectType];
  if (required && !data[required]) {
    throw ValidationError.of(`input.${required}`, "FEEDBACK_SUBJECT_REQUIRED", {
      subjectTypeEntity: data.subjectType,
    });
  }
  const centre = data.centreId
    ? await tx.centre.findFirst({
        where: { id: fromGlobalId("Centre", data.centreId, "input.centreId"), ...centreScope(access) },
      })
    : null;
  if (data.centreId && !centre) throw new NotFoundError("centre");
  const service = data.serviceId
    ? await tx.service.findFirst({
        where: { id: fromGlobalId("Service", data.serviceId, "input.serviceId"), AND: [serviceScope(access)] },
      })
    : null;
  if (data.serviceId && !service) throw new NotFoundError("service");
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
      throw ValidationError.of(field, "FEEDBACK_SUBJECT_REGIONS_DIFFER");
    }
    regionId ??= region;
  }
  if (!regionId) {
    throw ValidationError.of("input.regionId", "FEEDBACK_REGION_REQUIRED");
  }
  return { regionId, centreId: centre?.id ?? null, serviceId: service?.id ?? null, lifeSituation };
}

// ── Recording ──

/** What a new feedback holds besides its category, region and dates. */
export type FeedbackContent = Omit<
  Prisma.FeedbackUncheckedCreateInput,
  "categoryId" | "regionId" | "receivedAt" | "dueAt" | "reference" | "events" | "status"
>;

/**
 * Writes a feedback as RECEIVED, due after its category's SLA, with a reference, the first step
 * of its history and its ChangeLog entry (the caller, a person or an API key, as the actor).
 * Staff-recorded and app-submitted feedback both enter the workflow here.
 */
export async function recordFeedback(
  tx: Tx,
  access: Access,
  entry: { category: FeedbackCategory; regionId: string; receivedAt?: Date | null; content: FeedbackContent },
) {
  const receivedAt = entry.receivedAt ?? new Date();
  const actorUserId = access.identity?.kind === "user" ? access.identity.userId : null;
  const feedback = await tx.feedback.create({
    data: {
      ...entry.content,
      categoryId: entry.category.id,
      regionId: entry.regionId,
      reference: newReference(),
      receivedAt,
      dueAt: dueDate(receivedAt, entry.category.slaDays),
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
}

const RATINGS = ["ratingTime", "ratingWaiting", "ratingStaff", "ratingComfort", "ratingInformation"] as const;

/** The five ratings as given (none: null). */
export function ratingsOf(data: Pick<SubmitFeedbackData, (typeof RATINGS)[number]>) {
  return Object.fromEntries(RATINGS.map((name) => [name, data[name] ?? null])) as Record<
    (typeof RATINGS)[number],
    number | null
  >;
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
        throw new ForbiddenError("FEEDBACK_OPERATOR_OWN_CENTRE");
      }
    } else if (!includes(access.write, subject.regionId)) {
      throw new ForbiddenError("FEEDBACK_RECORD_OUTSIDE_REGIONS");
    }
    return recordFeedback(tx, access, {
      category,
      regionId: subject.regionId,
      receivedAt: data.receivedAt,
      content: {
        subjectType: data.subjectType,
        centreId: subject.centreId,
        serviceId: subject.serviceId,
        lifeSituationId: subject.lifeSituation?.id ?? null,
        ...ratingsOf(data),
        text: data.text,
        authorName: data.authorName,
        authorContact: data.authorContact,
      },
    });
  });
}
