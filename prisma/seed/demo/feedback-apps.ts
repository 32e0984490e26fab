// Citizens' feedback through a partner app and Smolensk's register of systemic errors: the
// curators "work with citizens' feedback and remove systemic errors or failures" (seed 002). A
// demo app (its key unusable: only a random fingerprint is stored) sent complaints that the
// kindergarten enrolment form rejects a valid SNILS; they reveal an overdue error, beside a
// fixed one and a confirmed one of other socially significant services.
import { randomBytes, randomUUID } from "node:crypto";
import type { FeedbackStatus, Prisma, SystemicErrorStatus } from "../../../api/generated/prisma/client.js";
import { newReference } from "../../../api/modules/feedback/reference.js";
import { addDays, createNameGenerator, createRandom, today } from "../generators.js";

export const DEMO_APP_NAME = "Мобильное приложение «Смоленск — обратная связь»";

/** [days ago, status, text] of the app's complaints about kindergarten enrolment. */
const APP_COMPLAINTS: readonly (readonly [number, FeedbackStatus, string])[] = [
  [
    24,
    "IN_PROGRESS",
    "Записываю ребёнка в детский сад на портале — форма пишет «СНИЛС указан неверно», хотя он верный.",
  ],
  [19, "IN_PROGRESS", "Форма записи в детский сад не принимает СНИЛС с дефисами и пробелом, без них тоже ошибка."],
  [11, "RECEIVED", "Третий день не могу подать заявление в детский сад: ошибка проверки СНИЛС."],
  [3, "RECEIVED", "В библиотеке помогли, но и там форма записи в детский сад отклонила СНИЛС ребёнка."],
];

interface ErrorSpec {
  service: string;
  title: string;
  description: string;
  status: SystemicErrorStatus;
  detectedDaysAgo: number;
  /** Days from today to the due day (negative: past). */
  dueIn: number;
  resolution?: string;
}

const ERRORS: readonly ErrorSpec[] = [
  {
    service: "детские сады",
    title: "Форма записи в детский сад на региональном портале отклоняет СНИЛС в верном формате",
    description:
      "Проверка поля «СНИЛС ребёнка» не принимает номер вида 123-456-789 01; заявители не могут подать заявление электронно.",
    status: "REPORTED",
    detectedDaysAgo: 20,
    dueIn: -5,
  },
  {
    service: "родительской платы",
    title: "Заявление на компенсацию родительской платы не уходило в ведомство",
    description: "Заявления, поданные в МФЦ, не передавались в орган соцзащиты из-за ошибки интеграции.",
    status: "FIXED",
    detectedDaysAgo: 40,
    dueIn: 5,
    resolution: "Интеграция восстановлена, зависшие заявления переданы повторно.",
  },
  {
    service: "субсидий на оплату",
    title: "На странице услуги указан неверный срок предоставления субсидии на оплату ЖКУ",
    description: "На портале указан срок 30 дней вместо установленного регламентом.",
    status: "CONFIRMED",
    detectedDaysAgo: 74,
    dueIn: -44,
    resolution: "Карточка услуги исправлена, куратор проверил её на портале.",
  },
];

export async function seedFeedbackApps(
  tx: Prisma.TransactionClient,
  input: {
    regionId: string;
    complaintCategory: { id: string; slaDays: number };
    curator: string;
    /** The demo's earlier complaint about a Smolensk service whose form error was fixed. */
    fixedComplaintId: string | null;
  },
): Promise<void> {
  const random = createRandom(30_020);
  const authors = createNameGenerator(createRandom(30_021));
  const key = `dsp_${randomBytes(24).toString("base64url")}`;
  const app = await tx.apiClient.create({
    data: {
      name: DEMO_APP_NAME,
      keyPrefix: key.slice(0, 12),
      keyHash: randomBytes(32).toString("hex"),
      scopes: ["feedback:write"],
      rateLimitPerMinute: 600,
    },
  });

  const errorIds: string[] = [];
  for (const spec of ERRORS) {
    const service = await tx.service.findFirstOrThrow({
      where: { regionId: input.regionId, name: { contains: spec.service } },
    });
    const detectedAt = addDays(today(), -spec.detectedDaysAgo);
    const step = (days: number, reached: boolean) => (reached ? addDays(detectedAt, days) : null);
    const reported = spec.status !== "OPEN";
    const fixed = spec.status === "FIXED" || spec.status === "CONFIRMED";
    const id = randomUUID();
    errorIds.push(id);
    await tx.systemicError.create({
      data: {
        id,
        regionId: input.regionId,
        serviceId: service.id,
        authorityId: service.competentAuthorityId,
        title: spec.title,
        description: spec.description,
        status: spec.status,
        detectedAt,
        dueAt: addDays(today(), spec.dueIn),
        reportedAt: step(2, reported),
        fixedAt: step(Math.min(spec.detectedDaysAgo - 2, 20), fixed),
        confirmedAt: step(spec.detectedDaysAgo - 1, spec.status === "CONFIRMED"),
        resolution: spec.resolution ?? null,
      },
    });
  }

  const kindergarten = await tx.service.findFirstOrThrow({
    where: { regionId: input.regionId, name: { contains: "детские сады" } },
  });
  for (const [i, [daysAgo, status, text]] of APP_COMPLAINTS.entries()) {
    const id = randomUUID();
    const receivedAt = addDays(today(), -daysAgo);
    receivedAt.setUTCHours(9 + i, 15);
    const author = authors();
    const rating = () => random.int(1, 2);
    await tx.feedback.create({
      data: {
        id,
        categoryId: input.complaintCategory.id,
        subjectType: "SERVICE",
        serviceId: kindergarten.id,
        regionId: input.regionId,
        ratingTime: rating(),
        ratingWaiting: rating(),
        ratingStaff: random.int(3, 5),
        ratingComfort: random.int(3, 5),
        ratingInformation: rating(),
        text,
        authorName: `${author.firstName} ${author.lastName.slice(0, 1)}.`,
        authorContact: `+7 951 ${String(random.int(100, 999))}-${String(random.int(10, 99))}-${String(random.int(10, 99))}`,
        status,
        assignedCuratorId: null,
        receivedAt,
        dueAt: addDays(receivedAt, input.complaintCategory.slaDays),
        reference: newReference(),
        apiClientId: app.id,
        externalId: `sml-fb-${String(20_417 + i * 37)}`,
        // The first three revealed the error; the latest is still to be looked at.
        systemicErrorId: i < 3 ? (errorIds[0] ?? null) : null,
        events: {
          create: [
            { fromStatus: null, toStatus: "RECEIVED", at: receivedAt },
            ...(status === "IN_PROGRESS"
              ? [
                  {
                    fromStatus: "RECEIVED" as const,
                    toStatus: "IN_PROGRESS" as const,
                    actorUserId: input.curator,
                    at: addDays(receivedAt, 1),
                  },
                ]
              : []),
          ],
        },
      },
    });
  }
  if (input.fixedComplaintId) {
    await tx.feedback.update({ where: { id: input.fixedComplaintId }, data: { systemicErrorId: errorIds[2] ?? null } });
  }
}
