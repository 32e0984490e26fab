// The scheduled job's stale-upload step with "now" as the cut-off instead of 24 hours ago,
// run like the job runs: a process of its own, configured by the environment. Prints
// "REJECTED <n>". Used by s3-outage.test.ts to show that unfinished uploads expire.
const { rejectStalePending } = await import("../../api/modules/files/reconciliation.service.js");
const { prisma } = await import("../../api/lib/db.js");
const result = await rejectStalePending(new Date(Date.now() + 1000));
await prisma.$disconnect();
process.stdout.write(`REJECTED ${result.rejected}\n`);
