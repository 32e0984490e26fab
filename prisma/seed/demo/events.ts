// The event register's demo: Pskov's two information-society campaigns and Udmurtia's five
// forums of 2018 in district library systems (5 forums, 500+ people, as its report says).
// The documents give neither days nor per-forum counts: those here are plausible, and add up
// to Udmurtia's 500+ (521).
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../api/generated/prisma/client.js";
import { day } from "../generators.js";
import type { Centres } from "./centres.js";
import type { Geography, SeededRegion } from "./geography.js";
import type { Organisations } from "./organisations.js";

export const PSKOV_CAMPAIGNS = [
  "День гражданина информационного общества",
  "Деловое партнерство информации и гражданина",
] as const;

/** The districts whose library systems held Udmurtia's 2018 forums, and how many came to each. */
export const UDMURTIA_FORUMS_2018: readonly { district: string; on: Date; participants: number }[] = [
  { district: "Алнашский район", on: day(2018, 3, 15), participants: 96 },
  { district: "Балезинский район", on: day(2018, 4, 19), participants: 112 },
  { district: "Вавожский район", on: day(2018, 5, 17), participants: 104 },
  { district: "Граховский район", on: day(2018, 9, 20), participants: 88 },
  { district: "Дебёсский район", on: day(2018, 10, 18), participants: 121 },
];

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
      title: `Форум по электронным государственным услугам: ${forum.district}`,
      startsOn: forum.on,
      endsOn: forum.on,
      audience: "CITIZENS",
      participants: forum.participants,
      hostOrganisationId: orgs.municipalLibrary(district.id).id,
    });
    covered.push({ eventId: id, municipalityId: district.id });
  }

  await tx.event.createMany({ data: events });
  await tx.eventMunicipality.createMany({ data: covered });
  return { events: events.length };
}
