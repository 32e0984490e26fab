import { verify } from "@node-rs/argon2";
import { signAccessToken } from "../../lib/auth.js";
import { prisma } from "../../lib/db.js";

export class InvalidCredentialsError extends Error {
  constructor() {
    super("The email or password is wrong.");
    this.name = "InvalidCredentialsError";
  }
}

// Verified when the email is unknown, so that a wrong email takes as long as a wrong
// password. A constant (argon2id with the library's default cost, as real hashes use)
// rather than a hash computed at load time, which would lengthen every cold start.
const DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$POsTZOc9yvmBjRzsrgYLPQ$2IodQkQj1QXqSwrJ4jLq/MVofx20UUHKpke1llE7zPc";

export async function login(email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verify(user?.passwordHash ?? DECOY_HASH, password).catch(() => false);
  if (!user?.active || !ok) throw new InvalidCredentialsError();
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { token: await signAccessToken(user.id), user };
}
