// The GraphQL pieces every module may use, beside the builder: ordering, the typed errors of
// every mutation's result union, and the inputs and results of versioned changes. A module
// takes these from here, never from another module.
import { builder } from "./builder.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "./lib/errors.js";

export const OrderDirection = builder.enumType("OrderDirection", { values: ["ASC", "DESC"] as const });

// ── Typed errors of every mutation's result union ──

const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  description: "A problem the caller can act on.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ entity: t.exposeString("entity") }),
});

builder.objectType(ForbiddenError, { name: "ForbiddenError", interfaces: [ErrorInterface] });

const FieldIssue = builder.objectRef<{ field: string; message: string }>("FieldIssue").implement({
  description: "One problem with one input field.",
  fields: (t) => ({ field: t.exposeString("field"), message: t.exposeString("message") }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ issues: t.field({ type: [FieldIssue], resolve: (error) => error.issues }) }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  interfaces: [ErrorInterface],
  description: "Someone saved first (stale `version`) or the record would duplicate another.",
  fields: (t) => ({ currentVersion: t.exposeInt("currentVersion", { nullable: true }) }),
});

// ── Versioned changes ──

export const VersionedInput = builder.inputType("VersionedInput", {
  description: "A record and the version you read.",
  fields: (t) => ({ id: t.id({ required: true }), version: t.int({ required: true }) }),
});

export const DeletedRecord = builder.objectRef<{ id: string }>("DeletedRecord").implement({
  description: "The global id of a record that no longer exists.",
  fields: (t) => ({ id: t.exposeID("id") }),
});
