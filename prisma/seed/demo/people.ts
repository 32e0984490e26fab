// Curators and their assignments. All names are generated (never a real person's); the
// history is kept the way the system keeps it: a closed row (validTo) and a new one.
import { randomUUID } from "node:crypto";
import type { CuratorRole, CuratorTarget, Prisma } from "../../../api/generated/prisma/client.js";
import { addDays, createNameGenerator, createRandom, day, translit } from "../generators.js";
import type { Centres } from "./centres.js";
import type { Geography, SeededRegion } from "./geography.js";
import type { Organisations } from "./organisations.js";
import type { Services } from "./services.js";

export const IRKUTSK_PROJECT = "Государственные услуги — это просто!";

export interface People {
  /** People who may be assigned feedback, by region code. */
  curators(regionCode: string): string[];
  serviceCurator(serviceId: string): string;
}

const SERVICE_CURATORS = 24;

type Assign = (
  personId: string,
  role: CuratorRole,
  targetType: CuratorTarget,
  regionId: string,
  target: Partial<Record<"serviceId" | "lifeSituationId" | "centreId" | "projectId", string>>,
  validFrom: Date,
  extra?: { validTo?: Date; primary?: boolean; note?: string; municipalityId?: string },
) => void;

export async function seedPeople(
  tx: Prisma.TransactionClient,
  geo: Geography,
  orgs: Organisations,
  centres: Centres,
  services: Services,
): Promise<People> {
  const random = createRandom(67_083);
  const nextName = createNameGenerator(random);
  const people: Prisma.PersonCreateManyInput[] = [];
  const assignments: Prisma.CuratorAssignmentCreateManyInput[] = [];
  const byRegion = new Map<string, string[]>();

  const person = (region: SeededRegion, organisationId: string, position: string): string => {
    const id = randomUUID();
    const name = nextName();
    const consent = random.chance(0.45);
    people.push({
      id,
      regionId: region.id,
      organisationId,
      lastName: name.lastName,
      firstName: name.firstName,
      middleName: name.middleName,
      position,
      email: `${translit(name.lastName)}.${translit(name.firstName.slice(0, 1))}@gov${region.spec.code}.example`,
      phone: `+7 (${region.spec.phoneCode}) ${random.int(20, 79)}-${random.int(10, 99)}-${random.int(10, 99)}`,
      photoConsent: consent,
      photoConsentAt: consent ? addDays(day(2025, 1, 15), random.int(0, 300)) : null,
      // Without a draw of its own, so the demo's other choices stay as they were.
      contactsConsent: people.length % 3 !== 0,
      contactsConsentAt: people.length % 3 !== 0 ? day(2025, 9, 1) : null,
    });
    byRegion.set(region.spec.code, [...(byRegion.get(region.spec.code) ?? []), id]);
    return id;
  };
  const assign: Assign = (personId, role, targetType, regionId, target, validFrom, extra = {}) => {
    assignments.push({ personId, role, targetType, regionId, ...target, validFrom, ...extra });
  };

  // Irkutsk: the sub-project of the regional library network and its curators, old and new.
  const irkutsk = geo.region("38");
  const irkutskLibrary = orgs.regionalLibrary("38").id;
  const projectId = randomUUID();
  await tx.project.create({
    data: {
      id: projectId,
      regionId: irkutsk.id,
      name: IRKUTSK_PROJECT,
      description:
        "Подпроект областного сетевого социально ориентированного проекта «Библиотека для власти, общества, личности»: помощь библиотек населению в получении государственных услуг.",
    },
  });
  const formerProjectCurator = person(irkutsk, irkutskLibrary, "Главный библиотекарь сектора правовой информации");
  const projectCurator = person(irkutsk, irkutskLibrary, "Заведующий сектором «Публичный центр правовой информации»");
  assign(formerProjectCurator, "PROJECT_CURATOR", "PROJECT", irkutsk.id, { projectId }, day(2021, 2, 1), {
    validTo: day(2024, 8, 31),
    note: "Перешла на другую работу",
  });
  assign(projectCurator, "PROJECT_CURATOR", "PROJECT", irkutsk.id, { projectId }, day(2024, 9, 1));

  // Regional coordinators at the ministries of digital development.
  for (const region of geo.regions) {
    const coordinator = person(region, orgs.ministry(region.spec.code), "Консультант отдела цифровой трансформации");
    assign(coordinator, "REGIONAL_COORDINATOR", "REGION", region.id, {}, day(2024, 1, 15));
  }

  // Smolensk: every socially significant service has one primary curator in the region.
  const smolenskRegion = geo.region("67");
  const authorities = Object.values(orgs.smolensk);
  const curators = Array.from({ length: SERVICE_CURATORS }, (_, i) =>
    person(
      smolenskRegion,
      authorities[i % authorities.length] ?? orgs.ministry("67"),
      random.pick(["Начальник отдела", "Заместитель начальника отдела", "Главный специалист", "Ведущий специалист"]),
    ),
  );
  const serviceCurator = new Map<string, string>();
  services.smolensk.forEach((service, i) => {
    const curator = curators[i % curators.length] ?? "";
    const since = addDays(day(2025, 7, 1), random.int(0, 40));
    serviceCurator.set(service.id, curator);
    assign(curator, "SERVICE_CURATOR", "SERVICE", smolenskRegion.id, { serviceId: service.id }, since);
    if (i % 8 === 3) {
      // An earlier curator, closed the day before the current one took over.
      const former = person(smolenskRegion, orgs.ministry("67"), "Главный специалист");
      assign(former, "SERVICE_CURATOR", "SERVICE", smolenskRegion.id, { serviceId: service.id }, day(2023, 3, 1), {
        validTo: addDays(since, -1),
        note: "Передача обязанностей в связи с переводом на другую должность",
      });
    }
    if (i % 17 === 5) {
      const deputy = curators[(i + 1) % curators.length] ?? curator;
      assign(deputy, "SERVICE_CURATOR", "SERVICE", smolenskRegion.id, { serviceId: service.id }, since, {
        primary: false,
        note: "Замещает основного куратора на время отпуска",
      });
    }
  });
  services.lifeSituations.forEach((situation, i) => {
    const curator = curators[(i * 5) % curators.length] ?? "";
    assign(
      curator,
      "LIFE_SITUATION_CURATOR",
      "LIFE_SITUATION",
      smolenskRegion.id,
      { lifeSituationId: situation.id },
      day(2025, 9, 1),
    );
  });

  // Centre curators: the regional centre of every region and a few others.
  for (const region of geo.regions) {
    const code = region.spec.code;
    const chosen = [
      centres.flagship(code),
      ...random.shuffle(centres.inRegion(code).filter((c) => !c.flagship && c.stationary)).slice(0, 3),
    ];
    for (const centre of chosen) {
      const organisationId = centre.flagship
        ? orgs.regionalLibrary(code).id
        : orgs.municipalLibrary(centre.municipalityId).id;
      const curator = person(region, organisationId, "Заведующий отделом обслуживания");
      assign(curator, "CENTRE_CURATOR", "CENTRE", region.id, { centreId: centre.id }, day(2024, random.int(1, 12), 1));
    }
  }

  municipalCurators(smolenskRegion, orgs, services, serviceCurator, { people, nextName, assign });

  await tx.person.createMany({ data: people });
  await tx.curatorAssignment.createMany({ data: assignments });
  return {
    curators: (code) => byRegion.get(code) ?? [],
    serviceCurator(serviceId) {
      const found = serviceCurator.get(serviceId);
      if (!found) throw new Error(`The demo has no curator of service ${serviceId}.`);
      return found;
    },
  };
}

