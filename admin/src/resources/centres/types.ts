import type { RaRecord } from "react-admin";
import type { CentreStatus } from "../../lib/choices";
import type { Named } from "../../lib/records";

// A centre as the definition in index.ts selects it (list fields, and on show pages the details).

export const CENTRE_KINDS = [
  "PUBLIC_ACCESS",
  "LEGAL_INFO",
  "IDENTITY",
  "MOBILE_OFFICE",
  "E_SERVICES_SECTOR",
  "MFC_WINDOW",
] as const;
export type CentreKind = (typeof CENTRE_KINDS)[number];

export const HELP_KINDS = [
  "CONSULTATION",
  "ACCOUNT_REGISTRATION",
  "APPLICATION_FILLING",
  "IDENTITY_CONFIRMATION",
  "SIGNATURE_RENEWAL",
  "RESULT_PRINTING",
  "STATUS_TRACKING",
] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

export interface OpeningHoursRow {
  weekday: number;
  opens: string;
  closes: string;
}

export interface HoursException {
  id: string;
  version: number;
  startsOn: string;
  endsOn: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  reason: string | null;
}

export interface CentreServiceRow {
  helpKinds: HelpKind[];
  note: string | null;
  service: Named;
}

export interface CentreRecord extends RaRecord<string> {
  version: number;
  name: string;
  kinds: CentreKind[];
  status: CentreStatus;
  statusAlert: string | null;
  address: string;
  archivedAt: string | null;
  signatureValidUntil: string | null;
  lastVerifiedAt: string | null;
  region: Named;
  municipality: Named;
  settlement: (Named & { isRural: boolean }) | null;
  hostOrganisation: Named;
  // Details (getOne):
  latitude?: number | null;
  longitude?: number | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  accessibleMobility?: boolean;
  accessibleVision?: boolean;
  accessibleHearing?: boolean;
  workstations?: number;
  printers?: number;
  scanners?: number;
  equipmentNote?: string | null;
  lastVerifiedByName?: string | null;
  openingHours?: OpeningHoursRow[];
  hoursExceptions?: HoursException[];
  services?: CentreServiceRow[];
}

/** Documents of one type a mobile office issued during a visit. */
export interface VisitDocument {
  documentType: string;
  count: number;
}

/** One trip of a mobile office to a settlement, as MobileVisitsTab reads it. */
export interface MobileVisit {
  id: string;
  version: number;
  visitedOn: string;
  peopleServed: number;
  note: string | null;
  settlement: { id: string; name: string; isRural: boolean; municipality: Named };
  documents: VisitDocument[];
}
