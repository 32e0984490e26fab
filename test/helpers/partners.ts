// Partner keys made as createApiClient stores them, with the scopes and limit a test needs.
import { randomBytes } from "node:crypto";
import type { ApiScope } from "../../api/lib/api-scopes.js";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";

export interface PartnerKey {
  id: string;
  key: string;
  /** The request headers of this key: `{ "x-api-key": key }`. */
  headers: Record<string, string>;
}

export async function partnerKey(
  options: {
    name?: string;
    scopes?: ApiScope[];
    /** High by default, so that only the tests about the limit ever reach it. */
    rateLimitPerMinute?: number;
    expiresAt?: Date;
    revokedAt?: Date;
  } = {},
): Promise<PartnerKey> {
  const key = `dsp_${randomBytes(32).toString("base64url")}`;
  const client = await prisma.apiClient.create({
    data: {
      name: options.name ?? "Партнёр (тест)",
      keyPrefix: key.slice(0, 12),
      keyHash: hashApiKey(key),
      scopes: options.scopes ?? ["registry:read", "statistics:read"],
      rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
      expiresAt: options.expiresAt ?? null,
      revokedAt: options.revokedAt ?? null,
    },
  });
  return { id: client.id, key, headers: { "x-api-key": key } };
}
