// Credentials: JWTs for people (HS256 only; issuer, audience, expiry and session checked) and
// API keys for partner apps (stored as SHA-256, compared by hash).
import { createHash } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { config } from "../config.js";

const secret = new TextEncoder().encode(config.auth.jwtSecret);
const ISSUER = "dostup";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AUDIENCE = "dostup-api";

export interface TokenClaims {
  userId: string;
  /** The UserSession the token belongs to: ending it ends the token. */
  sessionId: string;
}

export interface VerifiedToken extends TokenClaims {
  /** The token's `exp`, in milliseconds since the epoch. */
  expiresAt: number;
}

export async function signAccessToken(claims: TokenClaims, expiresAt: Date): Promise<string> {
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
}

/** The claims of a valid token, or null for any invalid one (the caller says why not). */
export async function verifyAccessToken(token: string): Promise<VerifiedToken | null> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      // A token without an expiry or a session could never be ended.
      requiredClaims: ["exp", "sub", "sid"],
    });
    // Only UUIDs can name a user and a session; anything else would fail in the database as a 500.
    const { sub, sid, exp } = payload;
    return typeof sub === "string" && UUID.test(sub) && typeof sid === "string" && UUID.test(sid)
      ? { userId: sub, sessionId: sid, expiresAt: (exp ?? 0) * 1000 }
      : null;
  } catch {
    return null;
  }
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
