// The mixed workload of the load and fault runs: concurrent clients, each signed in as a demo
// role, reading lists and nodes and writing centres, feedback, people and report values.
// Every write's outcome goes into a ledger: acknowledged (the server answered Success), or
// uncertain (no answer, a 5xx or an unexpected error: it may or may not have been applied).
// `verifyLedger` then checks the database holds every acknowledged write with the content
// acknowledged, and nothing that was never asked for.
import { randomBytes } from "node:crypto";
import { buildSchema, type GraphQLSchema, parse, validate } from "graphql";
import type pg from "pg";
import { toGlobalId } from "../../api/lib/ids.js";
import { type Answer, graphql, percentile, signIn } from "./stack.js";

type Headers = Record<string, string>;
type Role = "admin" | "curator" | "operator" | "auditor";

// ───────────────────────────── Operations ─────────────────────────────

const RESULT = `__typename ... on Error { message } ... on ConflictError { currentVersion }
  ... on ValidationError { issues { field message } }`;

export const DOCUMENTS = {
  centres: `query Centres($first: Int, $filter: CentreFilter) { centres(first: $first, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name version status workstations region { name } municipality { name }
      hostOrganisation { name } services { helpKinds service { name } } } } } }`,
  centre: `query Centre($id: ID!) { node(id: $id) { ... on Centre { id name version equipmentNote workstations
    openingHours { weekday opens closes } activeCurators { __typename } region { code } } } }`,
  services: `query Services($first: Int) { services(first: $first) { totalCount edges { node { id name level } } } }`,
  reports: `query Reports($first: Int, $filter: ReportFilter) { reports(first: $first, filter: $filter) {
    totalCount edges { node { id status periodStart version values { total rural indicator { code } } } } } }`,
  report: `query Report($id: ID!) { node(id: $id) { ... on Report { id status version
    values { total rural indicator { code } } } } }`,
  feedback: `query Feedback($first: Int) { feedback(first: $first) { totalCount
    edges { node { id status text receivedAt category { name } } } } }`,
  me: `query Me { me { email role } }`,
  updateCentre: `mutation UpdateCentre($input: UpdateCentreInput!) { result: updateCentre(input: $input) { ${RESULT}
    ... on MutationUpdateCentreSuccess { data { id version equipmentNote workstations } } } }`,
  submitFeedback: `mutation SubmitFeedback($input: SubmitFeedbackInput!) { result: submitFeedback(input: $input) { ${RESULT}
    ... on MutationSubmitFeedbackSuccess { data { id text ratingStaff status } } } }`,
  createPerson: `mutation CreatePerson($input: CreatePersonInput!) { result: createPerson(input: $input) { ${RESULT}
    ... on MutationCreatePersonSuccess { data { id lastName firstName position } } } }`,
  setReportValues: `mutation SetValues($input: SetReportValuesInput!) { result: setReportValues(input: $input) { ${RESULT}
    ... on MutationSetReportValuesSuccess { data { id version values { total rural indicator { code } } } } } }`,
  createReport: `mutation CreateReport($input: CreateReportInput!) { result: createReport(input: $input) { ${RESULT}
    ... on MutationCreateReportSuccess { data { id version } } } }`,
} as const;

/** Fails fast, with the reason, when a document no longer matches the printed schema. */
export function checkDocuments(schemaSdl: string): void {
  const schema: GraphQLSchema = buildSchema(schemaSdl);
  for (const [name, document] of Object.entries(DOCUMENTS)) {
    const errors = validate(schema, parse(document));
    if (errors.length > 0) throw new Error(`Workload document ${name} is invalid: ${errors[0]?.message}`);
  }
}

/**
 * How an answer came back: "ok" (a query with data and no errors), "success" or the error
 * type of a mutation's result union, "error <CODE>" for GraphQL errors, "http <status>",
 * "timeout" or "network" when no answer came.
 */
export function classify(answer: Answer, resultField?: string): string {
  if (answer.status === 0) return answer.failure === "timeout" ? "timeout" : "network";
  if (answer.status >= 500) return `http ${answer.status}`;
  const first = answer.errors?.[0];
  if (first) return `error ${first.extensions?.code ?? "NO_CODE"}`;
  if (answer.status !== 200) return `http ${answer.status}`;
  if (!answer.data) return "no data";
  if (!resultField) return "ok";
  const result = (answer.data as Record<string, { __typename?: string } | undefined>)[resultField];
  const type = result?.__typename ?? "missing";
  return type.endsWith("Success") ? "success" : type;
}

