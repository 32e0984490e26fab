import type { RaRecord } from "react-admin";

export interface Assignment {
  id: string;
  version: number;
  role: string;
  targetType: string;
  primary: boolean;
  active: boolean;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  region: { id: string; name: string };
  service: { id: string; name: string } | null;
  centre: { id: string; name: string } | null;
  lifeSituation: { id: string; name: string } | null;
  project: { id: string; name: string } | null;
}

export interface Person extends RaRecord<string> {
  version: number;
  fullName: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  position: string | null;
  email: string | null;
  phone: string | null;
  archivedAt: string | null;
  photoConsent: boolean;
  photoConsentAt?: string | null;
  photoUrl?: string | null;
  photo?: { id: string; name: string; status: string } | null;
  region: { id: string; name: string };
  organisation: { id: string; name: string } | null;
  assignments?: { edges: { node: Assignment }[] };
}

/** What an assignment is for: the service, centre, life situation or project, else the region. */
export const targetName = (assignment: Omit<Assignment, "id" | "version">): string =>
  assignment.service?.name ??
  assignment.centre?.name ??
  assignment.lifeSituation?.name ??
  assignment.project?.name ??
  assignment.region.name;
