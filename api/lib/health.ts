import { prisma } from "./db.js";
import { bucketReachable } from "./s3.js";

export interface Health {
  db: "ok" | "unreachable";
  s3: "ok" | "unreachable";
}

async function databaseReachable(timeoutMs = 2000): Promise<boolean> {
  const timeout = new Promise<boolean>((done) => setTimeout(() => done(false), timeoutMs).unref());
  const probe = prisma.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  return Promise.race([probe, timeout]);
}

/** Checks both stores at once; a slow one cannot hold the answer longer than its timeout. */
export async function checkHealth(): Promise<Health> {
  const [db, s3] = await Promise.all([databaseReachable(), bucketReachable()]);
  return { db: db ? "ok" : "unreachable", s3: s3 ? "ok" : "unreachable" };
}
