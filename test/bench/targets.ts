// The per-request targets of issue 12, checked against what `npm run bench` measured: SQL
// statements per request (through the counting proxy, identity already known, data and
// transaction statements together) and the server's CPU per request at 10 connections.

export interface LoadFigure {
  operation: string;
  connections: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  failedAnswers: number;
  /** CPU time (user + system) the server process used per answered request. */
  serverCpuMs: number;
}

export interface SqlFigure {
  operation: string;
  data: number;
  overhead: number;
  /** Median over the samples: the request as the client saw it, and its statements' time in the database. */
  requestMs: number;
  sqlMs: number;
  statements: { ms: number; text: string }[];
}

export interface Row {
  figure: string;
  value: string;
  goal: string;
  status: "OK" | "MISS" | "INFO" | "FAILED";
}

interface Target {
  /** The load operation's name. */
  operation: string;
  /** The statement count's name, where it differs (Q2 is counted at three page sizes). */
  counted?: string;
  statements: number;
  cpuMs: number;
}

const TARGETS: readonly Target[] = [
  { operation: "Q1", statements: 2, cpuMs: 1.5 },
  { operation: "Q1 partner", statements: 2, cpuMs: 1.5 },
  { operation: "Q2", counted: "Q2 first: 50", statements: 4, cpuMs: 10 },
  { operation: "Q3", statements: 4, cpuMs: 8 },
  { operation: "Q4", statements: 2, cpuMs: 2 },
  { operation: "M1", statements: 6, cpuMs: 8 },
  { operation: "cache hit", statements: 0, cpuMs: 0.5 },
];

/** One row per target: statements (data+overhead) and CPU ms at 10 connections, OK when both are within. */
export function targetRows(sql: readonly SqlFigure[], figures: readonly LoadFigure[]): Row[] {
  return TARGETS.map((target) => {
    const counted = sql.find((s) => s.operation === (target.counted ?? target.operation));
    const load = figures.find((f) => f.operation === target.operation && f.connections === 10);
    const statements = counted ? counted.data + counted.overhead : Number.NaN;
    const cpu = load?.serverCpuMs ?? Number.NaN;
    const met = statements <= target.statements && cpu <= target.cpuMs;
    return {
      figure: `target ${target.operation}: SQL statements; server CPU ms/request at 10 connections`,
      value: `${counted ? `${counted.data}+${counted.overhead}` : "-"}; ${Number.isNaN(cpu) ? "-" : cpu.toFixed(2)}`,
      goal: `<= ${target.statements}; <= ${target.cpuMs}`,
      status: Number.isNaN(statements) || Number.isNaN(cpu) ? "FAILED" : met ? "OK" : "MISS",
    };
  });
}
