// Colleagues of the demo accounts, made by the test file that needs them: a second curator of
// the same regions or a second administrator, for the steps four eyes keep from whoever wrote
// a record (approving a report or a quality standard).
import { randomUUID } from "node:crypto";
import type { UserRole } from "../../api/generated/prisma/client.js";
import { prisma } from "../../api/lib/db.js";
import { startSession } from "../../api/lib/sessions.js";

export interface TestUser {
  id: string;
  fullName: string;
  /** Authorization headers, as asUser gives for a demo account. */
  headers: Record<string, string>;
}

/** A new active user of the role; a curator or auditor works in the regions given by code. */
export async function newUser(role: UserRole, regionCodes: readonly string[] = []): Promise<TestUser> {
  const regions = await prisma.region.findMany({ where: { code: { in: [...regionCodes] } }, select: { id: true } });
  if (regions.length !== regionCodes.length) throw new Error(`Unknown region among ${regionCodes.join(", ")}.`);
  const suffix = randomUUID();
  const user = await prisma.user.create({
    data: {
      email: `${role.toLowerCase()}-${suffix}@test.local`,
      // Never signed in with a password: the tests open its session directly.
      passwordHash: "-",
      fullName: `Коллега ${suffix.slice(0, 8)}`,
      role,
      regions: { create: regions.map((region) => ({ regionId: region.id })) },
    },
  });
  return {
    id: user.id,
    fullName: user.fullName,
    headers: { authorization: `Bearer ${(await startSession(user.id)).token}` },
  };
}
