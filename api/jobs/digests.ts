// Every morning at 07:00 Moscow time (serverless.yml): the digests that are due, into each
// curator's and administrator's inbox and by e-mail through SES (api/modules/notifications).
import { logger } from "../lib/logger.js";
import { type DigestRunSummary, runDigests } from "../modules/notifications/digests.service.js";

export async function handler(): Promise<DigestRunSummary> {
  const summary = await runDigests(new Date());
  logger.info(summary, "digests done");
  // A run where every e-mail failed is an outage worth an alarm: the function's error metric.
  if (summary.digests > 0 && summary.mailFailed === summary.digests)
    throw new Error(`No digest e-mail could be sent (${summary.mailFailed} failed); the inbox items are kept.`);
  return summary;
}
