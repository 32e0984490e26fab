// Citizens' feedback submitted by partner apps (API keys with feedback:write), the way Open311
// apps submit requests: it enters the same workflow and SLA as feedback staff record, and the app
// reads its status back by the reference it was given, for what it submitted itself only.
import type { Feedback, FeedbackStatus } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { change, type Tx } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import type { SubmitCitizenFeedbackData } from "./feedback.inputs.js";
import {
  type FeedbackContent,
  feedbackScope,
  isOverdue,
  ratingsOf,
  recordFeedback,
  subjectOf,
} from "./feedback.service.js";

/** The category an app's feedback falls in when it names none. */
export const DEFAULT_CATEGORY_CODE = "COMPLAINT";

/** Statuses in which the answer has been given and may be shown to the app. */
const ANSWERED: FeedbackStatus[] = ["ANSWERED", "CLOSED"];

/** What an app is told about feedback it submitted: no personal data, no internal handling. */
export interface CitizenFeedbackReceipt {
  reference: string;
  status: FeedbackStatus;
  receivedAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
  answer: string | null;
  redirectedTo: string | null;
  overdue: boolean;
  externalId: string | null;
}

export function receiptOf(feedback: Feedback): CitizenFeedbackReceipt {
  const answered = ANSWERED.includes(feedback.status);
  return {
    reference: feedback.reference ?? "",
    status: feedback.status,
    receivedAt: feedback.receivedAt,
    dueAt: feedback.dueAt,
    answeredAt: answered ? feedback.answeredAt : null,
    answer: answered ? feedback.answer : null,
    redirectedTo: feedback.status === "REDIRECTED" ? feedback.redirectedTo : null,
    overdue: isOverdue(feedback),
    externalId: feedback.externalId,
  };
}

function apiClientOf(access: Access): string {
  if (access.identity?.kind !== "partner") throw new ForbiddenError("FEEDBACK_PARTNER_ONLY");
  return access.identity.apiClientId;
}

async function categoryOf(tx: Tx, categoryId: string | null | undefined) {
  const category = categoryId
    ? await tx.feedbackCategory.findUnique({
        where: { id: fromGlobalId("FeedbackCategory", categoryId, "input.categoryId") },
      })
    : await tx.feedbackCategory.findUnique({ where: { code: DEFAULT_CATEGORY_CODE } });
  if (!category) {
    if (categoryId) throw new NotFoundError("feedback category");
    throw ValidationError.of("input.categoryId", "FEEDBACK_CATEGORY_REQUIRED");
  }
  return category;
}

/** The columns two submissions under one externalId must share to be the same request. */
const SAME: (keyof FeedbackContent | "categoryId" | "regionId")[] = [
  "categoryId",
  "regionId",
  "centreId",
  "serviceId",
  "ratingTime",
  "ratingWaiting",
  "ratingStaff",
  "ratingComfort",
  "ratingInformation",
  "text",
  "authorName",
  "authorContact",
];

/**
 * Records a citizen's feedback sent by a partner app: about a published service or a centre
 * in operation (a federal service with the citizen's region), RECEIVED and due after its
 * category's SLA like any other. The same externalId again from the same key answers with the
 * first submission; with other content it is a ConflictError and nothing is written.
 */
export async function submitCitizenFeedback(access: Access, data: SubmitCitizenFeedbackData) {
  const apiClientId = apiClientOf(access);
  return change("feedback", async (tx) => {
    if (!data.serviceId && !data.centreId) {
      throw ValidationError.of("input.serviceId", "FEEDBACK_CITIZEN_SUBJECT_REQUIRED");
    }
    const category = await categoryOf(tx, data.categoryId);
    const subject = await subjectOf(tx, access, {
      ...data,
      subjectType: data.centreId ? "CENTRE" : "SERVICE",
      lifeSituationId: null,
    });
    const content: FeedbackContent = {
      subjectType: subject.centreId ? "CENTRE" : "SERVICE",
      centreId: subject.centreId,
      serviceId: subject.serviceId,
      ...ratingsOf(data),
      text: data.text,
      authorName: data.authorName,
      authorContact: data.authorContact,
      apiClientId,
      externalId: data.externalId,
    };
    const first = await tx.feedback.findUnique({
      where: { apiClientId_externalId: { apiClientId, externalId: data.externalId } },
    });
    if (first) {
      const now = { ...content, categoryId: category.id, regionId: subject.regionId } as Record<string, unknown>;
      if (SAME.some((column) => (first as Record<string, unknown>)[column] !== now[column])) {
        throw new ConflictError("FEEDBACK_EXTERNAL_ID_REUSED", {
          reference: first.reference,
          externalId: data.externalId,
        });
      }
      return first;
    }
    return recordFeedback(tx, access, { category, regionId: subject.regionId, content });
  });
}

/**
 * The feedback under `reference`: for a key, only what that key submitted (anything else reads
 * as unknown, null); staff read it within their feedback scope.
 */
export async function feedbackByReference(access: Access, reference: string): Promise<Feedback | null> {
  if (!access.identity) return null;
  const owner =
    access.identity.kind === "partner" ? { apiClientId: access.identity.apiClientId } : feedbackScope(access);
  return prisma.feedback.findFirst({ where: { AND: [{ reference: reference.trim().toUpperCase() }, owner] } });
}
