import { hash, verify } from "@node-rs/argon2";
import { signAccessToken } from "../../lib/auth.js";
import { prisma } from "../../lib/db.js";

export class InvalidCredentialsError extends Error {
  constructor() {
    super("The email or password is wrong.");
    this.name = "InvalidCredentialsError";
  }
}

// Verified when the email is unknown, so that a wrong email takes as long as a wrong password.
const decoyHash = hash("decoy password that never matches");

export async function login(email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verify(user?.passwordHash ?? (await decoyHash), password).catch(() => false);
  if (!user?.active || !ok) throw new InvalidCredentialsError();
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { token: await signAccessToken(user.id), user };
}
