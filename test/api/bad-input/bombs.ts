// Token and size bombs and batched operations: documents and bodies built to exhaust the
// parser, the validator or the server's memory, refused before they run.
import type { Fixtures } from "./fixtures.js";
import {
  answered,
  type Case,
  type Expectation,
  either,
  httpStatus,
  post,
  postRaw,
  type Reply,
  refused,
  union,
} from "./harness.js";

const MB = 1024 * 1024;

export function bombCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  const parseOrLimit = either(
    refused("GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "QUERY_TOO_DEEP"),
    httpStatus(400, 413, 415),
  );
  const badBody = either(httpStatus(400, 413, 415), refused("BAD_USER_INPUT", "GRAPHQL_PARSE_FAILED"));
  const tooLarge = (reply: Reply) => httpStatus(413)(reply) ?? refused("REQUEST_ENTITY_TOO_LARGE")(reply);
  // Padding the parser skips (whitespace, comments, unused variables) is harmless: the query
  // inside is answered as it would be without it.
  const me = answered("me", (v) => typeof (v as { id?: unknown } | null)?.id === "string");
  const bombs: [string, () => Promise<Reply>, Expectation][] = [
    ["1,001 tokens of punctuation", () => post(`{ me { id } ${"{ ".repeat(1001)}`, {}, f.admin), parseOrLimit],
    [
      "a list literal of 5,000 numbers",
      () => post(`{ regions(first: 1, filter: { search: [${"1,".repeat(5000)}] }) { totalCount } }`, {}, f.admin),
      parseOrLimit,
    ],
    [
      "list literals nested 5,000 deep",
      () => post(`{ regions(filter: { search: ${"[".repeat(5000)}${"]".repeat(5000)} }) { totalCount } }`, {}, f.admin),
      parseOrLimit,
    ],
    [
      "object literals nested 2,000 deep",
      () =>
        post(`{ regions(filter: ${"{ search: ".repeat(2000)}"x"${" }".repeat(2000)}) { totalCount } }`, {}, f.admin),
      parseOrLimit,
    ],
    [
      "selection sets nested 10,000 deep (parser recursion)",
      () => post(`{ me ${"{ me ".repeat(10_000)}${"} ".repeat(10_001)}`, {}, f.admin),
      parseOrLimit,
    ],
    [
      "a 1 MiB string literal in a search",
      () => post(`{ regions(first: 1, filter: { search: "${"я".repeat(MB / 2)}" }) { totalCount } }`, {}, f.admin),
      refused("BAD_USER_INPUT"),
    ],
    ["a 2 MiB comment", () => post(`# ${"x".repeat(2 * MB)}\n{ me { id } }`, {}, f.admin), me],
    [
      "3 MiB of whitespace around a query (within the 4 MiB body limit)",
      () => post(`${" ".repeat(1.5 * MB)}{ me { id } }${" ".repeat(1.5 * MB)}`, {}, f.admin),
      me,
    ],
    [
      "5 MiB of whitespace around a query (over the body limit)",
      () => post(`${" ".repeat(2.5 * MB)}{ me { id } }${"\n".repeat(2.5 * MB)}`, {}, f.admin),
      tooLarge,
    ],
    [
      "an integer literal of 10,000 digits as a page size (capped at 100)",
      () => post(`{ regions(first: ${"9".repeat(10_000)}) { edges { cursor } } }`, {}, f.admin),
      answered("regions", (v) => ((v as { edges: unknown[] }).edges.length ?? 101) <= 100),
    ],
    [
      "a float literal of 10,000 digits",
      () =>
        post(
          `{ centresNear(serviceId: "x", latitude: 0.${"1".repeat(10_000)}, longitude: 1, radiusKm: 1) { id } }`,
          {},
          f.admin,
        ),
      refused("BAD_USER_INPUT"),
    ],
    [
      "variables nested 10,000 objects deep",
      () =>
        postRaw(
          `{"query":"query Q($f: RegionFilter) { regions(first: 1, filter: $f) { totalCount } }","variables":{"f":${'{"search":'.repeat(10_000)}"x"${"}".repeat(10_000)}}}`,
          f.admin,
        ),
      refused("BAD_USER_INPUT"),
    ],
    [
      "a variable list of 20,000 report values",
      () =>
        post(
          "mutation S($input: SetReportValuesInput!) { setReportValues(input: $input) { __typename } }",
          {
            input: {
              id: "UmVwb3J0OjA=",
              version: 1,
              values: Array.from({ length: 20_000 }, (_, i) => ({ indicatorCode: `X${i}`, total: i })),
            },
          },
          f.admin,
        ),
      either(refused("BAD_USER_INPUT"), union("setReportValues", "ValidationError", "NotFoundError")),
    ],
    [
      "10,000 unused variables",
      () => post("{ me { id } }", Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`v${i}`, i])), f.admin),
      me,
    ],
    [
      "10,000 declared variables",
      () =>
        post(
          `query Q(${Array.from({ length: 10_000 }, (_, i) => `$v${i}: Int`).join(" ")}) { me { id } }`,
          {},
          f.admin,
        ),
      parseOrLimit,
    ],
    [
      "10,000 operations in one document",
      () => post(Array.from({ length: 10_000 }, (_, i) => `query Q${i} { me { id } }`).join("\n"), {}, f.admin),
      parseOrLimit,
    ],
    [
      "an 8 MiB variable",
      () => postRaw(JSON.stringify({ query: "{ me { id } }", variables: { pad: "x".repeat(8 * MB) } }), f.admin),
      tooLarge,
    ],
    ["a body that is not JSON", () => postRaw(`{"query": "{ me { id } }"`, f.admin), badBody],
    ["a body that is a JSON string", () => postRaw(JSON.stringify("{ me { id } }"), f.admin), badBody],
    ["a body that is JSON null", () => postRaw("null", f.admin), badBody],
    ["a query that is not a string", () => postRaw(JSON.stringify({ query: { me: true } }), f.admin), badBody],
    [
      "variables that are a string",
      () => postRaw(JSON.stringify({ query: "{ me { id } }", variables: "{}" }), f.admin),
      badBody,
    ],
    ["an empty query", () => post("", {}, f.admin), badBody],
    ["a query of only a comment", () => post("# nothing", {}, f.admin), either(badBody, parseOrLimit)],
  ];
  for (const [label, run, expectation] of bombs) {
    cases.push({
      name: `token and size bomb: ${label}`,
      run,
      expect: expectation,
      write: label.includes("report values"),
    });
  }
  return cases;
}

