// Sessions: one per sign-in, named in the access token (`sid`) and checked on every request,
// so that signing out, deactivation, a password reset or a change of role or scope ends a
// user's tokens at once rather than when they expire.
import { config } from "../config.js";
import type { SessionEndReason, UserRole } from "../generated/prisma/client.js";
import type { Identity } from "./access.js";
import { signAccessToken, verifyAccessToken } from "./auth.js";
import type { Tx } from "./change.js";
import { prisma } from "./db.js";

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

/**
 * The identity behind a token: its signature and claims valid, its session open and its user
 * active; else null. One statement (session, user, regions and the operator's centre) because
 * every signed-in request pays for it. The session's expiry is the token's own `exp`, which
 * the signature check has already enforced.
 */
export async function identityOfToken(token: string): Promise<Identity | null> {
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
  return {
    kind: "user",
    userId: row.id,
    sessionId: claims.sessionId,
    role: row.role,
    regionIds: row.regionIds,
    allRegions: row.allRegions,
    centreId: row.centreId,
    centreRegionId: row.centreRegionId,
  };
}

/** The schedule's sweep: sessions that expired or ended more than 30 days ago. */
export async function deleteOldSessions(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
  const { count } = await prisma.userSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: before } }, { endedAt: { lt: before } }] },
  });
  return count;
}
