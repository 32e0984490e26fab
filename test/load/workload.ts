// The mixed workload of the load and fault runs: concurrent clients, each signed in as a demo
// role, reading lists and nodes and writing centres, feedback, people and report values.
// Every write's outcome goes into a ledger: acknowledged (the server answered Success), or
// uncertain (no answer, a 5xx or an unexpected error: it may or may not have been applied).
// `verifyLedger` then checks the database holds every acknowledged write with the content
// acknowledged, and nothing that was never asked for.
// The documents are in documents.ts, the ledger and its check in ledger.ts, the figures in
// summary.ts.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { toGlobalId } from "../../api/lib/ids.js";
import { classify, DOCUMENTS, isUncertain } from "./documents.js";
import { emptyLedger, type Ledger } from "./ledger.js";
import { graphql, signIn } from "./stack.js";

type Headers = Record<string, string>;
type Role = "admin" | "curator" | "operator" | "auditor";
// ───────────────────────────── Preparation ─────────────────────────────

export interface Fixture {
  run: string;
  headers: Record<Role, Headers>;
  regionIds: string[];
  /** Centres of the curator's regions that several clients update at once. */
  sharedCentres: string[];
  centresByRegion: Map<string, string[]>;
  categoryId: string;
  /** One DRAFT report per client (id, version), on the operator's centre. */
  reports: { id: string; version: number }[];
  indicatorCodes: string[];
}

const fromRaw = (type: string, id: string) => toGlobalId(type, id);

/**
 * Signs in the demo roles and opens one DRAFT report per client through the API (on periods
 * from `firstYear` on, so several runs against one database never share a report).
 */
export async function prepare(
  baseUrl: string,
  db: pg.Pool | pg.Client,
  clients: number,
  firstYear: number,
): Promise<Fixture> {
  const run = randomBytes(4).toString("hex");
  const headers = {
    admin: await signIn(baseUrl, "admin@dostup.local"),
    curator: await signIn(baseUrl, "curator@dostup.local"),
    operator: await signIn(baseUrl, "operator@dostup.local"),
    auditor: await signIn(baseUrl, "auditor@dostup.local"),
  };
  const regions = await db.query<{ id: string }>(`SELECT id FROM "Region" WHERE code IN ('18', '67') ORDER BY code`);
  const centres = await db.query<{ id: string; regionId: string }>(
    `SELECT id, "regionId" FROM "Centre" WHERE "archivedAt" IS NULL AND "regionId" = ANY($1::uuid[]) ORDER BY id`,
    [regions.rows.map((r) => r.id)],
  );
  const centresByRegion = new Map<string, string[]>();
  for (const c of centres.rows) {
    const key = fromRaw("Region", c.regionId);
    centresByRegion.set(key, [...(centresByRegion.get(key) ?? []), fromRaw("Centre", c.id)]);
  }
  const operator = await db.query<{ centreId: string }>(
    `SELECT "centreId" FROM "User" WHERE email = 'operator@dostup.local'`,
  );
  const operatorCentre = operator.rows[0]?.centreId;
  if (!operatorCentre) throw new Error("The demo operator has no centre.");
  const category = await db.query<{ id: string }>(`SELECT id FROM "FeedbackCategory" ORDER BY code LIMIT 1`);
  const form = await db.query<{ id: string }>(
    `SELECT id FROM "ReportForm" WHERE status = 'ACTIVE' AND periodicity = 'MONTHLY' ORDER BY code LIMIT 1`,
  );
  const formId = form.rows[0]?.id;
  if (!formId || !category.rows[0]) throw new Error("The demo has no active monthly form or feedback category.");
  const indicators = await db.query<{ code: string }>(
    `SELECT code FROM "ReportIndicator" WHERE "formId" = $1 AND NOT "hasRuralSplit" ORDER BY position LIMIT 4`,
    [formId],
  );

  const reports: { id: string; version: number }[] = [];
  for (let i = 0; i < clients; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    const answer = await graphql<{ result: { __typename: string; data?: { id: string; version: number } } }>(
      baseUrl,
      DOCUMENTS.createReport,
      {
        input: {
          formId: fromRaw("ReportForm", formId),
          centreId: fromRaw("Centre", operatorCentre),
          periodStart: `${firstYear + Math.floor(i / 12)}-${month}-01`,
        },
      },
      headers.curator,
    );
    const data = answer.data?.result.data;
    if (!data) throw new Error(`createReport failed: ${JSON.stringify(answer)}`);
    reports.push(data);
  }
  const allCentres = centres.rows.map((c) => fromRaw("Centre", c.id));
  return {
    run,
    headers,
    regionIds: regions.rows.map((r) => fromRaw("Region", r.id)),
    // Few enough that concurrent updates of one centre (and so conflicts) really happen.
    sharedCentres: allCentres.slice(0, 8),
    centresByRegion,
    categoryId: fromRaw("FeedbackCategory", category.rows[0].id),
    reports,
    indicatorCodes: indicators.rows.map((r) => r.code),
  };
}

