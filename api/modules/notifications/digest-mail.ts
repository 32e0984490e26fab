// A digest as an e-mail, in Russian (the people who get it are Russian-speaking curators and
// administrators): plain text and simple HTML with the same content, each item linking to its
// record in the admin panel.
import type { Notification, NotificationKind } from "../../generated/prisma/client.js";
import { toGlobalId } from "../../lib/ids.js";
import type { MailMessage } from "../../lib/mail.js";

/** The admin panel's resource of each record type a notification points at. */
export const ADMIN_RESOURCES: Record<string, string> = {
  Centre: "centres",
  Report: "reports",
  Service: "services",
  Feedback: "feedback",
  SystemicError: "systemicErrors",
};

/** The record's page in the admin panel (its hash route), e.g. `#/centres/<id>/show`. */
export function adminPath(recordType: string, recordId: string): string {
  const resource = ADMIN_RESOURCES[recordType] ?? "notifications";
  return `#/${resource}/${encodeURIComponent(toGlobalId(recordType, recordId))}/show`;
}

const HEADINGS: Record<NotificationKind, string> = {
  EXPIRING_SIGNATURE: "Истекает срок электронной подписи",
  OVERDUE_REPORT: "Отчёты не сданы в срок",
  UNVERIFIED_CENTRE: "Центры не проверялись больше 12 месяцев",
  SERVICE_WITHOUT_CURATOR: "Социально значимые услуги без куратора",
  OVERDUE_FEEDBACK: "Обращения без ответа после срока",
  OVERDUE_SYSTEMIC_ERROR: "Системные ошибки не устранены в срок",
};

const KIND_ORDER = Object.keys(HEADINGS) as NotificationKind[];

const ruDate = (date: Date) =>
  `${String(date.getUTCDate()).padStart(2, "0")}.${String(date.getUTCMonth() + 1).padStart(2, "0")}.${date.getUTCFullYear()}`;

/** What the date of an item of this kind means, in words. */
function dateText(kind: NotificationKind, date: Date | null): string | null {
  switch (kind) {
    case "EXPIRING_SIGNATURE":
      return date ? `действует до ${ruDate(date)}` : null;
    case "OVERDUE_REPORT":
      return date ? `срок сдачи ${ruDate(date)}` : null;
    case "UNVERIFIED_CENTRE":
      return date ? `последняя проверка ${ruDate(date)}` : "ни разу не проверялся";
    case "OVERDUE_FEEDBACK":
      return date ? `срок ответа ${ruDate(date)}` : null;
    case "OVERDUE_SYSTEMIC_ERROR":
      return date ? `срок устранения ${ruDate(date)}` : null;
    case "SERVICE_WITHOUT_CURATOR":
      return "нет основного куратора";
  }
}

/** 1 новое уведомление, 2 новых уведомления, 5 новых уведомлений. */
export function itemsText(count: number): string {
  const ten = count % 10;
  const hundred = count % 100;
  if (ten === 1 && hundred !== 11) return `${count} новое уведомление`;
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return `${count} новых уведомления`;
  return `${count} новых уведомлений`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

type Item = Pick<Notification, "kind" | "title" | "regionName" | "date" | "recordType" | "recordId">;

export function composeDigest(
  user: { email: string; fullName: string },
  items: readonly Item[],
  adminUrl: string,
): MailMessage {
  const inbox = `${adminUrl}/#/notifications`;
  const groups = KIND_ORDER.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter(
    (group) => group.items.length > 0,
  );
  const describe = (item: Item) =>
    [item.regionName, dateText(item.kind, item.date)].filter((part): part is string => Boolean(part)).join(", ");
  const link = (item: Item) => `${adminUrl}/${adminPath(item.recordType, item.recordId)}`;

  const text = [
    `Здравствуйте, ${user.fullName}!`,
    "",
    `В «Доступе» для вас ${itemsText(items.length)}.`,
    ...groups.flatMap((group) => [
      "",
      `${HEADINGS[group.kind]} (${group.items.length}):`,
      ...group.items.flatMap((item) => [`• ${item.title} — ${describe(item)}`, `  ${link(item)}`]),
    ]),
    "",
    `Все уведомления: ${inbox}`,
    "Как часто присылать эти письма (ежедневно, еженедельно или не присылать), выберите там же, в разделе «Настройки уведомлений».",
  ].join("\n");

  const html = [
    `<p>Здравствуйте, ${escapeHtml(user.fullName)}!</p>`,
    `<p>В «Доступе» для вас ${itemsText(items.length)}.</p>`,
    ...groups.map(
      (group) =>
        `<h3>${escapeHtml(HEADINGS[group.kind])} (${group.items.length})</h3><ul>${group.items
          .map(
            (item) =>
              `<li><a href="${escapeHtml(link(item))}">${escapeHtml(item.title)}</a> — ${escapeHtml(describe(item))}</li>`,
          )
          .join("")}</ul>`,
    ),
    `<p><a href="${escapeHtml(inbox)}">Все уведомления</a>. Как часто присылать эти письма, выберите там же, в разделе «Настройки уведомлений».</p>`,
  ].join("\n");

  return { to: user.email, subject: `Доступ: ${itemsText(items.length)}`, text, html };
}
