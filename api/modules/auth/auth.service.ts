import type { Prisma, SessionEndReason } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { assertUpdated, change, log, type Tx } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import { endSessions, forgetUser, type SessionOrigin, startSession } from "../../lib/sessions.js";
import { beginSignIn, settleSignIn } from "../../lib/sign-in-throttle.js";
import { formatMessage } from "../../messages/index.js";
import type { CreateUserData, UpdateUserData } from "./auth.inputs.js";

/**
 * The native argon2 hasher, loaded at the first sign-in or password change rather than at
 * start-up: most requests carry a token and never hash (a Lambda cold start saves its load).
 */
const argon2 = () => import("@node-rs/argon2");
const hash = async (password: string) => (await argon2()).hash(password);
const verify = async (hashed: string, password: string) => (await argon2()).verify(hashed, password);

export class InvalidCredentialsError extends Error {
  readonly code = "INVALID_CREDENTIALS";
  constructor() {
    super(formatMessage("INVALID_CREDENTIALS", undefined, "en"));
    this.name = "InvalidCredentialsError";
  }
}

/** Too many failed sign-ins for the account or from the address: wait, then try again. */
export class LoginThrottledError extends Error {
  readonly code = "LOGIN_THROTTLED";
  constructor(readonly retryAfterSeconds: number) {
    super(formatMessage("LOGIN_THROTTLED", { seconds: retryAfterSeconds }, "en"));
    this.name = "LoginThrottledError";
  }
}

// Verified when the email is unknown, so that a wrong email takes as long as a wrong
// password. A constant (argon2id with the library's default cost, as real hashes use)
// rather than a hash computed at load time, which would lengthen every cold start.
const DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$POsTZOc9yvmBjRzsrgYLPQ$2IodQkQj1QXqSwrJ4jLq/MVofx20UUHKpke1llE7zPc";

/**
 * Signs in: throttled per account and per address (api/lib/sign-in-throttle.ts) before the
 * password is checked; unknown, inactive and wrong-password accounts get one answer.
 */
export async function login(email: string, password: string, origin: SessionOrigin = {}) {
  const attempt = await beginSignIn(email, origin.clientAddress ?? null);
  if (!attempt.allowed) throw new LoginThrottledError(attempt.retryAfterSeconds);
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verify(user?.passwordHash ?? DECOY_HASH, password).catch(() => false);
  if (!user?.active || !ok) throw new InvalidCredentialsError();
  await settleSignIn(attempt, true);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  const session = await startSession(user.id, origin);
  return { token: session.token, user };
}

/** Signs out: the caller's session, or every session of theirs (`everywhere`). */
export async function logout(access: Access, everywhere: boolean): Promise<number> {
  const identity = access.identity;
  if (identity?.kind !== "user" || (!everywhere && !identity.sessionId)) return 0;
  const ended = await change("session", (tx) =>
    endSessions(tx, identity.userId, "SIGNED_OUT", everywhere ? undefined : identity.sessionId),
  );
  forgetUser(identity.userId);
  return ended;
}

// ── User accounts (administrators only) ──

/** The scope a role needs: curators and regional auditors regions, operators a centre. */
function checkScopeShape(
  role: string,
  regionIds: string[],
  centreId: string | null | undefined,
  allRegions: boolean,
): void {
  if (role === "CURATOR" && regionIds.length === 0) throw ValidationError.of("input.regionIds", "CURATOR_NEEDS_REGION");
  if (role === "AUDITOR" && !allRegions && regionIds.length === 0) {
    throw ValidationError.of("input.regionIds", "AUDITOR_NEEDS_REGIONS");
  }
  if (role === "OPERATOR" && !centreId) throw ValidationError.of("input.centreId", "OPERATOR_NEEDS_CENTRE");
}

function regionUuids(ids: string[]): string[] {
  return ids.map((id, i) => fromGlobalId("Region", id, `input.regionIds.${i}`));
}

const visible = <T extends { passwordHash?: string }>(user: T): Omit<T, "passwordHash"> => {
  const { passwordHash: _p, ...rest } = user;
  return rest;
};

export async function createUser(access: Access, data: CreateUserData) {
  checkScopeShape(data.role, data.regionIds, data.centreId, data.allRegions);
  const passwordHash = await hash(data.password);
  return change("user", async (tx) => {
    const user = await tx.user.create({
      data: {
        email: data.email,
        fullName: data.fullName,
        role: data.role,
        locale: data.locale,
        allRegions: data.role === "AUDITOR" && data.allRegions,
        centreId:
          data.role === "OPERATOR" && data.centreId ? fromGlobalId("Centre", data.centreId, "input.centreId") : null,
        passwordHash,
        regions: { create: regionUuids(data.regionIds).map((regionId) => ({ regionId })) },
      },
    });
    await log(tx, access, {
      entity: "User",
      entityId: user.id,
      action: "CREATE",
      after: { ...visible(user), regionIds: data.regionIds },
    });
    return user;
  });
}

