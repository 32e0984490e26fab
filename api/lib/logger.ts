import { pino } from "pino";

/** The one logger: JSON lines, which CloudWatch and local terminals both read. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: undefined,
});
