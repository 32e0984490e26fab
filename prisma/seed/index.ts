// Seed CLI: `npx tsx prisma/seed/index.ts [--scale national] [--centres N] [--years N]`.
// Without DATABASE_URL it seeds the embedded database under .data/ (started, migrated and
// stopped here). The demo is written only into an empty database; `--scale national` adds
// the load-test data set on top (seeding the demo first when the database is empty).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../api/generated/prisma/client.js";
import { withEmbeddedDatabase } from "../../api/lib/embedded.js";
import { seedDemoIfEmpty } from "./demo.js";
import { seedNational } from "./national.js";

interface Options {
  national: boolean;
  centres?: number;
  years?: number;
}

const USAGE = "Usage: npx tsx prisma/seed/index.ts [--scale national] [--centres N] [--years N]";

function positive(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} needs a positive whole number. ${USAGE}`);
  return number;
}

function parseArgs(args: string[]): Options {
  const options: Options = { national: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--scale") {
      const scale = args[++i];
      if (scale === "national") options.national = true;
      else if (scale !== "demo") throw new Error(`Unknown scale "${scale ?? ""}". ${USAGE}`);
    } else if (arg === "--centres") options.centres = positive("--centres", args[++i]);
    else if (arg === "--years") options.years = positive("--years", args[++i]);
    else throw new Error(`Unknown argument "${arg ?? ""}". ${USAGE}`);
  }
  if (!options.national && (options.centres || options.years)) {
    throw new Error(`--centres and --years apply to --scale national only. ${USAGE}`);
  }
  return options;
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function run(options: Options): Promise<void> {
  await withEmbeddedDatabase(async (url, migration) => {
    print(`database: ${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded PGlite"}`);
    if (migration.applied.length > 0) print(`migrations applied: ${migration.applied.join(", ")}`);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
    try {
      const started = performance.now();
      const demo = await seedDemoIfEmpty(prisma);
      if (demo.seeded) {
        print(`demo seeded in ${seconds(started)} s; accounts (password "dostup"):`);
      } else {
        print("database not empty: demo seed skipped; demo accounts present:");
      }
      for (const user of demo.users) print(`  ${user.role.padEnd(8)} ${user.email}`);
    } finally {
      await prisma.$disconnect();
    }
    if (!options.national) return;

    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      print("national data set:");
      const result = await seedNational(pool, {
        ...(options.centres ? { centres: options.centres } : {}),
        ...(options.years ? { years: options.years } : {}),
        onProgress: (message) => print(`  ${message}`),
      });
      print(
        `national data set: ${result.regions} regions, ${result.centres} centres, ${result.reports} reports, ` +
          `${result.values} report values in ${result.seconds.toFixed(1)} s`,
      );
    } finally {
      await pool.end();
    }
  });
}

try {
  await run(parseArgs(process.argv.slice(2)));
} catch (error) {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
