// Digests (issue 16, part 2): what needs a curator or an administrator, delivered into their
// inbox and by e-mail, each alert once. The alerts are the dashboard's (analytics/quality.service
// `alerts`) and feedback past its answer date, read with the recipient's own Access, so their
// regions come from the same rule as everywhere else.
//
// Delivery, per person whose digest is due:
// 1. in one transaction holding the person's row (two runs at once wait for each other): check
//    again that the digest is due, insert the alerts not delivered before (unique per person and
//    alert key, so nothing is delivered twice however runs interleave), and record the digest;
// 2. then e-mail the new items together with any earlier ones whose e-mail failed. Success marks
//    them e-mailed; a failure is logged and recorded on the digest (FAILED, with the server's
//    reason), the items stay in the inbox, and the person's next due digest carries them again.
import type { NotificationKind, User } from "../../generated/prisma/client.js";
import { type Access, accessFor, type Regions } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { logger } from "../../lib/logger.js";
import { MailDeliveryError, type MailSettings, mailSettings, sendMail } from "../../lib/mail.js";
import { regionSql } from "../analytics/catalogue.service.js";
import { ALERT_LIMIT, alerts } from "../analytics/quality.service.js";
import { composeDigest } from "./digest-mail.js";

/** One alert as the inbox keeps it. */
export interface Alert {
  kind: NotificationKind;
  /** Same record in the same state, same key: see `alertsFor`. */
  alertKey: string;
  recordType: string;
  recordId: string;
  title: string;
  regionId: string | null;
  regionName: string | null;
  date: Date | null;
}

const DAY_MS = 86_400_000;
/** Digests follow the Moscow calendar (UTC+3 all year): "once a day" means once per Moscow day. */
const MOSCOW_OFFSET_MS = 3 * 3_600_000;
/** Signatures expiring within this many days (or already expired) are news. */
export const SIGNATURE_WITHIN_DAYS = 30;

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "never");
const moscowDay = (date: Date) => Math.floor((date.getTime() + MOSCOW_OFFSET_MS) / DAY_MS);

/** Whether a person with this frequency, whose last digest was made then, is due one now. */
export function isDue(frequency: User["digestFrequency"], last: Date | null, now: Date): boolean {
  if (frequency === "OFF") return false;
  if (!last) return true;
  const days = moscowDay(now) - moscowDay(last);
  return frequency === "DAILY" ? days >= 1 : days >= 7;
}

/** A recipient's Access, built as a signed-in user's is (lib/sessions.ts, lib/access.ts). */
async function accessOf(userId: string): Promise<Access> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, role: true, allRegions: true, centreId: true, regions: { select: { regionId: true } } },
  });
  return accessFor({
    kind: "user",
    userId: user.id,
    role: user.role,
    regionIds: user.regions.map((region) => region.regionId),
    allRegions: user.allRegions,
    centreId: user.centreId,
    centreRegionId: null,
  });
}

interface OverdueFeedback {
  id: string;
  regionId: string;
  dueAt: Date;
  title: string;
}

/** Feedback not answered by its due time, in the regions given (oldest due first, capped as the alerts are). */
function overdueFeedback(regions: Regions, now: Date): Promise<OverdueFeedback[]> {
  return prisma.$queryRaw<OverdueFeedback[]>`
    SELECT f."id", f."regionId", f."dueAt",
           COALESCE(c."name", s."name", l."name", cat."name") AS "title"
      FROM "Feedback" f
      JOIN "FeedbackCategory" cat ON cat."id" = f."categoryId"
      LEFT JOIN "Centre" c ON c."id" = f."centreId"
      LEFT JOIN "Service" s ON s."id" = f."serviceId"
      LEFT JOIN "LifeSituation" l ON l."id" = f."lifeSituationId"
     WHERE f."status" IN ('RECEIVED', 'IN_PROGRESS') AND f."dueAt" < ${now}
       AND ${regionSql(regions, `f."regionId"`)}
     ORDER BY f."dueAt", f."id"
     LIMIT ${ALERT_LIMIT}`;
}

interface ReportNames {
  form: { name: string };
  centre: { name: string } | null;
  municipality: { name: string } | null;
  region: { name: string };
}

/**
 * Everything that needs this person now, each with the key that says "the same thing": the record
 * and the state that makes it news. A signature expiring on a given day (renewed, with a new day,
 * it is news again); a report overdue in a given status (returned after submission, it is news
 * again); a centre last verified on a given day (or never); a service uncurated since its last
 * primary curator left (or always); feedback and systemic errors past a given due day.
 */
