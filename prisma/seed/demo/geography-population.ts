// The resident population of the demo regions and of some of their municipalities at the start
// of the years the demo's reports and targets speak of: the denominator of KPIs per resident
// (Tver's share of residents using e-services, seed 004).
import type { Prisma } from "../../../api/generated/prisma/client.js";
import type { Geography } from "./geography.js";

export const POPULATION_SOURCE = "Росстат, численность постоянного населения на 1 января";

/** Regions as a whole: code → year → residents on 1 January. */
export const REGION_POPULATION: Record<string, Record<number, number>> = {
  // Tver: the years of its road map's target (70 % of residents using e-services by 2018).
  "69": { 2017: 1_283_873, 2018: 1_269_636 },
  // Udmurtia: the years of its centres' reports (seed 003).
  "18": { 2015: 1_517_472, 2016: 1_517_164, 2017: 1_516_826, 2018: 1_513_044 },
  "60": { 2020: 626_115, 2021: 620_249 },
  "14": { 2019: 967_009, 2020: 971_996 },
  "67": { 2024: 880_019, 2025: 868_450 },
  "38": { 2021: 2_375_021 },
};

/** Municipalities: region code → municipality name → year → residents on 1 January. */
export const MUNICIPALITY_POPULATION: Record<string, Record<string, Record<number, number>>> = {
  "18": {
    "город Ижевск": { 2017: 646_277, 2018: 648_146 },
    "город Глазов": { 2017: 93_568, 2018: 93_249 },
  },
  "60": {
    "город Псков": { 2020: 210_501, 2021: 209_840 },
    "город Великие Луки": { 2020: 90_767, 2021: 90_139 },
  },
  "69": { "город Тверь": { 2017: 419_363, 2018: 420_065 } },
};

export async function seedPopulation(tx: Prisma.TransactionClient, geo: Geography): Promise<void> {
  const rows: Prisma.PopulationCreateManyInput[] = [];
  for (const [code, years] of Object.entries(REGION_POPULATION)) {
    const region = geo.region(code);
    for (const [year, count] of Object.entries(years)) {
      rows.push({ regionId: region.id, municipalityId: null, year: Number(year), count, source: POPULATION_SOURCE });
    }
  }
  for (const [code, places] of Object.entries(MUNICIPALITY_POPULATION)) {
    const region = geo.region(code);
    for (const [name, years] of Object.entries(places)) {
      const municipality = region.municipalities.find((m) => m.spec.name === name);
      if (!municipality) throw new Error(`The demo has no municipality ${name} in region ${code}.`);
      for (const [year, count] of Object.entries(years)) {
        rows.push({
          regionId: region.id,
          municipalityId: municipality.id,
          year: Number(year),
          count,
          source: POPULATION_SOURCE,
        });
      }
    }
  }
  await tx.population.createMany({ data: rows });
}
