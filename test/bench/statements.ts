// SQL statements per request: the operations sent to a second server whose database
// connections go through the counting proxy, so data statements and transaction overhead are
// counted apart, with the time each took in the database.
import type { Fixtures } from "./fixtures.js";
import { M1, problemOf, Q1, Q2, Q3, Q4, reportValues } from "./operations.js";
import { COUNT_SAMPLES, IMPORT_ROWS, percentile, print, type Results } from "./options.js";
import type { CountingProxy } from "./pg-proxy.js";
import { nearVariables } from "./requests.js";
import { importSpreadsheet } from "./spreadsheet-import.js";
import type { Row, SqlFigure } from "./targets.js";

/** Counts every standard operation (Q2 at three page sizes) and where an import's time goes. */
export async function measureStatements(
  endpoint: string,
  proxy: CountingProxy,
  f: Fixtures,
  { rows, json }: Results,
): Promise<{ sql: SqlFigure[]; importRow?: Row }> {
  print("SQL statements per request (counting proxy; data statements + transaction overhead):");
  const sql: SqlFigure[] = [];
  const count = (name: string, headers: Record<string, string>, next: () => string) =>
    countStatements(endpoint, proxy, name, headers, next);
  const body = (query: string, variables: Record<string, unknown>) => () => JSON.stringify({ query, variables });
  for (const first of [10, 50, 100]) sql.push(await count(`Q2 first: ${first}`, f.admin, body(Q2, { first })));
  sql.push(await count("Q1", f.admin, body(Q1, { id: f.centreIds[0] })));
  sql.push(await count("Q3", f.admin, body(Q3, { regionId: f.nationalRegionIds[0] })));
  let q4 = 1_000_000;
  sql.push(await count("Q4", f.partner, () => JSON.stringify({ query: Q4, variables: nearVariables(f, q4++) })));
  let q1 = 0;
  sql.push(
    await count("Q1 partner", f.partner, () =>
      JSON.stringify({ query: Q1, variables: { id: f.manyCentreIds[q1++ % f.manyCentreIds.length] } }),
    ),
  );
  sql.push(await count("cache hit", f.partner, body(Q1, { id: f.centreIds[0] })));
  let seed = 1_000_000;
  const draft = f.countDraft;
  sql.push(
    await count("M1", f.operator, () => {
      seed += 1;
      return JSON.stringify({
        query: M1,
        variables: { input: { id: draft.id, version: draft.version++, values: reportValues(f.indicators, seed) } },
      });
    }),
  );
  for (const s of sql) {
    print(
      `  ${s.operation.padEnd(14)} ${s.data} data + ${s.overhead} overhead; ` +
        `request ${s.requestMs.toFixed(1)} ms, of which SQL ${s.sqlMs.toFixed(1)} ms`,
    );
  }
  // Where an import's time goes: the same XLSX import as the import phase, through the proxy.
  let importRow: Row | undefined;
  const probeReport = f.importReports[2];
  if (probeReport) {
    const probe = await importSpreadsheet(endpoint, f, probeReport, "XLSX", () => proxy.reset());
    const statements = proxy.statements.map(describe);
    const sqlMs = statements.reduce((sum, s) => sum + (Number.isNaN(s.ms) ? 0 : s.ms), 0);
    const slowest = [...statements].sort((a, b) => b.ms - a.ms).slice(0, 3);
    print(
      `  import XLSX    ${statements.filter((s) => !s.text.startsWith("[tx]")).length} data + ` +
        `${statements.filter((s) => s.text.startsWith("[tx]")).length} overhead; request ${probe.importMs.toFixed(0)} ms, ` +
        `of which SQL ${sqlMs.toFixed(0)} ms (slowest: ${slowest.map((s) => `${s.ms.toFixed(0)} ms ${s.text.slice(0, 40)}…`).join("; ")})`,
    );
    json.importSql = { requestMs: probe.importMs, sqlMs, statements };
    importRow = {
      figure: `import ${IMPORT_ROWS} rows XLSX: SQL ms of request ms (through the proxy)`,
      value: `${sqlMs.toFixed(0)} of ${probe.importMs.toFixed(0)} ms`,
      goal: "-",
      status: "INFO",
    };
  }
  json.sql = sql;
  const q2Counts = sql.filter((s) => s.operation.startsWith("Q2"));
  const constant = q2Counts.every((s) => s.data === q2Counts[0]?.data && s.overhead === q2Counts[0]?.overhead);
  rows.push({
    figure: "Q2 SQL statements at first: 10 / 50 / 100 (data+overhead)",
    value: q2Counts.map((s) => `${s.data}+${s.overhead}`).join(" / "),
    goal: "constant",
    status: constant ? "OK" : "MISS",
  });
  for (const s of sql.filter((x) => !x.operation.startsWith("Q2") || x.operation === "Q2 first: 50")) {
    rows.push({
      figure: `${s.operation} SQL statements (data+overhead); SQL ms of request ms`,
      value: `${s.data}+${s.overhead}; ${s.sqlMs.toFixed(0)} of ${s.requestMs.toFixed(0)} ms`,
      goal: "-",
      status: "INFO",
    });
  }
  return { sql, importRow };
}

/** A statement as the JSON keeps it: its time to 0.1 ms, its text on one line, overhead marked. */
const describe = (s: CountingProxy["statements"][number]) => ({
  ms: Math.round(s.ms * 10) / 10,
  text: `${s.overhead ? "[tx] " : ""}${s.text.replace(/\s+/g, " ").trim().slice(0, 160)}`,
});

export async function countStatements(
  endpoint: string,
  proxy: CountingProxy,
  name: string,
  headers: Record<string, string>,
  next: () => string,
): Promise<SqlFigure> {
  const send = async () => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: next(),
    });
    const text = await response.text();
    const problem = problemOf(text);
    if (problem) throw new Error(`${name}: ${problem}`);
  };
  await send();
  const counts: { data: number; overhead: number }[] = [];
  const requestMs: number[] = [];
  const sqlMs: number[] = [];
  let statements: SqlFigure["statements"] = [];
  for (let i = 0; i < COUNT_SAMPLES; i++) {
    proxy.reset();
    const started = performance.now();
    await send();
    requestMs.push(performance.now() - started);
    sqlMs.push(proxy.statements.reduce((sum, s) => sum + (Number.isNaN(s.ms) ? 0 : s.ms), 0));
    counts.push({
      data: proxy.statements.filter((s) => !s.overhead).length,
      overhead: proxy.statements.filter((s) => s.overhead).length,
    });
    statements = proxy.statements.map(describe);
  }
  // Requests alike cost alike, except that a partner key takes a new lease of its rate limit when
  // a minute's window turns (one statement a minute, not a request's): the fewest is the request's.
  const fewest = Math.min(...counts.map((c) => c.data + c.overhead));
  const first = counts.find((c) => c.data + c.overhead === fewest) ?? { data: Number.NaN, overhead: Number.NaN };
  if (counts.some((c) => c.data + c.overhead > fewest + 1)) {
    throw new Error(`${name}: statement counts differ between like requests: ${JSON.stringify(counts)}`);
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  return {
    operation: name,
    data: first.data,
    overhead: first.overhead,
    requestMs: median(requestMs),
    sqlMs: median(sqlMs),
    statements,
  };
}