export async function alertsFor(access: Access, now = new Date()): Promise<Alert[]> {
  const [found, feedback] = await Promise.all([
    alerts(
      access,
      { signatureWithinDays: SIGNATURE_WITHIN_DAYS },
      {
        overdueReports: {
          include: {
            form: { select: { name: true } },
            centre: { select: { name: true } },
            municipality: { select: { name: true } },
            region: { select: { name: true } },
          },
        },
      },
    ),
    overdueFeedback(access.read, now),
  ]);

  const uncurated = found.servicesWithoutCurator.items;
  const lastCurators = uncurated.length
    ? await prisma.curatorAssignment.groupBy({
        by: ["serviceId", "regionId"],
        where: { targetType: "SERVICE", primary: true, serviceId: { in: uncurated.map((item) => item.service.id) } },
        _max: { validTo: true },
      })
    : [];
  const curatorLeft = new Map(lastCurators.map((row) => [`${row.serviceId}:${row.regionId}`, row._max.validTo]));

  const list: Omit<Alert, "regionName">[] = [
    ...found.expiringSignatures.items.map(({ centre, validUntil }) => ({
      kind: "EXPIRING_SIGNATURE" as const,
      alertKey: `signature:${centre.id}:${day(validUntil)}`,
      recordType: "Centre",
      recordId: centre.id,
      title: centre.name,
      regionId: centre.regionId,
      date: validUntil,
    })),
    ...found.overdueReports.items.map(({ report, dueDate }) => {
      const names = report as typeof report & ReportNames;
      const reporter = names.centre?.name ?? names.municipality?.name ?? names.region.name;
      return {
        kind: "OVERDUE_REPORT" as const,
        alertKey: `report:${report.id}:${report.status}:${day(dueDate)}`,
        recordType: "Report",
        recordId: report.id,
        title: `${names.form.name}: ${reporter}, ${day(report.periodStart)} – ${day(report.periodEnd)}`,
        regionId: report.regionId,
        date: dueDate,
      };
    }),
    ...found.unverifiedCentres.items.map(({ centre, lastVerifiedAt }) => ({
      kind: "UNVERIFIED_CENTRE" as const,
      alertKey: `unverified:${centre.id}:${lastVerifiedAt ? lastVerifiedAt.toISOString() : "never"}`,
      recordType: "Centre",
      recordId: centre.id,
      title: centre.name,
      regionId: centre.regionId,
      date: lastVerifiedAt,
    })),
    ...uncurated.map(({ service, region }) => ({
      kind: "SERVICE_WITHOUT_CURATOR" as const,
      alertKey: `uncurated:${service.id}:${region.id}:${day(curatorLeft.get(`${service.id}:${region.id}`))}`,
      recordType: "Service",
      recordId: service.id,
      title: service.name,
      regionId: region.id,
      date: null,
    })),
    ...feedback.map((item) => ({
      kind: "OVERDUE_FEEDBACK" as const,
      alertKey: `feedback:${item.id}:${item.dueAt.toISOString()}`,
      recordType: "Feedback",
      recordId: item.id,
      title: item.title,
      regionId: item.regionId,
      date: item.dueAt,
    })),
    ...found.overdueSystemicErrors.items.map(({ systemicError, dueAt }) => ({
      kind: "OVERDUE_SYSTEMIC_ERROR" as const,
      alertKey: `systemic:${systemicError.id}:${day(dueAt)}`,
      recordType: "SystemicError",
      recordId: systemicError.id,
      title: systemicError.title,
      regionId: systemicError.regionId,
      date: dueAt,
    })),
  ];
  const regionIds = [...new Set(list.flatMap((alert) => (alert.regionId ? [alert.regionId] : [])))];
  const regions = new Map(
    (await prisma.region.findMany({ where: { id: { in: regionIds } }, select: { id: true, name: true } })).map(
      (region) => [region.id, region.name],
    ),
  );
  return list.map((alert) => ({ ...alert, regionName: regions.get(alert.regionId ?? "") ?? null }));
}

export interface DigestOutcome {
  userId: string;
  email: string;
  digestId: string;
  /** New notifications put in the inbox. */
  delivered: number;
  /** Items the e-mail carried (new ones and earlier undelivered ones). */
  mailed: number;
  mailStatus: "SENT" | "FAILED";
  mailError: string | null;
}

/** Earlier items whose e-mail has not gone out that a digest carries again, at most. */
const MAX_RESENT = 200;