/** What a change to an account means for the sessions it has open (null: they stay). */
function sessionEnd(
  before: { active: boolean; role: string; centreId: string | null; allRegions: boolean; regions: string[] },
  after: typeof before,
  passwordChanged: boolean,
): SessionEndReason | null {
  if (before.active && !after.active) return "DEACTIVATED";
  if (passwordChanged) return "PASSWORD_CHANGED";
  const access = (u: typeof before) => JSON.stringify([u.role, u.centreId, u.allRegions, [...u.regions].sort()]);
  return access(before) === access(after) ? null : "ACCESS_CHANGED";
}

/**
 * Nobody locks themselves out, and some administrator always remains: an administrator
 * cannot deactivate or demote their own account, nor the last active administrator's.
 */
async function assertAdministratorsRemain(
  tx: Tx,
  access: Access,
  user: { id: string; role: string; active: boolean },
  next: { role: string; active: boolean },
): Promise<void> {
  const losesAdmin = user.role === "ADMIN" && user.active && (next.role !== "ADMIN" || !next.active);
  if (!losesAdmin) return;
  const field = next.active ? "input.role" : "input.active";
  if (access.identity?.kind === "user" && access.identity.userId === user.id)
    throw ValidationError.of(field, "CANNOT_DEMOTE_SELF");
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: user.id } } });
  if (others === 0) throw ValidationError.of(field, "LAST_ADMINISTRATOR");
}

export async function updateUser(access: Access, input: UpdateUserData) {
  const { id: globalId, version, password, regionIds, centreId, ...fields } = input;
  const id = fromGlobalId("User", globalId, "input.id");
  const passwordHash = password ? await hash(password) : undefined;
  const updated = await change("user", async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, include: { regions: true } });
    if (!before) throw new NotFoundError("user");
    const role = fields.role ?? before.role;
    const regions = regionIds ? regionUuids(regionIds) : before.regions.map((r) => r.regionId);
    const centre =
      centreId === undefined ? before.centreId : centreId ? fromGlobalId("Centre", centreId, "input.centreId") : null;
    checkScopeShape(role, regions, centre, fields.allRegions ?? before.allRegions);
    await assertAdministratorsRemain(tx, access, before, { role, active: fields.active ?? before.active });
    const data: Prisma.UserUpdateManyMutationInput = {
      ...fields,
      version: { increment: 1 },
      ...(passwordHash ? { passwordHash } : {}),
    };
    const result = await tx.user.updateMany({
      where: { id, version },
      data: { ...data, centreId: role === "OPERATOR" ? centre : null },
    });
    assertUpdated(result.count, before, "user", version);
    if (regionIds) {
      await tx.userRegion.deleteMany({ where: { userId: id } });
      await tx.userRegion.createMany({ data: regions.map((regionId) => ({ userId: id, regionId })) });
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id }, include: { regions: true } });
    const shape = (u: typeof after) => ({
      ...visible(u),
      regions: u.regions.map((r) => r.regionId).sort(),
      passwordChanged: undefined,
    });
    const reason = sessionEnd(shape(before), shape(after), Boolean(passwordHash));
    const sessionsEnded = reason ? await endSessions(tx, id, reason) : 0;
    await log(tx, access, {
      entity: "User",
      entityId: id,
      action: "UPDATE",
      before: shape(before),
      after: { ...shape(after), ...(passwordHash ? { passwordChanged: true } : {}) },
      note: reason ? { sessionsEnded, reason } : undefined,
    });
    return after;
  });
  // Committed: this process stops using what it remembered of the user at once.
  forgetUser(id);
  return updated;
}

/** An administrator signs a user out everywhere without changing the account. */
export async function endUserSessions(access: Access, input: { id: string }) {
  const id = fromGlobalId("User", input.id, "input.id");
  const user = await change("user", async (tx) => {
    const found = await tx.user.findUnique({ where: { id } });
    if (!found) throw new NotFoundError("user");
    const sessionsEnded = await endSessions(tx, id, "ENDED_BY_ADMIN");
    await log(tx, access, {
      entity: "User",
      entityId: id,
      action: "TRANSITION",
      note: { sessionsEnded, reason: "ENDED_BY_ADMIN" },
    });
    return found;
  });
  forgetUser(id);
  return user;
}
