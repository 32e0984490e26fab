// A run's figures: latency percentiles overall and by operation, answers by kind, and the
// number of acknowledged writes.
import { percentile } from "./stack.js";
import type { RunResult, Sample } from "./workload.js";

export interface Summary {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  kinds: Record<string, number>;
  byOperation: Record<string, { count: number; p50: number; p95: number; kinds: Record<string, number> }>;
  acknowledgedWrites: number;
}

export function summarise(result: RunResult): Summary {
  const all = result.samples.map((s) => s.ms).sort((a, b) => a - b);
  const kinds: Record<string, number> = {};
  const byOperation: Summary["byOperation"] = {};
  const groups = new Map<string, Sample[]>();
  for (const sample of result.samples) {
    kinds[sample.kind] = (kinds[sample.kind] ?? 0) + 1;
    groups.set(sample.op, [...(groups.get(sample.op) ?? []), sample]);
  }
  for (const [op, samples] of groups) {
    const times = samples.map((s) => s.ms).sort((a, b) => a - b);
    const opKinds: Record<string, number> = {};
    for (const s of samples) opKinds[s.kind] = (opKinds[s.kind] ?? 0) + 1;
    byOperation[op] = { count: samples.length, p50: percentile(times, 50), p95: percentile(times, 95), kinds: opKinds };
  }
  const ledger = result.ledger;
  const acknowledgedWrites =
    ledger.feedback.acked.length +
    ledger.people.acked.length +
    [...ledger.centres.values()].reduce((n, e) => n + e.acked.length, 0) +
    [...ledger.reports.values()].reduce((n, e) => n + e.acked.length, 0);
  const seconds = result.elapsedMs / 1000;
  return {
    requests: result.samples.length,
    seconds,
    perSecond: result.samples.length / seconds,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    max: all[all.length - 1] ?? Number.NaN,
    kinds,
    byOperation,
    acknowledgedWrites,
  };
}

export function formatSummary(summary: Summary): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const lines = [
    `requests ${summary.requests} in ${summary.seconds.toFixed(1)} s = ${summary.perSecond.toFixed(1)} req/s`,
    `latency p50 ${ms(summary.p50)}  p95 ${ms(summary.p95)}  p99 ${ms(summary.p99)}  max ${ms(summary.max)}`,
    `answers ${Object.entries(summary.kinds)
      .map(([kind, n]) => `${kind}: ${n}`)
      .join(", ")}`,
    `acknowledged writes ${summary.acknowledgedWrites}`,
    "operation          count      p50      p95  answers",
  ];
  for (const [op, s] of Object.entries(summary.byOperation).sort()) {
    lines.push(
      `${op.padEnd(16)} ${String(s.count).padStart(7)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)}  ${Object.entries(
        s.kinds,
      )
        .map(([kind, n]) => `${kind}: ${n}`)
        .join(", ")}`,
    );
  }
  return lines.join("\n");
}
