// The change history of every record: who changed which fields from what to what, and when.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.js";
import { ChangeAction, type Prisma } from "../../generated/prisma/client.js";
import { type Access, inRegions, isAdmin } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { UserInputError } from "../../lib/errors.js";
import { safeUuid, toGlobalId } from "../../lib/ids.js";
import { type ChangeFieldRow, describerFor, type RecordName } from "./history.service.js";

const ChangeActionEnum = builder.enumType(ChangeAction, { name: "ChangeAction" });

/** History rows the caller may read: their regions' records; region-less ones (users, keys) admins only. */
function historyScope(access: Access): Prisma.ChangeLogWhereInput {
  if (access.read === "all") return isAdmin(access) ? {} : { regionId: { not: null } };
  return { regionId: inRegions(access.read) };
}

/** A value as JSON text (null when there was none), as `changes` gives it. */
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

const RecordNameType = builder.objectRef<RecordName>("ChangeRecordName").implement({
  description: "A record a changed value refers to, by its id as stored in the history.",
  fields: (t) => ({
    id: t.exposeString("id", { description: "The record's id (a UUID, as in `from` and `to`)." }),
    name: t.exposeString("name", {
      nullable: true,
      description: "Its name; null when the reader may not see the record (or it no longer exists).",
    }),
  }),
});

const ChangeField = builder.objectRef<ChangeFieldRow>("ChangeField").implement({
  description: "One changed field of a history entry, or one fact of a transition (`_note.<key>`).",
  fields: (t) => ({
    field: t.exposeString("field", {
      description:
        'The field; "values.<code>" for a report\'s values of an indicator, "_note.<key>" for a fact of a transition.',
    }),
    label: t.exposeString("label", {
      nullable: true,
      description: "The indicator's name on the report's form (report values); null for other fields.",
    }),
    from: t.string({ nullable: true, description: "The value before, as JSON.", resolve: (f) => json(f.from) }),
    to: t.string({ nullable: true, description: "The value after, as JSON.", resolve: (f) => json(f.to) }),
    fromLabel: t.string({
      nullable: true,
      description: "When the value before is one record's id: that record's name (null if the reader may not see it).",
      resolve: (f) => singleName(f, f.from),
    }),
    toLabel: t.string({
      nullable: true,
      description: "When the value after is one record's id: that record's name (null if the reader may not see it).",
      resolve: (f) => singleName(f, f.to),
    }),
    names: t.field({
      type: [RecordNameType],
      description: "Every record id in `from` and `to` (lists and nested links included), with its name.",
      resolve: (f) => f.names,
    }),
  }),
});

function singleName(field: ChangeFieldRow, value: unknown): string | null {
  if (typeof value !== "string") return null;
  return field.names.find((record) => record.id === value)?.name ?? null;
}

const ChangeEntry = builder.prismaObject("ChangeLog", {
  name: "ChangeEntry",
  fields: (t) => ({
    entity: t.exposeString("entity"),
    recordId: t.string({
      resolve: (row) => toGlobalId(row.entity, row.entityId),
      description: "Global id of the changed record.",
    }),
    action: t.expose("action", { type: ChangeActionEnum }),
    at: t.expose("at", { type: "DateTime" }),
    changes: t.string({
      description: 'JSON: { "field": { "from": …, "to": … } } (and "_note" for transitions).',
      resolve: (row) => JSON.stringify(row.changes),
    }),
    fields: t.field({
      type: [ChangeField],
      description:
        "The changes field by field, with the names of the records they refer to: what `changes` holds, ready to show.",
      select: { id: true, entity: true, entityId: true, changes: true },
      resolve: (row, _args, ctx) => describerFor(ctx, ctx.access)(row),
    }),
    actorName: t.string({
      nullable: true,
      select: { actorUser: { select: { fullName: true } }, actorApiClient: { select: { name: true } } },
      resolve: (row) => row.actorUser?.fullName ?? row.actorApiClient?.name ?? null,
    }),
  }),
});
void ChangeEntry;

builder.queryField("changes", (t) =>
  t.prismaConnection({
    type: "ChangeLog",
    cursor: "id",
    description: "The history of one record, newest first.",
    authScopes: { internal: true },
    args: { recordId: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      prisma.changeLog.findMany({
        ...query,
        where: changesWhere(ctx.access, String(args.recordId)),
        orderBy: [{ at: "desc" }, { id: "desc" }],
      }),
    totalCount: (_root, args, ctx) =>
      prisma.changeLog.count({ where: changesWhere(ctx.access, String(args.recordId)) }),
  }),
);

function changesWhere(access: Access, recordId: string): Prisma.ChangeLogWhereInput {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(recordId);
  } catch {
    throw new UserInputError("INVALID_ID", { field: "recordId" }, "recordId");
  }
  return { AND: [historyScope(access), { entity: decoded.typename, entityId: safeUuid(decoded.id) }] };
}
