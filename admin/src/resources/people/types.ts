import type { RaRecord } from "react-admin";
import type { Assignment } from "../../lib/records";

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
  contactsConsent: boolean;
  contactsConsentAt?: string | null;
  /** What the public curator directory shows of the person; null when archived. */
  published?: {
    fullName: string;
    position: string | null;
    organisation: string | null;
    photoUrl: string | null;
    email: string | null;
    phone: string | null;
  } | null;
  photoUrl?: string | null;
  photo?: { id: string; name: string; status: string } | null;
  region: { id: string; name: string };
  organisation: { id: string; name: string } | null;
  assignments?: { edges: { node: Assignment }[] };
}
