import type { RegionRef } from "../services/choices";

export const STANDARD_STATUSES = ["DRAFT", "APPROVED", "SUPERSEDED"] as const;
export const TARGET_DIRECTIONS = ["AT_LEAST", "AT_MOST"] as const;

// Choice names are i18n keys: react-admin translates them when it shows them.
export const standardStatusChoices = STANDARD_STATUSES.map((id) => ({ id, name: `enums.StandardStatus.${id}` }));
export const targetDirectionChoices = TARGET_DIRECTIONS.map((id) => ({ id, name: `enums.TargetDirection.${id}` }));

export interface QualityTarget {
  indicatorCode: string;
  name: string;
  unit: string;
  direction: (typeof TARGET_DIRECTIONS)[number];
  threshold: number;
}

export interface QualityStandardRecord {
  id: string;
  version: number;
  revision: number;
  title: string;
  status: (typeof STANDARD_STATUSES)[number];
  service: { id: string; name: string; region: RegionRef | null };
  validFrom: string | null;
  approvedAt: string | null;
  /** Whether the signed-in user may approve it now (the API's four-eyes rule included). */
  canApprove?: boolean;
  targets?: QualityTarget[];
}
