// A partner app's key → its identity, counted against the key's requests per minute. The
// count lives on the ApiClient row, so every Lambda container (and every local server) shares
// it, and one SQL statement per request both authenticates the key and counts the request.
import type { Identity } from "./access.js";
import { isApiScope } from "./api-scopes.js";
import { hashApiKey } from "./auth.js";
import { type Database, prisma } from "./db.js";
import { AuthenticationError, RateLimitedError } from "./errors.js";

/** Length of a rate-limit window: `rateLimitPerMinute` requests are admitted per window. */
const RATE_WINDOW_SECONDS = 60;

interface KeyCheck {
  id: string;
  scopes: string[] | null;
  admitted: boolean;
  retryAfterSeconds: number;
}

/**
 * A fixed window per key: the first request after the previous window ended opens a new one
 * (and is the only request of the window that writes `lastUsedAt`, so that column is written
 * at most once a minute); later ones are admitted while the window's count is under the limit.
 * A refused request writes nothing, so a client hammering a spent key costs one indexed read
 * each. Timestamps are UTC, as Prisma stores them. Usage is not an edit of the key: no
 * version, no updatedAt, no ChangeLog.
 */
export async function authenticatePartnerKey(
  key: string,
  db: Database = prisma,
): Promise<Extract<Identity, { kind: "partner" }>> {
  const [row] = await db.$queryRaw<KeyCheck[]>`
    WITH client AS (
      SELECT id, scopes, "rateWindowStartedAt", now() AT TIME ZONE 'UTC' AS at,
        now() AT TIME ZONE 'UTC' - make_interval(secs => ${RATE_WINDOW_SECONDS}) AS "windowOpenedAfter"
      FROM "ApiClient"
      WHERE "keyHash" = ${hashApiKey(key)}
        AND "revokedAt" IS NULL
        AND ("expiresAt" IS NULL OR "expiresAt" > now() AT TIME ZONE 'UTC')
    ), counted AS (
      -- The CASEs and the WHERE read the row as it is when locked (a concurrent request may
      -- just have counted), not as the CTE above saw it.
      UPDATE "ApiClient" a SET
        "rateWindowStartedAt" = CASE WHEN a."rateWindowStartedAt" > client."windowOpenedAfter"
          THEN a."rateWindowStartedAt" ELSE client.at END,
        "rateWindowCount" = CASE WHEN a."rateWindowStartedAt" > client."windowOpenedAfter"
          THEN a."rateWindowCount" + 1 ELSE 1 END,
        "lastUsedAt" = CASE WHEN a."rateWindowStartedAt" > client."windowOpenedAfter"
          THEN a."lastUsedAt" ELSE client.at END
      FROM client
      WHERE a.id = client.id
        AND (a."rateWindowStartedAt" IS NULL
          OR a."rateWindowStartedAt" <= client."windowOpenedAfter"
          OR a."rateWindowCount" < a."rateLimitPerMinute")
      RETURNING a.id
    )
    SELECT client.id::text AS id, client.scopes, counted.id IS NOT NULL AS admitted,
      greatest(1, ceil(extract(epoch FROM client."rateWindowStartedAt" - client."windowOpenedAfter")))::int
        AS "retryAfterSeconds"
    FROM client LEFT JOIN counted ON true`;
  // Unknown, revoked and expired keys get one and the same answer.
  if (!row) throw new AuthenticationError("The API key is not valid.");
  if (!row.admitted) throw new RateLimitedError(row.retryAfterSeconds);
  return { kind: "partner", apiClientId: row.id, scopes: (row.scopes ?? []).filter(isApiScope) };
}
