// Megabyte strings (issue 11) in every class of string argument: search terms, names, free
// texts, ids, emails, web addresses, codes, passwords and cursors; as GraphQL literals and as
// variables; at the top of an input, nested in input objects and in lists; sent by every role,
// a partner key and nobody. Each is refused before anything runs with BAD_USER_INPUT naming
// the argument and its maximum, changes nothing, and leaves the server answering others.
import type { Fixtures } from "./fixtures.js";
import { answered, type Case, type Expectation, type Headers, post, type Reply, refused } from "./harness.js";
import { inputTargets } from "./string-inputs.js";
import { literal, MAX, type Target } from "./string-targets.js";

const MIB = 1024 * 1024;
/** 1 MiB of ASCII, 3 MiB of ASCII, and 1 Mi Cyrillic letters (2 MiB of UTF-8). */
const SIZES: Record<string, string> = {
  "1 MiB": "x".repeat(MIB),
  "3 MiB": "x".repeat(3 * MIB),
  "1 Mi Cyrillic letters (2 MiB)": "ж".repeat(MIB),
};
const ONE_MIB = SIZES["1 MiB"] as string;

/** Refused as a whole with BAD_USER_INPUT, naming `argument` and its maximum, without echoing the value. */
function tooLong(argument: string, maxLength: number, variable?: string): Expectation {
  return (reply) => {
    const problem = refused("BAD_USER_INPUT")(reply);
    if (problem) return problem;
    const extensions = reply.body?.errors?.[0]?.extensions ?? {};
    if (extensions.argument !== argument || extensions.maxLength !== maxLength)
      return `expected ${argument} at most ${maxLength}, got ${JSON.stringify(extensions)}`;
    if (variable && extensions.variable !== variable)
      return `expected the variable ${variable} named, got ${JSON.stringify(extensions)}`;
    if (reply.text.length > 4096) return `the refusal is ${reply.text.length} characters long: it echoes the value`;
    return null;
  };
}

function runTarget(target: Target, big: string, asVariable: boolean): Promise<Reply> {
  const selection = target.selection === "" ? "" : `{ ${target.selection ?? "__typename"} }`;
  const operation = target.mutation ? "mutation" : "query";
  if (asVariable)
    return post(
      `${operation} M($v: ${target.type}) { ${target.field}(${target.argument}: $v) ${selection} }`,
      { v: target.value(big) },
      target.headers,
    );
  return post(
    `${operation} { ${target.field}(${target.argument}: ${literal(target.value(big))}) ${selection} }`,
    {},
    target.headers,
  );
}

function targetCases(targets: Target[]): Case[] {
  const cases: Case[] = [];
  for (const target of targets) {
    for (const [size, big] of Object.entries(SIZES))
      cases.push({
        name: `${target.label}, ${size} in a variable`,
        run: () => runTarget(target, big, true),
        expect: tooLong(target.path, target.maxLength, `$v${target.path.slice(target.argument.length)}`),
        write: target.mutation,
      });
    cases.push({
      name: `${target.label}, 1 MiB in a literal`,
      run: () => runTarget(target, ONE_MIB, false),
      expect: tooLong(target.path, target.maxLength),
      write: target.mutation,
    });
  }
  return cases;
}

