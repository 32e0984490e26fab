import type { RegionRef } from "../services/choices";

export const LIFE_SITUATION_KINDS = ["LIFE_EVENT", "BUSINESS_EVENT"] as const;

// Choice names are i18n keys: react-admin translates them when it shows them.
export const lifeSituationKindChoices = LIFE_SITUATION_KINDS.map((id) => ({
  id,
  name: `enums.LifeSituationKind.${id}`,
}));

export interface OrderedService {
  position: number;
  mandatory: boolean;
  service: { id: string; name: string; level: string; status: string; region: RegionRef | null };
}

export interface LifeSituationRecord {
  id: string;
  version: number;
  code: string;
  name: string;
  kind: (typeof LIFE_SITUATION_KINDS)[number];
  status: string;
  region: RegionRef | null;
  services?: OrderedService[];
}
