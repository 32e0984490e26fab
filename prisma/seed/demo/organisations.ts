// Host libraries, MFCs and authorities. The regional libraries are the real ones named in
// the documents; municipal library systems follow the usual naming; registration numbers
// are made up but check-digit valid and unique. Pskov's carry the codes of its register
// (PSKOV_CODES), which its registry imports match on.
import { randomUUID } from "node:crypto";
import type { OrganisationKind, Prisma } from "../../../api/generated/prisma/client.js";
import { createRandom, createRegistryNumbers, translit } from "../generators.js";
import type { Geography, SeededMunicipality } from "./geography.js";

interface RegionalOrgs {
  library: { name: string; shortName: string; address: string; website?: string };
  ministry: string;
  mfc: { name: string; shortName: string };
}

const REGIONAL: Record<string, RegionalOrgs> = {
  "38": {
    library: {
      name: "Иркутская областная государственная универсальная научная библиотека им. И.И. Молчанова-Сибирского",
      shortName: "ИОГУНБ им. И.И. Молчанова-Сибирского",
      address: "г. Иркутск, ул. Лермонтова, д. 253",
      website: "https://www.irklib.ru",
    },
    ministry: "Министерство цифрового развития и связи Иркутской области",
    mfc: {
      name: "ГАУ «Многофункциональный центр предоставления государственных и муниципальных услуг Иркутской области»",
      shortName: "МФЦ Иркутской области",
    },
  },
  "60": {
    library: {
      name: "Псковская областная универсальная научная библиотека",
      shortName: "ПОУНБ",
      address: "г. Псков, ул. Профсоюзная, д. 2",
      website: "https://pskovlib.ru",
    },
    ministry: "Комитет цифрового развития Псковской области",
    mfc: {
      name: "ГБУ Псковской области «Многофункциональный центр предоставления государственных и муниципальных услуг»",
      shortName: "МФЦ Псковской области",
    },
  },
  "14": {
    library: {
      name: "Национальная библиотека Республики Саха (Якутия)",
      shortName: "НБ РС(Я)",
      address: "г. Якутск, пр. Ленина, д. 40",
      website: "https://nlrs.ru",
    },
    ministry: "Министерство инноваций, цифрового развития и инфокоммуникационных технологий Республики Саха (Якутия)",
    mfc: {
      name: "ГАУ «Многофункциональный центр предоставления государственных и муниципальных услуг в Республике Саха (Якутия)»",
      shortName: "МФЦ «Мои документы» РС(Я)",
    },
  },
  "67": {
    library: {
      name: "Смоленская областная универсальная научная библиотека им. А.Т. Твардовского",
      shortName: "Смоленская ОУНБ им. А.Т. Твардовского",
      address: "г. Смоленск, ул. Большая Советская, д. 25/19",
    },
    ministry: "Министерство цифрового развития Смоленской области",
    mfc: {
      name: "СОГБУ «Многофункциональный центр по предоставлению государственных и муниципальных услуг населению»",
      shortName: "МФЦ Смоленской области",
    },
  },
  "18": {
    library: {
      name: "Национальная библиотека Удмуртской Республики",
      shortName: "НБ УР",
      address: "г. Ижевск, ул. Ломоносова, д. 5",
      website: "http://unatlib.ru",
    },
    ministry: "Министерство цифрового развития Удмуртской Республики",
    mfc: {
      name: "АУ «Многофункциональный центр предоставления государственных и муниципальных услуг Удмуртской Республики»",
      shortName: "МФЦ УР",
    },
  },
  "69": {
    library: {
      name: "Тверская ордена «Знак Почёта» областная универсальная научная библиотека им. А.М. Горького",
      shortName: "Тверская ОУНБ им. А.М. Горького",
      address: "г. Тверь, Свободный пер., д. 28",
      website: "https://www.library.tver.ru",
    },
    ministry: "Министерство цифрового развития и информатизации Тверской области",
    mfc: {
      name: "ГАУ «Многофункциональный центр предоставления государственных и муниципальных услуг» Тверской области",
      shortName: "МФЦ Тверской области",
    },
  },
};

/** Competent authorities of Smolensk's regional and municipal services. */
export const SMOLENSK_AUTHORITIES = {
  social: "Министерство социального развития Смоленской области",
  education: "Министерство образования и науки Смоленской области",
  health: "Министерство здравоохранения Смоленской области",
  culture: "Министерство культуры Смоленской области",
  housing: "Министерство жилищно-коммунального хозяйства, энергетики и тарифной политики Смоленской области",
  city: "Администрация города Смоленска",
} as const;

export type SmolenskAuthority = keyof typeof SMOLENSK_AUTHORITIES;

export interface Organisations {
  regionalLibrary(code: string): { id: string; shortName: string; address: string };
  ministry(code: string): string;
  mfc(code: string): { id: string; shortName: string };
  municipalLibrary(municipalityId: string): { id: string; name: string };
  smolensk: Record<SmolenskAuthority, string>;
}

