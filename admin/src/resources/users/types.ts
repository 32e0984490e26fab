import type { RaRecord } from "react-admin";

export interface User extends RaRecord<string> {
  version: number;
  email: string;
  fullName: string;
  role: "ADMIN" | "CURATOR" | "OPERATOR" | "AUDITOR";
  active: boolean;
  /** Sessions signed in and not ended (read on the show page only). */
  openSessions?: number | null;
  allRegions: boolean;
  lastLoginAt: string | null;
  locale: string;
  centre: { id: string; name: string } | null;
  regions: { id: string; name: string }[];
}
