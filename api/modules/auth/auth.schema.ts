import { z } from "zod";
import { builder } from "../../builder.js";
import { UserRole } from "../../generated/prisma/client.js";
import { prisma } from "../../lib/db.js";
import { InvalidCredentialsError, login } from "./auth.service.js";

export const UserRoleEnum = builder.enumType(UserRole, { name: "UserRole" });

/** The signed-in person; personal data, so only ever shown to that person here. */
export const Me = builder.prismaObject("User", {
  name: "Me",
  fields: (t) => ({
    email: t.exposeString("email"),
    fullName: t.exposeString("fullName"),
    role: t.expose("role", { type: UserRoleEnum }),
    locale: t.exposeString("locale"),
  }),
});

builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  fields: (t) => ({ message: t.exposeString("message") }),
});

const LoginInput = builder.inputType("LoginInput", {
  fields: (t) => ({
    email: t.string({ required: true, validate: z.string().trim().email("Enter an email address.").max(254) }),
    password: t.string({ required: true, validate: z.string().min(1, "Enter the password.").max(1024) }),
  }),
});

const LoginPayload = builder.objectRef<{ token: string; userId: string }>("LoginPayload").implement({
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`." }),
    me: t.prismaField({
      type: "User",
      resolve: (query, payload) => prisma.user.findUniqueOrThrow({ ...query, where: { id: payload.userId } }),
    }),
  }),
});

builder.mutationField("login", (t) =>
  t.field({
    type: LoginPayload,
    authScopes: { public: true },
    errors: { types: [InvalidCredentialsError], result: { name: "LoginSuccess" }, union: { name: "LoginResult" } },
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_root, { input }) => {
      const { token, user } = await login(input.email, input.password);
      return { token, userId: user.id };
    },
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
