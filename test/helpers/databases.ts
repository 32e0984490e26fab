import { randomBytes } from "node:crypto";
import pg from "pg";
import { type EmbeddedDatabase, freePort, startEmbeddedDatabase } from "../../api/lib/embedded.js";

/**
 * A new, uniquely named database (empty, or a copy of `template`, which nobody may be connected
 * to while it is copied) on the server `serverUrl` points at; `stop` drops
 * it (closing leftover connections), so the suite leaves nothing behind on a shared server.
 */
export async function createTestDatabase(
  serverUrl: string,
  label: string,
  template?: string,
): Promise<EmbeddedDatabase> {
  const name = `dostup_test_${label}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** An empty database of the same kind the suite runs on (real server or embedded). */
export async function emptyDatabase(label: string): Promise<EmbeddedDatabase> {
  const root = process.env.DOSTUP_ROOT_DATABASE_URL;
  if (root) return createTestDatabase(root, label);
  return startEmbeddedDatabase({ port: await freePort() });
}
