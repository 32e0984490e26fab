import { prisma } from "../../api/lib/db.js";

let recording: string[] | null = null;
prisma.$on("query", (event) => {
  recording?.push(event.query);
});

/** Runs `fn` and returns the SQL statements Prisma issued meanwhile (tests in a file run one at a time). */
export async function recordSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  recording = statements;
  try {
    return { result: await fn(), statements };
  } finally {
    recording = null;
  }
}
