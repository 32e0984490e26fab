import { builder } from "../../builder.js";
import { UserRole } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { isAdmin } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { escapeLike, safeUuid } from "../../lib/ids.js";
import { SIGN_IN } from "../../lib/limits.js";
import { selection } from "../../lib/selection.js";
import { openSessionCount } from "../../lib/sessions.js";
import { formatMessage } from "../../messages/index.js";
import { listConnection, rowMutation } from "../../shared.js";
import { Region } from "../geography/geography.schema.js";
import {
  createUserSchema,
  endUserSessionsSchema,
  loginSchema,
  logoutSchema,
  type UserFilterData,
  updateUserSchema,
  userFilterSchema,
} from "./auth.inputs.js";
import {
  createUser,
  endUserSessions,
  InvalidCredentialsError,
  LoginThrottledError,
  login,
  logout,
  updateUser,
} from "./auth.service.js";

export const UserRoleEnum = builder.enumType(UserRole, { name: "UserRole" });

/** A person who signs in. Readable by administrators, and by the user themself (`me`). */
export const User = builder.prismaNode("User", {
  id: { field: "id" },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  findUnique: (id, ctx) =>
    isAdmin(ctx.access)
      ? { id: safeUuid(id) }
      : { id: safeUuid(id), AND: [{ id: ctx.identity?.kind === "user" ? ctx.identity.userId : safeUuid("") }] },
  authScopes: (user, ctx) =>
    isAdmin(ctx.access) ||
    ctx.signedInUserId === user.id ||
    (ctx.identity?.kind === "user" && ctx.identity.userId === user.id),
  fields: (t) => ({
    email: t.exposeString("email"),
    fullName: t.exposeString("fullName"),
    role: t.expose("role", { type: UserRoleEnum }),
    locale: t.exposeString("locale"),
    active: t.exposeBoolean("active"),
    openSessions: t.int({
      description: "Sessions signed in and not yet ended or expired (administrators only).",
      nullable: true,
      resolve: (user, _args, ctx) => (isAdmin(ctx.access) ? openSessionCount(user.id) : null),
    }),
    allRegions: t.exposeBoolean("allRegions"),
    lastLoginAt: t.expose("lastLoginAt", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version"),
    centre: t.relation("centre", { nullable: true }),
    regions: t.field({
      type: [Region],
      // The regions' own selection, so Pothos knows which of their fields were read.
      select: (_args, _ctx, nestedSelection) => ({ regions: { select: { region: nestedSelection(true) } } }),
      resolve: (user) => user.regions.map((r) => r.region),
    }),
  }),
});

builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  fields: (t) => ({
    message: t.string({ resolve: (error, _args, ctx) => formatMessage(error.code, undefined, ctx.language) }),
  }),
});

builder.objectType(LoginThrottledError, {
  name: "LoginThrottledError",
  description: `Too many failed sign-ins for this account or from this address (README, "Sign-in throttling").`,
  fields: (t) => ({
    message: t.string({
      resolve: (error, _args, ctx) => formatMessage(error.code, { seconds: error.retryAfterSeconds }, ctx.language),
    }),
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", { description: "Wait this long before the next attempt." }),
  }),
});

const LoginInput = zodInput("LoginInput", loginSchema);

const LoginPayload = builder.objectRef<{ token: string; userId: string }>("LoginPayload").implement({
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`." }),
    me: t.prismaField({
      type: "User",
      resolve: (query, payload) =>
        prisma.user.findUniqueOrThrow({ ...selection(query), where: { id: payload.userId } }),
    }),
  }),
});

builder.mutationField("login", (t) =>
  t.field({
    type: LoginPayload,
    extensions: { cost: SIGN_IN },
    authScopes: { public: true },
    errors: {
      types: [InvalidCredentialsError, LoginThrottledError],
      result: { name: "LoginSuccess" },
      union: { name: "LoginResult" },
    },
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const origin = { clientAddress: ctx.clientAddress, userAgent: ctx.userAgent };
      const { token, user } = await login(input.email, input.password, origin);
      ctx.signedInUserId = user.id;
      return { token, userId: user.id };
    },
  }),
);

const LogoutInput = zodInput("LogoutInput", logoutSchema);

const LogoutPayload = builder.objectRef<{ sessionsEnded: number }>("LogoutPayload").implement({
  fields: (t) => ({ sessionsEnded: t.exposeInt("sessionsEnded") }),
});

builder.mutationField("logout", (t) =>
  t.field({
    type: LogoutPayload,
    description: "Signs out: the token (and with `everywhere`, every token of the user) stops working at once.",
    authScopes: { staff: true },
    errors: {},
    args: { input: t.arg({ type: LogoutInput, required: false }) },
    resolve: async (_root, { input }, ctx) => ({ sessionsEnded: await logout(ctx.access, input?.everywhere ?? false) }),
  }),
);

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    nullable: true,
    authScopes: { public: true },
    description: "The signed-in user, or null without a token.",
    resolve: (query, _root, _args, ctx) =>
      ctx.identity?.kind === "user" ? prisma.user.findUnique({ ...query, where: { id: ctx.identity.userId } }) : null,
  }),
);

// ── User accounts (administrators) ──

const UserFilter = zodInput("UserFilter", userFilterSchema, { types: { role: UserRoleEnum } });

const userTypes = { role: UserRoleEnum, locale: "String" } as const;

const CreateUserInput = zodInput("CreateUserInput", createUserSchema, { types: userTypes });

const UpdateUserInput = zodInput("UpdateUserInput", updateUserSchema, { types: userTypes });

const EndUserSessionsInput = zodInput("EndUserSessionsInput", endUserSessionsSchema);

builder.queryField("users", (t) =>
  listConnection(t, {
    type: "User",
    authScopes: { admin: true },
    // Administrators only, so every account: the filter alone decides.
    filter: { input: UserFilter, where: (_access, filter) => userWhere(filter) },
    order: () => [{ email: "asc" }, { id: "asc" }],
  }),
);

function userWhere(filter?: UserFilterData | null) {
  const search = filter?.search?.trim();
  return {
    ...(filter?.role ? { role: filter.role } : {}),
    ...(typeof filter?.active === "boolean" ? { active: filter.active } : {}),
    ...(search
      ? {
          OR: [
            { email: { contains: escapeLike(search), mode: "insensitive" as const } },
            { fullName: { contains: escapeLike(search), mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

builder.mutationFields((t) => ({
  createUser: rowMutation(t, {
    type: "User",
    description: "Creates a user account with its role (and, for an operator, its centre).",
    authScopes: { admin: true },
    input: CreateUserInput,
    run: createUser,
  }),
  endUserSessions: rowMutation(t, {
    type: "User",
    description: "Signs a user out everywhere at once, without changing the account.",
    authScopes: { admin: true },
    input: EndUserSessionsInput,
    run: endUserSessions,
  }),
  updateUser: rowMutation(t, {
    type: "User",
    description:
      "Changes a user's name, role, regions, centre, locale or password, or deactivates the account; only the fields given change.",
    authScopes: { admin: true },
    input: UpdateUserInput,
    run: updateUser,
  }),
}));
