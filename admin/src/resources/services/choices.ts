import { choicesOf, type PublicationStatus } from "../../lib/choices";
import type { Named } from "../../lib/records";

export const SERVICE_LEVELS = ["FEDERAL", "REGIONAL", "MUNICIPAL"] as const;

export const serviceLevelChoices = choicesOf("ServiceLevel", SERVICE_LEVELS);

export interface ServiceRecord {
  id: string;
  version: number;
  name: string;
  shortName: string | null;
  level: (typeof SERVICE_LEVELS)[number];
  status: PublicationStatus;
  region: Named | null;
  registryId: string | null;
  electronic: boolean;
  updatedAt: string;
}
