import type { RaRecord } from "react-admin";
import type { Named } from "../../lib/records";

/** A material of an event (a programme, a presentation, photos), AVAILABLE: it passed its checks. */
export interface EventMaterial {
  id: string;
  name: string;
  size: number;
  createdAt: string;
  uploadedByName: string | null;
}

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
  /** Read on the event's page only. */
  materials?: EventMaterial[];
  updatedAt?: string;
  createdAt?: string;
}
