// The event register's demo: Pskov's two information-society campaigns and Udmurtia's five
// forums of 2018 in district library systems (5 forums, 500+ people, as its report says);
// Udmurtia's 2018 seminar and webinars for library staff (seed 003), a conference of Yakutia's
// cycle «Власть. Население. Библиотека» (seed 001) and the Irkutsk sub-project curator's
// working meeting with the regional ministry (seed 000).
// The documents give neither days nor per-forum counts: those here are plausible, and add up
// to Udmurtia's 500+ (521). Nor do they count the people at the seminar, the webinars or the
// conference, so those have none.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../api/generated/prisma/client.js";
import { day } from "../generators.js";
import type { Centres } from "./centres.js";
import type { Geography, SeededRegion } from "./geography.js";
import type { Organisations } from "./organisations.js";
import { IRKUTSK_PROJECT } from "./people.js";

export const PSKOV_CAMPAIGNS = [
  "День гражданина информационного общества",
  "Деловое партнерство информации и гражданина",
] as const;

/**
 * Udmurtia's five 2018 forums «Библиотека. Власть. Общество» (seed 003), held by the library
 * systems of these districts (Алнашская, Селтинская, Вавожская, Дебесская and the
 * Якшур-Бодьинский centre), «более 500 жителей» in all; the days and the split are chosen.
 */
export const UDMURTIA_FORUMS_2018: readonly { district: string; on: Date; participants: number }[] = [
  { district: "Алнашский район", on: day(2018, 3, 15), participants: 96 },
  { district: "Селтинский район", on: day(2018, 4, 19), participants: 112 },
  { district: "Вавожский район", on: day(2018, 5, 17), participants: 104 },
  { district: "Якшур-Бодьинский район", on: day(2018, 9, 20), participants: 88 },
  { district: "Дебёсский район", on: day(2018, 10, 18), participants: 121 },
];

/**
 * Udmurtia, 2018 (seed 003): «Республиканский семинар «Государственные услуги онлайн»» and
 * «вебинары «Деятельность библиотек по оказанию помощи населению в получении государственных
 * услуг в электронном виде», где слушатели были специалисты ЦОД 16 районов республики». The year
 * only: the days are chosen. "Вебинары" gives no number: two, as the demo's 2018 report has it.
 */
export const UDMURTIA_STAFF_EVENTS_2018 = {
  seminar: { title: "Государственные услуги онлайн", on: day(2018, 2, 15) },
  webinars: {
    title: "Деятельность библиотек по оказанию помощи населению в получении государственных услуг в электронном виде",
    on: [day(2018, 4, 5), day(2018, 11, 22)],
  },
} as const;

/** Yakutia (seed 001): a public research-and-practice conference of the library's cycle. */
export const YAKUTIA_CONFERENCE = {
  cycle: "Власть. Население. Библиотека",
  title: "Возможности библиотеки для населения: on-line и off-line обслуживание",
} as const;

/** Irkutsk (seed 000): the sub-project curator's video conference with the ministry. */
export const IRKUTSK_WORKING_MEETING =
  "Рабочая встреча куратора подпроекта «Госуслуги» с представителем Министерства цифрового развития и связи Иркутской области";

function municipality(region: SeededRegion, name: string) {
  const found = region.municipalities.find((m) => m.spec.name === name);
  if (!found) throw new Error(`The demo has no municipality ${name} in ${region.spec.name}.`);
  return found;
}

