import { builder } from "../../builder.js";
import { FeedbackStatus, FeedbackSubject } from "../../generated/prisma/client.js";
import { isStaff } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, orderByInput, rowMutation, type Types } from "../../shared.js";
import {
  assignFeedbackSchema,
  createCategorySchema,
  setSystemicErrorSchema,
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
import { allowedTransitions, assignFeedback, setSystemicError, transitionFeedback } from "./handling.service.js";

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
  authScopes: { staff: true, partner: "registry:read" },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    slaDays: t.exposeInt("slaDays", { description: "Days from receipt to the due date." }),
    version: t.exposeInt("version"),
  }),
});

export const FeedbackEvent = builder.prismaObject("FeedbackEvent", {
  description:
    "One step in a feedback item's history: a status change, or (same status) a note such as the systemic-error flag.",
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
    systemicError: t.exposeBoolean("systemicError"),
    redirectedTo: t.exposeString("redirectedTo", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
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

const FeedbackFilter = builder.inputType("FeedbackFilter", {
  fields: (t) => ({
    regionId: t.id({ required: false }),
    status: t.field({ type: FeedbackStatusEnum, required: false }),
    categoryId: t.id({ required: false }),
    centreId: t.id({ required: false }),
    serviceId: t.id({ required: false }),
    subjectType: t.field({ type: FeedbackSubjectEnum, required: false }),
    systemicError: t.boolean({ required: false }),
    overdue: t.boolean({ required: false, description: "Unanswered past the due date (true) or not (false)." }),
    search: t.string({ required: false, description: "Part of the text; % and _ match themselves." }),
  }),
});

const FeedbackOrderBy = orderByInput("Feedback", ["RECEIVED_AT", "DUE_AT"]);

builder.queryFields((t) => ({
  feedbackCategories: listConnection(t, {
    type: "FeedbackCategory",
    authScopes: { staff: true, partner: "registry:read" },
    order: () => [{ name: "asc" }, { id: "asc" }],
  }),
  feedback: listConnection(t, {
    type: "Feedback",
    description: "Feedback in the caller's regions (an operator: about their centre). Newest first.",
    authScopes: { staff: true },
    filter: FeedbackFilter,
    orderBy: FeedbackOrderBy,
    where: feedbackWhere,
    order: feedbackOrderBy,
  }),
}));

// ── Mutations ──

/**
 * A category's own fields as both inputs take them, each declared once: a new category needs
 * all of them, a change any. What each must hold is in feedback.inputs.ts.
 */
const categoryFieldInputs = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">, creating: boolean) => ({
  code: t.string({ required: creating }),
  name: t.string({ required: creating }),
  slaDays: t.int({ required: creating }),
});

const CreateFeedbackCategoryInput = builder
  .inputType("CreateFeedbackCategoryInput", { fields: (t) => categoryFieldInputs(t, true) })
  .validate(createCategorySchema);

const UpdateFeedbackCategoryInput = builder
  .inputType("UpdateFeedbackCategoryInput", {
    description: "A changed SLA applies to feedback received afterwards.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...categoryFieldInputs(t, false),
    }),
  })
  .validate(updateCategorySchema);

const SubmitFeedbackInput = builder
  .inputType("SubmitFeedbackInput", {
    description:
      "The subject's id is required for its type (CENTRE: centreId …). The region comes from the subject; name it (regionId) for a federal service or OTHER.",
    fields: (t) => ({
      categoryId: t.id({ required: true }),
      subjectType: t.field({ type: FeedbackSubjectEnum, required: true }),
      centreId: t.id({ required: false }),
      serviceId: t.id({ required: false }),
      lifeSituationId: t.id({ required: false }),
      regionId: t.id({ required: false }),
      ratingTime: t.int({ required: false }),
      ratingWaiting: t.int({ required: false }),
      ratingStaff: t.int({ required: false }),
      ratingComfort: t.int({ required: false }),
      ratingInformation: t.int({ required: false }),
      text: t.string({ required: true }),
      authorName: t.string({ required: false }),
      authorContact: t.string({ required: false }),
      receivedAt: t.field({
        type: "DateTime",
        required: false,
        description: "When it arrived (e.g. a letter); defaults to now. The due date counts from it.",
      }),
    }),
  })
  .validate(submitFeedbackSchema);

const TransitionFeedbackInput = builder
  .inputType("TransitionFeedbackInput", {
    description:
      "`answer` is required for ANSWERED, `duplicateOfId` for DUPLICATE, `redirectedTo` for REDIRECTED, `comment` for REJECTED.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      to: t.field({ type: FeedbackStatusEnum, required: true }),
      comment: t.string({ required: false }),
      answer: t.string({ required: false }),
      duplicateOfId: t.id({ required: false }),
      redirectedTo: t.string({ required: false }),
    }),
  })
  .validate(transitionFeedbackSchema);

const AssignFeedbackInput = builder
  .inputType("AssignFeedbackInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      curatorId: t.id({ required: true, description: "A Person of the feedback's region." }),
    }),
  })
  .validate(assignFeedbackSchema);

const SetFeedbackSystemicErrorInput = builder
  .inputType("SetFeedbackSystemicErrorInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      systemicError: t.boolean({ required: true }),
      comment: t.string({ required: true, description: "Why; recorded in the feedback's history." }),
    }),
  })
  .validate(setSystemicErrorSchema);

builder.mutationFields((t) => ({
  createFeedbackCategory: rowMutation(t, {
    type: "FeedbackCategory",
    authScopes: { admin: true },
    input: CreateFeedbackCategoryInput,
    run: (input, ctx) => createCategory(ctx.access, input),
  }),
  updateFeedbackCategory: rowMutation(t, {
    type: "FeedbackCategory",
    authScopes: { admin: true },
    input: UpdateFeedbackCategoryInput,
    run: (input, ctx) => updateCategory(ctx.access, input),
  }),
  submitFeedback: rowMutation(t, {
    type: "Feedback",
    description:
      "Records feedback (status RECEIVED, due date from the category's SLA). Curators and administrators in their regions; operators for their own centre.",
    authScopes: { writer: true, role: "OPERATOR" },
    input: SubmitFeedbackInput,
    run: (input, ctx) => submitFeedback(ctx.access, input),
  }),
  transitionFeedback: rowMutation(t, {
    type: "Feedback",
    description: "Moves feedback to the next status its workflow allows (see `allowedTransitions`).",
    authScopes: { writer: true },
    input: TransitionFeedbackInput,
    run: (input, ctx) => transitionFeedback(ctx.access, input),
  }),
  assignFeedback: rowMutation(t, {
    type: "Feedback",
    authScopes: { writer: true },
    input: AssignFeedbackInput,
    run: (input, ctx) => assignFeedback(ctx.access, input),
  }),
  setFeedbackSystemicError: rowMutation(t, {
    type: "Feedback",
    description: "Marks or unmarks feedback as revealing a systemic error; recorded in its history.",
    authScopes: { writer: true },
    input: SetFeedbackSystemicErrorInput,
    run: (input, ctx) => setSystemicError(ctx.access, input),
  }),
}));
