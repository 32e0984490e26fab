// Quality standards (with their revision history), measurements, feedback categories and
// citizens' feedback with its event history.
import { randomUUID } from "node:crypto";
import type { FeedbackStatus, FeedbackSubject, Prisma } from "../../../api/generated/prisma/client.js";
import { newReference } from "../../../api/modules/feedback/reference.js";
import { addDays, createNameGenerator, createRandom, day, monthEnd, monthStart, today } from "../generators.js";
import type { Centres } from "./centres.js";
import { seedFeedbackApps } from "./feedback-apps.js";
import type { Geography } from "./geography.js";
import type { People } from "./people.js";
import type { SeededService, Services } from "./services.js";
import type { DemoUsers } from "./users.js";

const CATEGORIES = [
  { code: "COMPLAINT", name: "Жалоба", slaDays: 30 },
  { code: "SUGGESTION", name: "Предложение", slaDays: 30 },
  { code: "QUESTION", name: "Вопрос", slaDays: 10 },
  { code: "GRATITUDE", name: "Благодарность", slaDays: 30 },
] as const;
type CategoryCode = (typeof CATEGORIES)[number]["code"];

const TEXTS: Record<CategoryCode, string[]> = {
  COMPLAINT: [
    "Пришлось ждать консультанта больше получаса, хотя очереди не было.",
    "На портале форма заявления дважды выдала ошибку, сотрудник не смог помочь.",
    "Центр был закрыт в часы работы, указанные на сайте.",
  ],
  SUGGESTION: [
    "Прошу установить ещё одно рабочее место с доступом к Госуслугам.",
    "Было бы удобно записываться на консультацию заранее по телефону.",
  ],
  QUESTION: [
    "Можно ли в библиотеке подтвердить учётную запись на Госуслугах?",
    "Какие документы нужны, чтобы оформить Пушкинскую карту?",
  ],
  GRATITUDE: [
    "Спасибо библиотекарю за терпение: помогли оформить пособие за один визит.",
    "Благодарю за помощь с записью ребёнка в детский сад через портал.",
  ],
};

/** [category, final status, subject, days ago] of the twenty demo feedback items. */
const SCRIPT: readonly (readonly [CategoryCode, FeedbackStatus, FeedbackSubject, number])[] = [
  ["COMPLAINT", "CLOSED", "SERVICE", 75],
  ["COMPLAINT", "IN_PROGRESS", "CENTRE", 41],
  ["COMPLAINT", "RECEIVED", "CENTRE", 3],
  ["COMPLAINT", "ANSWERED", "SERVICE", 20],
  ["COMPLAINT", "DUPLICATE", "SERVICE", 70],
  ["COMPLAINT", "REDIRECTED", "SERVICE", 16],
  ["COMPLAINT", "REJECTED", "OTHER", 33],
  ["SUGGESTION", "RECEIVED", "CENTRE", 2],
  ["SUGGESTION", "IN_PROGRESS", "CENTRE", 12],
  ["SUGGESTION", "CLOSED", "LIFE_SITUATION", 60],
  ["QUESTION", "RECEIVED", "CENTRE", 1],
  ["QUESTION", "IN_PROGRESS", "SERVICE", 14],
  ["QUESTION", "ANSWERED", "CENTRE", 6],
  ["QUESTION", "CLOSED", "CENTRE", 45],
  ["QUESTION", "REDIRECTED", "SERVICE", 9],
  ["GRATITUDE", "RECEIVED", "CENTRE", 4],
  ["GRATITUDE", "IN_PROGRESS", "SERVICE", 8],
  ["GRATITUDE", "ANSWERED", "CENTRE", 11],
  ["GRATITUDE", "CLOSED", "SERVICE", 30],
  ["GRATITUDE", "CLOSED", "CENTRE", 50],
];

/** The statuses a feedback item passed through to reach its final one. */
const PATHS: Record<FeedbackStatus, FeedbackStatus[]> = {
  RECEIVED: ["RECEIVED"],
  IN_PROGRESS: ["RECEIVED", "IN_PROGRESS"],
  ANSWERED: ["RECEIVED", "IN_PROGRESS", "ANSWERED"],
  CLOSED: ["RECEIVED", "IN_PROGRESS", "ANSWERED", "CLOSED"],
  REJECTED: ["RECEIVED", "REJECTED"],
  DUPLICATE: ["RECEIVED", "DUPLICATE"],
  REDIRECTED: ["RECEIVED", "IN_PROGRESS", "REDIRECTED"],
};

function findService(services: Services, fragment: string): SeededService {
  const found = services.smolensk.find((s) => s.name.includes(fragment));
  if (!found) throw new Error(`The demo has no Smolensk service like "${fragment}".`);
  return found;
}

