import type { Named } from "../../lib/records";

export interface QualityMeasurementRecord {
  id: string;
  version: number;
  service: { id: string; name: string };
  indicatorCode: string;
  region: Named;
  municipality: { id: string; name: string } | null;
  centre: { id: string; name: string } | null;
  periodStart: string;
  periodEnd: string;
  value: number;
  source: string | null;
  meetsTarget: boolean | null;
  target: { threshold: number; unit: string; direction: string; name: string } | null;
}