/** Answers after which a write may or may not have been applied. */
export function isUncertain(kind: string): boolean {
  return kind === "timeout" || kind === "network" || kind.startsWith("http 5") || kind.startsWith("error ");
}

// ───────────────────────────── The ledger ─────────────────────────────

interface Versioned<T> {
  version: number | null;
  content: T;
}

export interface Ledger {
  run: string;
  /** Centre id → acknowledged updates (version after) and uncertain ones (version unknown). */
  centres: Map<string, { acked: Versioned<{ note: string; workstations: number }>[]; uncertain: string[] }>;
  feedback: { acked: { id: string; text: string; rating: number }[]; uncertain: string[] };
  people: { acked: { id: string; position: string; firstName: string }[]; uncertain: string[] };
  /** Report id → acknowledged value sets (version after) and uncertain ones (base version). */
  reports: Map<
    string,
    {
      acked: { version: number; values: Record<string, number> }[];
      uncertain: { values: Record<string, number> }[];
    }
  >;
}

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

export function emptyLedger(run: string): Ledger {
  return {
    run,
    centres: new Map(),
    feedback: { acked: [], uncertain: [] },
    people: { acked: [], uncertain: [] },
    reports: new Map(),
  };
}

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

// ───────────────────────────── Checking the database ─────────────────────────────

/**
 * Every acknowledged write is in the database with the content acknowledged; rows the run
 * created number between the acknowledged and the acknowledged plus uncertain writes; and
 * each record's final state is one that some write of this run produced. Returns the problems.
 */