export async function seedEvents(
  tx: Prisma.TransactionClient,
  geo: Geography,
  orgs: Organisations,
  centres: Centres,
): Promise<{ events: number }> {
  const events: Prisma.EventCreateManyInput[] = [];
  const covered: Prisma.EventMunicipalityCreateManyInput[] = [];

  const pskov = geo.region("60");
  const pskovLibrary = orgs.regionalLibrary("60");
  const pskovCentre = centres.flagship("60");
  const campaignDays = [
    [day(2024, 11, 25), day(2024, 11, 29)],
    [day(2025, 4, 14), day(2025, 4, 18)],
  ] as const;
  PSKOV_CAMPAIGNS.forEach((title, i) => {
    const id = randomUUID();
    const [startsOn, endsOn] = campaignDays[i] ?? campaignDays[0];
    events.push({
      id,
      regionId: pskov.id,
      kind: "CAMPAIGN",
      title,
      startsOn,
      endsOn,
      audience: "CITIZENS",
      hostOrganisationId: pskovLibrary.id,
      centreId: pskovCentre.id,
      description: "Областная акция библиотек: консультации по порталу госуслуг и электронным сервисам.",
    });
    for (const name of ["город Псков", "Псковский район"])
      covered.push({ eventId: id, municipalityId: municipality(pskov, name).id });
  });

  const udmurtia = geo.region("18");
  for (const forum of UDMURTIA_FORUMS_2018) {
    const district = municipality(udmurtia, forum.district);
    const id = randomUUID();
    events.push({
      id,
      regionId: udmurtia.id,
      kind: "FORUM",
      title: `Форум «Библиотека. Власть. Общество»: ${forum.district}`,
      startsOn: forum.on,
      endsOn: forum.on,
      audience: "CITIZENS",
      participants: forum.participants,
      hostOrganisationId: orgs.municipalLibrary(district.id).id,
    });
    covered.push({ eventId: id, municipalityId: district.id });
  }

  // The seminar and the webinars were for library staff; the republic's centre of the national
  // library held them (seed 003: its ПЦПИ and ЦОД specialists hold the seminars and webinars).
  // Which 16 districts' centres listened the document does not say, so none are linked.
  const udmurtiaLibrary = orgs.regionalLibrary("18");
  const udmurtiaCentre = centres.flagship("18");
  const { seminar, webinars } = UDMURTIA_STAFF_EVENTS_2018;
  events.push({
    id: randomUUID(),
    regionId: udmurtia.id,
    kind: "SEMINAR",
    title: seminar.title,
    startsOn: seminar.on,
    endsOn: seminar.on,
    audience: "STAFF",
    hostOrganisationId: udmurtiaLibrary.id,
    centreId: udmurtiaCentre.id,
    description:
      "Республиканский семинар совместного проекта Министерства информатизации и связи УР, Министерства культуры и туризма УР и Национальной библиотеки УР по популяризации государственных и муниципальных услуг в электронном виде.",
  });
  for (const on of webinars.on) {
    events.push({
      id: randomUUID(),
      regionId: udmurtia.id,
      kind: "WEBINAR",
      title: webinars.title,
      startsOn: on,
      endsOn: on,
      audience: "STAFF",
      hostOrganisationId: udmurtiaLibrary.id,
      centreId: udmurtiaCentre.id,
      description: "Слушатели — специалисты центров общественного доступа 16 районов республики.",
    });
  }

  // Yakutia: the document names neither a date nor a year; it shows the conference beside a news
  // item of 16 March 2020, so a day shortly before that is chosen. Open to the public
  // ("общественно-"), hence citizens. The slide's «Якутская областная универсальная научная
  // библиотека» is the republic's national library of the demo.
  events.push({
    id: randomUUID(),
    regionId: geo.region("14").id,
    kind: "CONFERENCE",
    title: `${YAKUTIA_CONFERENCE.title} (из цикла «${YAKUTIA_CONFERENCE.cycle}»)`,
    startsOn: day(2020, 2, 27),
    endsOn: day(2020, 2, 27),
    audience: "CITIZENS",
    hostOrganisationId: orgs.regionalLibrary("14").id,
    description: `Общественно-научно-практическая конференция из цикла «${YAKUTIA_CONFERENCE.cycle}».`,
  });

  // Irkutsk: the document says only "сегодня", just after the sub-project got its new curator;
  // the demo's new curator took over on 1 September 2024 (people.ts), so a day soon after. Two
  // took part: the curator (head of the library's ПЦПИ sector) and the ministry's head of
  // department; their names stay out, as the demo names no real person.
  const irkutsk = geo.region("38");
  const project = await tx.project.findFirstOrThrow({ where: { regionId: irkutsk.id, name: IRKUTSK_PROJECT } });
  events.push({
    id: randomUUID(),
    regionId: irkutsk.id,
    kind: "WORKING_MEETING",
    title: IRKUTSK_WORKING_MEETING,
    startsOn: day(2024, 9, 18),
    endsOn: day(2024, 9, 18),
    audience: "STAFF",
    participants: 2,
    hostOrganisationId: orgs.regionalLibrary("38").id,
    projectId: project.id,
    description:
      "Видеоконференция куратора подпроекта «Государственные услуги — это просто!» с начальником отдела цифровой трансформации и развития государственных сервисов и услуг министерства: помощь библиотек в получении федеральных и региональных услуг там, где нет МФЦ или он перегружен; центры подтверждения личности в библиотеках; обновление электронной подписи библиотек. Выработан план дальнейших действий.",
  });

  await tx.event.createMany({ data: events });
  await tx.eventMunicipality.createMany({ data: covered });
  return { events: events.length };
}