async function seedStandards(
  tx: Prisma.TransactionClient,
  geo: Geography,
  centres: Centres,
  services: Services,
  users: DemoUsers,
): Promise<void> {
  const random = createRandom(15_090);
  const kindergarten = findService(services, "детские сады");
  const maternity = findService(services, "материнского");
  const subsidies = findService(services, "субсидий на оплату");
  const ids = { v1: randomUUID(), v2: randomUUID(), draft: randomUUID(), subsidies: randomUUID() };
  const title = (service: SeededService) => `Стандарт качества услуги «${service.name}»`;
  await tx.qualityStandard.createMany({
    data: [
      {
        id: ids.v1,
        serviceId: kindergarten.id,
        revision: 1,
        title: title(kindergarten),
        status: "SUPERSEDED",
        validFrom: day(2024, 1, 1),
        approvedAt: day(2023, 12, 20),
        approvedById: users.admin,
        supersededAt: day(2025, 9, 1),
      },
      {
        id: ids.v2,
        serviceId: kindergarten.id,
        revision: 2,
        title: title(kindergarten),
        status: "APPROVED",
        validFrom: day(2025, 9, 1),
        approvedAt: day(2025, 8, 25),
        approvedById: users.admin,
      },
      { id: ids.draft, serviceId: maternity.id, revision: 1, title: title(maternity), status: "DRAFT" },
      {
        id: ids.subsidies,
        serviceId: subsidies.id,
        revision: 1,
        title: title(subsidies),
        status: "APPROVED",
        validFrom: day(2025, 3, 1),
        approvedAt: day(2025, 2, 20),
        approvedById: users.admin,
      },
    ],
  });
  const wait = { indicatorCode: "WAIT_MINUTES", name: "Время ожидания в очереди", unit: "мин" };
  const satisfaction = { indicatorCode: "SATISFACTION_PCT", name: "Доля удовлетворённых заявителей", unit: "%" };
  const processing = { indicatorCode: "PROCESSING_DAYS", name: "Срок предоставления услуги", unit: "раб. дн." };
  const electronic = { indicatorCode: "ELECTRONIC_SHARE_PCT", name: "Доля заявлений, поданных онлайн", unit: "%" };
  await tx.qualityTarget.createMany({
    data: [
      { standardId: ids.v1, ...wait, direction: "AT_MOST", threshold: 20 },
      { standardId: ids.v1, ...satisfaction, direction: "AT_LEAST", threshold: 85 },
      { standardId: ids.v2, ...wait, direction: "AT_MOST", threshold: 15 },
      { standardId: ids.v2, ...satisfaction, direction: "AT_LEAST", threshold: 90 },
      { standardId: ids.draft, ...processing, direction: "AT_MOST", threshold: 10 },
      { standardId: ids.draft, ...electronic, direction: "AT_LEAST", threshold: 95 },
      { standardId: ids.subsidies, ...wait, direction: "AT_MOST", threshold: 15 },
      { standardId: ids.subsidies, ...processing, direction: "AT_MOST", threshold: 10 },
    ],
  });

  // Six months of measurements; some municipalities miss the targets now and then.
  const smolensk = geo.region("67");
  const measurements: Prisma.QualityMeasurementCreateManyInput[] = [];
  for (let back = 1; back <= 6; back++) {
    const periodStart = monthStart(back);
    const period = { regionId: smolensk.id, periodStart, periodEnd: monthEnd(periodStart), source: "Опрос заявителей" };
    for (const m of smolensk.municipalities.slice(0, 4)) {
      const late = random.chance(0.25);
      measurements.push(
        {
          serviceId: kindergarten.id,
          indicatorCode: "WAIT_MINUTES",
          municipalityId: m.id,
          ...period,
          value: late ? random.int(16, 35) : random.int(5, 15),
        },
        {
          serviceId: kindergarten.id,
          indicatorCode: "SATISFACTION_PCT",
          municipalityId: m.id,
          ...period,
          value: (late ? random.int(780, 899) : random.int(900, 990)) / 10,
        },
      );
    }
    measurements.push(
      { serviceId: subsidies.id, indicatorCode: "WAIT_MINUTES", ...period, value: random.int(8, 18) },
      { serviceId: subsidies.id, indicatorCode: "PROCESSING_DAYS", ...period, value: random.int(6, 11) },
      {
        serviceId: kindergarten.id,
        indicatorCode: "SATISFACTION_PCT",
        centreId: centres.flagship("67").id,
        ...period,
        value: random.int(910, 990) / 10,
      },
    );
  }
  await tx.qualityMeasurement.createMany({ data: measurements });
}

