// Sessions: one per sign-in, named in the access token (`sid`) and checked on every request,
// so that signing out, deactivation, a password reset or a change of role or scope ends a
// user's tokens at once rather than when they expire.
import { config } from "../config.js";
import type { SessionEndReason, UserRole } from "../generated/prisma/client.js";
import type { Identity } from "./access.js";
import { signAccessToken, verifyAccessToken } from "./auth.js";
import type { Tx } from "./change.js";
import { prisma } from "./db.js";
import { IdentityCache } from "./identity-cache.js";

/** Where a sign-in came from, kept with the session for the administrator's view. */
export interface SessionOrigin {
  clientAddress?: string | null;
  userAgent?: string | null;
}

export interface StartedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export async function startSession(userId: string, origin: SessionOrigin = {}): Promise<StartedSession> {
  const expiresAt = new Date(Date.now() + config.auth.tokenTtlSeconds * 1000);
  const session = await prisma.userSession.create({
    data: {
      userId,
      expiresAt,
      clientAddress: origin.clientAddress?.slice(0, 100) ?? null,
      userAgent: origin.userAgent?.slice(0, 300) ?? null,
    },
  });
  const token = await signAccessToken({ userId, sessionId: session.id }, expiresAt);
  return { token, sessionId: session.id, expiresAt };
}

/**
 * Ends a user's open sessions (all of them, or just `only`), inside the caller's transaction so
 * that the change which calls for it and the end of the sessions are one.
 */
export async function endSessions(tx: Tx, userId: string, reason: SessionEndReason, only?: string): Promise<number> {
  const now = new Date();
  const { count } = await tx.userSession.updateMany({
    where: { userId, endedAt: null, expiresAt: { gt: now }, ...(only ? { id: only } : {}) },
    data: { endedAt: now, endReason: reason },
  });
  return count;
}

export async function openSessionCount(userId: string): Promise<number> {
  return prisma.userSession.count({ where: { userId, endedAt: null, expiresAt: { gt: new Date() } } });
}

interface IdentityRow {
  id: string;
  role: UserRole;
  allRegions: boolean;
  centreId: string | null;
  centreRegionId: string | null;
  regionIds: string[];
}

/** Identities by token, for `config.identityCacheSeconds` (api/lib/identity-cache.ts). */
const identities = new IdentityCache<Identity>();

/**
 * Makes this process ask the database again about a user, after a change to their sessions or
 * access has been committed; other processes see it within the cache's time.
 */
export function forgetUser(userId: string): void {
  identities.forget(userId);
}

/**
 * The identity behind a token: its signature and claims valid, its session open and its user
 * active; else null. Remembered for a short while (identity-cache.ts); otherwise one statement
 * (session, user, regions and the operator's centre) because every signed-in request pays for
 * it. The session's expiry is the token's own `exp`, which the signature check has enforced and
 * the cache never outlives.
 */
export async function identityOfToken(token: string): Promise<Identity | null> {
  const cached = identities.get(token);
  if (cached) return cached;
  const claims = await verifyAccessToken(token);
  if (!claims) return null;
  const [row] = await prisma.$queryRaw<IdentityRow[]>`
    SELECT u.id, u.role::text AS role, u."allRegions", u."centreId", c."regionId"::text AS "centreRegionId",
           COALESCE(array_agg(ur."regionId"::text) FILTER (WHERE ur."regionId" IS NOT NULL), '{}') AS "regionIds"
      FROM "UserSession" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "Centre" c ON c.id = u."centreId"
      LEFT JOIN "UserRegion" ur ON ur."userId" = u.id
     WHERE s.id = ${claims.sessionId}::uuid AND s."userId" = ${claims.userId}::uuid
       AND s."endedAt" IS NULL AND u.active
     GROUP BY u.id, c."regionId"`;
  if (!row) return null;
  const identity: Identity = {
    kind: "user",
    userId: row.id,
    sessionId: claims.sessionId,
    role: row.role,
    regionIds: row.regionIds,
    allRegions: row.allRegions,
    centreId: row.centreId,
    centreRegionId: row.centreRegionId,
  };
  identities.set(token, row.id, identity, claims.expiresAt);
  return identity;
}

/** The schedule's sweep: sessions that expired or ended more than 30 days ago. */
export async function deleteOldSessions(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
  const { count } = await prisma.userSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: before } }, { endedAt: { lt: before } }] },
  });
  return count;
}