/** Every list with a search, as each role that reads it (and some that may not: refused the same). */
function searchTargets(f: Fixtures): Target[] {
  const lists: Record<string, string> = {
    centres: "CentreFilter",
    people: "PersonFilter",
    regions: "RegionFilter",
    services: "ServiceFilter",
    organisations: "OrganisationFilter",
    municipalities: "MunicipalityFilter",
    feedback: "FeedbackFilter",
    lifeSituations: "LifeSituationFilter",
    users: "UserFilter",
    kpis: "KpiFilter",
    projects: "ProjectFilter",
    events: "EventFilter",
    qualityStandards: "QualityStandardFilter",
    reportForms: "ReportFormFilter",
    fileAccesses: "FileAccessFilter",
  };
  const targets: Target[] = Object.entries(lists).map(([list, filter]) => ({
    label: `search: ${list}(filter.search) as the administrator`,
    headers: f.admin,
    field: list,
    argument: "filter",
    type: filter,
    value: (big) => ({ search: big }),
    path: "filter.search",
    maxLength: MAX.search,
    mutation: false,
    selection: "totalCount",
  }));
  const roles: Record<string, Headers> = {
    curator: f.curator,
    operator: f.operator,
    auditor: f.auditor,
    "partner key": f.partner,
    "nobody signed in": {},
  };
  for (const [role, headers] of Object.entries(roles)) {
    for (const list of ["centres", "services"])
      targets.push({
        label: `search: ${list}(filter.search) as ${role}`,
        headers,
        field: list,
        argument: "filter",
        type: lists[list] as string,
        value: (big) => ({ search: big }),
        path: "filter.search",
        maxLength: MAX.search,
        mutation: false,
        selection: "totalCount",
      });
  }
  // The exports take the same filters, and weigh the most: refused before they start.
  for (const [field, filter, headers, role] of [
    ["centresCsv", "CentreFilter", f.partner, "partner key"],
    ["fileAccessesCsv", "FileAccessFilter", f.auditor, "auditor"],
  ] as const)
    targets.push({
      label: `search: ${field}(filter.search) as ${role}`,
      headers,
      field,
      argument: "filter",
      type: filter,
      value: (big) => ({ search: big }),
      path: "filter.search",
      maxLength: MAX.search,
      mutation: false,
      selection: "",
    });
  return targets;
}

/** Block strings are literals too. */
function blockStringCases(f: Fixtures): Case[] {
  return [
    {
      name: "text: submitFeedback(input.text), 1 MiB in a block string",
      run: () =>
        post(
          `mutation { submitFeedback(input: { categoryId: "${f.feedbackCategoryId}", subjectType: CENTRE, centreId: "${f.curatorCentre.id}", text: """${ONE_MIB}""" }) { __typename } }`,
          {},
          f.curator,
        ),
      expect: tooLong("input.text", MAX.text),
      write: true,
    },
  ];
}

const SMALL = "{ regions(first: 1) { totalCount } }";
const BIG_SEARCH = "query S($s: String) { centres(first: 100, filter: { search: $s }) { totalCount } }";

/**
 * A small query sent while four 3 MiB searches are on their way, and one after them: both are
 * answered. The times are printed for the record, not asserted (two shared cores).
 */
function responsivenessCases(f: Fixtures): Case[] {
  const big = SIZES["3 MiB"] as string;
  const timed = async (run: () => Promise<Reply>) => {
    const began = performance.now();
    const reply = await run();
    return { reply, ms: Math.round(performance.now() - began) };
  };
  return [
    {
      name: "responsive: a small query beside four 3 MiB searches (partner key and each role)",
      run: async () => {
        const bigOnes = [f.partner, f.curator, f.operator, f.auditor].map((headers) =>
          timed(() => post(BIG_SEARCH, { s: big }, headers)),
        );
        const small = timed(() => post(SMALL, {}, f.admin));
        const [answers, mine] = await Promise.all([Promise.all(bigOnes), small]);
        process.stdout.write(
          `bad input, megabyte strings: small query ${mine.ms} ms beside 3 MiB searches refused in ${answers.map((a) => a.ms).join(", ")} ms\n`,
        );
        const wrong = answers.map((a) => tooLong("filter.search", MAX.search)(a.reply)).find(Boolean);
        return wrong ? { status: 599, body: null, text: `a big search was not refused: ${wrong}` } : mine.reply;
      },
      expect: answered("regions"),
    },
    {
      name: "responsive: a small query after them",
      run: async () => {
        const { reply, ms } = await timed(() => post(SMALL, {}, f.partner));
        process.stdout.write(`bad input, megabyte strings: small query after them ${ms} ms\n`);
        return reply;
      },
      expect: answered("regions"),
    },
  ];
}

export function stringLimitCases(f: Fixtures): Record<string, Case[]> {
  return {
    "megabyte search terms, every list and role": targetCases(searchTargets(f)),
    "megabyte names, texts, ids, emails, URLs and codes, flat and nested": [
      ...targetCases(inputTargets(f)),
      ...blockStringCases(f),
    ],
    "a small query beside megabyte strings": responsivenessCases(f),
  };
}
