// A signed-in person's own inbox and digest settings. Every read and change is limited to the
// caller's own rows by the identity of the request, never by an argument: nobody reads or marks
// another person's notifications.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError } from "../../lib/errors.js";
import { fromGlobalId, safeUuid } from "../../lib/ids.js";
import type {
  MarkNotificationsReadData,
  NotificationFilterData,
  SetDigestFrequencyData,
} from "./notifications.inputs.js";

/** The caller's user id; an id no row has for anyone else (partners, anonymous). */
export function ownerOf(access: Access): string {
  return safeUuid(access.identity?.kind === "user" ? access.identity.userId : "");
}

export function notificationWhere(
  access: Access,
  filter?: NotificationFilterData | null,
): Prisma.NotificationWhereInput {
  return { userId: ownerOf(access), ...(filter?.unread ? { readAt: null } : {}) };
}

/** Newest first. */
export const NOTIFICATION_ORDER: Prisma.NotificationOrderByWithRelationInput[] = [
  { createdAt: "desc" },
  { kind: "asc" },
  { id: "desc" },
];

export function unreadCount(access: Access): Promise<number> {
  return prisma.notification.count({ where: { userId: ownerOf(access), readAt: null } });
}

/**
 * Marks the caller's notifications read: those named (all of them must be the caller's, or
 * nothing changes), or every unread one. Marking one already read again changes nothing.
 */
export async function markNotificationsRead(access: Access, input: MarkNotificationsReadData, now = new Date()) {
  const userId = ownerOf(access);
  if (input.all) {
    const { count } = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
    return { marked: count, unreadCount: await unreadCount(access) };
  }
  const ids = [...new Set((input.ids ?? []).map((id, i) => fromGlobalId("Notification", id, `input.ids.${i}`)))];
  return prisma.$transaction(async (tx) => {
    const mine = await tx.notification.count({ where: { userId, id: { in: ids } } });
    if (mine !== ids.length) throw new NotFoundError("notification");
    const { count } = await tx.notification.updateMany({
      where: { userId, id: { in: ids }, readAt: null },
      data: { readAt: now },
    });
    return { marked: count, unreadCount: await tx.notification.count({ where: { userId, readAt: null } }) };
  });
}

export interface DigestSettingsRow {
  userId: string;
  email: string;
  frequency: "DAILY" | "WEEKLY" | "OFF";
  lastDigest: {
    createdAt: Date;
    itemCount: number;
    mailStatus: "PENDING" | "SENT" | "FAILED";
    mailError: string | null;
  } | null;
}

export async function digestSettings(access: Access): Promise<DigestSettingsRow> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: ownerOf(access) },
    select: {
      id: true,
      email: true,
      digestFrequency: true,
      digests: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true, itemCount: true, mailStatus: true, mailError: true },
      },
    },
  });
  return { userId: user.id, email: user.email, frequency: user.digestFrequency, lastDigest: user.digests[0] ?? null };
}

/** The caller's own frequency; a personal preference, so no version to match and no history entry. */
export async function setDigestFrequency(access: Access, input: SetDigestFrequencyData): Promise<DigestSettingsRow> {
  await prisma.user.update({ where: { id: ownerOf(access) }, data: { digestFrequency: input.frequency } });
  return digestSettings(access);
}
