import { choicesOf } from "../../lib/choices";
import type { Named } from "../../lib/records";

export const LIFE_SITUATION_KINDS = ["LIFE_EVENT", "BUSINESS_EVENT"] as const;

export const lifeSituationKindChoices = choicesOf("LifeSituationKind", LIFE_SITUATION_KINDS);

export interface OrderedService {
  position: number;
  mandatory: boolean;
  service: { id: string; name: string; level: string; status: string; region: Named | null };
}

export interface LifeSituationRecord {
  id: string;
  version: number;
  code: string;
  name: string;
  kind: (typeof LIFE_SITUATION_KINDS)[number];
  status: string;
  region: Named | null;
  services?: OrderedService[];
}
