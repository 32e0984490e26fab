// The bad-input suite (issue 7, item 4): hundreds of generated hostile requests, each
// answered with a typed error or an empty, in-scope result, never a 500, and none of them
// changing the database (compared by fingerprint around each batch and each mutation).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issue15Cases } from "./directory-feedback-kpis.js";
import { createFixtures, type Fixtures } from "./fixtures.js";
import { type Case, messageTally, runCases, tally } from "./harness.js";
import { limitCases } from "./limits.js";
import { notificationCases } from "./notifications.js";
import { regionCases } from "./regions.js";
import { stringLimitCases } from "./strings.js";
import { transportCases } from "./transport.js";
import { valueCases } from "./values.js";

let fixtures: Fixtures;
const classes: Record<string, (f: Fixtures) => Record<string, Case[]> | Promise<Record<string, Case[]>>> = {
  limits: limitCases,
  values: valueCases,
  transport: transportCases,
  regions: regionCases,
  "megabyte strings": stringLimitCases,
  "directory, partner feedback, register, KPI formulas": issue15Cases,
  "inbox and digest settings": notificationCases,
};
const MINIMUM_CASES = 300;

beforeAll(async () => {
  fixtures = await createFixtures();
});

afterAll(async () => {
  await fixtures?.cleanup();
});

describe("bad input", () => {
  for (const [group, build] of Object.entries(classes)) {
    it(`is answered typed and harmlessly: ${group}`, async () => {
      const problems: string[] = [];
      for (const [className, cases] of Object.entries(await build(fixtures))) {
        const began = Date.now();
        problems.push(...(await runCases(className, cases)));
        process.stdout.write(`bad input, ${className}: ${cases.length} cases in ${Date.now() - began} ms\n`);
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }

  it(`counts at least ${MINIMUM_CASES} cases`, () => {
    const total = Object.values(tally).reduce((sum, n) => sum + n, 0);
    process.stdout.write(`bad input: ${total} cases in ${Object.keys(tally).length} classes\n`);
    expect(total).toBeGreaterThanOrEqual(MINIMUM_CASES);
  });

  it("saw coded messages, and read a sample of them again in Russian", () => {
    process.stdout.write(`bad input: ${messageTally.coded} coded replies, ${messageTally.russian} asked in Russian\n`);
    expect(messageTally.coded).toBeGreaterThan(100);
    expect(messageTally.russian).toBeGreaterThan(30);
  });
});