// ───────────────────────────── Running ─────────────────────────────

export interface Sample {
  op: string;
  kind: string;
  ms: number;
  /** When the request was sent, ms since the run started. */
  at: number;
  status: number;
  message?: string;
}

export interface RunOptions {
  baseUrl: string;
  clients: number;
  durationMs: number;
  requestTimeoutMs: number;
  /** Stop early when this returns true (checked between requests). */
  stop?: () => boolean;
}

export interface RunResult {
  samples: Sample[];
  ledger: Ledger;
  elapsedMs: number;
}

/** Expected answers per operation; anything else is a failure in a run without faults. */
export const EXPECTED: Record<string, readonly string[]> = {
  centres: ["ok"],
  centre: ["ok"],
  services: ["ok"],
  reports: ["ok"],
  report: ["ok"],
  feedback: ["ok"],
  me: ["ok"],
  // Several clients update the same centres: a stale version is a typed, expected answer.
  updateCentre: ["success", "ConflictError"],
  submitFeedback: ["success"],
  createPerson: ["success"],
  setReportValues: ["success"],
};

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

const int = (max: number) => Math.floor(Math.random() * max);

/** Runs `clients` loops of random operations for `durationMs`, each waiting for its answer. */
export async function runWorkload(
  fixture: Fixture,
  options: RunOptions,
  ledger = emptyLedger(fixture.run),
): Promise<RunResult> {
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const known = new Map<string, number>(); // centre id → latest version this process saw
  // Tokens stay unique when one fixture and ledger serve several runs.
  const pass = randomBytes(2).toString("hex");

  async function send(op: string, variables: Record<string, unknown>, headers: Headers, resultField?: string) {
    const at = performance.now() - started;
    const answer = await graphql(
      options.baseUrl,
      DOCUMENTS[op as keyof typeof DOCUMENTS],
      variables,
      headers,
      options.requestTimeoutMs,
    );
    const kind = classify(answer, resultField);
    samples.push({
      op,
      kind,
      ms: answer.ms,
      at,
      status: answer.status,
      message: answer.failure ?? answer.errors?.[0]?.message,
    });
    const result = resultField
      ? (answer.data as Record<string, Record<string, unknown>> | undefined)?.[resultField]
      : undefined;
    return { answer, kind, result };
  }

  async function client(index: number): Promise<void> {
    const report = fixture.reports[index];
    if (!report) throw new Error(`no report for client ${index}`);
    // Read on first use: an earlier run against the same fixture may have moved it on.
    let reportVersion: number | null = null;
    const staff: Role = index % 2 === 0 ? "curator" : "admin";
    const reporter: Role = index % 3 === 0 ? "operator" : "curator";
    let seq = 0;
    const token = () => `load:${fixture.run}:${pass}:${index}:${seq++}`;

    const steps: [number, () => Promise<void>][] = [
      [
        14,
        async () => {
          const role = pick<Role>(["admin", "curator", "auditor", "operator"]);
          const region = pick(fixture.regionIds);
          await send(
            "centres",
            { first: pick([10, 20, 50]), filter: role === "operator" ? null : { regionId: region } },
            fixture.headers[role],
          );
        },
      ],
      [
        12,
        async () => {
          const { answer } = await send(
            "centre",
            { id: pick(fixture.sharedCentres) },
            fixture.headers[pick<Role>(["curator", "auditor", "admin"])],
          );
          const node = (answer.data as { node?: { id: string; version: number } | null } | undefined)?.node;
          if (node) known.set(node.id, Math.max(known.get(node.id) ?? 0, node.version));
        },
      ],
      [
        8,
        async () =>
          void (await send(
            "services",
            { first: pick([20, 50, 100]) },
            fixture.headers[pick<Role>(["admin", "curator", "auditor"])],
          )),
      ],
      [
        8,
        async () =>
          void (await send(
            "reports",
            { first: 20, filter: null },
            fixture.headers[pick<Role>(["admin", "curator", "auditor", "operator"])],
          )),
      ],
      [6, async () => void (await send("report", { id: report.id }, fixture.headers[reporter]))],
      [
        6,
        async () =>
          void (await send("feedback", { first: 20 }, fixture.headers[pick<Role>(["admin", "curator", "operator"])])),
      ],
      [
        4,
        async () =>
          void (await send("me", {}, fixture.headers[pick<Role>(["admin", "curator", "auditor", "operator"])])),
      ],
      [
        14,
        async () => {
          const id = pick(fixture.sharedCentres);
          const note = token();
          const workstations = int(40);
          const { kind, result } = await send(
            "updateCentre",
            { input: { id, version: known.get(id) ?? 1, equipmentNote: note, workstations } },
            fixture.headers[staff],
            "result",
          );
          const entry = ledger.centres.get(id) ?? { acked: [], uncertain: [] };
          ledger.centres.set(id, entry);
          if (kind === "success") {
            const data = result?.data as { version: number; equipmentNote: string; workstations: number };
            entry.acked.push({
              version: data.version,
              content: { note: data.equipmentNote, workstations: data.workstations },
            });
            known.set(id, Math.max(known.get(id) ?? 0, data.version));
          } else if (kind === "ConflictError") {
            const current = result?.currentVersion as number | null | undefined;
            if (current) known.set(id, Math.max(known.get(id) ?? 0, current));
          } else if (isUncertain(kind)) entry.uncertain.push(note);
        },
      ],
      [
        10,
        async () => {
          const text = token();
          const region = pick(fixture.regionIds);
          const rating = 1 + int(5);
          const { kind, result } = await send(
            "submitFeedback",
            {
              input: {
                categoryId: fixture.categoryId,
                subjectType: "CENTRE",
                centreId: pick(fixture.centresByRegion.get(region) ?? []),
                text,
                ratingStaff: rating,
                authorName: "Нагрузочный тест",
              },
            },
            fixture.headers.curator,
            "result",
          );
          if (kind === "success") {
            const data = result?.data as { id: string; text: string; ratingStaff: number };
            ledger.feedback.acked.push({ id: data.id, text: data.text, rating: data.ratingStaff });
          } else if (isUncertain(kind)) ledger.feedback.uncertain.push(text);
        },
      ],
      [
        6,
        async () => {
          const position = token();
          const firstName = pick(["Анна", "Иван", "Мария", "Пётр"]);
          const { kind, result } = await send(
            "createPerson",
            {
              input: {
                lastName: "Нагрузкин",
                firstName,
                position,
                regionId: pick(fixture.regionIds),
              },
            },
            fixture.headers[staff],
            "result",
          );
          if (kind === "success") {
            const data = result?.data as { id: string; position: string; firstName: string };
            ledger.people.acked.push({ id: data.id, position: data.position, firstName: data.firstName });
          } else if (isUncertain(kind)) ledger.people.uncertain.push(position);
        },
      ],
      [
        12,
        async () => {
          if (reportVersion === null) {
            // The last write's fate is unknown: read the version the report has now.
            const { answer } = await send("report", { id: report.id }, fixture.headers[reporter]);
            const node = (answer.data as { node?: { version: number } | null } | undefined)?.node;
            if (!node) return;
            reportVersion = node.version;
          }
          // Always the same indicators: the report's state is then exactly one write's values.
          const values = Object.fromEntries(fixture.indicatorCodes.map((code) => [code, int(10_000)]));
          const { kind, result } = await send(
            "setReportValues",
            {
              input: {
                id: report.id,
                version: reportVersion,
                values: Object.entries(values).map(([indicatorCode, total]) => ({ indicatorCode, total })),
              },
            },
            fixture.headers[reporter],
            "result",
          );
          const entry = ledger.reports.get(report.id) ?? { acked: [], uncertain: [] };
          ledger.reports.set(report.id, entry);
          if (kind === "success") {
            const data = result?.data as { version: number };
            entry.acked.push({ version: data.version, values });
            reportVersion = data.version;
          } else if (kind === "ConflictError") {
            reportVersion = (result?.currentVersion as number | null | undefined) ?? null;
          } else if (isUncertain(kind)) {
            entry.uncertain.push({ values });
            reportVersion = null;
          }
        },
      ],
    ];
    const total = steps.reduce((sum, [weight]) => sum + weight, 0);
    while (performance.now() < deadline && !options.stop?.()) {
      let roll = Math.random() * total;
      for (const [weight, step] of steps) {
        roll -= weight;
        if (roll < 0) {
          await step();
          break;
        }
      }
    }
  }

  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return { samples, ledger, elapsedMs: performance.now() - started };
}
