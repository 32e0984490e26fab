import { choicesOf, type TargetDirection } from "../../lib/choices";
import type { Named } from "../../lib/records";

export const STANDARD_STATUSES = ["DRAFT", "APPROVED", "SUPERSEDED"] as const;

export const standardStatusChoices = choicesOf("StandardStatus", STANDARD_STATUSES);

export interface QualityTarget {
  indicatorCode: string;
  name: string;
  unit: string;
  direction: TargetDirection;
  threshold: number;
}

export interface QualityStandardRecord {
  id: string;
  version: number;
  revision: number;
  title: string;
  status: (typeof STANDARD_STATUSES)[number];
  service: { id: string; name: string; region: Named | null };
  validFrom: string | null;
  approvedAt: string | null;
  /** Whether the signed-in user may approve it now (the API's four-eyes rule included). */
  canApprove?: boolean;
  targets?: QualityTarget[];
}
