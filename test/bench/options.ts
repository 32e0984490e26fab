// The bench's options (see the head of index.ts), its fixed sizes and goals, and the small
// helpers every phase prints and measures with.
import type { Row } from "./targets.js";

const argv = process.argv.slice(2);
export const flag = (name: string) => argv.includes(name);
function numberOption(name: string): number | undefined {
  const index = argv.indexOf(name);
  if (index < 0) return undefined;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}
const KNOWN = new Set([
  "--quick",
  "--embedded",
  "--keep",
  "--skip-analytics",
  "--skip-cold-start",
  "--centres",
  "--years",
]);
for (const [i, arg] of argv.entries()) {
  if (!KNOWN.has(arg) && !["--centres", "--years"].includes(argv[i - 1] ?? "")) {
    throw new Error(`unknown argument ${arg}; see the head of test/bench/index.ts`);
  }
}
export const quick = flag("--quick");
export const embedded = flag("--embedded");
export const keep = flag("--keep");
/** PGlite takes minutes for the full national set; the embedded default is a tenth of it. */
export const centres = numberOption("--centres") ?? (embedded ? 1_000 : undefined);
export const years = numberOption("--years") ?? (embedded ? 1 : undefined);
export const DURATION_S = quick ? 3 : 10;
export const WARMUP_S = quick ? 1 : 3;
export const CONNECTIONS = [1, 10, 50] as const;
export const COLD_RUNS = 10;
export const COUNT_SAMPLES = 3;
export const IMPORT_ROWS = 10_000;

export const GOALS = {
  q2P99Ms: 50,
  /** Issue 12: p50 at most 400 ms (300 the aim). */
  coldStartP50Ms: 400,
  zipBytes: 2 * 1024 * 1024,
  importMs: 3000,
};

export const print = (line = "") => process.stdout.write(`${line}\n`);
export const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

// ── Small helpers ──

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** What each phase adds to: the printed table's rows and the JSON written beside it. */
export interface Results {
  rows: Row[];
  json: Record<string, unknown>;
  notes: string[];
}
