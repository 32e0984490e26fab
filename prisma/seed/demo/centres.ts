// The demo's centres: one per library of the geography data, plus Tver's mobile offices.
// Kinds follow the documents: Pskov's are legal information centres (ПЦПИ), Udmurtia has a
// ПЦПИ in every municipality plus ЦОДs in rural libraries, Yakutia's national library runs
// a sector of electronic services with the MFC, Tver sends mobile offices to villages.
// Pskov's centres carry the codes of its register, brought in by one registry import (in the
// history as a SUCCEEDED batch of 141 centres).
import { randomUUID } from "node:crypto";
import type { CentreKind, CentreStatus, Prisma } from "../../../api/generated/prisma/client.js";
import { addDays, createRandom, type Random, today } from "../generators.js";
import type { Geography, SeededMunicipality, SeededRegion, SeededSettlement } from "./geography.js";
import type { Organisations } from "./organisations.js";

export interface SeededCentre {
  id: string;
  name: string;
  regionCode: string;
  regionId: string;
  municipalityId: string;
  settlementId: string;
  kinds: CentreKind[];
  rural: boolean;
  flagship: boolean;
  /** Whether the centre has regular weekly hours (mobile offices travel instead). */
  stationary: boolean;
  status: CentreStatus;
}

export interface Centres {
  all: SeededCentre[];
  flagship(regionCode: string): SeededCentre;
  inRegion(regionCode: string): SeededCentre[];
  mobileOffices: SeededCentre[];
}

const KIND_ORDER: readonly CentreKind[] = [
  "PUBLIC_ACCESS",
  "LEGAL_INFO",
  "IDENTITY",
  "MOBILE_OFFICE",
  "E_SERVICES_SECTOR",
  "MFC_WINDOW",
];

const FLAGSHIP: Record<string, { name: string; kinds: CentreKind[] }> = {
  "38": {
    name: "Публичный центр правовой информации ИОГУНБ им. И.И. Молчанова-Сибирского",
    kinds: ["LEGAL_INFO", "PUBLIC_ACCESS", "IDENTITY"],
  },
  "60": {
    name: "Центр общественного доступа к сервисам электронного правительства ПОУНБ",
    kinds: ["LEGAL_INFO", "PUBLIC_ACCESS"],
  },
  "14": {
    name: "Сектор электронных услуг Национальной библиотеки Республики Саха (Якутия)",
    kinds: ["E_SERVICES_SECTOR", "MFC_WINDOW", "PUBLIC_ACCESS"],
  },
  "67": {
    name: "Центр общественного доступа Смоленской ОУНБ им. А.Т. Твардовского",
    kinds: ["PUBLIC_ACCESS", "LEGAL_INFO"],
  },
  "18": {
    name: "Республиканский центр правовой информации и ЦОД Национальной библиотеки УР",
    kinds: ["LEGAL_INFO", "PUBLIC_ACCESS", "IDENTITY"],
  },
  "69": {
    name: "Публичный центр правовой информации Тверской ОУНБ им. А.М. Горького",
    kinds: ["LEGAL_INFO", "PUBLIC_ACCESS", "IDENTITY"],
  },
};

const STREETS = [
  "ул. Ленина",
  "ул. Советская",
  "ул. Школьная",
  "ул. Центральная",
  "ул. Молодёжная",
  "ул. Садовая",
  "ул. Набережная",
  "ул. Мира",
  "ул. Октябрьская",
  "ул. Комсомольская",
  "ул. Пушкина",
  "ул. Победы",
];

const EQUIPMENT_NOTES = [
  "Веб-камера и гарнитура для видеоконсультаций",
  "Доступ к справочно-правовой системе «КонсультантПлюс»",
  "Увеличитель экрана и клавиатура со шрифтом Брайля",
  "Терминал самообслуживания МФЦ",
  "Ноутбук для выездных консультаций",
];

function sortKinds(kinds: Iterable<CentreKind>): CentreKind[] {
  const set = new Set(kinds);
  return KIND_ORDER.filter((kind) => set.has(kind));
}

