// The standard operations as autocannon sends them: each request built afresh (ids rotate,
// report versions follow the answers), with the headers of the identity it runs as.
import type pg from "pg";
import type { Fixtures } from "./fixtures.js";
import { M1, Q1, Q2, Q3, Q4, reportValues } from "./operations.js";

/** One operation as autocannon requests, built per request (ids rotate, versions follow). */
export interface Operation {
  name: string;
  description: string;
  headers: Record<string, string>;
  /** The body of the next request; `release` is called with the answer. */
  next(): { body: string; release?: (body: string) => void };
  /** Called between runs, once the server has finished what the last run left in flight. */
  settle?: () => Promise<void>;
}

/** The versions of the DRAFT reports as stored, once two reads 300 ms apart agree. */
export async function storedVersions(db: pg.Client, ids: string[]): Promise<Map<string, number>> {
  const read = async () =>
    new Map(
      (
        await db.query<{ id: string; version: number }>(
          `SELECT id::text, version FROM "Report" WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      ).rows.map((r) => [r.id, r.version]),
    );
  let last = await read();
  for (let i = 0; i < 100; i++) {
    await new Promise((done) => setTimeout(done, 300));
    const now = await read();
    if ([...now].every(([id, version]) => last.get(id) === version)) return now;
    last = now;
  }
  throw new Error("the DRAFT reports' versions did not settle");
}

export function operations(
  f: Fixtures,
  db: pg.Client,
  fromGlobalId: (type: string, id: string) => string,
): Operation[] {
  let q1 = 0;
  let q1partner = 0;
  let q4 = 0;
  let seed = 0;
  const free = [...f.drafts];
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  return [
    {
      name: "Q1",
      description: "a centre by id (node), 16 fields, ids rotating over 500 national centres",
      headers: f.admin,
      next: () => ({ body: body(Q1, { id: f.centreIds[q1++ % f.centreIds.length] }) }),
    },
    {
      name: "Q1 partner",
      description: `Q1 with a partner API key, ids rotating over ${f.manyCentreIds.length} centres (more than the response cache holds: every request a miss)`,
      headers: f.partner,
      next: () => ({ body: body(Q1, { id: f.manyCentreIds[q1partner++ % f.manyCentreIds.length] }) }),
    },
    {
      name: "Q2",
      description: "centres(first: 50) with host, settlement→municipality→region, curators, services",
      headers: f.admin,
      next: () => ({ body: body(Q2, { first: 50 }) }),
    },
    {
      name: "Q3",
      description: "services(first: 5) → centres(first: 10) → services, regions rotating",
      headers: f.admin,
      next: () => ({ body: body(Q3, { regionId: f.nationalRegionIds[q1++ % f.nationalRegionIds.length] }) }),
    },
    {
      name: "Q4",
      description:
        "centresNear (partner API key): 20 nearest within 100 km helping with a service, a point a few metres on each request (never a cache hit)",
      headers: f.partner,
      next: () => ({ body: body(Q4, nearVariables(f, q4++)) }),
    },
    {
      name: "M1",
      description: `setReportValues as the operator: all ${f.indicators.length} values of a DRAFT report, new numbers each time`,
      headers: f.operator,
      // One report per request in flight (a pool larger than the connections): each write is
      // a real, successful change on the report's current version, not a conflict.
      next: () => {
        const report = free.shift() ?? f.drafts[0];
        if (!report) throw new Error("no DRAFT report");
        seed += 1;
        return {
          body: body(M1, {
            input: { id: report.id, version: report.version, values: reportValues(f.indicators, seed) },
          }),
          release: (answer: string) => {
            const version = /"version":(\d+)/.exec(answer)?.[1];
            if (version) report.version = Number(version);
            if (!free.includes(report)) free.push(report);
          },
        };
      },
      // A run ends with requests in flight whose answers never come back (they may or may not
      // have been applied): take every report's version from the database before the next run.
      settle: async () => {
        const versions = await storedVersions(
          db,
          f.drafts.map((d) => fromGlobalId("Report", d.id)),
        );
        for (const draft of f.drafts) draft.version = versions.get(fromGlobalId("Report", draft.id)) ?? draft.version;
        free.splice(0, free.length, ...f.drafts);
      },
    },
    {
      name: "cache hit",
      description:
        "a partner's repeated published read: Q1 of one centre with the partner key, answered from the response cache",
      headers: f.partner,
      next: () => ({ body: body(Q1, { id: f.centreIds[0] }) }),
    },
  ];
}

/** Q4's variables: the point moves north by ~1 cm per request, so no two requests share a cache entry. */
export function nearVariables(f: Fixtures, n: number) {
  return { s: f.near.serviceId, lat: f.near.latitude + n * 1e-7, lon: f.near.longitude };
}
