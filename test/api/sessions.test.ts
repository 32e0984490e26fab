// Access that can be taken away: deactivation, a password reset, a change of role or scope,
// signing out and an administrator's "end sessions" each end a user's tokens at once; and
// sign-in throttling per account and per address, kept in the database.
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { accountKey, addressKey, SIGN_IN_THROTTLE, waitAfter } from "../../api/lib/sign-in-throttle.js";
import { yoga } from "../../api/yoga.js";
import { asUser, gql } from "../helpers/graphql.js";

const PASSWORD = "correct horse battery";
const ME = "{ me { email role } }";
let admin: Record<string, string>;
let smolensk: string;
let pskov: string;

beforeAll(async () => {
  admin = await asUser("admin@dostup.local");
  smolensk = toGlobalId("Region", (await prisma.region.findUniqueOrThrow({ where: { code: "67" } })).id);
  pskov = toGlobalId("Region", (await prisma.region.findUniqueOrThrow({ where: { code: "60" } })).id);
});

/** Login through the real Yoga instance, from an address when given (as the entry points pass it). */
async function login(email: string, password: string, clientAddress?: string) {
  const response = await yoga.fetch(
    "http://localhost/graphql",
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation L($input: LoginInput!) { login(input: $input) { __typename
          ... on LoginSuccess { data { token } }
          ... on InvalidCredentialsError { message }
          ... on LoginThrottledError { message retryAfterSeconds } } }`,
        variables: { input: { email, password } },
      }),
    },
    clientAddress ? { clientAddress } : {},
  );
  const body = (await response.json()) as {
    data?: {
      login: { __typename: string; data?: { token: string }; message?: string; retryAfterSeconds?: number };
    };
    errors?: unknown[];
  };
  expect(body.errors).toBeUndefined();
  const result = body.data?.login;
  if (!result) throw new Error("no login result");
  return result;
}

async function signIn(email: string): Promise<Record<string, string>> {
  const result = await login(email, PASSWORD);
  expect(result.__typename).toBe("LoginSuccess");
  return { authorization: `Bearer ${result.data?.token}` };
}

async function newUser(role = "CURATOR") {
  const email = `session-${randomBytes(4).toString("hex")}@dostup.local`;
  const created = await gql<{ createUser: { data: { id: string; version: number } } }>(
    `mutation C($input: CreateUserInput!) { createUser(input: $input) { ... on MutationCreateUserSuccess { data { id version } } } }`,
    { input: { email, password: PASSWORD, fullName: "Проверка Сеансов", role, regionIds: [smolensk] } },
    admin,
  );
  const data = created.data?.createUser.data;
  if (!data) throw new Error(`user not created: ${JSON.stringify(created)}`);
  return { email, ...data };
}

async function updateUser(input: Record<string, unknown>) {
  return gql<{ updateUser: { __typename: string; data?: { active: boolean; role: string; version: number } } }>(
    `mutation U($input: UpdateUserInput!) { updateUser(input: $input) { __typename
      ... on MutationUpdateUserSuccess { data { active role version } }
      ... on ValidationError { issues { field message } } } }`,
    { input },
    admin,
  );
}

async function isSignedIn(headers: Record<string, string>): Promise<boolean> {
  const result = await gql<{ me: { email: string } | null }>(ME, {}, headers);
  if (result.status === 401) {
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    return false;
  }
  expect(result.data?.me?.email).toBeTruthy();
  return true;
}

async function lastUserChange(userId: string) {
  const entry = await prisma.changeLog.findFirstOrThrow({
    where: { entity: "User", entityId: userId },
    orderBy: { at: "desc" },
  });
  return entry.changes as Record<string, unknown>;
}

describe("sessions that end", () => {
  it("deactivation ends every token of the user at once, refuses sign-in and is in the ChangeLog", async () => {
    const user = await newUser();
    const first = await signIn(user.email);
    const second = await signIn(user.email);
    expect(await isSignedIn(first)).toBe(true);

    const off = await updateUser({ id: user.id, version: user.version, active: false });
    expect(off.data?.updateUser.data?.active).toBe(false);
    expect(await isSignedIn(first)).toBe(false);
    expect(await isSignedIn(second)).toBe(false);
    expect((await login(user.email, PASSWORD)).__typename).toBe("InvalidCredentialsError");
    expect(await lastUserChange(fromId(user.id))).toMatchObject({
      active: { from: true, to: false },
      _note: { reason: "DEACTIVATED", sessionsEnded: 2 },
    });

    // Switched on again, the user signs in anew; the old tokens stay dead.
    const version = off.data?.updateUser.data?.version ?? 0;
    expect((await updateUser({ id: user.id, version, active: true })).data?.updateUser.data?.active).toBe(true);
    expect(await isSignedIn(first)).toBe(false);
    expect(await isSignedIn(await signIn(user.email))).toBe(true);
  });

  it("a password reset ends the old tokens; the new password works and the old one does not", async () => {
    const user = await newUser();
    const before = await signIn(user.email);
    const reset = await updateUser({ id: user.id, version: user.version, password: "a brand new password" });
    expect(reset.data?.updateUser.__typename).toBe("MutationUpdateUserSuccess");
    expect(await isSignedIn(before)).toBe(false);
    expect((await login(user.email, PASSWORD)).__typename).toBe("InvalidCredentialsError");
    expect((await login(user.email, "a brand new password")).__typename).toBe("LoginSuccess");
    expect(await lastUserChange(fromId(user.id))).toMatchObject({
      passwordChanged: { from: null, to: true },
      _note: { reason: "PASSWORD_CHANGED", sessionsEnded: 1 },
    });
  });

  it("a change of role or regions ends the tokens; a change of name does not", async () => {
    const user = await newUser();
    const token = await signIn(user.email);
    const renamed = await updateUser({ id: user.id, version: user.version, fullName: "Новое Имя" });
    expect(await isSignedIn(token)).toBe(true);
    const version = renamed.data?.updateUser.data?.version ?? 0;
    await updateUser({ id: user.id, version, regionIds: [smolensk, pskov] });
    expect(await isSignedIn(token)).toBe(false);

    const again = await signIn(user.email);
    await updateUser({ id: user.id, version: version + 1, role: "AUDITOR" });
    expect(await isSignedIn(again)).toBe(false);
    expect(await lastUserChange(fromId(user.id))).toMatchObject({
      role: { from: "CURATOR", to: "AUDITOR" },
      _note: { reason: "ACCESS_CHANGED", sessionsEnded: 1 },
    });
  });

  it("signing out ends this session only; everywhere ends them all", async () => {
    const user = await newUser();
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);
    const out = await gql<{ logout: { data: { sessionsEnded: number } } }>(
      `mutation { logout { ... on MutationLogoutSuccess { data { sessionsEnded } } } }`,
      {},
      laptop,
    );
    expect(out.data?.logout.data.sessionsEnded).toBe(1);
    expect(await isSignedIn(laptop)).toBe(false);
    expect(await isSignedIn(phone)).toBe(true);

    const tablet = await signIn(user.email);
    const everywhere = await gql<{ logout: { data: { sessionsEnded: number } } }>(
      `mutation { logout(input: { everywhere: true }) { ... on MutationLogoutSuccess { data { sessionsEnded } } } }`,
      {},
      phone,
    );
    expect(everywhere.data?.logout.data.sessionsEnded).toBe(2);
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(tablet)).toBe(false);
    const ended = await prisma.userSession.findMany({ where: { user: { email: user.email } } });
    expect(ended.every((session) => session.endReason === "SIGNED_OUT")).toBe(true);
  });

  it("an administrator ends a user's sessions without changing the account", async () => {
    const user = await newUser();
    const token = await signIn(user.email);
    const shown = await gql<{ node: { openSessions: number } }>(
      `query N($id: ID!) { node(id: $id) { ... on User { openSessions } } }`,
      { id: user.id },
      admin,
    );
    expect(shown.data?.node.openSessions).toBe(1);
    const ended = await gql<{
      endUserSessions: { __typename: string; data: { openSessions: number; version: number } };
    }>(
      `mutation E($id: ID!) { endUserSessions(input: { id: $id }) { __typename
        ... on MutationEndUserSessionsSuccess { data { openSessions version } } } }`,
      { id: user.id },
      admin,
    );
    expect(ended.data?.endUserSessions.data).toEqual({ openSessions: 0, version: user.version });
    expect(await isSignedIn(token)).toBe(false);
    expect(await isSignedIn(await signIn(user.email))).toBe(true);
    expect(await lastUserChange(fromId(user.id))).toMatchObject({
      _note: { reason: "ENDED_BY_ADMIN", sessionsEnded: 1 },
    });

    const curator = await asUser("curator@dostup.local");
    const refused = await gql(
      `mutation E($id: ID!) { endUserSessions(input: { id: $id }) { __typename } }`,
      { id: user.id },
      curator,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("an administrator cannot deactivate or demote themselves", async () => {
    const self = await prisma.user.findUniqueOrThrow({ where: { email: "admin@dostup.local" } });
    const id = toGlobalId("User", self.id);
    const off = await updateUser({ id, version: self.version, active: false });
    expect(off.data?.updateUser.__typename).toBe("ValidationError");
    const demoted = await updateUser({ id, version: self.version, role: "AUDITOR", allRegions: true });
    expect(demoted.data?.updateUser.__typename).toBe("ValidationError");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: self.id } })).toMatchObject({
      active: true,
      role: "ADMIN",
      version: self.version,
    });
  });

  it("refuses tokens without an expiry or a session, and tokens of a session that does not exist", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "auditor@dostup.local" } });
    const session = await prisma.userSession.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const sign = (claims: { sid?: string }, expires: boolean) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(user.id)
        .setIssuer("dostup")
        .setAudience("dostup-api");
      if (expires) jwt.setExpirationTime("1h");
      return jwt.sign(new TextEncoder().encode("dostup-development-secret-not-for-production"));
    };
    const refused = [
      await sign({ sid: session.id }, false),
      await sign({}, true),
      await sign({ sid: "00000000-0000-4000-8000-000000000000" }, true),
    ];
    for (const token of refused) expect(await isSignedIn({ authorization: `Bearer ${token}` })).toBe(false);
    // The same claims with an expiry and a real session work: what failed above was the missing part.
    expect(await isSignedIn({ authorization: `Bearer ${await sign({ sid: session.id }, true)}` })).toBe(true);
  });
});

describe("sign-in throttling", () => {
  const limits = SIGN_IN_THROTTLE.account;

  /** Lets the next attempt through now, as if the wait had passed. */
  async function waitOver(key: string) {
    await prisma.loginThrottle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1000) } });
  }

  it("waits longer after each failure past the free ones, then locks; known and unknown accounts alike", async () => {
    const user = await newUser();
    const unknown = `nobody-${randomBytes(4).toString("hex")}@dostup.local`;
    for (const email of [user.email, unknown]) {
      const answers: string[] = [];
      for (let i = 1; i <= limits.free; i++) answers.push((await login(email, "wrong password")).__typename);
      expect(answers).toEqual(Array(limits.free).fill("InvalidCredentialsError"));

      // The next attempt within the wait is refused before the password is looked at, even the right one.
      const throttled = await login(email, email === user.email ? PASSWORD : "wrong password");
      expect(throttled).toMatchObject({ __typename: "LoginThrottledError", retryAfterSeconds: 1 });
      expect(throttled.message).toMatch(/Try again in 1 s/);

      // Each further failure doubles the wait, until the lock.
      for (let failures = limits.free + 1; failures <= limits.lockAt; failures++) {
        await waitOver(accountKey(email));
        expect((await login(email, "wrong password")).__typename).toBe("InvalidCredentialsError");
        const next = await login(email, "wrong password");
        expect(next.__typename).toBe("LoginThrottledError");
        expect(next.retryAfterSeconds).toBe(waitAfter(limits, failures));
      }
      expect(waitAfter(limits, limits.lockAt)).toBe(15 * 60);
    }
    // Locked, the right password does not get in either; once the lock is over it does, and
    // the account's count starts again from nothing.
    expect((await login(user.email, PASSWORD)).__typename).toBe("LoginThrottledError");
    await waitOver(accountKey(user.email));
    expect((await login(user.email, PASSWORD)).__typename).toBe("LoginSuccess");
    expect(await prisma.loginThrottle.findUnique({ where: { key: accountKey(user.email) } })).toBeNull();
  });

  it("counts concurrent attempts one after another: a burst does not get past the lock", async () => {
    const user = await newUser();
    const answers = await Promise.all(Array.from({ length: 15 }, () => login(user.email, "wrong password")));
    const tried = answers.filter((a) => a.__typename === "InvalidCredentialsError").length;
    // At least the free ones are tried; however slowly the burst arrives, never more than the
    // lock allows, and then the account is locked.
    expect(tried).toBeGreaterThanOrEqual(limits.free);
    expect(tried).toBeLessThanOrEqual(limits.lockAt);
    expect(answers.filter((a) => a.__typename === "LoginThrottledError").length).toBe(15 - tried);
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: accountKey(user.email) } });
    expect(row.failures).toBe(tried);
  });

  it("throttles an address that tries many accounts, and a success there does not wipe its count", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const spray = Array.from(
      { length: SIGN_IN_THROTTLE.address.free },
      (_, i) => `spray-${i}-${randomBytes(3).toString("hex")}@dostup.local`,
    );
    for (const email of spray.slice(0, -1))
      expect((await login(email, "guess", address)).__typename).toBe("InvalidCredentialsError");
    // A colleague at the same library signs in fine: their success takes back only their own attempt.
    const colleague = await newUser();
    expect((await login(colleague.email, PASSWORD, address)).__typename).toBe("LoginSuccess");
    expect((await login(spray.at(-1) ?? "", "guess", address)).__typename).toBe("InvalidCredentialsError");
    const next = await login(`fresh-${randomBytes(3).toString("hex")}@dostup.local`, "guess", address);
    expect(next).toMatchObject({ __typename: "LoginThrottledError", retryAfterSeconds: 1 });
    // Another address is not affected.
    expect((await login(colleague.email, PASSWORD, "192.0.2.77")).__typename).toBe("LoginSuccess");
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: addressKey(address) } });
    expect(row.failures).toBe(SIGN_IN_THROTTLE.address.free);
  });
});

function fromId(globalId: string): string {
  return fromGlobalId("User", globalId, "id");
}
