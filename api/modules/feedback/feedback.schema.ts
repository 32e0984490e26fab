import { builder } from "../../builder.js";
import { FeedbackStatus, FeedbackSubject } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { isStaff } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, orderByInput, recordStamps, rowMutation } from "../../shared.js";
import {
  assignFeedbackSchema,
  createCategorySchema,
  feedbackFilterSchema,
  submitFeedbackSchema,
  transitionFeedbackSchema,
  updateCategorySchema,
} from "./feedback.inputs.js";
import {
  createCategory,
  feedbackOrderBy,
  feedbackScope,
  feedbackVisible,
  feedbackWhere,
  isOverdue,
  submitFeedback,
  updateCategory,
} from "./feedback.service.js";
import { allowedTransitions, assignFeedback, transitionFeedback } from "./handling.service.js";

export const FeedbackStatusEnum = builder.enumType(FeedbackStatus, {
  name: "FeedbackStatus",
  description:
    "RECEIVED → IN_PROGRESS | REJECTED | DUPLICATE | REDIRECTED; IN_PROGRESS → ANSWERED | REJECTED | REDIRECTED | DUPLICATE; ANSWERED → CLOSED | IN_PROGRESS (reopened). CLOSED, REJECTED, DUPLICATE and REDIRECTED are final.",
});
export const FeedbackSubjectEnum = builder.enumType(FeedbackSubject, { name: "FeedbackSubject" });

export const FeedbackCategory = builder.prismaNode("FeedbackCategory", {
  description: "A kind of feedback (complaint, question…) and the days allowed to answer it.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id) => ({ id: safeUuid(id) }),
  authScopes: { staff: true, partner: ["registry:read", "feedback:write"] },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    slaDays: t.exposeInt("slaDays", { description: "Days from receipt to the due date." }),
    version: t.exposeInt("version"),
  }),
});

