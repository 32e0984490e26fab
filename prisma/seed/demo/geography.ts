// Regions, municipalities and settlements of the demo, in three statements.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../api/generated/prisma/client.js";
import { createRandom } from "../generators.js";
import { isRuralTown, type MunicipalitySpec, REGIONS, type RegionSpec, VILLAGE_NAMES } from "./geography-data.js";

export interface SeededSettlement {
  id: string;
  name: string;
  /** The name with its type, as written in addresses ("г. Гдов", "д. Горки"). */
  label: string;
  isRural: boolean;
  lat: number;
  lon: number;
}

export interface SeededMunicipality {
  id: string;
  regionId: string;
  spec: MunicipalitySpec;
  town: SeededSettlement | null;
  villages: SeededSettlement[];
}

export interface SeededRegion {
  id: string;
  spec: RegionSpec;
  municipalities: SeededMunicipality[];
}

export interface Geography {
  regions: SeededRegion[];
  region(code: string): SeededRegion;
}

/** The OKTMO-like code: regional prefix, "7" for urban districts else "6", then the municipality's number. */
function oktmo(region: RegionSpec, spec: MunicipalitySpec, index: number): string {
  const kindDigit = spec.kind === "URBAN_DISTRICT" ? "7" : "6";
  return `${region.oktmoPrefix}${kindDigit}${String(index + 1).padStart(2, "0")}000`;
}

function settlement(label: string, isRural: boolean, lat: number, lon: number): SeededSettlement {
  const name = label.replace(/^(г\.|с\.|д\.|п\.|рп|пгт) /, "");
  return { id: randomUUID(), name, label, isRural, lat, lon };
}

export async function seedGeography(tx: Prisma.TransactionClient): Promise<Geography> {
  const random = createRandom(38_060_014);
  const regions: SeededRegion[] = REGIONS.map((spec) => {
    const id = randomUUID();
    return {
      id,
      spec,
      municipalities: spec.municipalities.map((m, mi) => {
        const villages: SeededSettlement[] = [];
        for (let k = 0; k < m.villages; k++) {
          const name = VILLAGE_NAMES[(mi * 7 + k * 5) % VILLAGE_NAMES.length] ?? "Заречье";
          // Villages lie around the administrative centre, within the region.
          const lat = m.lat + (random.next() - 0.5) * 0.4;
          const lon = m.lon + (random.next() - 0.5) * 0.6;
          villages.push(settlement(`${spec.villagePrefix} ${name}`, true, lat, lon));
        }
        return {
          id: randomUUID(),
          regionId: id,
          spec: m,
          town: m.town ? settlement(m.town, isRuralTown(m.town), m.lat, m.lon) : null,
          villages,
        };
      }),
    };
  });

  await tx.region.createMany({ data: regions.map((r) => ({ id: r.id, code: r.spec.code, name: r.spec.name })) });
  await tx.municipality.createMany({
    data: regions.flatMap((r) =>
      r.municipalities.map((m, mi) => ({
        id: m.id,
        regionId: r.id,
        oktmo: oktmo(r.spec, m.spec, mi),
        name: m.spec.name,
        kind: m.spec.kind,
      })),
    ),
  });
  await tx.settlement.createMany({
    data: regions.flatMap((r) =>
      r.municipalities.flatMap((m) =>
        [...(m.town ? [m.town] : []), ...m.villages].map((s) => ({
          id: s.id,
          municipalityId: m.id,
          name: s.name,
          isRural: s.isRural,
        })),
      ),
    ),
  });

  const byCode = new Map(regions.map((r) => [r.spec.code, r]));
  const geography: Geography = {
    regions,
    region(code) {
      const found = byCode.get(code);
      if (!found) throw new Error(`The demo has no region ${code}.`);
      return found;
    },
  };
  return geography;
}
