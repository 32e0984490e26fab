// A centre's details that change on their own: opening hours and their exceptions, and the
// visits of mobile offices (with the documents issued). The centre itself: centres.schema.ts.
import { builder } from "../../builder.js";
import { safeUuid } from "../../lib/ids.js";
import { centreScope } from "../../lib/scopes.js";
import { DeletedRecord, rowMutation, VersionedInput } from "../../shared.js";
import {
  addExceptionSchema,
  recordVisitSchema,
  updateExceptionSchema,
  updateVisitSchema,
} from "./centre-details.inputs.js";
import {
  addHoursException,
  recordMobileVisit,
  removeHoursException,
  removeMobileVisit,
  updateHoursException,
  updateMobileVisit,
} from "./centre-details.service.js";

export const OpeningHours = builder.prismaObject("OpeningHours", {
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "1 = Monday … 7 = Sunday." }),
    opens: t.exposeString("opens"),
    closes: t.exposeString("closes"),
  }),
});

export const OpeningHoursException = builder.prismaNode("OpeningHoursException", {
  id: { field: "id" },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), centre: centreScope(ctx.access) }),
  authScopes: { staff: true, partner: "registry:read" },
  fields: (t) => ({
    startsOn: t.expose("startsOn", { type: "Date" }),
    endsOn: t.expose("endsOn", { type: "Date" }),
    closed: t.exposeBoolean("closed"),
    opens: t.exposeString("opens", { nullable: true }),
    closes: t.exposeString("closes", { nullable: true }),
    reason: t.exposeString("reason", { nullable: true }),
    version: t.exposeInt("version"),
    centre: t.relation("centre"),
  }),
});

export const MobileVisit = builder.prismaNode("MobileVisit", {
  id: { field: "id" },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), centre: centreScope(ctx.access) }),
  // Visits are activity figures (people served, documents issued), not the registry.
  authScopes: { staff: true, partner: "statistics:read" },
  fields: (t) => ({
    visitedOn: t.expose("visitedOn", { type: "Date" }),
    peopleServed: t.exposeInt("peopleServed"),
    note: t.exposeString("note", { nullable: true }),
    version: t.exposeInt("version"),
    centre: t.relation("centre"),
    settlement: t.relation("settlement"),
    documents: t.relation("documents", { query: { orderBy: [{ documentType: "asc" }] } }),
  }),
});

export const MobileVisitDocument = builder.prismaObject("MobileVisitDocument", {
  description: "Documents of one type issued during a mobile visit.",
  fields: (t) => ({
    documentType: t.exposeString("documentType"),
    count: t.exposeInt("count"),
  }),
});

// ── Opening-hour exceptions and mobile visits ──

const AddOpeningHoursExceptionInput = builder
  .inputType("AddOpeningHoursExceptionInput", {
    fields: (t) => ({
      centreId: t.id({ required: true }),
      startsOn: t.field({ type: "Date", required: true }),
      endsOn: t.field({ type: "Date", required: true }),
      closed: t.boolean({ required: true }),
      opens: t.string({ required: false }),
      closes: t.string({ required: false }),
      reason: t.string({ required: false }),
    }),
  })
  .validate(addExceptionSchema);

const UpdateOpeningHoursExceptionInput = builder
  .inputType("UpdateOpeningHoursExceptionInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      startsOn: t.field({ type: "Date", required: false }),
      endsOn: t.field({ type: "Date", required: false }),
      closed: t.boolean({ required: false }),
      opens: t.string({ required: false }),
      closes: t.string({ required: false }),
      reason: t.string({ required: false }),
    }),
  })
  .validate(updateExceptionSchema);

const MobileVisitDocumentInput = builder.inputType("MobileVisitDocumentInput", {
  fields: (t) => ({ documentType: t.string({ required: true }), count: t.int({ required: true }) }),
});

const RecordMobileVisitInput = builder
  .inputType("RecordMobileVisitInput", {
    fields: (t) => ({
      centreId: t.id({ required: true }),
      settlementId: t.id({ required: true }),
      visitedOn: t.field({ type: "Date", required: true }),
      peopleServed: t.int({ required: true }),
      note: t.string({ required: false }),
      documents: t.field({ type: [MobileVisitDocumentInput], required: false }),
    }),
  })
  .validate(recordVisitSchema);

const UpdateMobileVisitInput = builder
  .inputType("UpdateMobileVisitInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      settlementId: t.id({ required: false }),
      visitedOn: t.field({ type: "Date", required: false }),
      peopleServed: t.int({ required: false }),
      note: t.string({ required: false }),
      documents: t.field({
        type: [MobileVisitDocumentInput],
        required: false,
        description: "Replaces the list when given.",
      }),
    }),
  })
  .validate(updateVisitSchema);

builder.mutationFields((t) => ({
  addOpeningHoursException: rowMutation(t, {
    type: "OpeningHoursException",
    authScopes: { writer: true },
    input: AddOpeningHoursExceptionInput,
    run: (input, ctx) => addHoursException(ctx.access, input),
  }),
  updateOpeningHoursException: rowMutation(t, {
    type: "OpeningHoursException",
    authScopes: { writer: true },
    input: UpdateOpeningHoursExceptionInput,
    run: (input, ctx) => updateHoursException(ctx.access, input),
  }),
  removeOpeningHoursException: t.field({
    type: DeletedRecord,
    errors: {},
    authScopes: { writer: true },
    args: { input: t.arg({ type: VersionedInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await removeHoursException(ctx.access, { id: String(input.id), version: input.version });
      return { id: String(input.id) };
    },
  }),
  recordMobileVisit: rowMutation(t, {
    type: "MobileVisit",
    authScopes: { writer: true },
    input: RecordMobileVisitInput,
    run: (input, ctx) => recordMobileVisit(ctx.access, input),
  }),
  updateMobileVisit: rowMutation(t, {
    type: "MobileVisit",
    authScopes: { writer: true },
    input: UpdateMobileVisitInput,
    run: (input, ctx) => updateMobileVisit(ctx.access, input),
  }),
  removeMobileVisit: t.field({
    type: DeletedRecord,
    errors: {},
    authScopes: { writer: true },
    args: { input: t.arg({ type: VersionedInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await removeMobileVisit(ctx.access, { id: String(input.id), version: input.version });
      return { id: String(input.id) };
    },
  }),
}));
