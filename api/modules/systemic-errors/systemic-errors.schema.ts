// The systemic-error register: the type, its list and changes, and the feedback's link to it.
import { builder } from "../../builder.js";
import { SystemicErrorStatus } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { seesInternal } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, orderByInput, recordStamps, rowMutation } from "../../shared.js";
import { feedbackScope } from "../feedback/feedback.service.js";
import {
  createSystemicErrorSchema,
  linkFeedbackSchema,
  systemicErrorFilterSchema,
  transitionSystemicErrorSchema,
  updateSystemicErrorSchema,
} from "./systemic-errors.inputs.js";
import {
  allowedSystemicTransitions,
  createSystemicError,
  isOverdue,
  linkFeedbackToSystemicError,
  systemicErrorOrderBy,
  systemicErrorScope,
  systemicErrorVisible,
  systemicErrorWhere,
  transitionSystemicError,
  updateSystemicError,
} from "./systemic-errors.service.js";

export const SystemicErrorStatusEnum = builder.enumType(SystemicErrorStatus, {
  name: "SystemicErrorStatus",
  description:
    "OPEN → REPORTED (to the responsible authority) → FIXED → CONFIRMED (by the curator); FIXED → OPEN when the fix did not hold. CONFIRMED is final.",
});

export const SystemicError = builder.prismaNode("SystemicError", {
  description:
    "A systemic error of a service (a failing form, a wrong rule) that citizens' feedback revealed, tracked to its fix and confirmation. Internal: administrators, curators and auditors of its region.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [systemicErrorScope(ctx.access)] }),
  authScopes: (row, ctx) => systemicErrorVisible(ctx.access, row),
  fields: (t) => ({
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    status: t.expose("status", { type: SystemicErrorStatusEnum }),
    allowedTransitions: t.field({
      type: [SystemicErrorStatusEnum],
      description: "The statuses the caller may move it to now (empty if final or read-only for them).",
      resolve: (row, _args, ctx) => allowedSystemicTransitions(ctx.access, row),
    }),
    detectedAt: t.expose("detectedAt", { type: "DateTime" }),
    dueAt: t.expose("dueAt", { type: "Date", description: "The day by which it is to be fixed." }),
    reportedAt: t.expose("reportedAt", { type: "DateTime", nullable: true }),
    fixedAt: t.expose("fixedAt", { type: "DateTime", nullable: true }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true }),
    resolution: t.exposeString("resolution", { nullable: true, description: "What was done to fix it." }),
    overdue: t.boolean({
      description: "OPEN or REPORTED after its due day.",
      resolve: (row) => isOverdue(row),
    }),
    ...recordStamps(t),
    region: t.relation("region"),
    service: t.relation("service", { nullable: true }),
    authority: t.relation("authority", {
      nullable: true,
      description: "The authority responsible for fixing it (by default the service's competent authority).",
    }),
    feedbackCount: t.relationCount("feedback", { description: "Citizens' feedback linked to it." }),
    feedback: t.relatedConnection("feedback", {
      cursor: "id",
      totalCount: true,
      description: "The feedback that revealed it, newest first.",
      query: (_args, ctx) => ({
        where: feedbackScope(ctx.access),
        orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      }),
    }),
  }),
});

// The feedback's side of the link; operators, who read their centre's feedback, do not see it.
builder.prismaObjectFields("Feedback", (t) => ({
  systemicError: t.field({
    type: SystemicError,
    nullable: true,
    description: "The systemic error this feedback revealed or is one more case of (not for operators).",
    select: { systemicError: true },
    resolve: (feedback, _args, ctx) => (seesInternal(ctx.access) ? feedback.systemicError : null),
  }),
}));

const SystemicErrorFilter = zodInput("SystemicErrorFilter", systemicErrorFilterSchema, {
  types: { status: SystemicErrorStatusEnum },
});

const SystemicErrorOrderBy = orderByInput("SystemicError", ["DETECTED_AT", "DUE_AT", "TITLE"]);

builder.queryFields((t) => ({
  systemicErrors: listConnection(t, {
    type: "SystemicError",
    description: "The register of systemic errors in your regions, newest found first.",
    authScopes: { internal: true },
    filter: { input: SystemicErrorFilter, where: systemicErrorWhere },
    orderBy: { input: SystemicErrorOrderBy, order: systemicErrorOrderBy },
  }),
}));

const CreateSystemicErrorInput = zodInput("CreateSystemicErrorInput", createSystemicErrorSchema, {
  description:
    "The region comes from a regional service; name it (regionId) without a service or for a federal one. `feedbackIds` are linked to the new error.",
});
const UpdateSystemicErrorInput = zodInput("UpdateSystemicErrorInput", updateSystemicErrorSchema);
const TransitionSystemicErrorInput = zodInput("TransitionSystemicErrorInput", transitionSystemicErrorSchema, {
  description: "`resolution` is required for FIXED unless already written.",
  types: { to: SystemicErrorStatusEnum },
});
const LinkFeedbackToSystemicErrorInput = zodInput("LinkFeedbackToSystemicErrorInput", linkFeedbackSchema);

builder.mutationFields((t) => ({
  createSystemicError: rowMutation(t, {
    type: "SystemicError",
    description: "Records a systemic error (OPEN) of a region, optionally with the feedback that revealed it.",
    input: CreateSystemicErrorInput,
    run: createSystemicError,
  }),
  updateSystemicError: rowMutation(t, {
    type: "SystemicError",
    description: "Changes a systemic error's title, description, responsible authority, due day or resolution.",
    input: UpdateSystemicErrorInput,
    run: updateSystemicError,
  }),
  transitionSystemicError: rowMutation(t, {
    type: "SystemicError",
    description:
      "Moves a systemic error along OPEN → REPORTED → FIXED → CONFIRMED (or FIXED → OPEN), stamping the dates.",
    input: TransitionSystemicErrorInput,
    run: transitionSystemicError,
  }),
  linkFeedbackToSystemicError: rowMutation(t, {
    type: "Feedback",
    description:
      "Links feedback to a systemic error of its region, or unlinks it (systemicErrorId null); recorded in its history.",
    input: LinkFeedbackToSystemicErrorInput,
    run: linkFeedbackToSystemicError,
  }),
}));
