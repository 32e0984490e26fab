// Opening hours, their exceptions and the mobile offices' trips, in four statements.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../api/generated/prisma/client.js";
import { addDays, createRandom, day, today } from "../generators.js";
import type { Centres } from "./centres.js";
import type { Geography } from "./geography.js";

type Interval = readonly [weekday: number, opens: string, closes: string];

/** Typical library timetables: most close on Monday; small ones take a lunch break. */
const TIMETABLES: readonly (readonly Interval[])[] = [
  [
    [2, "10:00", "19:00"],
    [3, "10:00", "19:00"],
    [4, "10:00", "19:00"],
    [5, "10:00", "19:00"],
    [6, "10:00", "18:00"],
    [7, "10:00", "17:00"],
  ],
  [
    [1, "09:00", "13:00"],
    [1, "14:00", "18:00"],
    [2, "09:00", "13:00"],
    [2, "14:00", "18:00"],
    [3, "09:00", "13:00"],
    [3, "14:00", "18:00"],
    [4, "09:00", "13:00"],
    [4, "14:00", "18:00"],
    [5, "09:00", "13:00"],
    [5, "14:00", "17:00"],
  ],
  [
    [2, "11:00", "17:00"],
    [4, "11:00", "17:00"],
    [5, "11:00", "17:00"],
    [6, "10:00", "15:00"],
  ],
];

/** Documents the Tver mobile offices issue on the spot. */
export const MOBILE_DOCUMENT_TYPES = [
  "Паспорт гражданина РФ",
  "СНИЛС",
  "Полис ОМС",
  "Заграничный паспорт",
  "Справка о наличии (отсутствии) судимости",
  "Выписка из ЕГРН",
];

export async function seedCentreDetails(
  tx: Prisma.TransactionClient,
  geo: Geography,
  centres: Centres,
): Promise<{ visits: number }> {
  const random = createRandom(692_018);
  const hours: Prisma.OpeningHoursCreateManyInput[] = [];
  const exceptions: Prisma.OpeningHoursExceptionCreateManyInput[] = [];
  const now = today();
  const newYear = now.getUTCFullYear() + 1;

  for (const centre of centres.all) {
    if (!centre.stationary) continue;
    // A fifth of the registry has not filled in its hours yet; regional centres always have.
    if (!centre.flagship && random.chance(0.2)) continue;
    const timetable = centre.flagship ? TIMETABLES[0] : centre.rural ? TIMETABLES[2] : random.pick(TIMETABLES);
    for (const [weekday, opens, closes] of timetable ?? []) {
      hours.push({ centreId: centre.id, weekday, opens, closes });
    }
    if (centre.status === "TEMPORARILY_CLOSED") {
      exceptions.push({
        centreId: centre.id,
        startsOn: addDays(now, -random.int(5, 20)),
        endsOn: addDays(now, random.int(20, 60)),
        closed: true,
        reason: "Ремонт помещения",
      });
    } else if (centre.flagship) {
      exceptions.push(
        {
          centreId: centre.id,
          startsOn: day(newYear, 1, 1),
          endsOn: day(newYear, 1, 8),
          closed: true,
          reason: "Новогодние праздники",
        },
        {
          centreId: centre.id,
          startsOn: day(newYear - 1, 12, 31),
          endsOn: day(newYear - 1, 12, 31),
          closed: false,
          opens: "10:00",
          closes: "15:00",
          reason: "Сокращённый предпраздничный день",
        },
      );
    }
  }

  // Each Tver mobile office visits a village of the region about once a month.
  const villages = geo.region("69").municipalities.flatMap((m) => m.villages);
  const visits: Prisma.MobileVisitCreateManyInput[] = [];
  const documents: Prisma.MobileVisitDocumentCreateManyInput[] = [];
  for (const office of centres.mobileOffices) {
    for (let k = 0; k < 8; k++) {
      const id = randomUUID();
      const peopleServed = random.int(6, 35);
      const settlement = random.pick(villages);
      visits.push({
        id,
        centreId: office.id,
        settlementId: settlement.id,
        visitedOn: addDays(now, -(k * 30 + random.int(3, 12))),
        peopleServed,
        note: k === 0 ? "Выезд по заявке администрации сельского поселения" : null,
      });
      const types = random.shuffle(MOBILE_DOCUMENT_TYPES).slice(0, random.int(2, 4));
      let left = peopleServed;
      for (const documentType of types) {
        const count = Math.min(left, random.int(1, Math.max(1, Math.floor(peopleServed / 2))));
        left -= count;
        documents.push({ visitId: id, documentType, count });
      }
    }
  }

  await tx.openingHours.createMany({ data: hours });
  await tx.openingHoursException.createMany({ data: exceptions });
  await tx.mobileVisit.createMany({ data: visits });
  await tx.mobileVisitDocument.createMany({ data: documents });
  return { visits: visits.length };
}