export function batchCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  const query = { query: "{ me { id } }" };
  const mutation = {
    query: `mutation C($input: CreateRegionInput!) { createRegion(input: $input) { __typename } }`,
    variables: { input: { code: "97", name: `Пакетный регион ${f.run}` } },
  };
  const login = {
    query: `mutation { login(input: { email: "admin@dostup.local", password: "wrong" }) { __typename } }`,
  };
  const batches: Record<string, unknown> = {
    "an empty array": [],
    "one query in an array": [query],
    "two queries": [query, query],
    "100 queries": Array.from({ length: 100 }, () => query),
    "a mutation and a query": [mutation, query],
    "ten identical createRegion mutations": Array.from({ length: 10 }, () => mutation),
    "1,000 password guesses": Array.from({ length: 1000 }, () => login),
    "an array of arrays": [[query], [mutation]],
  };
  for (const [label, body] of Object.entries(batches)) {
    cases.push({
      name: `batch: ${label}`,
      run: () => postRaw(JSON.stringify(body), f.admin),
      expect: either(httpStatus(400, 415), refused("BAD_USER_INPUT", "GRAPHQL_PARSE_FAILED")),
      write: true,
    });
  }
  // Several operations in one document: only the one named runs, and a missing name is refused.
  const doc = `query A { me { id } } mutation B($input: CreateRegionInput!) { createRegion(input: $input) { __typename } }`;
  for (const [label, operationName] of Object.entries({
    "no operationName": undefined,
    "an unknown operationName": "C",
    "operationName null": null,
    "operationName a number": 1,
    "operationName an array of both": ["A", "B"],
  })) {
    cases.push({
      name: `batch: two operations in one document, ${label}`,
      run: () =>
        postRaw(
          JSON.stringify({ query: doc, operationName, variables: { input: { code: "97", name: "Пакет" } } }),
          f.admin,
        ),
      expect: either(httpStatus(400), refused("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED")),
      write: true,
    });
  }
  return cases;
}

/** Connections of the schema that take first/last, with a selection that shows how many came back. */
