import type { RegionRef } from "../services/choices";

export const KPI_SOURCES = ["COMPUTED", "ENTERED"] as const;

// Choice names are i18n keys: react-admin translates them when it shows them.
export const kpiSourceChoices = KPI_SOURCES.map((id) => ({ id, name: `enums.KpiValueSource.${id}` }));

export interface KpiValueRecord {
  id: string;
  version: number;
  periodStart: string;
  periodEnd: string;
  region: RegionRef | null;
  value: number;
  source: string;
  updatedAt: string;
}

export interface KpiRecord {
  id: string;
  version: number;
  code: string;
  name: string;
  unit: string;
  direction: "AT_LEAST" | "AT_MOST";
  source: (typeof KPI_SOURCES)[number];
  targetValue: number;
  targetYear: number;
  region: RegionRef | null;
  values?: KpiValueRecord[];
}
