import { randomBytes } from "node:crypto";
import type { Access } from "../../lib/access.js";
import { hashApiKey } from "../../lib/auth.js";
import { change, log, saveRow } from "../../lib/change.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import { forgetApiClient } from "../../lib/partner-auth.js";
import type { CreateApiClientData } from "./api-clients.inputs.js";

/**
 * A new key: 256 random bits, shown once. Only its SHA-256 is stored, with the first
 * characters kept visible so that people can tell keys apart in lists.
 */
export async function createApiClient(access: Access, data: CreateApiClientData) {
  if (data.expiresAt && data.expiresAt <= new Date()) throw ValidationError.of("input.expiresAt", "EXPIRY_IN_PAST");
  const secret = randomBytes(32).toString("base64url");
  const key = `dsp_${secret}`;
  const keyPrefix = key.slice(0, 12);
  return change("API client", async (tx) => {
    const client = await tx.apiClient.create({
      data: {
        name: data.name,
        scopes: data.scopes,
        rateLimitPerMinute: data.rateLimitPerMinute,
        expiresAt: data.expiresAt ?? null,
        keyPrefix,
        keyHash: hashApiKey(key),
        createdById: access.identity?.kind === "user" ? access.identity.userId : null,
      },
    });
    await log(tx, access, { entity: "ApiClient", entityId: client.id, action: "CREATE", after: client });
    return { client, key };
  });
}

export async function revokeApiClient(access: Access, input: { id: string; version: number }) {
  const id = fromGlobalId("ApiClient", input.id, "input.id");
  const revoked = await change("API client", async (tx) => {
    const before = await tx.apiClient.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("API client");
    if (before.revokedAt) throw ValidationError.of("input.id", "API_KEY_ALREADY_REVOKED");
    return saveRow(tx, access, {
      entity: "ApiClient",
      label: "API client",
      before,
      version: input.version,
      action: "ARCHIVE",
      data: { revokedAt: new Date() },
      // API clients are national.
      regionOf: () => null,
    });
  });
  // Committed: this process refuses the key from now on; others within the identity cache's time.
  forgetApiClient(id);
  return revoked;
}
