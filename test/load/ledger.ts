// The ledger of a workload's writes: acknowledged (the server answered Success) or uncertain
// (no answer, a 5xx or an unexpected error: it may or may not have been applied).
// `verifyLedger` checks the database holds every acknowledged write with the content
// acknowledged, and nothing that was never asked for.
import type pg from "pg";

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

export function emptyLedger(run: string): Ledger {
  return {
    run,
    centres: new Map(),
    feedback: { acked: [], uncertain: [] },
    people: { acked: [], uncertain: [] },
    reports: new Map(),
  };
}

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
