// The GraphQL pieces every module may use, beside the builder: ordering, the typed errors of
// every mutation's result union, and the inputs and results of versioned changes. A module
// takes these from here, never from another module.
import type { InputObjectRef } from "@pothos/core";
import type { AuthScopeMap } from "@pothos/plugin-scope-auth";
import { builder } from "./builder.js";
import type { Context } from "./context.js";
import type PrismaTypes from "./generated/pothos-types.js";
import { prisma } from "./lib/db.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "./lib/errors.js";
import { answer } from "./lib/selection.js";

export const OrderDirection = builder.enumType("OrderDirection", { values: ["ASC", "DESC"] as const });

/** A list's `orderBy` input, `<List>OrderBy`: one of the list's `<List>OrderField`s and a direction. */
export function orderByInput<const Field extends string>(list: string, fields: readonly Field[], description?: string) {
  const OrderField = builder.enumType(`${list}OrderField`, { values: fields });
  return builder.inputType(`${list}OrderBy`, {
    description,
    fields: (t) => ({
      field: t.field({ type: OrderField, required: true }),
      direction: t.field({ type: OrderDirection, required: true }),
    }),
  });
}

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

// ── Mutations that change one row ──

/** The builder's schema types, for helpers that take Pothos field builders. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** The Prisma models with an `id` column, by their GraphQL (= Prisma) name. */
type Model = {
  [Name in keyof PrismaTypes]: PrismaTypes[Name]["Shape"] extends { id: string } ? Name : never;
}[keyof PrismaTypes];
type Row<Name extends Model> = PrismaTypes[Name]["Shape"];

/** Reads a row again with the client's selection (the delegate of model `Name` returns its Shape). */
function reload<Name extends Model>(type: Name, query: object, id: string): Promise<Row<Name>> {
  const delegate = prisma[`${type[0]?.toLowerCase()}${type.slice(1)}` as Uncapitalize<Name>] as unknown as {
    findUniqueOrThrow(args: object): Promise<Row<Name>>;
  };
  return delegate.findUniqueOrThrow({ ...query, where: { id } });
}

interface RowMutation<Name extends Model, Input> {
  type: Name;
  description?: string;
  extensions?: Record<string, unknown>;
  authScopes: AuthScopeMap<Types>;
  input: InputObjectRef<Types, Input>;
  /** The service call that changes the row and returns it. */
  run: (input: Input, ctx: Context) => Promise<Row<Name>>;
}

/**
 * A mutation taking one required `input`, changing one row of `type` through `run` (the service)
 * and answering with it, or with the typed errors of every mutation (NotFound, Forbidden,
 * Validation, Conflict). The answer is the row `run` returned when the client asks only for its
 * columns, else the row read again once (lib/selection.ts `answer`).
 */
export function rowMutation<Name extends Model, Input>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, Types["Root"]>,
  { type, input, run, ...field }: RowMutation<Name, Input>,
) {
  // prismaField's option types resolve only for a named model, not for a generic Name: this is
  // its signature for one model, which RowMutation already checks at every call.
  const prismaField = t.prismaField.bind(t) as unknown as (options: {
    type: Name;
    errors: object;
    args: { input: object };
    resolve: (query: object, root: unknown, args: { input: Input }, ctx: Context) => Promise<Row<Name>>;
  }) => ReturnType<typeof t.field>;
  return prismaField({
    ...field,
    type,
    errors: {},
    args: { input: t.arg({ type: input, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const row = await run(args.input, ctx);
      return answer(query, row, (q) => reload(type, q, row.id));
    },
  });
}