/** Kinds of an ordinary library centre, by region (see the file comment). */
function libraryKinds(random: Random, code: string, inVillageLibrary: boolean): CentreKind[] {
  const kinds = new Set<CentreKind>();
  if (code === "60") {
    kinds.add("LEGAL_INFO");
    if (inVillageLibrary || random.chance(0.6)) kinds.add("PUBLIC_ACCESS");
  } else if (code === "18") {
    kinds.add("PUBLIC_ACCESS");
    if (!inVillageLibrary) kinds.add("LEGAL_INFO");
  } else {
    kinds.add("PUBLIC_ACCESS");
    if (!inVillageLibrary && random.chance(0.4)) kinds.add("LEGAL_INFO");
  }
  if (random.chance(inVillageLibrary ? 0.04 : 0.12)) kinds.add("IDENTITY");
  return sortKinds(kinds);
}

function branchName(m: SeededMunicipality, branch: number): string {
  const city = m.spec.kind === "URBAN_DISTRICT";
  if (branch === 0) return city ? "центральная городская библиотека" : "центральная районная библиотека";
  if (branch === 1) return city ? "центральная детская библиотека" : "районная детская библиотека";
  return `библиотека-филиал № ${branch - 1}`;
}

/** Certificates expire and must be renewed: a few have, a few will within 30 days, most later. */
function signatureValidUntil(random: Random): Date | null {
  const roll = random.next();
  if (roll < 0.1) return addDays(today(), -random.int(1, 200));
  if (roll < 0.2) return addDays(today(), random.int(1, 29));
  if (roll < 0.85) return addDays(today(), random.int(60, 700));
  return null;
}

/** Most centres were checked in the last year; a quarter are overdue (more than 12 months). */
function verification(
  random: Random,
  verifier: string,
): { lastVerifiedAt: Date | null; lastVerifiedById: string | null } {
  const roll = random.next();
  if (roll >= 0.9) return { lastVerifiedAt: null, lastVerifiedById: null };
  const daysAgo = roll < 0.25 ? random.int(400, 900) : random.int(5, 330);
  return { lastVerifiedAt: addDays(today(), -daysAgo), lastVerifiedById: verifier };
}

/** The code of Pskov's centre number `n` (from 1, in the order seeded). */
export const pskovCentreCode = (n: number) => `PSK-C-${String(n).padStart(3, "0")}`;

