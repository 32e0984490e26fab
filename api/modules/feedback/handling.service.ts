// Handling received feedback: its workflow (RECEIVED → IN_PROGRESS → ANSWERED → CLOSED, or one
// of the other end states) and handing it to a curator; linking it to a systemic error
// (modules/systemic-errors) saves through here too. Each step is recorded in the feedback's
// event history and the change log.
import type { Feedback, FeedbackStatus, Prisma } from "../../generated/prisma/client.js";
import { type Access, includes } from "../../lib/access.js";
import { assertUpdated, change, saveVersion, type Tx } from "../../lib/change.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import type { MessageCode } from "../../messages/index.js";
import type { AssignFeedbackData, TransitionFeedbackData } from "./feedback.inputs.js";
import { feedbackScope } from "./feedback.service.js";

// ── The workflow ──

/** Where feedback may go from each status; the four end states go nowhere. */
export const WORKFLOW: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  RECEIVED: ["IN_PROGRESS", "REJECTED", "DUPLICATE", "REDIRECTED"],
  IN_PROGRESS: ["ANSWERED", "REJECTED", "REDIRECTED", "DUPLICATE"],
  ANSWERED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: [],
  REJECTED: [],
  DUPLICATE: [],
  REDIRECTED: [],
};

/** The caller may move this feedback on (curators of its region, administrators). */
export function canChange(access: Access, feedback: Pick<Feedback, "regionId">): boolean {
  return includes(access.write, feedback.regionId);
}

/** What the caller may do next; nothing for readers who cannot change it. */
export function allowedTransitions(access: Access, feedback: Pick<Feedback, "regionId" | "status">) {
  return canChange(access, feedback) ? [...WORKFLOW[feedback.status]] : [];
}

// ── Handling ──

/** Feedback the caller may change, as read at `version` (else NotFound, Forbidden or Conflict). */
export async function writableFeedback(tx: Tx, access: Access, globalId: string, version: number, field = "input.id") {
  const before = await tx.feedback.findFirst({
    where: { AND: [{ id: fromGlobalId("Feedback", globalId, field) }, feedbackScope(access)] },
  });
  if (!before) throw new NotFoundError("feedback");
  if (!canChange(access, before)) throw new ForbiddenError("FEEDBACK_CHANGE_OUTSIDE_REGIONS");
  // A stale view is reported before anything else: the status the caller saw may be gone.
  if (before.version !== version) assertUpdated(0, before, "feedback", version);
  return before;
}

export interface FeedbackChange {
  action: "UPDATE" | "TRANSITION";
  data: Prisma.FeedbackUncheckedUpdateManyInput;
  /** The step in the feedback's history: the status it is in now (the same for a note) and why. */
  event?: { toStatus: FeedbackStatus; comment: string | null | undefined; at?: Date };
  note?: Record<string, unknown>;
}

/**
 * Saves a change to feedback as read at `version` and in the status it was checked in (else
 * Conflict), writes its step into the history, and logs it.
 */
export async function saveFeedback(tx: Tx, access: Access, before: Feedback, version: number, step: FeedbackChange) {
  const after = await saveVersion(tx, access, {
    entity: "Feedback",
    label: "feedback",
    before,
    version,
    action: step.action,
    update: (where) =>
      tx.feedback.updateMany({
        where: { ...where, status: before.status },
        data: { ...step.data, version: { increment: 1 } },
      }),
    reload: () => tx.feedback.findUniqueOrThrow({ where: { id: before.id } }),
    regionOf: (row) => row.regionId,
    note: step.note,
  });
  if (step.event) {
    await tx.feedbackEvent.create({
      data: {
        feedbackId: before.id,
        fromStatus: before.status,
        ...step.event,
        actorUserId: access.identity?.kind === "user" ? access.identity.userId : null,
      },
    });
  }
  return after;
}

