// Queries built to exhaust the server: deep and cyclic nesting, alias and field floods,
// directive spam, token and size bombs, batches (bombs.ts), and page sizes out of range.
import { batchCases, bombCases } from "./bombs.js";
import type { Fixtures } from "./fixtures.js";
import { answered, type Case, either, empty, post, postRaw, type Reply, refused } from "./harness.js";

/** Nests `depth` steps of a cycle: each step wraps the rest of the query. */
function nest(steps: ((inner: string) => string)[], depth: number, leaf = "id"): string {
  let inner = leaf;
  for (let i = depth - 1; i >= 0; i -= 1) inner = (steps[i % steps.length] as (s: string) => string)(inner);
  return inner;
}

const list = (field: string) => (inner: string) => `${field}(first: 1) { edges { node { ${inner} } } }`;
const one = (field: string) => (inner: string) => `${field} { ${inner} }`;

/** Relation cycles of the schema, each from a root list, one step per entity level. */
const CYCLES: { name: string; root: string; steps: ((inner: string) => string)[] }[] = [
  { name: "centre ⇄ host organisation", root: "centres", steps: [one("hostOrganisation"), list("centres")] },
  { name: "region ⇄ municipality", root: "regions", steps: [list("municipalities"), one("region")] },
  { name: "municipality ⇄ settlement", root: "municipalities", steps: [one("settlements"), one("municipality")] },
  {
    name: "centre → municipality → region → municipalities → settlements",
    root: "centres",
    steps: [one("municipality"), one("region"), list("municipalities"), one("settlements"), one("municipality")],
  },
  {
    name: "person → organisation → centres",
    root: "people",
    steps: [one("organisation"), list("centres"), one("hostOrganisation")],
  },
];

function deepCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  for (const cycle of CYCLES) {
    for (const depth of [7, 9, 13, 25, 60]) {
      // depth entity levels below the root list's own level
      const query = `{ ${list(cycle.root)(nest(cycle.steps, depth - 1))} }`;
      cases.push({
        name: `deep: ${cycle.name}, ${depth} levels`,
        run: () => post(query, {}, f.admin),
        // Very deep ones hit the token limit before the depth rule, or the cost limit beside it:
        // each refusal is typed.
        expect: refused("QUERY_TOO_DEEP", "QUERY_TOO_COSTLY", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"),
      });
    }
  }
  // Through node(id), where the type is only known at run time.
  for (const depth of [7, 15]) {
    const query = `query N($id: ID!) { node(id: $id) { ... on Centre { ${nest([one("region"), list("municipalities"), one("settlements"), one("municipality")], depth - 1)} } } }`;
    cases.push({
      name: `deep: node(id) … on Centre, ${depth} levels`,
      run: () => post(query, { id: "Q2VudHJlOjA=" }, f.admin),
      expect: refused("QUERY_TOO_DEEP", "GRAPHQL_VALIDATION_FAILED"),
    });
  }
  // Depth hidden in fragments, and fragments that spread each other (a cycle graphql refuses).
  for (const length of [1, 2, 3, 5]) {
    const names = Array.from({ length }, (_, i) => `F${i}`);
    const fragments = names
      .map(
        (name, i) =>
          `fragment ${name} on Organisation { centres(first: 1) { edges { node { hostOrganisation { ...${names[(i + 1) % length]} } } } } }`,
      )
      .join("\n");
    cases.push({
      name: `cyclic fragments: a cycle of ${length}`,
      run: () => post(`{ organisations(first: 1) { edges { node { ...F0 } } } }\n${fragments}`, {}, f.admin),
      expect: refused("GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_DEEP"),
    });
  }
  for (const levels of [4, 8]) {
    // a chain of fragments, each one level: depth only visible when they are followed
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment M${i} on Municipality { settlements { municipality { ${i + 1 < levels ? `...M${i + 1}` : "id"} } } }`,
    ).join("\n");
    cases.push({
      name: `deep: a chain of ${levels} fragments, ${2 * levels + 1} levels`,
      run: () => post(`{ municipalities(first: 1) { edges { node { ...M0 } } } }\n${fragments}`, {}, f.admin),
      expect: refused("QUERY_TOO_DEEP", "QUERY_TOO_COSTLY", "GRAPHQL_VALIDATION_FAILED"),
    });
  }
  // Introspection nests ofType without an entity level; it has limits of its own (tokens, cost).
  // (Answered here, where introspection is on; NODE_ENV=production turns it off.)
  for (const depth of [30, 120, 400]) {
    const query = `{ __schema { types { ${nest([one("ofType")], depth, "name")} } } }`;
    cases.push({
      name: `deep: introspection ofType × ${depth}`,
      run: () => post(query, {}, f.admin),
      expect: either(refused("GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"), answered("__schema")),
    });
  }
  return cases;
}

function floodCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  const fields: Record<string, string> = {
    me: "me { id }",
    "regions.totalCount": "regions(first: 1) { totalCount }",
    "centres(first: 100)": "centres(first: 100) { edges { node { id name } } }",
    "node(id)": 'node(id: "Q2VudHJlOjA=") { id }',
    login: 'login(input: { email: "admin@dostup.local", password: "dostup" }) { __typename }',
  };
  for (const [label, selection] of Object.entries(fields)) {
    const operation = label === "login" ? "mutation" : "query";
    for (const count of [16, 40, 200, 2000]) {
      const aliases = Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(" ");
      cases.push({
        name: `alias flood: ${count} × ${label}`,
        run: () => post(`${operation} { ${aliases} }`, {}, f.admin),
        // Past the alias limit; 16 pages of 100 also cost too much, 16 logins are 15 too many.
        expect: refused("GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "QUERY_TOO_COSTLY", "ONCE_PER_REQUEST"),
        write: operation === "mutation",
      });
    }
  }
  // The same field repeated without aliases merges into one, but is still parsed: tokens.
  for (const count of [1001, 5000, 50_000]) {
    cases.push({
      name: `field flood: "id" × ${count} inside me`,
      run: () => post(`{ me { ${"id ".repeat(count)} } }`, {}, f.admin),
      expect: refused("GRAPHQL_PARSE_FAILED"),
    });
    cases.push({
      name: `field flood: "__typename" × ${count} at the root`,
      run: () => post(`{ ${"__typename ".repeat(count)} }`, {}, f.admin),
      expect: refused("GRAPHQL_PARSE_FAILED"),
    });
  }
  // Every scalar of a centre, over 100 rows, many times over through fragments: cost.
  const centreFields =
    "id name address email phone website latitude longitude workstations printers scanners status statusAlert kinds";
  const spreads = Array.from({ length: 12 }, (_, i) => `c${i}: centres(first: 100) { edges { node { ...C } } }`).join(
    " ",
  );
  cases.push({
    name: "field flood: 12 pages of 100 centres with every scalar (cost)",
    run: () => post(`{ ${spreads} } fragment C on Centre { ${centreFields} }`, {}, f.admin),
    expect: refused("QUERY_TOO_COSTLY"),
  });
  const nestedLists = `{ centres(first: 100) { edges { node { hostOrganisation { centres(first: 100) { edges { node { hostOrganisation { centres(first: 100) { edges { node { id } } } } } } } } } } } }`;
  cases.push({
    name: "field flood: 100 × 100 × 100 nested pages (cost)",
    run: () => post(nestedLists, {}, f.admin),
    expect: refused("QUERY_TOO_COSTLY", "QUERY_TOO_DEEP"),
  });
  return cases;
}

function directiveCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  const directives: Record<string, string> = {
    "@include(if: true)": "@include(if: true)",
    "@skip(if: false)": "@skip(if: false)",
    "@deprecated (not allowed here)": "@deprecated",
    "@unknown": "@unknown",
    "@include with a variable": "@include(if: $yes)",
  };
  for (const [label, directive] of Object.entries(directives)) {
    for (const count of [21, 100, 1000]) {
      const query = `query Q($yes: Boolean = true) { me ${`${directive} `.repeat(count)} { id } }`;
      cases.push({
        name: `directive spam: ${count} × ${label}`,
        run: () => post(query, {}, f.admin),
        expect: refused("GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"),
      });
    }
  }
  // Spread over many fields, each under the per-field count but over the per-operation one.
  const spread = Array.from({ length: 12 }, (_, i) => `a${i}: me @include(if: true) @skip(if: false) { id }`).join(" ");
  cases.push({
    name: "directive spam: 24 directives over 12 aliases",
    run: () => post(`{ ${spread} }`, {}, f.admin),
    expect: refused("GRAPHQL_VALIDATION_FAILED"),
  });
  const onMutation = `mutation { login(input: { email: "admin@dostup.local", password: "dostup" }) ${"@include(if: true) ".repeat(50)} { __typename } }`;
  cases.push({
    name: "directive spam: 50 directives on a mutation",
    run: () => post(onMutation, {}, f.admin),
    expect: refused("GRAPHQL_VALIDATION_FAILED"),
    write: true,
  });
  return cases;
}

const CONNECTIONS = [
  "regions",
  "centres",
  "municipalities",
  "organisations",
  "people",
  "reports",
  "services",
  "feedback",
  "lifeSituations",
  "qualityMeasurements",
];

function pageSizeCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  const atMost100 = (field: string) => (reply: Reply) => {
    if (reply.body?.errors) return null; // refused: checked by the other branch
    const edges = (reply.body?.data?.[field] as { edges?: unknown[] } | undefined)?.edges;
    return edges && edges.length <= 100 ? null : `expected at most 100 rows, got ${edges?.length}`;
  };
  for (const field of CONNECTIONS) {
    for (const [label, value] of Object.entries({
      "-1": -1,
      "-100": -100,
      "-2147483648": -2_147_483_648,
      "101": 101,
      "2147483647": 2_147_483_647,
    })) {
      for (const arg of ["first", "last"]) {
        if (arg === "last" && !["-1", "2147483647"].includes(label)) continue;
        cases.push({
          name: `page size: ${field}(${arg}: ${label}) as a variable`,
          run: () =>
            post(`query P($n: Int) { ${field}(${arg}: $n) { totalCount edges { cursor } } }`, { n: value }, f.admin),
          expect: either(refused("BAD_USER_INPUT"), atMost100(field)),
        });
      }
    }
    // Out of Int's range: refused before anything runs, as a literal and as a variable.
    cases.push({
      name: `page size: ${field}(first: 2147483648) as a literal`,
      run: () => post(`{ ${field}(first: 2147483648) { totalCount edges { cursor } } }`, {}, f.admin),
      expect: either(refused("GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"), atMost100(field)),
    });
    cases.push({
      name: `page size: ${field}(first: -5) as a literal`,
      run: () => post(`{ ${field}(first: -5) { totalCount } }`, {}, f.admin),
      expect: refused("BAD_USER_INPUT"),
    });
  }
  for (const [label, value] of Object.entries({
    "1e10": 1e10,
    "2.5": 2.5,
    '"10"': "10",
    true: true,
    "[10]": [10],
  })) {
    cases.push({
      name: `page size: centres(first: ${label}) as a variable`,
      run: () => post("query P($n: Int) { centres(first: $n) { totalCount } }", { n: value }, f.admin),
      expect: refused("BAD_USER_INPUT"),
    });
  }
  cases.push({
    name: "page size: centres(first: 1e999) raw JSON (Infinity)",
    run: () =>
      postRaw(`{"query":"query P($n: Int) { centres(first: $n) { totalCount } }","variables":{"n":1e999}}`, f.admin),
    expect: refused("BAD_USER_INPUT"),
  });
  cases.push({
    name: "page size: centres(first: 0)",
    run: () => post("{ centres(first: 0) { totalCount edges { cursor } } }", {}, f.admin),
    expect: either(refused("BAD_USER_INPUT"), (reply) => {
      const edges = (reply.body?.data?.centres as { edges?: unknown[] } | undefined)?.edges;
      return edges?.length === 0 ? null : `first: 0 gave ${edges?.length} rows`;
    }),
  });
  cases.push({
    name: "page size: centres(first: 10, last: 10)",
    run: () => post("{ centres(first: 10, last: 10) { totalCount edges { cursor } } }", {}, f.admin),
    expect: either(refused("BAD_USER_INPUT"), atMost100("centres")),
  });
  for (const cursor of ["", "x", "Y3Vyc29yOi0x", "%%%", "\u0000", "a".repeat(10_000)]) {
    cases.push({
      name: `page size: centres(after: ${JSON.stringify(cursor.slice(0, 12))}${cursor.length > 12 ? "…" : ""})`,
      run: () => post("query P($c: String) { centres(first: 5, after: $c) { totalCount } }", { c: cursor }, f.admin),
      expect: either(refused("BAD_USER_INPUT"), empty("centres")),
    });
  }
  cases.push({
    name: "page size: centresNear(first: 100000)",
    run: () =>
      post(
        `{ centresNear(serviceId: "U2VydmljZTow", latitude: 55, longitude: 37, radiusKm: 10, first: 100000) { id } }`,
        {},
        f.admin,
      ),
    expect: either(refused("BAD_USER_INPUT"), empty("centresNear")),
  });
  return cases;
}

export function limitCases(f: Fixtures): Record<string, Case[]> {
  return {
    "deep and cyclic queries": deepCases(f),
    "alias and field floods": floodCases(f),
    "directive spam": directiveCases(f),
    "token and size bombs": bombCases(f),
    "batched operations": batchCases(f),
    "huge and negative page sizes": pageSizeCases(f),
  };
}
