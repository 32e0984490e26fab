// Each operation under autocannon at 1, 10 and 50 connections, with the server's own CPU per
// answered request read from /proc (the server is a process of its own).
import autocannon from "autocannon";
import { problemOf } from "./operations.js";
import { CONNECTIONS, DURATION_S, embedded, GOALS, percentile, print, type Results, WARMUP_S } from "./options.js";
import { cpuTicks, memoryOf, type ServerProcess, waitIdle } from "./processes.js";
import type { Operation } from "./requests.js";
import { type LoadFigure, type SqlFigure, targetRows } from "./targets.js";

/** Every operation checked once, warmed up, then run at each number of connections. */
export async function measureLoad(
  server: ServerProcess,
  ops: Operation[],
  sql: SqlFigure[],
  { rows, json }: Results,
): Promise<void> {
  print(`load: autocannon, ${WARMUP_S} s warm-up at 10 connections, then ${DURATION_S} s at ${CONNECTIONS.join(", ")}`);
  const figures: LoadFigure[] = [];
  const problems: Record<string, string> = {};
  for (const operation of ops) {
    const check = operation.next();
    const answer = await fetch(server.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", ...operation.headers },
      body: check.body,
    });
    const text = await answer.text();
    check.release?.(text);
    const problem = problemOf(text);
    if (problem) throw new Error(`${operation.name} does not answer cleanly: ${problem}`);
    await load(server.endpoint, server.pid, operation, 10, WARMUP_S);
    for (const connections of CONNECTIONS) {
      await waitIdle(server.pid);
      await operation.settle?.();
      const { figure, firstProblem } = await load(server.endpoint, server.pid, operation, connections, DURATION_S);
      if (firstProblem) problems[`${operation.name}@${connections}`] = firstProblem;
      figures.push(figure);
      print(
        `  ${operation.name} ×${String(connections).padStart(2)}: ${figure.reqPerSec.toFixed(0).padStart(5)} req/s, ` +
          `p50 ${figure.p50.toFixed(0)} / p95 ${figure.p95.toFixed(0)} / p99 ${figure.p99.toFixed(0)} ms, ` +
          `server CPU ${figure.serverCpuMs.toFixed(1)} ms/request` +
          (figure.non2xx + figure.errors + figure.failedAnswers
            ? `, ${figure.non2xx} non-2xx, ${figure.errors} errors, ${figure.failedAnswers} failed answers (${firstProblem ?? ""})`
            : ""),
      );
    }
  }
  await waitIdle(server.pid);
  const serverMemory = await memoryOf(server.pid);
  json.load = { durationS: DURATION_S, warmupS: WARMUP_S, figures, problems };
  json.operations = ops.map((o) => ({ name: o.name, description: o.description }));
  for (const figure of figures) {
    const isGoal = figure.operation === "Q2" && figure.connections === 10;
    const clean = figure.requests > 0 && figure.non2xx + figure.errors + figure.failedAnswers === 0;
    rows.push({
      figure: `${figure.operation} ×${figure.connections}: req/s, p50/p95/p99 ms, server CPU ms/req`,
      value:
        figure.requests === 0
          ? `no answer in ${DURATION_S} s`
          : `${figure.reqPerSec.toFixed(0)} req/s, ${figure.p50.toFixed(0)}/${figure.p95.toFixed(0)}/${figure.p99.toFixed(0)}, ${figure.serverCpuMs.toFixed(1)}`,
      goal: isGoal ? `p99 <= ${GOALS.q2P99Ms}${embedded ? " (real PG)" : ""}` : "no failures",
      status: !clean ? "FAILED" : isGoal && !embedded ? (figure.p99 <= GOALS.q2P99Ms ? "OK" : "MISS") : "INFO",
    });
  }
  rows.push(...targetRows(sql, figures));
  rows.push({
    figure: "server peak RSS (VmHWM, after the 50-connection runs)",
    value: serverMemory ? `${serverMemory.peakMiB.toFixed(0)} MiB` : "-",
    goal: "-",
    status: "INFO",
  });
  json.serverMemory = serverMemory;
}

export async function load(
  endpoint: string,
  serverPid: number,
  operation: Operation,
  connections: number,
  duration: number,
) {
  const ticksBefore = await cpuTicks(serverPid);
  const latencies: number[] = [];
  let failedAnswers = 0;
  let firstProblem: string | null = null;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((done, reject) => {
    finish = done;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: endpoint,
      connections,
      duration,
      pipelining: 1,
      timeout: 30,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json", ...operation.headers },
          setupRequest: (request, context) => {
            const next = operation.next();
            (context as { release?: (body: string) => void }).release = next.release;
            return { ...request, body: next.body };
          },
          onResponse: (_status, body, context) => {
            (context as { release?: (body: string) => void }).release?.(body);
            const problem = problemOf(body);
            if (problem) {
              failedAnswers += 1;
              firstProblem ??= problem;
            }
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (...args: unknown[]) => {
    // autocannon emits (client, statusCode, resBytes, responseTime); its types omit the client.
    latencies.push(Number(args[3]));
  });
  const result = await finished;
  // Ticks are 10 ms; what the server still does for dropped requests after the deadline is
  // not counted, as those requests are not either.
  const serverCpuMs = latencies.length
    ? (((await cpuTicks(serverPid)) - ticksBefore) * 10) / latencies.length
    : Number.NaN;
  latencies.sort((a, b) => a - b);
  return {
    figure: {
      operation: operation.name,
      connections,
      requests: latencies.length,
      reqPerSec: latencies.length / duration,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      failedAnswers,
      serverCpuMs,
    } satisfies LoadFigure,
    firstProblem,
  };
}
