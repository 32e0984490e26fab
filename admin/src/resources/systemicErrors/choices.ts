import { choicesOf } from "../../lib/choices";
import type { Named } from "../../lib/records";

export const SYSTEMIC_ERROR_STATUSES = ["OPEN", "REPORTED", "FIXED", "CONFIRMED"] as const;
export type SystemicErrorStatus = (typeof SYSTEMIC_ERROR_STATUSES)[number];

export const systemicErrorStatusChoices = choicesOf("SystemicErrorStatus", SYSTEMIC_ERROR_STATUSES);

export const SYSTEMIC_STATUS_COLOURS: Record<SystemicErrorStatus, "error" | "warning" | "info" | "success"> = {
  OPEN: "error",
  REPORTED: "warning",
  FIXED: "info",
  CONFIRMED: "success",
};

export interface SystemicErrorRecord {
  id: string;
  version: number;
  title: string;
  description?: string | null;
  status: SystemicErrorStatus;
  overdue: boolean;
  dueAt: string;
  detectedAt: string;
  reportedAt?: string | null;
  fixedAt?: string | null;
  confirmedAt?: string | null;
  resolution?: string | null;
  feedbackCount: number;
  region: Named;
  service: Named | null;
  authority: Named | null;
  allowedTransitions?: SystemicErrorStatus[];
}
