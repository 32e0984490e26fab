// The GraphQL pieces every module may use, beside the builder: ordering and filtered lists, the
// typed errors of every mutation's result union, and the inputs and results of versioned changes
// (archive and restore among them). A module takes these from here, never from another module.
import type { InputObjectRef } from "@pothos/core";
import type { AuthScopeMap } from "@pothos/plugin-scope-auth";
import type { z } from "zod";
import { builder, type Types } from "./builder.js";
import type { Context } from "./context.js";
import type PrismaTypes from "./generated/pothos-types.js";
import { EventAudience, EventKind } from "./generated/prisma/client.js";
import { zodInput } from "./inputs.js";
import type { Access } from "./lib/access.js";
import { prisma } from "./lib/db.js";
import {
  ConflictError,
  type DomainError,
  type FieldIssue as FieldIssueShape,
  ForbiddenError,
  NotFoundError,
  textOf,
  ValidationError,
} from "./lib/errors.js";
import { answer } from "./lib/selection.js";
import { countInOneStatement, findManyInOneStatement } from "./lib/sql-read.js";
import { versionedSchema } from "./lib/validate.js";
import type { MessageParams } from "./messages/index.js";

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

// ── Enums several modules show ──

/** The register's kinds of event (events), also what a report indicator may count (reports). */
export const EventKindEnum = builder.enumType(EventKind, { name: "EventKind" });
/** Whom an event was for (events), also what a report indicator may count (reports). */
export const EventAudienceEnum = builder.enumType(EventAudience, { name: "EventAudience" });

// ── Typed errors of every mutation's result union ──

const MessageParam = builder.objectRef<{ name: string; value: string }>("MessageParam").implement({
  description: "One parameter of a coded message (a name, a number, a date as YYYY-MM-DD).",
  fields: (t) => ({ name: t.exposeString("name"), value: t.exposeString("value") }),
});

/** A coded message's parameters, as the API lists them. */
function paramList(params: MessageParams | undefined): { name: string; value: string }[] {
  return Object.entries(params ?? {})
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ({ name, value: String(value) }));
}

const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description:
    "A problem the caller can act on: a stable `code` with its `params`, and the `message` in the language " +
    "the request asks for (Accept-Language: ru or en; English when it names neither).",
  fields: (t) => ({
    message: t.string({ resolve: (error, _args, ctx) => error.text(ctx.language) }),
    code: t.string({ description: "The message's stable code (api/messages/).", resolve: (error) => error.code }),
    params: t.field({ type: [MessageParam], resolve: (error) => paramList(error.params) }),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ entity: t.exposeString("entity") }),
});

builder.objectType(ForbiddenError, { name: "ForbiddenError", interfaces: [ErrorInterface] });