/** The services seed 002 names among Smolensk's 83 socially significant ones. */
export const NAMED_SMOLENSK_SERVICES = [
  "Постановка на учёт и направление детей в детские сады (запись в детский сад)",
  "Зачисление в образовательную организацию (запись в школу)",
  "Организация отдыха и оздоровления детей",
  "Предоставление субсидий на оплату жилого помещения и коммунальных услуг",
  "Предоставление регионального материнского (семейного) капитала",
] as const;

/** Municipalities whose curators of the named services the demo shows. */
const CURATOR_MUNICIPALITIES = ["город Смоленск", "Вяземский район", "Рославльский район", "Гагаринский район"];

/** Where a municipal curator works: the city's administration, or the district's. */
function municipalPost(municipality: string): string {
  return municipality === "город Смоленск"
    ? "Начальник отдела Администрации города Смоленска"
    : `Начальник отдела Администрации муниципального образования «${municipality}» Смоленской области`;
}

/**
 * Seed 002: "в муниципалитетах Смоленской области на все социально значимые услуги уже
 * назначили кураторов … фото координатора разместят на странице услуги". The named services'
 * regional curators publish their photo and contacts; of the municipal ones, every other
 * consents to the photo and every third to the contacts, so the directory shows both cases.
 * Their photos are uploaded by prisma/seed/demo-files.ts.
 */
function municipalCurators(
  region: SeededRegion,
  orgs: Organisations,
  services: Services,
  regionCurator: Map<string, string>,
  seed: {
    people: Prisma.PersonCreateManyInput[];
    nextName: ReturnType<typeof createNameGenerator>;
    assign: Assign;
  },
): void {
  const named = NAMED_SMOLENSK_SERVICES.map((name) => {
    const service = services.smolensk.find((s) => s.name === name);
    if (!service) throw new Error(`The demo catalogue has no service «${name}».`);
    return service;
  });
  for (const service of named) {
    const person = seed.people.find((p) => p.id === regionCurator.get(service.id));
    if (person) Object.assign(person, consents(true, true));
  }
  let n = 0;
  for (const name of CURATOR_MUNICIPALITIES) {
    const municipality = region.municipalities.find((m) => m.spec.name === name);
    if (!municipality) throw new Error(`The demo geography has no municipality «${name}».`);
    for (const service of named) {
      const id = randomUUID();
      const personName = seed.nextName();
      n += 1;
      seed.people.push({
        id,
        regionId: region.id,
        organisationId: name === "город Смоленск" ? orgs.smolensk.city : null,
        lastName: personName.lastName,
        firstName: personName.firstName,
        middleName: personName.middleName,
        position: municipalPost(name),
        email: `${translit(personName.lastName)}.${translit(personName.firstName.slice(0, 1))}@admin${n}.smolensk.example`,
        phone: `+7 (4812) ${String(30 + n).padStart(2, "0")}-${String(10 + n).padStart(2, "0")}-00`,
        ...consents(n % 2 === 1, n % 3 === 1),
      });
      seed.assign(id, "SERVICE_CURATOR", "SERVICE", region.id, { serviceId: service.id }, day(2025, 9, 1), {
        municipalityId: municipality.id,
      });
    }
  }
}

function consents(photo: boolean, contacts: boolean) {
  return {
    photoConsent: photo,
    photoConsentAt: photo ? day(2025, 8, 20) : null,
    contactsConsent: contacts,
    contactsConsentAt: contacts ? day(2025, 8, 20) : null,
  };
}