async function seedFeedback(
  tx: Prisma.TransactionClient,
  geo: Geography,
  centres: Centres,
  services: Services,
  people: People,
  users: DemoUsers,
): Promise<void> {
  const random = createRandom(30_010);
  const authors = createNameGenerator(createRandom(30_011));
  const categories = CATEGORIES.map((c) => ({ id: randomUUID(), ...c }));
  await tx.feedbackCategory.createMany({ data: categories });

  const smolensk = geo.region("67");
  const curatorRegions = new Set([smolensk.id, geo.region("18").id]);
  const reachable = centres.all.filter((c) => c.stationary && ["67", "18", "60", "38"].includes(c.regionCode));
  const rows: Prisma.FeedbackCreateManyInput[] = [];
  const events: Prisma.FeedbackEventCreateManyInput[] = [];
  let firstComplaint: string | null = null;

  for (const [i, [code, status, subjectType, daysAgo]] of SCRIPT.entries()) {
    const category = categories.find((c) => c.code === code) ?? categories[0];
    if (!category) throw new Error("The demo has no feedback categories.");
    const id = randomUUID();
    const receivedAt = addDays(today(), -daysAgo);
    receivedAt.setUTCHours(8 + (i % 9), (i * 7) % 60);
    const centre = subjectType === "CENTRE" ? random.pick(reachable) : null;
    const service = subjectType === "SERVICE" ? random.pick(services.smolensk) : null;
    const regionId = centre?.regionId ?? smolensk.id;
    const regionCode = centre?.regionCode ?? "67";
    const assigned = service ? people.serviceCurator(service.id) : random.pick(people.curators(regionCode));
    const answered = status === "ANSWERED" || status === "CLOSED";
    const high = code === "GRATITUDE";
    const rating = () => (high ? random.int(4, 5) : code === "COMPLAINT" ? random.int(1, 3) : random.int(3, 5));
    const rated = code !== "QUESTION";
    const author = authors();
    rows.push({
      id,
      categoryId: category.id,
      subjectType,
      centreId: centre?.id ?? null,
      serviceId: service?.id ?? null,
      lifeSituationId: subjectType === "LIFE_SITUATION" ? (services.lifeSituations[0]?.id ?? null) : null,
      regionId,
      ratingTime: rated ? rating() : null,
      ratingWaiting: rated ? rating() : null,
      ratingStaff: rated ? rating() : null,
      ratingComfort: rated ? rating() : null,
      ratingInformation: rated ? rating() : null,
      text:
        subjectType === "OTHER"
          ? "Почему в нашем посёлке нет МФЦ? Ездить в район приходится за каждой справкой."
          : random.pick(TEXTS[code]),
      authorName: `${author.firstName} ${author.lastName.slice(0, 1)}.`,
      authorContact: `reader${i + 1}@mail.example`,
      status,
      assignedCuratorId: status === "RECEIVED" ? null : assigned,
      receivedAt,
      dueAt: addDays(receivedAt, category.slaDays),
      answeredAt: answered ? addDays(receivedAt, Math.min(daysAgo, 4)) : null,
      answer: answered ? "Ответ направлен заявителю; куратор проверил работу центра и дал разъяснения." : null,
      duplicateOfId: status === "DUPLICATE" ? firstComplaint : null,
      redirectedTo: status === "REDIRECTED" ? "Отделение Социального фонда России по Смоленской области" : null,
      reference: newReference(),
    });
    if (code === "COMPLAINT" && !firstComplaint) firstComplaint = id;

    const actor = curatorRegions.has(regionId) ? users.curator : users.admin;
    const path = PATHS[status];
    path.forEach((to, step) => {
      events.push({
        feedbackId: id,
        fromStatus: step === 0 ? null : (path[step - 1] ?? null),
        toStatus: to,
        actorUserId: step === 0 ? null : actor,
        comment: i === 0 && to === "CLOSED" ? "Системная ошибка формы устранена разработчиком портала" : null,
        at: addDays(receivedAt, Math.min(daysAgo, step * 2)),
      });
    });
  }

  await tx.feedback.createMany({ data: rows });
  await tx.feedbackEvent.createMany({ data: events });
  const complaints = categories.find((c) => c.code === "COMPLAINT");
  if (!complaints) throw new Error("The demo has no complaint category.");
  // The first complaint is about a Smolensk service whose form error was fixed and confirmed.
  await seedFeedbackApps(tx, {
    regionId: smolensk.id,
    complaintCategory: complaints,
    curator: users.curator,
    fixedComplaintId: rows[0]?.regionId === smolensk.id ? (rows[0]?.id ?? null) : null,
  });
}

export async function seedQuality(
  tx: Prisma.TransactionClient,
  geo: Geography,
  centres: Centres,
  services: Services,
  people: People,
  users: DemoUsers,
): Promise<void> {
  await seedStandards(tx, geo, centres, services, users);
  await seedFeedback(tx, geo, centres, services, people, users);
}
