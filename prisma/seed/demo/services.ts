// Services, which centre helps with which and how, and life situations, in five statements.
import { randomUUID } from "node:crypto";
import type { CentreHelpKind, Prisma } from "../../../api/generated/prisma/client.js";
import { createRandom, type Random } from "../generators.js";
import type { Centres, SeededCentre } from "./centres.js";
import type { Geography } from "./geography.js";
import type { Organisations } from "./organisations.js";
import { FEDERAL_SERVICES, LIFE_SITUATIONS, SMOLENSK_PROACTIVE, SMOLENSK_SERVICES } from "./services-data.js";

export interface SeededService {
  id: string;
  name: string;
  regionId: string | null;
}

export interface Services {
  /** Smolensk's 83 socially significant services, in catalogue order. */
  smolensk: SeededService[];
  federal(key: string): SeededService;
  lifeSituations: { id: string; code: string; name: string }[];
  proactiveCount: number;
}

const GOSUSLUGI = "https://www.gosuslugi.ru";

/** Federal services a library centre can usually help with (the documents' list, seed 000). */
const LIBRARY_HELP = [
  "PUSHKIN",
  "UNIFIED_ALLOWANCE",
  "SOCIAL_PROTECTION_DOCS",
  "PENSION_INFO",
  "ACCOUNT_STATEMENT",
  "OMS_POLICY",
  "CRIMINAL_RECORD",
  "EGRN",
  "SELF_EMPLOYED",
];
const MOBILE_HELP = ["PASSPORT", "FOREIGN_PASSPORT", "OMS_POLICY", "SNILS_NEWBORN", "CRIMINAL_RECORD", "EGRN"];
const GENERAL_HELP: readonly CentreHelpKind[] = ["APPLICATION_FILLING", "STATUS_TRACKING", "RESULT_PRINTING"];

function helpKinds(random: Random, first: CentreHelpKind, ...extra: CentreHelpKind[]): CentreHelpKind[] {
  const kinds = new Set<CentreHelpKind>([first, ...extra]);
  for (const kind of GENERAL_HELP) if (random.chance(0.5)) kinds.add(kind);
  return [...kinds];
}

export async function seedServices(
  tx: Prisma.TransactionClient,
  geo: Geography,
  orgs: Organisations,
  centres: Centres,
): Promise<Services> {
  const random = createRandom(832_030);
  const smolenskRegion = geo.region("67");
  const rows: Prisma.ServiceCreateManyInput[] = [];

  const names = new Set(SMOLENSK_SERVICES.map(([name]) => name));
  if (SMOLENSK_SERVICES.length !== 83 || names.size !== 83) {
    throw new Error(`Smolensk must have 83 distinct socially significant services, not ${names.size}.`);
  }
  const smolensk: SeededService[] = SMOLENSK_SERVICES.map(([name, level, authority], i) => {
    const id = randomUUID();
    const landOrBuilding = /земел|строительств|помещени|перепланиров/i.test(name);
    rows.push({
      id,
      registryId: `6700000000${String(160_000_001 + i)}`,
      name,
      level: level === "R" ? "REGIONAL" : "MUNICIPAL",
      regionId: smolenskRegion.id,
      competentAuthorityId: authority ? orgs.smolensk[authority] : null,
      socialSignificant: true,
      electronic: true,
      proactive: SMOLENSK_PROACTIVE.has(name),
      needsExtraDocuments: landOrBuilding,
      processingDays: landOrBuilding ? random.int(10, 30) : random.int(1, 15),
      requiredDocuments: landOrBuilding
        ? ["Паспорт гражданина РФ", "Правоустанавливающие документы на объект"]
        : ["Паспорт гражданина РФ"],
      portalUrl: GOSUSLUGI,
    });
    return { id, name, regionId: smolenskRegion.id };
  });

  // Two entries outside the 83, so that lists show unpublished catalogue states too.
  rows.push(
    {
      name: "Выдача разрешения на право организации розничного рынка",
      level: "REGIONAL",
      regionId: smolenskRegion.id,
      status: "DRAFT",
      processingDays: 30,
    },
    {
      name: "Выдача справки о регистрации в качестве безработного (до перехода на портал «Работа России»)",
      level: "REGIONAL",
      regionId: smolenskRegion.id,
      status: "ARCHIVED",
      processingDays: 3,
    },
  );

  const federal = new Map<string, SeededService>();
  FEDERAL_SERVICES.forEach((spec, i) => {
    const id = randomUUID();
    rows.push({
      id,
      registryId: `1000000000${String(160_000_001 + i)}`,
      name: spec.name,
      level: "FEDERAL",
      socialSignificant: spec.socialSignificant,
      electronic: true,
      proactive: spec.proactive,
      needsExtraDocuments: spec.needsExtraDocuments,
      processingDays: spec.processingDays,
      fee: spec.fee ?? null,
      requiredDocuments: spec.documents,
      portalUrl: GOSUSLUGI,
    });
    federal.set(spec.key, { id, name: spec.name, regionId: null });
  });
  const federalService = (key: string): SeededService => {
    const found = federal.get(key);
    if (!found) throw new Error(`The demo has no federal service ${key}.`);
    return found;
  };

  const links: Prisma.CentreServiceCreateManyInput[] = [];
  const link = (centre: SeededCentre, serviceId: string, kinds: CentreHelpKind[]) =>
    links.push({ centreId: centre.id, serviceId, helpKinds: kinds });
  for (const centre of centres.all) {
    if (centre.kinds.includes("MOBILE_OFFICE")) {
      for (const key of MOBILE_HELP) link(centre, federalService(key).id, helpKinds(random, "APPLICATION_FILLING"));
      continue;
    }
    const esia: CentreHelpKind[] = ["ACCOUNT_REGISTRATION"];
    if (centre.kinds.includes("IDENTITY")) esia.push("IDENTITY_CONFIRMATION");
    if (centre.flagship) esia.push("SIGNATURE_RENEWAL");
    link(centre, federalService("ESIA").id, helpKinds(random, "CONSULTATION", ...esia));
    const count = centre.flagship ? LIBRARY_HELP.length : random.int(2, 5);
    for (const key of random.shuffle(LIBRARY_HELP).slice(0, count)) {
      link(centre, federalService(key).id, helpKinds(random, "CONSULTATION"));
    }
    if (centre.regionCode === "67") {
      for (const service of random.shuffle(smolensk).slice(0, centre.flagship ? 20 : random.int(3, 6))) {
        link(centre, service.id, helpKinds(random, "CONSULTATION"));
      }
    }
  }

  const situations = LIFE_SITUATIONS.map((spec) => ({ id: randomUUID(), spec }));
  await tx.service.createMany({ data: rows });
  await tx.centreService.createMany({ data: links });
  await tx.lifeSituation.createMany({
    data: situations.map(({ id, spec }) => ({
      id,
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      description: spec.description,
    })),
  });
  await tx.lifeSituationService.createMany({
    data: situations.flatMap(({ id, spec }) =>
      spec.services.map((entry, i) => ({
        lifeSituationId: id,
        serviceId: federalService(entry.replace("?", "")).id,
        position: i + 1,
        mandatory: !entry.endsWith("?"),
      })),
    ),
  });

  const proactiveCount =
    FEDERAL_SERVICES.filter((s) => s.proactive).length +
    SMOLENSK_SERVICES.filter(([name]) => SMOLENSK_PROACTIVE.has(name)).length;
  return {
    smolensk,
    federal: federalService,
    lifeSituations: situations.map(({ id, spec }) => ({ id, code: spec.code, name: spec.name })),
    proactiveCount,
  };
}
