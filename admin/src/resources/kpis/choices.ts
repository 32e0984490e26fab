import { choicesOf } from "../../lib/choices";
import type { Named } from "../../lib/records";

export const KPI_SOURCES = ["COMPUTED", "ENTERED"] as const;

export const kpiSourceChoices = choicesOf("KpiValueSource", KPI_SOURCES);

export interface KpiValueRecord {
  id: string;
  version: number;
  periodStart: string;
  periodEnd: string;
  region: Named | null;
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
  region: Named | null;
  values?: KpiValueRecord[];
}
