// Targets with deadlines from the documents: Tver's road map (seed 004), the federal goals
// for 2030 and Smolensk's figures (seed 002). Tver has exactly one regional KPI, computed from
// the residents its e-services report counts and its population (reports.ts, geography-population.ts).
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../api/generated/prisma/client.js";
import { day } from "../generators.js";
import type { Geography } from "./geography.js";
import type { Services } from "./services.js";

const NATIONAL_GOAL =
  "Указ Президента РФ от 07.05.2024 № 309, национальная цель «Цифровая трансформация государственного и муниципального управления»";

export async function seedKpis(tx: Prisma.TransactionClient, geo: Geography, services: Services): Promise<void> {
  const tver = geo.region("69").id;
  const smolensk = geo.region("67").id;
  const ids = { tver: randomUUID(), electronic: randomUUID(), proactive: randomUUID(), smolensk: randomUUID() };
  await tx.kpi.createMany({
    data: [
      {
        id: ids.tver,
        code: "E_SERVICES_USERS_SHARE",
        name: "Доля граждан, использующих механизм получения государственных и муниципальных услуг в электронной форме",
        formula: "Жители, получившие услуги в электронной форме за год ÷ численность населения на 1 января × 100",
        unit: "%",
        targetValue: 70,
        targetYear: 2018,
        legalBasis: "«Дорожная карта» Тверской области по повышению доступности государственных услуг",
        regionId: tver,
        source: "COMPUTED",
        definition: {
          kind: "RATIO",
          numerator: { kind: "INDICATOR", indicatorCode: "E_SERVICES_USERS", part: "TOTAL" },
          denominator: { kind: "POPULATION" },
          multiplier: 100,
        },
      },
      {
        id: ids.electronic,
        code: "SOCIAL_SERVICES_ELECTRONIC_SHARE",
        name: "Доля массовых социально значимых услуг, доступных в электронном виде",
        formula: "Социально значимые услуги, доступные в электронном виде ÷ все социально значимые услуги × 100",
        unit: "%",
        targetValue: 99,
        targetYear: 2030,
        legalBasis: NATIONAL_GOAL,
        source: "COMPUTED",
        // A region's own services; nationally the whole catalogue; each region listed too.
        definition: {
          kind: "SERVICE_SHARE",
          services: { socialSignificant: true, federal: false },
          having: { electronic: true },
          byRegion: true,
        },
      },
      {
        id: ids.proactive,
        code: "PROACTIVE_SERVICES",
        name: "Количество услуг, предоставляемых в проактивном режиме",
        formula: "Число опубликованных услуг каталога с признаком «проактивная»",
        unit: "ед.",
        targetValue: 100,
        targetYear: 2030,
        legalBasis: NATIONAL_GOAL,
        source: "COMPUTED",
        definition: { kind: "SERVICE_COUNT", services: { proactive: true, federal: true } },
      },
      {
        id: ids.smolensk,
        code: "SMOLENSK_E_APPLICATIONS",
        name: "Количество заявлений на получение услуг, поданных в электронном виде",
        formula: "Заявления на региональные и муниципальные услуги, поданные через ЕПГУ и РПГУ, с начала года",
        unit: "ед.",
        targetValue: 74000,
        targetYear: 2025,
        regionId: smolensk,
        source: "ENTERED",
      },
    ],
  });
  await tx.kpiValue.createMany({
    data: [
      // All 83 of Smolensk's socially significant services are electronic (seed 002).
      {
        kpiId: ids.electronic,
        regionId: smolensk,
        periodStart: day(2025, 1, 1),
        periodEnd: day(2025, 12, 31),
        value: 100,
        source: "COMPUTED",
      },
      {
        kpiId: ids.proactive,
        regionId: null,
        periodStart: day(2025, 1, 1),
        periodEnd: day(2025, 12, 31),
        value: services.proactiveCount,
        source: "COMPUTED",
      },
      {
        kpiId: ids.smolensk,
        regionId: smolensk,
        periodStart: day(2025, 1, 1),
        periodEnd: day(2025, 8, 14),
        value: 74000,
        source: "ENTERED",
      },
    ],
  });
}
