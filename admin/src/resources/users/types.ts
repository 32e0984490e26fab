import type { RaRecord } from "react-admin";

export interface User extends RaRecord<string> {
  version: number;
  email: string;
  fullName: string;
  role: "ADMIN" | "CURATOR" | "OPERATOR" | "AUDITOR";
  active: boolean;
  allRegions: boolean;
  lastLoginAt: string | null;
  locale: string;
  centre: { id: string; name: string } | null;
  regions: { id: string; name: string }[];
}
