// The signed-in person's inbox of alerts and their digest settings (issue 16, part 2). Only the
// people digests are for, curators and administrators, have one: operators, auditors and partner
// keys are refused, and everyone else's notifications answer node(id) with null.
import { builder } from "../../builder.js";
import { DigestFrequency, DigestMailStatus, NotificationKind } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { safeUuid, toGlobalId } from "../../lib/ids.js";
import { listConnection } from "../../shared.js";
import { adminPath } from "./digest-mail.js";
import {
  markNotificationsReadSchema,
  notificationFilterSchema,
  setDigestFrequencySchema,
} from "./notifications.inputs.js";
import {
  type DigestSettingsRow,
  digestSettings,
  markNotificationsRead,
  NOTIFICATION_ORDER,
  notificationWhere,
  ownerOf,
  setDigestFrequency,
  unreadCount,
} from "./notifications.service.js";

const NotificationKindEnum = builder.enumType(NotificationKind, { name: "NotificationKind" });
const DigestFrequencyEnum = builder.enumType(DigestFrequency, {
  name: "DigestFrequency",
  description: "DAILY: at most once per calendar day (Moscow time); WEEKLY: at most once per 7 days; OFF: nothing.",
});
const DigestMailStatusEnum = builder.enumType(DigestMailStatus, { name: "DigestMailStatus" });

builder.prismaNode("Notification", {
  description: "An alert delivered to your inbox, as it was when delivered.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), userId: ownerOf(ctx.access) }),
  authScopes: (notification, ctx) => notification.userId === ownerOf(ctx.access),
  fields: (t) => ({
    kind: t.expose("kind", { type: NotificationKindEnum }),
    title: t.exposeString("title", { description: "The record's name as shown when delivered." }),
    regionName: t.exposeString("regionName", { nullable: true }),
    date: t.expose("date", {
      type: "Date",
      nullable: true,
      description:
        "The day it is about: a signature's last valid day, a report's, feedback's or systemic error's due day, a centre's last verification (null: never verified, or none for a service without a curator).",
    }),
    recordType: t.exposeString("recordType", { description: "The GraphQL type of the record it is about." }),
    recordId: t.field({
      type: "ID",
      select: { recordType: true, recordId: true },
      description: "The global id of the record it is about.",
      resolve: (notification) => toGlobalId(notification.recordType, notification.recordId),
    }),
    adminPath: t.string({
      select: { recordType: true, recordId: true },
      description: "The record's page in the admin panel (a hash route, e.g. #/centres/<id>/show).",
      resolve: (notification) => adminPath(notification.recordType, notification.recordId),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
    emailedAt: t.expose("emailedAt", {
      type: "DateTime",
      nullable: true,
      description: "When an e-mail carrying it was accepted by the mail server; null while not e-mailed.",
    }),
  }),
});

const LastDigest = builder.objectRef<NonNullable<DigestSettingsRow["lastDigest"]>>("LastDigest").implement({
  description: "Your most recent digest.",
  fields: (t) => ({
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    itemCount: t.exposeInt("itemCount", { description: "New notifications it delivered." }),
    mailStatus: t.expose("mailStatus", { type: DigestMailStatusEnum }),
    mailError: t.exposeString("mailError", { nullable: true, description: "Why its e-mail failed." }),
  }),
});

const DigestSettings = builder.objectRef<DigestSettingsRow>("DigestSettings").implement({
  description: "How often your digest of alerts comes, and to which address.",
  fields: (t) => ({
    frequency: t.expose("frequency", { type: DigestFrequencyEnum }),
    email: t.exposeString("email"),
    lastDigest: t.field({ type: LastDigest, nullable: true, resolve: (row) => row.lastDigest }),
  }),
});

const MarkNotificationsReadPayload = builder
  .objectRef<{ marked: number; unreadCount: number }>("MarkNotificationsReadPayload")
  .implement({
    fields: (t) => ({
      marked: t.exposeInt("marked", { description: "Notifications that were unread and now are read." }),
      unreadCount: t.exposeInt("unreadCount", { description: "Your unread notifications left." }),
    }),
  });

const NotificationFilter = zodInput("NotificationFilter", notificationFilterSchema);
const MarkNotificationsReadInput = zodInput("MarkNotificationsReadInput", markNotificationsReadSchema);
const SetDigestFrequencyInput = zodInput("SetDigestFrequencyInput", setDigestFrequencySchema, {
  types: { frequency: DigestFrequencyEnum },
});

// The digests' recipients: administrators, and curators (of at least one region).
const RECIPIENTS = { writer: true } as const;

builder.queryFields((t) => ({
  notifications: listConnection(t, {
    type: "Notification",
    description: "Your own notifications, newest first.",
    authScopes: RECIPIENTS,
    filter: { input: NotificationFilter, where: notificationWhere },
    order: () => NOTIFICATION_ORDER,
  }),
  unreadNotificationCount: t.int({
    description: "How many of your notifications are unread (the admin panel's bell).",
    authScopes: RECIPIENTS,
    resolve: (_root, _args, ctx) => unreadCount(ctx.access),
  }),
  digestSettings: t.field({
    type: DigestSettings,
    description: "How often your digest comes.",
    authScopes: RECIPIENTS,
    resolve: (_root, _args, ctx) => digestSettings(ctx.access),
  }),
}));

builder.mutationFields((t) => ({
  markNotificationsRead: t.field({
    type: MarkNotificationsReadPayload,
    description: "Marks your notifications read: those named (all must be yours, or nothing changes), or all.",
    errors: {},
    authScopes: RECIPIENTS,
    args: { input: t.arg({ type: MarkNotificationsReadInput, required: true }) },
    resolve: (_root, { input }, ctx) => markNotificationsRead(ctx.access, input),
  }),
  setDigestFrequency: t.field({
    type: DigestSettings,
    description: "Chooses how often your digest comes: daily, weekly, or not at all (OFF: not even in the inbox).",
    errors: {},
    authScopes: RECIPIENTS,
    args: { input: t.arg({ type: SetDigestFrequencyInput, required: true }) },
    resolve: (_root, { input }, ctx) => setDigestFrequency(ctx.access, input),
  }),
}));
