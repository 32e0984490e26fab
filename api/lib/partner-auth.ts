// A partner app's key → its identity, counted against the key's requests per minute.
//
// The count lives on the ApiClient row, so every Lambda container (and every local server)
// shares it: a fixed one-minute window, whose budget (`rateLimitPerMinute`) containers take in
// small leases. A container that holds a lease admits requests from it without asking the
// database; one SQL statement both authenticates the key and takes the next lease. The sum of
// the leases never exceeds the budget, so the limit holds exactly across containers; what a
// container leased and did not use is handed back with its next lease in the same window, or
// lapses with the window.

import { config } from "../config.js";
import type { Identity } from "./access.js";
import { isApiScope } from "./api-scopes.js";
import { hashApiKey } from "./auth.js";
import { type Database, prisma } from "./db.js";
import { AuthenticationError, RateLimitedError } from "./errors.js";

type PartnerIdentity = Extract<Identity, { kind: "partner" }>;

/** Length of a rate-limit window: `rateLimitPerMinute` requests are admitted per window. */
const RATE_WINDOW_SECONDS = 60;
/**
 * A lease is a twentieth of the key's budget, at most 1,000 requests: a key of 600 a minute asks
 * the database once in 30 requests, a key of 20 or fewer every time (its count stays exact).
 */
const LEASE_SHARE = 20;
const MAX_LEASE = 1_000;

interface Admission {
  identity: PartnerIdentity;
  /** Requests this process may still admit in the window. */
  remaining: number;
  /** The window the lease belongs to, as the database knows it (its start). */
  window: string;
  /** The lease is good until the window ends (milliseconds since the epoch)… */
  windowEnds: number;
  /** …and the key is taken as valid until then (config.identityCacheSeconds after it was checked). */
  checkedUntil: number;
}

/** What this process holds, by the key's hash; a key's entry stays for the hand-back. */
const admissions = new Map<string, Admission>();
/** Every key a country's partners use; the oldest entry goes first beyond it. */
const MAX_KEYS = 5_000;

/** After a key was revoked or changed here: the next request with it asks the database. */
export function forgetApiClient(apiClientId: string): void {
  for (const [hash, admission] of admissions)
    if (admission.identity.apiClientId === apiClientId) admissions.delete(hash);
}

interface Lease {
  id: string;
  scopes: string[] | null;
  granted: number;
  window: string;
  windowSecondsLeft: number;
}

/**
 * Authenticates the key and takes a lease of its current window's budget, handing back what
 * this process still held of the same window. The row is locked for the decision, so concurrent
 * requests (from any container) take turns and their leases add up to the budget at most. The
 * first lease of a window starts it and writes `lastUsedAt`, so that column is written at most
 * once a minute. A key is unknown, revoked and expired alike: no row.
 */
async function lease(db: Database, keyHash: string, handBack: Admission | undefined): Promise<Lease | undefined> {
  // Without the cache nothing is held between requests: lease one at a time.
  const maxLease = config.identityCacheSeconds > 0 ? MAX_LEASE : 1;
  const [row] = await db.$queryRaw<Lease[]>`
    WITH key AS (
      SELECT id, scopes, "rateLimitPerMinute" AS budget, "rateWindowStartedAt" AS started, "rateWindowCount" AS used,
        -- In whole milliseconds, as the column keeps it (TIMESTAMP(3) would round the rest): the
        -- window named to this process must be the one stored, or its hand-back would not match.
        date_trunc('milliseconds', now() AT TIME ZONE 'UTC') AS at
      FROM "ApiClient"
      WHERE "keyHash" = ${keyHash}
        AND "revokedAt" IS NULL
        AND ("expiresAt" IS NULL OR "expiresAt" > now() AT TIME ZONE 'UTC')
      FOR UPDATE
    ), plan AS (
      SELECT key.*,
        coalesce(started > at - make_interval(secs => ${RATE_WINDOW_SECONDS}), false) AS current,
        least(${maxLease}, greatest(1, budget / ${LEASE_SHARE})) AS wanted,
        CASE WHEN to_char(started, 'YYYY-MM-DD"T"HH24:MI:SS.MS') = ${handBack?.window ?? ""}
          THEN least(${handBack?.remaining ?? 0}, used) ELSE 0 END AS returned
      FROM key
    ), decided AS (
      SELECT plan.*,
        CASE WHEN current THEN greatest(0, least(wanted, budget - (used - returned))) ELSE least(wanted, budget) END
          AS granted,
        CASE WHEN current THEN started ELSE at END AS window_start
      FROM plan
    ), leased AS (
      UPDATE "ApiClient" a SET
        "rateWindowStartedAt" = decided.window_start,
        "rateWindowCount" = CASE WHEN decided.current THEN decided.used - decided.returned + decided.granted
          ELSE decided.granted END,
        "lastUsedAt" = CASE WHEN decided.current THEN a."lastUsedAt" ELSE decided.at END
      FROM decided
      WHERE a.id = decided.id AND (decided.granted > 0 OR decided.returned > 0)
      RETURNING a.id
    )
    SELECT decided.id::text AS id, decided.scopes, decided.granted::int AS granted,
      to_char(decided.window_start, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "window",
      greatest(1, ceil(extract(epoch FROM decided.window_start + make_interval(secs => ${RATE_WINDOW_SECONDS})
        - decided.at)))::int AS "windowSecondsLeft"
    FROM decided LEFT JOIN leased ON true`;
  return row;
}

