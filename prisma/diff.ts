// `npm run db:diff -- <name> [--from <schema file>]`: writes the SQL that takes the database
// from the committed prisma/schema.prisma (or the one given) to the one in the working tree, as
// prisma/migrations/<UTC timestamp>_<name>/migration.sql, for review.
//
// Why not Prisma 7's own `migrate diff`: it needs the native schema engine, which the CLI would
// download and these machines cannot. Prisma 6.19's CLI diffs offline with its WebAssembly schema
// engine, so it is installed once, on first use, under node_modules/.cache (never a dependency of
// the project) and given a throw-away embedded database to talk to.
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { freePort, startEmbeddedDatabase } from "../api/lib/embedded.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const TOOL = join(root, "node_modules/.cache/dostup-prisma-6");
const TOOL_PACKAGES = ["prisma@6.19.3", "@prisma/adapter-pg@6.19.3"];
const USAGE = "Usage: npm run db:diff -- <name> [--from <schema file>]  (name: lower-case words joined by _)";

function parseArgs(args: string[]): { name: string; from: string | null } {
  const name = args.find((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--from");
  const fromAt = args.indexOf("--from");
  if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(USAGE);
  return { name, from: fromAt >= 0 ? (args[fromAt + 1] ?? null) : null };
}

/**
 * The schema as Prisma 6.19 reads it, for the diff only: a url in the datasource block (which
 * Prisma 7 forbids; a schema from before Prisma 7 has its own), and the generators replaced by one of the Rust-free client (any other makes
 * 6.19 fetch its native query engine). Generators do not change the SQL.
 */
function forPrisma6(schema: string): string {
  return `${schema
    .replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "")
    .replace(/^\s*url\s*=.*$/m, "")
    .replace(/datasource\s+db\s*\{/, (block) => `${block}\n  url = "postgresql://unused@localhost/unused"`)}
generator client {
  provider   = "prisma-client"
  output     = "unused"
  engineType = "client"
}
`;
}

async function ensureTool(): Promise<string> {
  const cli = join(TOOL, "node_modules/prisma/build/index.js");
  if (!existsSync(cli)) {
    process.stdout.write(`Installing ${TOOL_PACKAGES.join(" ")} into ${TOOL} (once)…\n`);
    await mkdir(TOOL, { recursive: true });
    execFileSync("npm", ["install", "--prefix", TOOL, "--no-save", "--no-audit", "--no-fund", ...TOOL_PACKAGES], {
      stdio: "inherit",
    });
  }
  return cli;
}

async function main(): Promise<void> {
  const { name, from } = parseArgs(process.argv.slice(2));
  const cli = await ensureTool();
  const work = await mkdtemp(join(tmpdir(), "dostup-diff-"));
  const database = await startEmbeddedDatabase({ port: await freePort() });
  try {
    const before = from
      ? await readFile(from, "utf8")
      : execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
    const after = await readFile(join(root, "prisma/schema.prisma"), "utf8");
    await writeFile(join(work, "before.prisma"), forPrisma6(before));
    await writeFile(join(work, "after.prisma"), forPrisma6(after));
    // The JS schema engine reaches the database through the driver adapter (ENVIRONMENT.md).
    const adapter = join(TOOL, "node_modules/@prisma/adapter-pg/dist/index.mjs");
    await writeFile(
      join(work, "prisma.config.mjs"),
      `import { PrismaPg } from ${JSON.stringify(adapter)};
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "after.prisma",
  async adapter() { return new PrismaPg({ connectionString: ${JSON.stringify(database.url)} }); },
};
`,
    );
    // Asynchronously: the embedded database is served from this process's event loop.
    const { stdout: sql } = await promisify(execFile)(
      process.execPath,
      [
        cli,
        "migrate",
        "diff",
        "--config",
        join(work, "prisma.config.mjs"),
        "--from-schema-datamodel",
        join(work, "before.prisma"),
        "--to-schema-datamodel",
        join(work, "after.prisma"),
        "--script",
      ],
      { cwd: work, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
    );
    if (/^-- This is an empty migration\.\s*$/m.test(sql) || sql.trim() === "") {
      process.stdout.write("prisma/schema.prisma has no change a migration would make.\n");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = join(root, "prisma/migrations", `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "migration.sql"), sql);
    process.stdout.write(
      `wrote ${join(dir, "migration.sql")}\nReview it and add what Prisma cannot express (CHECKs, partial indexes, data changes).\n`,
    );
  } finally {
    await database.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:diff failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