/**
 * Makes one person's digest if it is due at `now`: their new alerts into the inbox, and one
 * e-mail. Null when it is not due, or when there is nothing new and nothing left to e-mail.
 */
export async function deliverDigest(
  userId: string,
  now = new Date(),
  settings: MailSettings = mailSettings(),
): Promise<DigestOutcome | null> {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user?.active || (user.role !== "ADMIN" && user.role !== "CURATOR")) return null;
  if (user.digestFrequency === "OFF") return null;
  const found = await alertsFor(await accessOf(userId), now);

  const made = await prisma.$transaction(async (tx) => {
    // Holds the person's row: a second run for the same person waits here, then finds the
    // digest this one made and stops.
    const [locked] = await tx.$queryRaw<{ digestFrequency: User["digestFrequency"] }[]>`
      SELECT "digestFrequency" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    const last = await tx.digest.findFirst({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (!locked || !isDue(locked.digestFrequency, last?.createdAt ?? null, now)) return null;
    const created = found.length
      ? await tx.notification.createManyAndReturn({
          data: found.map((alert) => ({ ...alert, userId, createdAt: now })),
          skipDuplicates: true,
          select: { id: true },
        })
      : [];
    const unsent = await tx.notification.findMany({
      where: { userId, emailedAt: null, digestId: { not: null } },
      orderBy: { createdAt: "asc" },
      take: MAX_RESENT,
      select: { id: true },
    });
    if (created.length === 0 && unsent.length === 0) return null;
    const digest = await tx.digest.create({ data: { userId, createdAt: now, itemCount: created.length } });
    await tx.notification.updateMany({
      where: { id: { in: created.map((row) => row.id) } },
      data: { digestId: digest.id },
    });
    return { digestId: digest.id, delivered: created.length, ids: [...created, ...unsent].map((row) => row.id) };
  });
  if (!made) return null;

  const items = await prisma.notification.findMany({
    where: { id: { in: made.ids } },
    orderBy: [{ kind: "asc" }, { date: "asc" }, { title: "asc" }],
  });
  const message = composeDigest(user, items, settings.adminUrl);
  try {
    await sendMail(message, settings);
  } catch (error) {
    const reason = error instanceof MailDeliveryError ? error.message : String(error);
    await prisma.digest.update({
      where: { id: made.digestId },
      data: { mailStatus: "FAILED", mailError: reason.slice(0, 1000), mailedCount: 0 },
    });
    logger.warn({ userId, digestId: made.digestId, reason }, "digest e-mail failed; the next digest sends it again");
    return { userId, email: user.email, ...made, mailed: 0, mailStatus: "FAILED", mailError: reason };
  }
  const sentAt = new Date();
  await prisma.$transaction([
    prisma.notification.updateMany({ where: { id: { in: made.ids } }, data: { emailedAt: sentAt } }),
    prisma.digest.update({
      where: { id: made.digestId },
      data: { mailStatus: "SENT", sentAt, mailedCount: made.ids.length },
    }),
  ]);
  return {
    userId,
    email: user.email,
    digestId: made.digestId,
    delivered: made.delivered,
    mailed: made.ids.length,
    mailStatus: "SENT",
    mailError: null,
  };
}

export interface DigestRunSummary {
  recipients: number;
  digests: number;
  delivered: number;
  mailed: number;
  mailFailed: number;
  errors: number;
}

/**
 * Every due digest at `now` (the schedule's daily run, and `npm start` for the demo data): each
 * active curator and administrator whose frequency is not OFF, one after another. One person's
 * failure is logged and does not stop the others.
 */
export async function runDigests(now = new Date(), settings: MailSettings = mailSettings()): Promise<DigestRunSummary> {
  const recipients = await prisma.user.findMany({
    where: { active: true, role: { in: ["ADMIN", "CURATOR"] }, digestFrequency: { not: "OFF" } },
    orderBy: { email: "asc" },
    select: { id: true },
  });
  const summary: DigestRunSummary = {
    recipients: recipients.length,
    digests: 0,
    delivered: 0,
    mailed: 0,
    mailFailed: 0,
    errors: 0,
  };
  for (const { id } of recipients) {
    try {
      const outcome = await deliverDigest(id, now, settings);
      if (!outcome) continue;
      summary.digests += 1;
      summary.delivered += outcome.delivered;
      summary.mailed += outcome.mailed;
      if (outcome.mailStatus === "FAILED") summary.mailFailed += 1;
    } catch (error) {
      summary.errors += 1;
      logger.error({ err: error, userId: id }, "digest failed");
    }
  }
  return summary;
}