/**
 * The identity of a partner key, with the request counted: from this process's lease when it
 * holds one (no SQL), else from a new lease (one statement). Unknown, revoked and expired keys
 * get one and the same answer; a key over its limit, 429 with the seconds to wait.
 */
export async function authenticatePartnerKey(key: string, db: Database = prisma): Promise<PartnerIdentity> {
  const keyHash = hashApiKey(key);
  const now = Date.now();
  const held = admissions.get(keyHash);
  if (held && now < held.checkedUntil && now < held.windowEnds) {
    if (held.remaining > 0) {
      held.remaining -= 1;
      return held.identity;
    }
    // A refusal holds too: nothing is left to lease before the window ends.
    if (held.window === "refused") throw new RateLimitedError(Math.ceil((held.windowEnds - now) / 1000));
  }
  // One lease at a time per key in this process: the others wait for it and take from it.
  const pending = leasing.get(keyHash);
  if (pending) {
    await pending.catch(() => undefined);
    return authenticatePartnerKey(key, db);
  }
  const leased = leaseFor(db, keyHash, held && now < held.windowEnds ? held : undefined);
  leasing.set(keyHash, leased);
  try {
    return await leased;
  } finally {
    leasing.delete(keyHash);
  }
}

const leasing = new Map<string, Promise<PartnerIdentity>>();

async function leaseFor(db: Database, keyHash: string, handBack: Admission | undefined): Promise<PartnerIdentity> {
  admissions.delete(keyHash);
  const now = Date.now();
  const row = await lease(db, keyHash, handBack);
  if (!row) throw new AuthenticationError("API_KEY_INVALID");
  const identity: PartnerIdentity = {
    kind: "partner",
    apiClientId: row.id,
    scopes: (row.scopes ?? []).filter(isApiScope),
  };
  if (config.identityCacheSeconds > 0) {
    admissions.set(keyHash, {
      identity,
      remaining: Math.max(0, row.granted - 1),
      window: row.granted === 0 ? "refused" : row.window,
      windowEnds: now + row.windowSecondsLeft * 1000,
      checkedUntil: now + config.identityCacheSeconds * 1000,
    });
    if (admissions.size > MAX_KEYS) admissions.delete(admissions.keys().next().value ?? "");
  }
  if (row.granted === 0) throw new RateLimitedError(row.windowSecondsLeft);
  return identity;
}

const admittedByRequest = new WeakMap<Request, Promise<PartnerIdentity>>();

/**
 * The same for a request, once: the response cache (api/yoga.ts) asks before the context is
 * built and the context asks again; the request is counted once.
 */
export function admitPartnerRequest(request: Request, key: string): Promise<PartnerIdentity> {
  let admitted = admittedByRequest.get(request);
  if (!admitted) {
    admitted = authenticatePartnerKey(key);
    admittedByRequest.set(request, admitted);
  }
  return admitted;
}
