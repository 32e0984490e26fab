import type { RaRecord } from "react-admin";

export interface ApiClient extends RaRecord<string> {
  version: number;
  name: string;
  keyPrefix: string;
  /** ApiScope values, e.g. REGISTRY_READ. */
  scopes: string[];
  rateLimitPerMinute: number;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