/** "Гдовский район" → "Гдовская": the library system is named after its district. */
function feminineAdjective(municipalityName: string): string {
  const first = municipalityName.split(" ")[0] ?? municipalityName;
  return first.replace(/[иы]й$/, "ая");
}

function municipalLibraryName(m: SeededMunicipality): string {
  if (m.spec.library) return m.spec.library;
  if (m.spec.kind === "URBAN_DISTRICT") return `МБУК «Централизованная библиотечная система» (${m.spec.name})`;
  return `МБУК «${feminineAdjective(m.spec.name)} централизованная библиотечная система»`;
}

/** The codes of Pskov's register: the regional library, the committee, the MFC, each district's library system. */
export const PSKOV_CODES = {
  regionalLibrary: "PSK-POUNB",
  ministry: "PSK-KCR",
  mfc: "PSK-MFC",
  /** The library system of the region's municipality number `n` (from 1, in the geography's order). */
  municipalLibrary: (n: number) => `PSK-LIB-${String(n).padStart(2, "0")}`,
} as const;

function must<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`The demo has no ${what} for ${key}.`);
  return value;
}

export async function seedOrganisations(tx: Prisma.TransactionClient, geo: Geography): Promise<Organisations> {
  const random = createRandom(60_018);
  const numbers = createRegistryNumbers(random);
  const rows: Prisma.OrganisationCreateManyInput[] = [];
  const add = (
    regionCode: string,
    regionId: string,
    kind: OrganisationKind,
    fields: Omit<Prisma.OrganisationCreateManyInput, "regionId" | "kind" | "id">,
  ): string => {
    const id = randomUUID();
    rows.push({ id, regionId, kind, inn: numbers.inn(regionCode), ogrn: numbers.ogrn(regionCode), ...fields });
    return id;
  };

  const libraries = new Map<string, { id: string; shortName: string; address: string }>();
  const ministries = new Map<string, string>();
  const mfcs = new Map<string, { id: string; shortName: string }>();
  const municipal = new Map<string, { id: string; name: string }>();
  const smolensk: Partial<Record<SmolenskAuthority, string>> = {};

  for (const region of geo.regions) {
    const code = region.spec.code;
    const orgs = REGIONAL[code];
    const pskov = code === "60";
    const capital = region.municipalities[0];
    if (!orgs || !capital) throw new Error(`The demo has no organisations for region ${code}.`);
    const { website, ...library } = orgs.library;
    const libraryId = add(code, region.id, "LIBRARY", {
      ...library,
      ...(pskov ? { code: PSKOV_CODES.regionalLibrary } : {}),
      municipalityId: capital.id,
      phone: `+7 (${region.spec.phoneCode}) 20-00-${String(random.int(10, 99))}`,
      ...(website ? { website } : {}),
    });
    libraries.set(code, { id: libraryId, shortName: library.shortName, address: library.address });
    ministries.set(
      code,
      add(code, region.id, "AUTHORITY", {
        name: orgs.ministry,
        municipalityId: capital.id,
        ...(pskov ? { code: PSKOV_CODES.ministry } : {}),
      }),
    );
    mfcs.set(code, {
      id: add(code, region.id, "MFC", {
        ...orgs.mfc,
        municipalityId: capital.id,
        phone: "8-800-100-00-00",
        ...(pskov ? { code: PSKOV_CODES.mfc } : {}),
      }),
      shortName: orgs.mfc.shortName,
    });
    if (code === "67") {
      for (const [key, name] of Object.entries(SMOLENSK_AUTHORITIES)) {
        smolensk[key as SmolenskAuthority] = add(code, region.id, "AUTHORITY", { name, municipalityId: capital.id });
      }
    }
    region.municipalities.forEach((m, mi) => {
      const name = municipalLibraryName(m);
      const place = m.town ?? m.villages[0];
      const id = add(code, region.id, "LIBRARY", {
        name,
        ...(pskov ? { code: PSKOV_CODES.municipalLibrary(mi + 1) } : {}),
        municipalityId: m.id,
        ...(place ? { address: `${region.spec.name}, ${place.label}` } : {}),
        email: `cbs.${translit(place?.name ?? m.spec.name).slice(0, 16)}@biblio.example`,
      });
      municipal.set(m.id, { id, name });
    });
  }

  await tx.organisation.createMany({ data: rows });
  const complete = smolensk as Record<SmolenskAuthority, string>;
  return {
    regionalLibrary: (code) => must(libraries, code, "regional library"),
    ministry: (code) => must(ministries, code, "ministry"),
    mfc: (code) => must(mfcs, code, "MFC"),
    municipalLibrary: (id) => must(municipal, id, "municipal library"),
    smolensk: complete,
  };
}
