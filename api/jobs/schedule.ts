// Every 15 minutes: settle what the upload protocol left behind (DESIGN.md, step 4), and
// forget old sessions and sign-in failures.
import { logger } from "../lib/logger.js";
import { deleteOldSessions } from "../lib/sessions.js";
import { forgetOldSignInFailures } from "../lib/sign-in-throttle.js";
import { deleteOrphanObjects, rejectStalePending } from "../modules/files/reconciliation.service.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ScheduleSummary {
  rejectedPending: number;
  orphansScanned: number;
  orphansDeleted: number;
  sessionsDeleted: number;
  signInFailuresForgotten: number;
}

export async function handler(): Promise<ScheduleSummary> {
  const { rejected } = await rejectStalePending(new Date(Date.now() - DAY_MS));
  const orphans = await deleteOrphanObjects();
  const summary = {
    rejectedPending: rejected,
    orphansScanned: orphans.scanned,
    orphansDeleted: orphans.deleted,
    sessionsDeleted: await deleteOldSessions(),
    signInFailuresForgotten: await forgetOldSignInFailures(),
  };
  logger.info(summary, "scheduled reconciliation done");
  return summary;
}
