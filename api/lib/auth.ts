// Credentials: JWTs for people (HS256 only; issuer, audience and expiry checked) and
// API keys for partner apps (stored as SHA-256, compared by hash).
import { createHash } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { config } from "../config.js";

const secret = new TextEncoder().encode(config.auth.jwtSecret);
const ISSUER = "dostup";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AUDIENCE = "dostup-api";

export async function signAccessToken(userId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${config.auth.tokenTtlSeconds}s`)
    .sign(secret);
}

/** The user id of a valid token, or null for any invalid one (the caller says why not). */
export async function verifyAccessToken(token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ["HS256"], issuer: ISSUER, audience: AUDIENCE });
    // Only a UUID can name a user; anything else would fail in the database as a 500.
    return typeof payload.sub === "string" && UUID.test(payload.sub) ? payload.sub : null;
  } catch {
    return null;
  }
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
