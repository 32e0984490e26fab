// Four eyes on what becomes official: whoever wrote a record's content (created it, filled in
// its values by any path, submitted it, edited a draft) may not approve it, administrators
// included. Who wrote what is read from the ChangeLog rather than kept a second time: every
// change writes its entry in its own transaction (change.ts), the one function that writes a
// report's values logs them whichever path called it (form, spreadsheet import), and the log
// keeps the whole history, so whoever filled an earlier round of a returned report counts too
// and reports already under review when this rule arrived are covered without a backfill.
// A record's history is a handful of rows, found through the ChangeLog's (entity, entityId)
// index: one small query per approval, one per request for a list's `canApprove`.
import type { Access } from "./access.js";
import type { Tx } from "./change.js";
import { prisma } from "./db.js";

/** The records whose approval makes figures or rules official. */
export type Approvable = "Report" | "QualityStandard";

/**
 * Statuses a record moves into when it is reviewed rather than written: a report returned,
 * approved or locked; a standard approved or superseded by the next one. Every other entry of
 * the user on the record (creation, values, submission, a draft's edit), and any entry not
 * recognised here, counts as writing it, so a write path added later errs on the safe side.
 */
const REVIEW_STATUSES = ["RETURNED", "APPROVED", "LOCKED", "SUPERSEDED"];

/** The ids among `ids` of records of `entity` that the user created, filled in, submitted or edited. */
export async function writtenBy(db: Tx, entity: Approvable, ids: readonly string[], userId: string) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT "entityId"::text AS id FROM "ChangeLog"
    WHERE entity = ${entity} AND "entityId" = ANY(${[...ids]}::uuid[]) AND "actorUserId" = ${userId}::uuid
      AND NOT (action = 'TRANSITION' AND coalesce(changes->'status'->>'to', '') = ANY(${REVIEW_STATUSES}::text[]))`;
  return new Set(rows.map((row) => row.id));
}

function userIdOf(access: Access): string | null {
  return access.identity?.kind === "user" ? access.identity.userId : null;
}

/** Whether the caller wrote the record (see writtenBy); callers that are not users wrote nothing. */
export async function callerWrote(tx: Tx, access: Access, entity: Approvable, id: string): Promise<boolean> {
  const userId = userIdOf(access);
  return userId !== null && (await writtenBy(tx, entity, [id], userId)).has(id);
}

interface Batch {
  ids: Set<string>;
  written: Promise<Set<string>>;
}

const batches = new WeakMap<Access, Map<Approvable, Batch>>();

/**
 * `callerWrote` for a field of a list: the ids asked for by one request's resolvers in the same
 * turn are answered by one query (keyed by the request's Access, so nothing outlives it).
 */
export function callerWroteBatched(access: Access, entity: Approvable, id: string): Promise<boolean> {
  const userId = userIdOf(access);
  if (userId === null) return Promise.resolve(false);
  let perRequest = batches.get(access);
  if (!perRequest) {
    perRequest = new Map();
    batches.set(access, perRequest);
  }
  let batch = perRequest.get(entity);
  if (!batch) {
    const ids = new Set<string>();
    const open = perRequest;
    const written = new Promise<Set<string>>((resolve, reject) => {
      // After the current turn, when every resolver of the list has added its id.
      setImmediate(() => {
        open.delete(entity);
        writtenBy(prisma, entity, [...ids], userId).then(resolve, reject);
      });
    });
    batch = { ids, written };
    perRequest.set(entity, batch);
  }
  batch.ids.add(id);
  return batch.written.then((written) => written.has(id));
}