const FieldIssue = builder.objectRef<FieldIssueShape>("FieldIssue").implement({
  description: "One problem with one input field: its path, a stable code with params, and the message.",
  fields: (t) => ({
    field: t.exposeString("field"),
    message: t.string({ resolve: (issue, _args, ctx) => textOf(issue, ctx.language) }),
    code: t.string({ resolve: (issue) => issue.code }),
    params: t.field({ type: [MessageParam], resolve: (issue) => paramList(issue.params) }),
  }),
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

export type Versioned = z.output<typeof versionedSchema>;

export const VersionedInput = zodInput("VersionedInput", versionedSchema, {
  description: "A record and the version you read.",
});

export const DeletedRecord = builder.objectRef<{ id: string }>("DeletedRecord").implement({
  description: "The global id of a record that no longer exists.",
  fields: (t) => ({ id: t.exposeID("id") }),
});

// ── Mutations that change one row ──

export type { Types } from "./builder.js";

/** The Prisma models with an `id` column, by their GraphQL (= Prisma) name. */
type Model = {
  [Name in keyof PrismaTypes]: PrismaTypes[Name]["Shape"] extends { id: string } ? Name : never;
}[keyof PrismaTypes];
type Row<Name extends Model> = PrismaTypes[Name]["Shape"];

/** The Prisma delegate of model `Name`, with the reads these helpers make of it. */
function delegateOf<Name extends Model>(type: Name) {
  return prisma[`${type[0]?.toLowerCase()}${type.slice(1)}` as Uncapitalize<Name>] as unknown as {
    findUniqueOrThrow(args: object): Promise<Row<Name>>;
    findMany(args: object): Promise<Row<Name>[]>;
    count(args: object): Promise<number>;
  };
}

/** Reads a row again with the client's selection. */
function reload<Name extends Model>(type: Name, query: object, id: string): Promise<Row<Name>> {
  return delegateOf(type).findUniqueOrThrow({ ...query, where: { id } });
}

interface RowMutation<Name extends Model, Input> {
  type: Name;
  description?: string;
  extensions?: Record<string, unknown>;
  /** Who may call it: the writers (curators and administrators) unless said otherwise. */
  authScopes?: AuthScopeMap<Types>;
  input: InputObjectRef<Types, Input>;
  /** The service call that changes the row and returns it (most are the service function itself). */
  run: (access: Access, input: Input, ctx: Context) => Promise<Row<Name>>;
}

/**
 * A mutation taking one required `input`, changing one row of `type` through `run` (the service)
 * and answering with it, or with the typed errors of every mutation (NotFound, Forbidden,
 * Validation, Conflict). The answer is the row `run` returned when the client asks only for its
 * columns, else the row read again once (lib/selection.ts `answer`).
 */
export function rowMutation<Name extends Model, Input>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, Types["Root"]>,
  { type, input, run, authScopes = { writer: true }, ...field }: RowMutation<Name, Input>,
) {
  // prismaField's option types resolve only for a named model, not for a generic Name: this is
  // its signature for one model, which RowMutation already checks at every call.
  const prismaField = t.prismaField.bind(t) as unknown as (options: {
    type: Name;
    errors: object;
    authScopes: AuthScopeMap<Types>;
    extensions: Record<string, unknown>;
    args: { input: object };
    resolve: (query: object, root: unknown, args: { input: Input }, ctx: Context) => Promise<Row<Name>>;
  }) => ReturnType<typeof t.field>;
  return prismaField({
    ...field,
    authScopes,
    // Marks the field for test/api/mutation-answers.test.ts: every mutation answering with a row
    // is declared here.
    extensions: { ...field.extensions, rowMutation: true },
    type,
    errors: {},
    args: { input: t.arg({ type: input, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const row = await run(ctx.access, args.input, ctx);
      return answer(query, row, (q) => reload(type, q, row.id));
    },
  });
}

/** What the service of a row that can be archived offers: archive (true) or restore (false). */
type SetArchived<Name extends Model> = (access: Access, row: Versioned, archived: boolean) => Promise<Row<Name>>;

/**
 * `archive<Type>` and `restore<Type>`, the pair every archivable record has: the row and the
 * version read, put out of lists or back by the service, answering as `rowMutation`.
 */
export function archiveMutations<Name extends Model>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, Types["Root"]>,
  options: {
    type: Name;
    setArchived: SetArchived<Name>;
    authScopes?: AuthScopeMap<Types>;
    descriptions?: { archive?: string; restore?: string };
  },
) {
  const { type, setArchived, authScopes = { writer: true }, descriptions = {} } = options;
  const change = (archived: boolean, description?: string) =>
    rowMutation(t, {
      type,
      description,
      authScopes,
      input: VersionedInput,
      run: (access, row) => setArchived(access, row, archived),
    });
  return {
    [`archive${type}`]: change(true, descriptions.archive),
    [`restore${type}`]: change(false, descriptions.restore),
  } as Record<`archive${Name}` | `restore${Name}`, ReturnType<typeof change>>;
}

// ── Lists ──

interface ListConnection<Name extends Model, Filter, Order> {
  type: Name;
  description?: string;
  authScopes: AuthScopeMap<Types>;
  /** The filter's input and the rows the caller may see that match it (the module's `<list>Where`). */
  filter?: {
    input: InputObjectRef<Types, Filter>;
    where: (access: Access, filter: Filter | null | undefined) => object;
  };
  /** The orderBy's input and the order it gives, ending with a unique column so pages are stable. */
  orderBy?: { input: InputObjectRef<Types, Order>; order: (orderBy: Order | null | undefined) => object[] };
  /** The one order of a list without an orderBy. */
  order?: () => object[];
  /** Pages and counts in one hand-written statement each where lib/sql-read.ts translates them. */
  oneStatement?: boolean;
}

/**
 * A Relay connection over one model with `totalCount`, an optional `filter` and `orderBy`: the
 * shape of every registry and catalogue list. The page and the count share one `where`.
 */
export function listConnection<Name extends Model, Filter = never, Order = never>(
  t: PothosSchemaTypes.QueryFieldBuilder<Types, Types["Root"]>,
  { type, filter, orderBy, order: fixedOrder, oneStatement = false, ...field }: ListConnection<Name, Filter, Order>,
) {
  const where = filter?.where ?? (() => ({}));
  const order = orderBy?.order ?? fixedOrder ?? (() => [{ id: "asc" }]);
  // prismaConnection's option types resolve only for a named model (as prismaField's above).
  const prismaConnection = t.prismaConnection.bind(t) as unknown as (options: {
    type: Name;
    cursor: "id";
    args: object;
    resolve: (query: object, root: unknown, args: Args, ctx: Context) => Promise<Row<Name>[]>;
    totalCount: (root: unknown, args: Args, ctx: Context) => Promise<number>;
  }) => ReturnType<typeof t.field>;
  type Args = { filter?: Filter | null; orderBy?: Order | null };
  const delegate = delegateOf(type);
  return prismaConnection({
    ...field,
    type,
    cursor: "id",
    args: {
      ...(filter ? { filter: t.arg({ type: filter.input, required: false }) } : {}),
      ...(orderBy ? { orderBy: t.arg({ type: orderBy.input, required: false }) } : {}),
    },
    resolve: async (query, _root, args, ctx) => {
      const page = { ...query, where: where(ctx.access, args.filter), orderBy: order(args.orderBy) };
      return (oneStatement ? await findManyInOneStatement<Row<Name>>(type, page) : null) ?? delegate.findMany(page);
    },
    totalCount: async (_root, args, ctx) => {
      const rows = where(ctx.access, args.filter);
      return (oneStatement ? await countInOneStatement(type, rows) : null) ?? delegate.count({ where: rows });
    },
  });
}

// ── Fields every record shows ──

/** What `recordStamps` needs of a Prisma object's field builder. */
interface StampBuilder<Version, Stamp> {
  exposeInt(name: "version"): Version;
  expose(name: "createdAt" | "updatedAt", options: { type: "DateTime" }): Stamp;
}

/** `version` (to send back with a change) and when the record was created and last changed. */
export function recordStamps<Version, Stamp>(t: StampBuilder<Version, Stamp>) {
  return {
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  };
}