export async function seedCentres(
  tx: Prisma.TransactionClient,
  geo: Geography,
  orgs: Organisations,
  // Who last checked a centre of a region (seeded users: see users.ts StaffUsers.verifier).
  staff: { verifier(regionCode: string): string },
): Promise<Centres> {
  const random = createRandom(141_034);
  const centres: SeededCentre[] = [];
  const rows: Prisma.CentreCreateManyInput[] = [];
  let pskovCentres = 0;

  const add = (
    region: SeededRegion,
    m: SeededMunicipality,
    place: SeededSettlement,
    fields: { name: string; kinds: CentreKind[]; hostOrganisationId: string; address: string; flagship?: boolean },
  ): void => {
    const id = randomUUID();
    const flagship = fields.flagship ?? false;
    const mobile = fields.kinds.includes("MOBILE_OFFICE");
    const roll = random.next();
    const status: CentreStatus =
      flagship || roll > 0.05 ? "ACTIVE" : roll > 0.02 ? "TEMPORARILY_CLOSED" : roll > 0.008 ? "INACTIVE" : "CLOSED";
    const jitter = flagship ? 0 : place.isRural ? 0.003 : 0.015;
    centres.push({
      id,
      name: fields.name,
      regionCode: region.spec.code,
      regionId: region.id,
      municipalityId: m.id,
      settlementId: place.id,
      kinds: fields.kinds,
      rural: place.isRural,
      flagship,
      stationary: !mobile,
      status,
    });
    const code = region.spec.code === "60" ? pskovCentreCode(++pskovCentres) : null;
    rows.push({
      id,
      code,
      hostOrganisationId: fields.hostOrganisationId,
      regionId: region.id,
      municipalityId: m.id,
      settlementId: place.id,
      name: fields.name,
      kinds: fields.kinds,
      status,
      statusAlert:
        status === "TEMPORARILY_CLOSED"
          ? "Временно не работает из-за ремонта помещения; консультации — в центральной библиотеке."
          : null,
      address: fields.address,
      latitude: place.lat + (random.next() - 0.5) * jitter,
      longitude: place.lon + (random.next() - 0.5) * jitter * 2,
      accessibleVision: flagship || random.chance(0.2),
      accessibleHearing: flagship || random.chance(0.15),
      accessibleMobility: flagship || random.chance(place.isRural ? 0.3 : 0.6),
      workstations: flagship ? random.int(8, 12) : mobile ? 2 : place.isRural ? random.int(1, 2) : random.int(2, 6),
      printers: flagship ? 3 : random.int(1, 2),
      scanners: flagship ? 2 : random.int(0, 1),
      equipmentNote: flagship || random.chance(0.2) ? random.pick(EQUIPMENT_NOTES) : null,
      phone: `+7 (${region.spec.phoneCode}) ${random.int(20, 79)}-${random.int(10, 99)}-${random.int(10, 99)}`,
      email: random.chance(0.6) ? `cod${centres.length}@biblio.example` : null,
      signatureValidUntil: signatureValidUntil(random),
      ...verification(random, staff.verifier(region.spec.code)),
    });
  };

  for (const region of geo.regions) {
    const code = region.spec.code;
    const flagship = FLAGSHIP[code];
    if (!flagship) throw new Error(`The demo has no regional centre for region ${code}.`);
    region.municipalities.forEach((m, mi) => {
      const library = orgs.municipalLibrary(m.id);
      const town = m.town;
      for (let j = 0; town && j < m.spec.townCentres; j++) {
        const street = `${random.pick(STREETS)}, д. ${random.int(1, 60)}`;
        if (mi === 0 && j === 0) {
          const host = orgs.regionalLibrary(code);
          add(region, m, town, {
            name: flagship.name,
            kinds: sortKinds(flagship.kinds),
            hostOrganisationId: host.id,
            address: `${region.spec.name}, ${host.address}`,
            flagship: true,
          });
          continue;
        }
        const kinds = libraryKinds(random, code, false);
        const prefix = kinds.includes("LEGAL_INFO") ? "ПЦПИ" : "ЦОД";
        add(region, m, town, {
          name: `${prefix} — ${branchName(m, mi === 0 ? j - 1 : j)}, ${town.label}`,
          kinds,
          hostOrganisationId: library.id,
          address: `${region.spec.name}, ${town.label}, ${street}`,
        });
      }
      for (const village of m.villages) {
        const kinds = libraryKinds(random, code, true);
        const prefix = kinds.includes("LEGAL_INFO") ? "ПЦПИ" : "ЦОД";
        add(region, m, village, {
          name: `${prefix} — сельская библиотека, ${village.label} (${m.spec.name})`,
          kinds,
          hostOrganisationId: library.id,
          address: `${region.spec.name}, ${m.spec.name}, ${village.label}, ${random.pick(STREETS)}, д. ${random.int(1, 40)}`,
        });
      }
    });
  }

  // Tver's mobile offices belong to the MFC and are based in three towns.
  const tver = geo.region("69");
  const mfc = orgs.mfc("69");
  let office = 0;
  for (const m of tver.municipalities) {
    if (!m.town || !["г. Тверь", "г. Ржев", "г. Бежецк"].includes(m.town.label)) continue;
    office += 1;
    add(tver, m, m.town, {
      name: `Мобильный офис № ${office} ${mfc.shortName} (${m.town.label})`,
      kinds: ["MOBILE_OFFICE"],
      hostOrganisationId: mfc.id,
      address: `${tver.spec.name}, ${m.town.label}, ${random.pick(STREETS)}, д. ${random.int(1, 60)}`,
    });
  }

  await tx.centre.createMany({ data: rows });
  // Pskov's register arrived in one file (the document: 141 centres at once).
  const pskov = geo.region("60");
  await tx.importBatch.create({
    data: {
      kind: "CENTRES",
      regionId: pskov.id,
      fileName: "Реестр ПЦПИ Псковской области.xlsx",
      status: "SUCCEEDED",
      rowCount: pskovCentres,
      created: pskovCentres,
      createdById: staff.verifier("60"),
      startedAt: addDays(today(), -45),
      finishedAt: addDays(today(), -45),
    },
  });

  const flagships = new Map(centres.filter((c) => c.flagship).map((c) => [c.regionCode, c]));
  return {
    all: centres,
    flagship(code) {
      const found = flagships.get(code);
      if (!found) throw new Error(`The demo has no regional centre for region ${code}.`);
      return found;
    },
    inRegion: (code) => centres.filter((c) => c.regionCode === code),
    mobileOffices: centres.filter((c) => c.kinds.includes("MOBILE_OFFICE")),
  };
}
