// A centre's details that change on their own: opening hours and their exceptions, and the
// visits of mobile offices (with the documents issued). The centre itself: centres.schema.ts.
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { zodInput, zodInputPart } from "../../inputs.js";
import type { Access } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { centreScope } from "../../lib/scopes.js";
import { DeletedRecord, rowMutation, type Versioned, VersionedInput } from "../../shared.js";
import {
  addExceptionSchema,
  recordVisitSchema,
  updateExceptionSchema,
  updateVisitSchema,
  visitDocumentSchema,
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

/**
 * What a centre's details have as nodes: node(id) finds one of a centre in the caller's scope;
 * out of scope or unknown, it answers null, like an id that never existed.
 */
const inCentreScope = {
  id: { field: "id" },
  nullable: true,
  findUnique: (id: string, ctx: Context) => ({ id: safeUuid(id), centre: centreScope(ctx.access) }),
} as const;

export const OpeningHoursException = builder.prismaNode("OpeningHoursException", {
  ...inCentreScope,
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
  ...inCentreScope,
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

const AddOpeningHoursExceptionInput = zodInput("AddOpeningHoursExceptionInput", addExceptionSchema);

const UpdateOpeningHoursExceptionInput = zodInput("UpdateOpeningHoursExceptionInput", updateExceptionSchema);

const MobileVisitDocumentInput = zodInputPart("MobileVisitDocumentInput", visitDocumentSchema);

const visitTypes = { documents: [MobileVisitDocumentInput] as [typeof MobileVisitDocumentInput] };

const RecordMobileVisitInput = zodInput("RecordMobileVisitInput", recordVisitSchema, { types: visitTypes });

const UpdateMobileVisitInput = zodInput("UpdateMobileVisitInput", updateVisitSchema, { types: visitTypes });

builder.mutationFields((t) => {
  /** Deletes a record (by the service's `remove`) at the version read, answering with its id. */
  const removal = (remove: (access: Access, row: Versioned) => Promise<unknown>) =>
    t.field({
      type: DeletedRecord,
      errors: {},
      authScopes: { writer: true },
      args: { input: t.arg({ type: VersionedInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        await remove(ctx.access, input);
        return { id: input.id };
      },
    });
  return {
    addOpeningHoursException: rowMutation(t, {
      type: "OpeningHoursException",
      input: AddOpeningHoursExceptionInput,
      run: addHoursException,
    }),
    updateOpeningHoursException: rowMutation(t, {
      type: "OpeningHoursException",
      input: UpdateOpeningHoursExceptionInput,
      run: updateHoursException,
    }),
    removeOpeningHoursException: removal(removeHoursException),
    recordMobileVisit: rowMutation(t, {
      type: "MobileVisit",
      description:
        "Records a mobile office visit of a centre: the place, the day, the people served and the documents issued by type.",
      input: RecordMobileVisitInput,
      run: recordMobileVisit,
    }),
    updateMobileVisit: rowMutation(t, {
      type: "MobileVisit",
      description: "Corrects a recorded visit; `documents`, when given, replace the counts by type.",
      input: UpdateMobileVisitInput,
      run: updateMobileVisit,
    }),
    removeMobileVisit: removal(removeMobileVisit),
  };
});