export const FeedbackEvent = builder.prismaObject("FeedbackEvent", {
  description:
    "One step in a feedback item's history: a status change, or (same status) a note such as its link to a systemic error.",
  fields: (t) => ({
    fromStatus: t.expose("fromStatus", { type: FeedbackStatusEnum, nullable: true }),
    toStatus: t.expose("toStatus", { type: FeedbackStatusEnum }),
    comment: t.exposeString("comment", { nullable: true }),
    actorName: t.string({
      nullable: true,
      select: { actor: { select: { fullName: true } } },
      resolve: (event) => event.actor?.fullName ?? null,
    }),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

export const Feedback = builder.prismaNode("Feedback", {
  description: "A citizen's feedback on a centre, service or life situation, handled along its workflow.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [feedbackScope(ctx.access)] }),
  authScopes: (feedback, ctx) => feedbackVisible(ctx.access, feedback),
  fields: (t) => ({
    subjectType: t.expose("subjectType", { type: FeedbackSubjectEnum }),
    ratingTime: t.exposeInt("ratingTime", { nullable: true, description: "Time to result, 1–5." }),
    ratingWaiting: t.exposeInt("ratingWaiting", { nullable: true, description: "Waiting, 1–5." }),
    ratingStaff: t.exposeInt("ratingStaff", { nullable: true, description: "Staff courtesy and competence, 1–5." }),
    ratingComfort: t.exposeInt("ratingComfort", { nullable: true, description: "Comfort, 1–5." }),
    ratingInformation: t.exposeInt("ratingInformation", { nullable: true, description: "Information, 1–5." }),
    text: t.exposeString("text"),
    authorName: t.string({
      nullable: true,
      description: "Personal data: staff only.",
      resolve: (feedback, _args, ctx) => (isStaff(ctx.access) ? feedback.authorName : null),
    }),
    authorContact: t.string({
      nullable: true,
      description: "Personal data: staff only.",
      resolve: (feedback, _args, ctx) => (isStaff(ctx.access) ? feedback.authorContact : null),
    }),
    status: t.expose("status", { type: FeedbackStatusEnum }),
    allowedTransitions: t.field({
      type: [FeedbackStatusEnum],
      description: "The statuses the caller may move this feedback to now (empty if final or read-only for them).",
      resolve: (feedback, _args, ctx) => allowedTransitions(ctx.access, feedback),
    }),
    receivedAt: t.expose("receivedAt", { type: "DateTime" }),
    dueAt: t.expose("dueAt", { type: "DateTime", description: "Received + the category's SLA days." }),
    overdue: t.boolean({
      description: "Still unanswered (RECEIVED or IN_PROGRESS) after the due date.",
      resolve: (feedback) => isOverdue(feedback),
    }),
    answeredAt: t.expose("answeredAt", { type: "DateTime", nullable: true }),
    answer: t.exposeString("answer", { nullable: true }),
    reference: t.exposeString("reference", {
      nullable: true,
      description: "The number the citizen is told (e.g. OC-7K3M9Q2XRD); none on feedback recorded before references.",
    }),
    apiClientName: t.string({
      nullable: true,
      description: "The partner app (API key) that submitted it on the citizen's behalf; null when staff recorded it.",
      select: { apiClient: { select: { name: true } } },
      resolve: (feedback) => feedback.apiClient?.name ?? null,
    }),
    externalId: t.exposeString("externalId", { nullable: true, description: "The app's own id of the request." }),
    redirectedTo: t.exposeString("redirectedTo", { nullable: true }),
    ...recordStamps(t),
    category: t.relation("category"),
    centre: t.relation("centre", { nullable: true }),
    service: t.relation("service", { nullable: true }),
    lifeSituation: t.relation("lifeSituation", { nullable: true }),
    region: t.relation("region"),
    assignedCurator: t.relation("assignedCurator", { nullable: true }),
    duplicateOf: t.relation("duplicateOf", { nullable: true }),
    events: t.relation("events", { query: { orderBy: [{ at: "asc" }, { createdAt: "asc" }, { id: "asc" }] } }),
  }),
});

// ── Queries ──

const FeedbackFilter = zodInput("FeedbackFilter", feedbackFilterSchema, {
  types: { status: FeedbackStatusEnum, subjectType: FeedbackSubjectEnum },
});

const FeedbackOrderBy = orderByInput("Feedback", ["RECEIVED_AT", "DUE_AT"]);

builder.queryFields((t) => ({
  feedbackCategories: listConnection(t, {
    type: "FeedbackCategory",
    authScopes: { staff: true, partner: ["registry:read", "feedback:write"] },
    order: () => [{ name: "asc" }, { id: "asc" }],
  }),
  feedback: listConnection(t, {
    type: "Feedback",
    description: "Feedback in the caller's regions (an operator: about their centre). Newest first.",
    authScopes: { staff: true },
    filter: { input: FeedbackFilter, where: feedbackWhere },
    orderBy: { input: FeedbackOrderBy, order: feedbackOrderBy },
  }),
}));

// ── Mutations ──

const CreateFeedbackCategoryInput = zodInput("CreateFeedbackCategoryInput", createCategorySchema);

const UpdateFeedbackCategoryInput = zodInput("UpdateFeedbackCategoryInput", updateCategorySchema, {
  description: "A changed SLA applies to feedback received afterwards.",
});

const SubmitFeedbackInput = zodInput("SubmitFeedbackInput", submitFeedbackSchema, {
  description:
    "The subject's id is required for its type (CENTRE: centreId …). The region comes from the subject; name it (regionId) for a federal service or OTHER.",
  types: { subjectType: FeedbackSubjectEnum, receivedAt: "DateTime" },
});

const TransitionFeedbackInput = zodInput("TransitionFeedbackInput", transitionFeedbackSchema, {
  description:
    "`answer` is required for ANSWERED, `duplicateOfId` for DUPLICATE, `redirectedTo` for REDIRECTED, `comment` for REJECTED.",
  types: { to: FeedbackStatusEnum },
});

const AssignFeedbackInput = zodInput("AssignFeedbackInput", assignFeedbackSchema);

builder.mutationFields((t) => ({
  createFeedbackCategory: rowMutation(t, {
    type: "FeedbackCategory",
    authScopes: { admin: true },
    input: CreateFeedbackCategoryInput,
    run: createCategory,
  }),
  updateFeedbackCategory: rowMutation(t, {
    type: "FeedbackCategory",
    authScopes: { admin: true },
    input: UpdateFeedbackCategoryInput,
    run: updateCategory,
  }),
  submitFeedback: rowMutation(t, {
    type: "Feedback",
    description:
      "Records feedback (status RECEIVED, due date from the category's SLA). Curators and administrators in their regions; operators for their own centre.",
    authScopes: { writer: true, role: "OPERATOR" },
    input: SubmitFeedbackInput,
    run: submitFeedback,
  }),
  transitionFeedback: rowMutation(t, {
    type: "Feedback",
    description: "Moves feedback to the next status its workflow allows (see `allowedTransitions`).",
    input: TransitionFeedbackInput,
    run: transitionFeedback,
  }),
  assignFeedback: rowMutation(t, {
    type: "Feedback",
    description: "Gives the feedback to a curator of its region to answer.",
    input: AssignFeedbackInput,
    run: assignFeedback,
  }),
}));
