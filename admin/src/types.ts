import type { RaRecord } from "react-admin";

// Records as the data provider returns them: the GraphQL node selections in
// providers/dataProvider.ts, with the API's global ids.

export const CENTRE_KINDS = [
  "PUBLIC_ACCESS",
  "LEGAL_INFO",
  "IDENTITY",
  "MOBILE_OFFICE",
  "E_SERVICES_SECTOR",
  "MFC_WINDOW",
] as const;
export type CentreKind = (typeof CENTRE_KINDS)[number];

export const CENTRE_STATUSES = ["ACTIVE", "TEMPORARILY_CLOSED", "INACTIVE", "CLOSED"] as const;
export type CentreStatus = (typeof CENTRE_STATUSES)[number];

export interface Centre extends RaRecord<string> {
  name: string;
  kinds: CentreKind[];
  status: CentreStatus;
  address: string | null;
  settlement: { name: string; isRural: boolean } | null;
  hostOrganisation: { id: string; name: string } | null;
}

export interface Region extends RaRecord<string> {
  code: string;
  name: string;
}

export interface Organisation extends RaRecord<string> {
  name: string;
  kind: string;
  inn: string | null;
}