/** What each target status needs, and that nothing meant for another one is given. */
function checkTransitionInput(data: TransitionFeedbackData): void {
  const needs: [keyof TransitionFeedbackData, FeedbackStatus, MessageCode][] = [
    ["answer", "ANSWERED", "FEEDBACK_ANSWER_REQUIRED"],
    ["duplicateOfId", "DUPLICATE", "FEEDBACK_DUPLICATE_OF_REQUIRED"],
    ["redirectedTo", "REDIRECTED", "FEEDBACK_REDIRECTED_TO_REQUIRED"],
  ];
  for (const [field, status, code] of needs) {
    if (data.to === status && !data[field]) throw ValidationError.of(`input.${field}`, code);
    if (data.to !== status && data[field]) {
      throw ValidationError.of(`input.${field}`, "FEEDBACK_ONLY_WHEN_MOVING_TO", { statusEntity: status });
    }
  }
  if (data.to === "REJECTED" && !data.comment) {
    throw ValidationError.of("input.comment", "FEEDBACK_REJECT_REASON_REQUIRED");
  }
}

/** Moves feedback along its workflow, recording the step in its history and the change log. */
export async function transitionFeedback(access: Access, data: TransitionFeedbackData) {
  return change("feedback", async (tx) => {
    const before = await writableFeedback(tx, access, data.id, data.version);
    const allowed = WORKFLOW[before.status];
    if (!allowed.includes(data.to)) {
      const params = { statusEntity: before.status, toEntity: data.to };
      throw allowed.length > 0
        ? ValidationError.of("input.to", "FEEDBACK_STEP_NOT_ALLOWED", { ...params, allowedEntity: allowed.join(", ") })
        : ValidationError.of("input.to", "FEEDBACK_STATUS_FINAL", params);
    }
    checkTransitionInput(data);
    const now = new Date();
    const changes: Prisma.FeedbackUncheckedUpdateManyInput = { status: data.to };
    if (data.to === "ANSWERED") {
      changes.answer = data.answer;
      changes.answeredAt = now;
    }
    if (data.to === "REDIRECTED") changes.redirectedTo = data.redirectedTo;
    if (data.to === "DUPLICATE" && data.duplicateOfId) {
      changes.duplicateOfId = await originalOf(tx, access, before, data.duplicateOfId);
    }
    return saveFeedback(tx, access, before, data.version, {
      action: "TRANSITION",
      data: changes,
      event: { toStatus: data.to, comment: data.comment, at: now },
      note: { from: before.status, to: data.to, comment: data.comment },
    });
  });
}

/** The original of a duplicate: other feedback of the same region that is not itself a duplicate. */
async function originalOf(tx: Tx, access: Access, feedback: Feedback, globalId: string): Promise<string> {
  const id = fromGlobalId("Feedback", globalId, "input.duplicateOfId");
  if (id === feedback.id) throw ValidationError.of("input.duplicateOfId", "FEEDBACK_DUPLICATE_OF_SELF");
  const original = await tx.feedback.findFirst({ where: { AND: [{ id }, feedbackScope(access)] } });
  if (!original || original.regionId !== feedback.regionId) {
    throw ValidationError.of("input.duplicateOfId", "FEEDBACK_DUPLICATE_OTHER_REGION");
  }
  if (original.status === "DUPLICATE") {
    throw ValidationError.of("input.duplicateOfId", "FEEDBACK_DUPLICATE_OF_DUPLICATE");
  }
  return original.id;
}

/** Hands feedback to a person of its region (the curator who answers it). */
export async function assignFeedback(access: Access, data: AssignFeedbackData) {
  return change("feedback", async (tx) => {
    const before = await writableFeedback(tx, access, data.id, data.version);
    const person = await tx.person.findUnique({
      where: { id: fromGlobalId("Person", data.curatorId, "input.curatorId") },
    });
    if (!person || person.regionId !== before.regionId || person.archivedAt) {
      throw ValidationError.of("input.curatorId", "FEEDBACK_CURATOR_OTHER_REGION");
    }
    return saveFeedback(tx, access, before, data.version, { action: "UPDATE", data: { assignedCuratorId: person.id } });
  });
}
