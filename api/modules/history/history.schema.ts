// The change history of every record: who changed which fields from what to what, and when.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.js";
import { ChangeAction, type Prisma } from "../../generated/prisma/client.js";
import { type Access, inRegions, isAdmin } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { UserInputError } from "../../lib/errors.js";
import { safeUuid, toGlobalId } from "../../lib/ids.js";

const ChangeActionEnum = builder.enumType(ChangeAction, { name: "ChangeAction" });

/** History rows the caller may read: their regions' records; region-less ones (users, keys) admins only. */
function historyScope(access: Access): Prisma.ChangeLogWhereInput {
  if (access.read === "all") return isAdmin(access) ? {} : { regionId: { not: null } };
  return { regionId: inRegions(access.read) };
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
    throw new UserInputError('"recordId" is not a valid id.', "recordId");
  }
  return { AND: [historyScope(access), { entity: decoded.typename, entityId: safeUuid(decoded.id) }] };
}
