import type { RaRecord } from "react-admin";
import type { Named } from "../../lib/records";

/** An event of the register as the panel reads it. */
export interface EventRecord extends RaRecord<string> {
  version: number;
  title: string;
  kind: string;
  audience: string;
  startsOn: string;
  endsOn: string;
  participants: number | null;
  description?: string | null;
  archivedAt: string | null;
  region: Named;
  hostOrganisation: Named | null;
  centre: Named | null;
  project: Named | null;
  municipalities: Named[];
  updatedAt?: string;
  createdAt?: string;
}
