// The bad-input suite's machinery: requests through the real Yoga instance (any method,
// content type and body), a cheap fingerprint of the whole database, and one way to run
// a batch of generated cases and say exactly which of them misbehaved.
import { prisma } from "../../../api/lib/db.js";
import { isMessageCode } from "../../../api/messages/index.js";
import { yoga } from "../../../api/yoga.js";

export type Headers = Record<string, string>;

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: (string | number)[];
}

export interface Reply {
  status: number;
  /** The parsed JSON body, or null when the body is not JSON. */
  body: { data?: Record<string, unknown> | null; errors?: GraphQLErrorBody[] } | null;
  text: string;
}

/** Set while runCases asks a case again in Russian (checkRussian). */
let acceptLanguage: string | null = null;

export async function send(init: {
  method?: string;
  path?: string;
  headers?: Headers;
  body?: string | URLSearchParams | FormData;
}): Promise<Reply> {
  const response = await yoga.fetch(`http://localhost${init.path ?? "/graphql"}`, {
    method: init.method ?? "POST",
    headers: acceptLanguage ? { "accept-language": acceptLanguage, ...init.headers } : init.headers,
    body: init.body,
  });
  const text = await response.text();
  let body: Reply["body"] = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body, text };
}

/** An ordinary JSON POST, as every client of the API sends it. */
export function post(query: string, variables: Record<string, unknown> = {}, headers: Headers = {}): Promise<Reply> {
  return send({
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

/** A JSON POST whose body is given verbatim (NaN-like numbers such as 1e999, arrays of operations…). */
export function postRaw(body: string, headers: Headers = {}): Promise<Reply> {
  return send({ headers: { "content-type": "application/json", ...headers }, body });
}

// ── Fingerprint ──

let tables: string[] | null = null;
const statements = new Map<string, string>();

/**
 * Columns a request writes as bookkeeping rather than as a change of data: a partner key's
 * usage (its rate-limit window and lastUsedAt), counted for every request it authenticates.
 * The fingerprints leave them out, so a counted request that changed nothing else passes.
 */
const BOOKKEEPING: Record<string, readonly string[]> = {
  ApiClient: ["lastUsedAt", "rateWindowStartedAt", "rateWindowCount"],
};

/** A row as text, bookkeeping columns left out. */
function rowText(table: string): string {
  const skip = BOOKKEEPING[table];
  return skip ? `(to_jsonb(x) - ARRAY[${skip.map((column) => `'${column}'`).join(", ")}])::text` : "x::text";
}

/** A table as its row count and one order-independent hash of its rows. */
function rowsHash(table: string): string {
  return `count(*)::text || ':' || md5(coalesce(string_agg(md5(${rowText(table)}), '' ORDER BY md5(${rowText(table)})), ''))`;
}

async function fingerprintWith(kind: "rows" | "versions", perTable: (table: string) => string) {
  if (!tables) {
    tables = (
      await prisma.$queryRawUnsafe<{ name: string }[]>(
        `SELECT table_name::text AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    ).map((row) => row.name);
  }
  let sql = statements.get(kind);
  if (!sql) {
    sql = tables.map((name) => `SELECT '${name}' AS t, ${perTable(name)} AS f FROM "${name}" x`).join(" UNION ALL ");
    statements.set(kind, sql);
  }
  const rows = await prisma.$queryRawUnsafe<{ t: string; f: string }[]>(sql);
  return Object.fromEntries(rows.map((row) => [row.t, row.f]));
}

/**
 * Per table: its row count and an order-independent hash of every row. The demo data is a
 * few thousand rows, so this takes tens of milliseconds; it runs around every class of cases.
 */
export function fingerprint(): Promise<Record<string, string>> {
  return fingerprintWith("rows", rowsHash);
}

/**
 * Per table: its row count and the newest row version's transaction id (xmin). Any insert,
 * update or delete that commits changes one of the two (a delete the count, the others the
 * newest xmin); a rolled-back write changes neither. Cheap enough to run around every mutation case.
 */
export function quickFingerprint(): Promise<Record<string, string>> {
  return fingerprintWith("versions", (table) =>
    // Bookkeeping writes move xmin too: such (small) tables are hashed without those columns.
    BOOKKEEPING[table] ? rowsHash(table) : `count(*)::text || ':' || coalesce(max(x.xmin::text::bigint), 0)::text`,
  );
}

/** Tables whose fingerprint differs, as "Table (count before → after)". */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} (${before[table]?.split(":")[0]} → ${after[table]?.split(":")[0]} rows)`);
}

// ── Expectations ──

/** What a case must answer; returns the problem in words, or null when the reply is right. */
export type Expectation = (reply: Reply) => string | null;

const codesOf = (reply: Reply) => (reply.body?.errors ?? []).map((error) => error.extensions?.code ?? "(no code)");

/** Never acceptable, whatever the case expects: a 5xx, a masked error, an error without a code. */
function unexpected(reply: Reply): string | null {
  if (reply.status >= 500) return `HTTP ${reply.status}: ${reply.text.slice(0, 300)}`;
  const codes = codesOf(reply);
  if (codes.includes("INTERNAL_SERVER_ERROR")) return `masked internal error: ${reply.text.slice(0, 300)}`;
  if (codes.includes("(no code)")) return `an error without a code: ${reply.text.slice(0, 300)}`;
  return null;
}

/** Refused as a whole with one of these GraphQL error codes (and no data for any field). */
export function refused(...codes: string[]): Expectation {
  return (reply) => {
    const got = codesOf(reply);
    if (got.length === 0) return `expected ${codes.join("/")}, got ${reply.status} ${reply.text.slice(0, 300)}`;
    const other = got.filter((code) => !codes.includes(code));
    if (other.length > 0) return `expected ${codes.join("/")}, got ${other.join(", ")}: ${reply.text.slice(0, 300)}`;
    const data = reply.body?.data;
    if (data && Object.values(data).some((value) => value !== null))
      return `refused, yet data came back: ${JSON.stringify(data).slice(0, 300)}`;
    return null;
  };
}

/** Refused at the HTTP level with one of these statuses. */
export function httpStatus(...statuses: number[]): Expectation {
  return (reply) =>
    statuses.includes(reply.status)
      ? null
      : `expected HTTP ${statuses.join("/")}, got ${reply.status} ${reply.text.slice(0, 200)}`;
}

/** Answered without errors, `field` being one of these union members. */
export function union(field: string, ...typenames: string[]): Expectation {
  return (reply) => {
    if (reply.body?.errors) return `expected ${typenames.join("/")}, got errors ${JSON.stringify(reply.body.errors)}`;
    const got = (reply.body?.data?.[field] as { __typename?: string } | null | undefined)?.__typename;
    return got && typenames.includes(got)
      ? null
      : `expected ${typenames.join("/")}, got ${JSON.stringify(reply.body?.data?.[field]).slice(0, 300)}`;
  };
}

/** Answered without errors and with nothing: null, [], or a connection of totalCount 0. */
export function empty(field: string): Expectation {
  return (reply) => {
    if (reply.body?.errors) return `expected an empty answer, got errors ${JSON.stringify(reply.body.errors)}`;
    const value = reply.body?.data?.[field] as unknown;
    if (value === null) return null;
    if (Array.isArray(value) && value.length === 0) return null;
    const connection = value as { totalCount?: number; edges?: unknown[] } | undefined;
    if (connection && connection.totalCount === 0 && (connection.edges ?? []).length === 0) return null;
    return `expected an empty answer, got ${JSON.stringify(value).slice(0, 300)}`;
  };
}

/** Answered without errors, `field` holding what `check` accepts (by default: anything but null). */
export function answered(field: string, check: (value: unknown) => boolean = (v) => v != null): Expectation {
  return (reply) => {
    if (reply.body?.errors) return `expected an answer, got errors ${JSON.stringify(reply.body.errors).slice(0, 300)}`;
    const value = reply.body?.data?.[field];
    return check(value) ? null : `unexpected answer ${JSON.stringify(value).slice(0, 300)}`;
  };
}

/** Either of two expectations. */
export function either(a: Expectation, b: Expectation): Expectation {
  return (reply) => {
    const first = a(reply);
    if (first === null) return null;
    const second = b(reply);
    return second === null ? null : `${first}; or ${second}`;
  };
}

// ── Cases ──

const REFUSED_INPUT = ["ValidationError", "NotFoundError"];
/** A mutation's bad value: refused before it runs, or answered with its typed error. */
export const rejected = (field: string): Expectation =>
  either(refused("BAD_USER_INPUT"), union(field, ...REFUSED_INPUT));

export function mutation(name: string, inputType: string) {
  return (input: Record<string, unknown>, headers: Headers) =>
    post(
      `mutation M($input: ${inputType}!) { ${name}(input: $input) { __typename ... on Error { code message } ... on ValidationError { issues { field message code } } } }`,
      { input },
      headers,
    );
}

export interface Case {
  name: string;
  run: () => Promise<Reply>;
  expect: Expectation;
  /** Mutation cases compare a fingerprint around each case; every class is compared as a whole. */
  write?: boolean;
  check?: (reply: Reply) => Promise<string | null>;
}

export const tally: Record<string, number> = {};

// ── Messages: coded, and in Russian when asked ──

interface CodedText {
  code: unknown;
  message: unknown;
  where: string;
}

/** The coded messages of a reply: GraphQL errors with a message code, their field issues, typed errors in the data. */
function codedTexts(reply: Reply): CodedText[] {
  const found: CodedText[] = [];
  for (const error of reply.body?.errors ?? []) {
    const extensions = error.extensions ?? {};
    if (extensions.messageCode !== undefined)
      found.push({ code: extensions.messageCode, message: error.message, where: "error" });
    if (Array.isArray(extensions.issues))
      for (const issue of extensions.issues as { code?: unknown; message?: unknown; field?: unknown }[])
        found.push({ code: issue.code, message: issue.message, where: `issue ${String(issue.field)}` });
  }
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${where}.${i}`);
      return;
    }
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if ("code" in record && "message" in record) found.push({ code: record.code, message: record.message, where });
    for (const [key, child] of Object.entries(record)) if (key !== "code") walk(child, `${where}.${key}`);
  };
  walk(reply.body?.data, "data");
  return found;
}

const CYRILLIC = /[А-Яа-яЁё]/;
/** Every how many coded replies is asked again in Russian: enough to cover each kind, cheap enough to run. */
const RUSSIAN_SAMPLE = 3;
let codedReplies = 0;
/** How many coded replies the suite checked, and how many of them it asked again in Russian. */
export const messageTally = { coded: 0, russian: 0 };

/** Problems of a reply's messages: a code the catalogue lacks; asked again in Russian (a sample), no Cyrillic. */
async function messageProblems(item: Case, reply: Reply): Promise<string | null> {
  const coded = codedTexts(reply);
  const unknown = coded.filter((text) => !isMessageCode(text.code));
  if (unknown.length > 0) return `codes not in the catalogue: ${JSON.stringify(unknown).slice(0, 300)}`;
  if (coded.length === 0) return null;
  messageTally.coded += 1;
  if (codedReplies++ % RUSSIAN_SAMPLE !== 0) return null;
  messageTally.russian += 1;
  acceptLanguage = "ru";
  let russian: Reply;
  try {
    russian = await item.run();
  } finally {
    acceptLanguage = null;
  }
  const english = codedTexts(russian).filter(
    (text) => typeof text.message !== "string" || !CYRILLIC.test(text.message),
  );
  return english.length > 0 ? `asked in Russian, answered ${JSON.stringify(english).slice(0, 300)}` : null;
}

/** Runs a class of cases; returns every problem found, each naming its case. */
export async function runCases(className: string, cases: Case[]): Promise<string[]> {
  const problems: string[] = [];
  const start = await fingerprint();
  let before: Record<string, string> | null = null;
  for (const item of cases) {
    if (item.write && !before) before = await quickFingerprint();
    let reply: Reply;
    try {
      reply = await item.run();
    } catch (error) {
      problems.push(`${item.name}: threw ${String(error)}`);
      continue;
    }
    const problem =
      unexpected(reply) ??
      item.expect(reply) ??
      (item.check ? await item.check(reply) : null) ??
      (await messageProblems(item, reply));
    if (problem) problems.push(`${item.name}: ${problem}`);
    if (item.write && before) {
      const after = await quickFingerprint();
      const changed = changedTables(before, after);
      if (changed.length > 0) problems.push(`${item.name}: changed ${changed.join(", ")}`);
      before = after;
    } else {
      before = null; // a read ran since: take a fresh one before the next write
    }
  }
  const end = await fingerprint();
  const changed = changedTables(start, end);
  if (changed.length > 0) problems.push(`${className} as a whole changed ${changed.join(", ")}`);
  tally[className] = (tally[className] ?? 0) + cases.length;
  return problems;
}
