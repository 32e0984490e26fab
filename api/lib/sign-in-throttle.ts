// Sign-in throttling, kept in PostgreSQL so that every Lambda container counts the same
// attempts. Two keys are counted for each attempt: the account (the SHA-256 of the email as
// typed, normalised, whether or not such a user exists, so that the answers never tell known
// accounts from unknown ones) and the client's address. Every attempt counts as a failure
// until its password proves right; past a free number of failures the next attempt must wait
// (1 s, doubling), and then the key is locked for a while. A throttled attempt is refused
// before the password is checked, so it tells nothing and costs nothing.
import { createHash } from "node:crypto";
import { prisma } from "./db.js";

export interface ThrottlePolicy {
  /** Failures in a row that cost nothing. */
  free: number;
  /** From this many failures on, the key is locked for `lockSeconds`. */
  lockAt: number;
  /** The longest wait between two attempts before the lock. */
  maxDelaySeconds: number;
  lockSeconds: number;
}

export const SIGN_IN_THROTTLE = {
  /** Per account: 5 free failures, then 1, 2, 4, 8, 16 s between attempts; the 10th locks it for 15 min. */
  account: { free: 5, lockAt: 10, maxDelaySeconds: 60, lockSeconds: 15 * 60 },
  /**
   * Per client address: a library's staff may share one address, so 20 free failures, then
   * 1 s doubling up to 60 s; the 50th locks the address for 15 min.
   */
  address: { free: 20, lockAt: 50, maxDelaySeconds: 60, lockSeconds: 15 * 60 },
  /** Failures are forgotten after an hour without a new one (a success forgets the account's at once). */
  forgetAfterSeconds: 60 * 60,
} as const satisfies Record<"account" | "address", ThrottlePolicy> & { forgetAfterSeconds: number };

/** How long the next attempt must wait after `failures` failures in a row (0: no wait). */
export function waitAfter(policy: ThrottlePolicy, failures: number): number {
  if (failures >= policy.lockAt) return policy.lockSeconds;
  if (failures < policy.free) return 0;
  return Math.min(2 ** (failures - policy.free), policy.maxDelaySeconds);
}

interface Key {
  key: string;
  kind: "account" | "address";
}

export function accountKey(email: string): string {
  return `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}

function keysOf(email: string, clientAddress: string | null): Key[] {
  const keys: Key[] = [{ key: accountKey(email), kind: "account" }];
  // In-process calls (tests, jobs) have no address: only the account is counted for them.
  if (clientAddress) keys.push({ key: addressKey(clientAddress), kind: "address" });
  return keys;
}

export type Attempt = { allowed: true; keys: Key[] } | { allowed: false; retryAfterSeconds: number };

interface Row {
  key: string;
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/**
 * Claims one sign-in attempt: refused (with the seconds to wait) if either key is waiting or
 * locked, else counted as a failure on both keys until `settleSignIn` says it succeeded. The
 * rows are locked for the decision, so concurrent attempts (from any container) are counted
 * one after another and none slips past a lock.
 */
export async function beginSignIn(email: string, clientAddress: string | null): Promise<Attempt> {
  const keys = keysOf(email, clientAddress);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const names = keys.map((k) => k.key).sort();
    for (const key of names)
      await tx.$executeRaw`INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt") VALUES (${key}, 0, ${now})
                           ON CONFLICT (key) DO NOTHING`;
    const rows = await tx.$queryRaw<Row[]>`SELECT key, failures, "lastFailureAt", "blockedUntil" FROM "LoginThrottle"
                                           WHERE key = ANY(${names}::text[]) ORDER BY key FOR UPDATE`;
    const blockedUntil = Math.max(...rows.map((row) => row.blockedUntil?.getTime() ?? 0));
    if (blockedUntil > now.getTime()) {
      return { allowed: false, retryAfterSeconds: Math.ceil((blockedUntil - now.getTime()) / 1000) };
    }
    const forgetBefore = now.getTime() - SIGN_IN_THROTTLE.forgetAfterSeconds * 1000;
    for (const { key, kind } of keys) {
      const row = rows.find((r) => r.key === key);
      const failures = (row && row.lastFailureAt.getTime() >= forgetBefore ? row.failures : 0) + 1;
      const wait = waitAfter(SIGN_IN_THROTTLE[kind], failures);
      await tx.loginThrottle.update({
        where: { key },
        data: { failures, lastFailureAt: now, blockedUntil: wait > 0 ? new Date(now.getTime() + wait * 1000) : null },
      });
    }
    return { allowed: true, keys };
  });
}

/**
 * After the password check. A success forgets the account's failures and takes back the
 * failure counted on the address for this attempt (the address keeps the rest, so one good
 * password does not wipe out another account's guesses from there). A failure stays counted.
 */
export async function settleSignIn(attempt: Extract<Attempt, { allowed: true }>, succeeded: boolean): Promise<void> {
  if (!succeeded) return;
  for (const { key, kind } of attempt.keys) {
    if (kind === "account") {
      await prisma.loginThrottle.deleteMany({ where: { key } });
    } else {
      await prisma.$executeRaw`UPDATE "LoginThrottle"
                                  SET failures = GREATEST(failures - 1, 0),
                                      "blockedUntil" = CASE WHEN failures - 1 < ${SIGN_IN_THROTTLE.address.free}
                                                            THEN NULL ELSE "blockedUntil" END
                                WHERE key = ${key}`;
    }
  }
}

/** The schedule's sweep: rows without a failure for a day and no lock left. */
export async function forgetOldSignInFailures(now = new Date()): Promise<number> {
  const { count } = await prisma.loginThrottle.deleteMany({
    where: {
      lastFailureAt: { lt: new Date(now.getTime() - 24 * 3600 * 1000) },
      OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }],
    },
  });
  return count;
}