export async function verifyLedger(db: pg.Pool | pg.Client, ledger: Ledger): Promise<string[]> {
  const problems: string[] = [];
  const like = `load:${ledger.run}:%`;
  const raw = (id: string) => Buffer.from(id, "base64").toString("utf8").split(":").slice(1).join(":");

  // Feedback: each acknowledged row, with its text and rating; no more rows than were asked for.
  const feedback = await db.query<{ id: string; text: string; ratingStaff: number | null }>(
    `SELECT id, text, "ratingStaff" FROM "Feedback" WHERE text LIKE $1`,
    [like],
  );
  const feedbackById = new Map(feedback.rows.map((row) => [row.id, row]));
  for (const acked of ledger.feedback.acked) {
    const row = feedbackById.get(raw(acked.id));
    if (!row) problems.push(`feedback ${acked.text} was acknowledged but is missing`);
    else if (row.text !== acked.text || row.ratingStaff !== acked.rating)
      problems.push(`feedback ${acked.text} differs: ${JSON.stringify(row)}`);
  }
  const feedbackMax = ledger.feedback.acked.length + ledger.feedback.uncertain.length;
  if (
    feedback.rowCount !== null &&
    (feedback.rowCount < ledger.feedback.acked.length || feedback.rowCount > feedbackMax)
  )
    problems.push(`feedback rows ${feedback.rowCount}, expected ${ledger.feedback.acked.length}…${feedbackMax}`);

  // People, the same way.
  const people = await db.query<{ id: string; position: string; firstName: string }>(
    `SELECT id, position, "firstName" FROM "Person" WHERE position LIKE $1`,
    [like],
  );
  const peopleById = new Map(people.rows.map((row) => [row.id, row]));
  for (const acked of ledger.people.acked) {
    const row = peopleById.get(raw(acked.id));
    if (!row) problems.push(`person ${acked.position} was acknowledged but is missing`);
    else if (row.position !== acked.position || row.firstName !== acked.firstName)
      problems.push(`person ${acked.position} differs: ${JSON.stringify(row)}`);
  }
  const peopleMax = ledger.people.acked.length + ledger.people.uncertain.length;
  if (people.rowCount !== null && (people.rowCount < ledger.people.acked.length || people.rowCount > peopleMax))
    problems.push(`people rows ${people.rowCount}, expected ${ledger.people.acked.length}…${peopleMax}`);

  // Centres: every acknowledged update is in the history; the row holds the latest one.
  for (const [globalId, entry] of ledger.centres) {
    const id = raw(globalId);
    const row = (
      await db.query<{ version: number; equipmentNote: string | null; workstations: number }>(
        `SELECT version, "equipmentNote", workstations FROM "Centre" WHERE id = $1`,
        [id],
      )
    ).rows[0];
    if (!row) {
      problems.push(`centre ${globalId} is missing`);
      continue;
    }
    const logged = await db.query<{ note: string }>(
      `SELECT changes -> 'equipmentNote' ->> 'to' AS note FROM "ChangeLog"
       WHERE entity = 'Centre' AND "entityId" = $1 AND changes -> 'equipmentNote' ->> 'to' LIKE $2`,
      [id, like],
    );
    const loggedNotes = new Set(logged.rows.map((r) => r.note));
    for (const acked of entry.acked) {
      if (!loggedNotes.has(acked.content.note))
        problems.push(`centre update ${acked.content.note} is not in the history`);
    }
    if (loggedNotes.size > entry.acked.length + entry.uncertain.length)
      problems.push(
        `centre ${globalId}: ${loggedNotes.size} logged updates, at most ${entry.acked.length + entry.uncertain.length} sent`,
      );
    const latest = entry.acked.reduce<(typeof entry.acked)[number] | null>(
      (best, item) => (best === null || (item.version ?? 0) > (best.version ?? 0) ? item : best),
      null,
    );
    if (latest && row.version < (latest.version ?? 0))
      problems.push(`centre ${globalId} is at version ${row.version}, below the acknowledged ${latest.version}`);
    const acked = entry.acked.find((item) => item.version === row.version);
    if (acked) {
      if (row.equipmentNote !== acked.content.note || row.workstations !== acked.content.workstations)
        problems.push(
          `centre ${globalId} v${row.version} holds ${row.equipmentNote}/${row.workstations}, acknowledged ${acked.content.note}/${acked.content.workstations}`,
        );
    } else if (row.equipmentNote?.startsWith(`load:${ledger.run}:`) && !entry.uncertain.includes(row.equipmentNote)) {
      problems.push(
        `centre ${globalId} v${row.version} holds ${row.equipmentNote}, which no acknowledged or uncertain write of that version sent`,
      );
    }
  }

  // Reports: the values are exactly those of the write that made the current version.
  for (const [globalId, entry] of ledger.reports) {
    const id = raw(globalId);
    const report = (await db.query<{ version: number }>(`SELECT version FROM "Report" WHERE id = $1`, [id])).rows[0];
    const values = await db.query<{ code: string; total: number }>(
      `SELECT i.code, v.total FROM "ReportValue" v JOIN "ReportIndicator" i ON i.id = v."indicatorId" WHERE v."reportId" = $1`,
      [id],
    );
    if (!report) {
      problems.push(`report ${globalId} is missing`);
      continue;
    }
    const actual = Object.fromEntries(values.rows.map((row) => [row.code, row.total]));
    const same = (expected: Record<string, number>) =>
      Object.keys(actual).length === Object.keys(expected).length &&
      Object.entries(expected).every(([code, total]) => actual[code] === total);
    const maxAcked = Math.max(0, ...entry.acked.map((item) => item.version));
    if (report.version < maxAcked)
      problems.push(`report ${globalId} is at version ${report.version}, below the acknowledged ${maxAcked}`);
    const acked = entry.acked.find((item) => item.version === report.version);
    if (acked) {
      if (!same(acked.values))
        problems.push(
          `report ${globalId} v${report.version} holds ${JSON.stringify(actual)}, acknowledged ${JSON.stringify(acked.values)}`,
        );
    } else if (entry.acked.length === 0 && Object.keys(actual).length === 0) {
      // Nothing acknowledged and nothing applied: the report is as prepare() created it.
    } else if (!entry.uncertain.some((item) => same(item.values))) {
      problems.push(
        `report ${globalId} v${report.version} holds ${JSON.stringify(actual)}, which no write of this run sent`,
      );
    }
    const logged = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM "ChangeLog" WHERE entity = 'Report' AND "entityId" = $1 AND action = 'UPDATE'`,
      [id],
    );
    const updates = Number(logged.rows[0]?.n ?? 0);
    if (updates < entry.acked.length || updates > entry.acked.length + entry.uncertain.length)
      problems.push(
        `report ${globalId}: ${updates} logged value writes, expected ${entry.acked.length}…${entry.acked.length + entry.uncertain.length}`,
      );
  }
  return problems;
}

// ───────────────────────────── Summary ─────────────────────────────

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
