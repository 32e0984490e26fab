// Partner apps' side of feedback: a citizen's feedback submitted through an app, and its status
// read back by reference (feedback:write). The app sees a receipt, never the feedback itself.
import { builder } from "../../builder.js";
import { zodInput } from "../../inputs.js";
import {
  type CitizenFeedbackReceipt,
  feedbackByReference,
  receiptOf,
  submitCitizenFeedback,
} from "./citizen.service.js";
import { submitCitizenFeedbackSchema } from "./feedback.inputs.js";
import { FeedbackStatusEnum } from "./feedback.schema.js";

const CitizenFeedbackReceiptRef = builder.objectRef<CitizenFeedbackReceipt>("CitizenFeedbackReceipt").implement({
  description:
    "What a partner app is told about feedback it submitted: its reference, where it stands and the answer once given. No personal data.",
  fields: (t) => ({
    reference: t.exposeString("reference", {
      description: "The number to tell the citizen (OC- and 10 characters), and to read the status by.",
    }),
    externalId: t.exposeString("externalId", { nullable: true, description: "The app's own id of the request." }),
    status: t.field({ type: FeedbackStatusEnum, resolve: (receipt) => receipt.status }),
    receivedAt: t.field({ type: "DateTime", resolve: (receipt) => receipt.receivedAt }),
    dueAt: t.field({
      type: "DateTime",
      description: "When the answer is due (the category's SLA days).",
      resolve: (receipt) => receipt.dueAt,
    }),
    overdue: t.exposeBoolean("overdue", { description: "Still unanswered after the due date." }),
    answeredAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "Once ANSWERED or CLOSED.",
      resolve: (receipt) => receipt.answeredAt,
    }),
    answer: t.exposeString("answer", { nullable: true, description: "The answer, once ANSWERED or CLOSED." }),
    redirectedTo: t.exposeString("redirectedTo", {
      nullable: true,
      description: "The body the feedback was sent on to (REDIRECTED).",
    }),
  }),
});

const SubmitCitizenFeedbackInput = zodInput("SubmitCitizenFeedbackInput", submitCitizenFeedbackSchema, {
  description:
    "A citizen's feedback from a partner app: a published service (a federal one with regionId) or a centre, ratings 1–5, the text, and the app's own `externalId`. Author name and contact are kept for the curator and never shown back.",
});

builder.mutationField("submitCitizenFeedback", (t) =>
  t.field({
    type: CitizenFeedbackReceiptRef,
    description:
      "Submits a citizen's feedback on the app's behalf (partner keys with feedback:write): it is RECEIVED, due after the category's SLA and handled by the region's curators like any other. The same `externalId` again answers with the first submission; with other content, a ConflictError.",
    authScopes: { partner: "feedback:write" },
    errors: {},
    args: { input: t.arg({ type: SubmitCitizenFeedbackInput, required: true }) },
    resolve: async (_root, { input }, ctx) => receiptOf(await submitCitizenFeedback(ctx.access, input)),
  }),
);

builder.queryField("feedbackStatus", (t) =>
  t.field({
    type: CitizenFeedbackReceiptRef,
    nullable: true,
    description:
      "Where feedback stands, by its reference: for a key, only feedback that key submitted (any other reference reads null, as an unknown one); staff within their feedback.",
    authScopes: { staff: true, partner: "feedback:write" },
    args: { reference: t.arg.string({ required: true }) },
    resolve: async (_root, { reference }, ctx) => {
      const feedback = await feedbackByReference(ctx.access, reference);
      return feedback ? receiptOf(feedback) : null;
    },
  }),
);
