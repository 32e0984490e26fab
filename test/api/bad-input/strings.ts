// Megabyte strings (issue 11) in every class of string argument: search terms, names, free
// texts, ids, emails, web addresses, codes, passwords and cursors; as GraphQL literals and as
// variables; at the top of an input, nested in input objects and in lists; sent by every role,
// a partner key and nobody. Each is refused before anything runs with BAD_USER_INPUT naming
// the argument and its maximum, changes nothing, and leaves the server answering others.
import type { Fixtures } from "./fixtures.js";
import { answered, type Case, type Expectation, type Headers, post, type Reply, refused } from "./harness.js";

const MIB = 1024 * 1024;
/** 1 MiB of ASCII, 3 MiB of ASCII, and 1 Mi Cyrillic letters (2 MiB of UTF-8). */
const SIZES: Record<string, string> = {
  "1 MiB": "x".repeat(MIB),
  "3 MiB": "x".repeat(3 * MIB),
  "1 Mi Cyrillic letters (2 MiB)": "ж".repeat(MIB),
};
const ONE_MIB = SIZES["1 MiB"] as string;

/** The documented maxima (README, "Limits"), in characters. */
const MAX = {
  id: 128,
  cursor: 200,
  search: 200,
  code: 64,
  email: 254,
  password: 1024,
  name: 1000,
  url: 2048,
  text: 10_000,
  other: 100,
} as const;

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

/** An enum value in a literal (a bare name), and the same name in the variables. */
class Enum {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** A JavaScript value as a GraphQL literal. */
function literal(value: unknown): string {
  if (value instanceof Enum) return value.name;
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(", ")} }`;
  return String(value);
}

interface Target {
  /** What the string is, and where it goes: `name: updateCentre(input.name) as the curator`. */
  label: string;
  headers: Headers;
  field: string;
  /** The argument's type and value, given the big string. */
  argument: string;
  type: string;
  value: (big: string) => unknown;
  /** The path the refusal must name, and its maximum. */
  path: string;
  maxLength: number;
  mutation: boolean;
  selection?: string;
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

/** Mutation inputs and query arguments of every other class, flat and nested, by the roles that send them. */
function inputTargets(f: Fixtures): Target[] {
  const input = (
    label: string,
    headers: Headers,
    field: string,
    type: string,
    value: (big: string) => Record<string, unknown>,
    path: string,
    maxLength: number,
  ): Target => ({
    label: `${label}: ${field}(${path})`,
    headers,
    field,
    argument: "input",
    type: `${type}!`,
    value,
    path,
    maxLength,
    // fileDownloadUrl is a query that writes the access log: the class's fingerprint covers it.
    mutation: field !== "fileDownloadUrl",
  });
  const centre = f.curatorCentre;
  const person = f.curatorPerson;
  const report = f.draftReport;
  return [
    // Names and titles
    input(
      "name as the curator",
      f.curator,
      "updateCentre",
      "UpdateCentreInput",
      (big) => ({ id: centre.id, version: centre.version, name: big }),
      "input.name",
      MAX.name,
    ),
    input(
      "name as the administrator",
      f.admin,
      "createRegion",
      "CreateRegionInput",
      (big) => ({ code: "95", name: big }),
      "input.name",
      MAX.name,
    ),
    input(
      "name as the curator",
      f.curator,
      "updatePerson",
      "UpdatePersonInput",
      (big) => ({ id: person.id, version: person.version, lastName: big }),
      "input.lastName",
      MAX.name,
    ),
    input(
      "file name as the operator",
      f.operator,
      "requestFileUpload",
      "RequestFileUploadInput",
      (big) => ({
        purpose: new Enum("REPORT"),
        reportId: report.id,
        fileName: big,
        contentType: "application/pdf",
        size: 10,
        sha256: "a".repeat(64),
      }),
      "input.fileName",
      MAX.name,
    ),
    // Free texts
    input(
      "text as the curator",
      f.curator,
      "submitFeedback",
      "SubmitFeedbackInput",
      (big) => ({ categoryId: f.feedbackCategoryId, subjectType: new Enum("CENTRE"), centreId: centre.id, text: big }),
      "input.text",
      MAX.text,
    ),
    input(
      "text as the curator",
      f.curator,
      "updateCentre",
      "UpdateCentreInput",
      (big) => ({ id: centre.id, version: centre.version, equipmentNote: big }),
      "input.equipmentNote",
      MAX.text,
    ),
    input(
      "text as the curator",
      f.curator,
      "returnReport",
      "ReturnReportInput",
      (big) => ({ id: report.id, version: report.version, reason: big }),
      "input.reason",
      MAX.text,
    ),
    input(
      "text as the administrator",
      f.admin,
      "createKpi",
      "CreateKpiInput",
      (big) => ({
        code: "BIG",
        name: "Большой",
        formula: "x",
        unit: "%",
        source: new Enum("MANUAL"),
        targetValue: 1,
        targetYear: 2030,
        description: big,
      }),
      "input.description",
      MAX.text,
    ),
    input(
      "purpose as the auditor",
      f.auditor,
      "fileDownloadUrl",
      "FileDownloadUrlInput",
      (big) => ({ fileId: report.id, purpose: big }),
      "input.purpose",
      MAX.name,
    ),
    // Emails, passwords
    input(
      "email as nobody",
      {},
      "login",
      "LoginInput",
      (big) => ({ email: big, password: "dostup" }),
      "input.email",
      MAX.email,
    ),
    input(
      "password as nobody",
      {},
      "login",
      "LoginInput",
      (big) => ({ email: "admin@dostup.local", password: big }),
      "input.password",
      MAX.password,
    ),
    input(
      "email as the administrator",
      f.admin,
      "createUser",
      "CreateUserInput",
      (big) => ({ email: big, password: "0123456789ab", fullName: "Большой Адрес", role: new Enum("AUDITOR") }),
      "input.email",
      MAX.email,
    ),
    input(
      "email as the curator",
      f.curator,
      "updatePerson",
      "UpdatePersonInput",
      (big) => ({ id: person.id, version: person.version, email: big }),
      "input.email",
      MAX.email,
    ),
    // Web addresses
    input(
      "URL as the curator",
      f.curator,
      "updateCentre",
      "UpdateCentreInput",
      (big) => ({ id: centre.id, version: centre.version, website: `https://${big}` }),
      "input.website",
      MAX.url,
    ),
    input(
      "URL as the administrator",
      f.admin,
      "createService",
      "CreateServiceInput",
      (big) => ({ name: "Услуга", level: new Enum("FEDERAL"), portalUrl: `https://${big}` }),
      "input.portalUrl",
      MAX.url,
    ),
    // Codes
    input(
      "code as the administrator",
      f.admin,
      "createRegion",
      "CreateRegionInput",
      (big) => ({ code: big, name: "Регион" }),
      "input.code",
      MAX.code,
    ),
    input(
      "code as the operator",
      f.operator,
      "requestFileUpload",
      "RequestFileUploadInput",
      (big) => ({
        purpose: new Enum("REPORT"),
        reportId: report.id,
        fileName: "a.pdf",
        contentType: "application/pdf",
        size: 10,
        sha256: big,
      }),
      "input.sha256",
      MAX.code,
    ),
    // Ids
    input(
      "id as the curator",
      f.curator,
      "updateCentre",
      "UpdateCentreInput",
      (big) => ({ id: big, version: 1, name: "Центр" }),
      "input.id",
      MAX.id,
    ),
    input(
      "id as the operator",
      f.operator,
      "submitReport",
      "VersionedInput",
      (big) => ({ id: big, version: 1 }),
      "input.id",
      MAX.id,
    ),
    {
      label: "id as a partner key: node(id)",
      headers: f.partner,
      field: "node",
      argument: "id",
      type: "ID!",
      value: (big) => big,
      path: "id",
      maxLength: MAX.id,
      mutation: false,
    },
    {
      label: "id as the auditor: node(id)",
      headers: f.auditor,
      field: "node",
      argument: "id",
      type: "ID!",
      value: (big) => big,
      path: "id",
      maxLength: MAX.id,
      mutation: false,
    },
    {
      label: "id as the administrator: changes(recordId)",
      headers: f.admin,
      field: "changes",
      argument: "recordId",
      type: "ID!",
      value: (big) => big,
      path: "recordId",
      maxLength: MAX.id,
      mutation: false,
      selection: "totalCount",
    },
    // Cursors
    {
      label: "cursor as a partner key: centres(after)",
      headers: f.partner,
      field: "centres",
      argument: "after",
      type: "String",
      value: (big) => big,
      path: "after",
      maxLength: MAX.cursor,
      mutation: false,
      selection: "totalCount",
    },
    // Nested in lists and in objects inside lists
    input(
      "document names in a list as the administrator",
      f.admin,
      "createService",
      "CreateServiceInput",
      (big) => ({ name: "Услуга", level: new Enum("FEDERAL"), requiredDocuments: ["Паспорт", "СНИЛС", big] }),
      "input.requiredDocuments[2]",
      MAX.name,
    ),
    input(
      "ids in a list as the administrator",
      f.admin,
      "createUser",
      "CreateUserInput",
      (big) => ({
        email: "big-ids@dostup.local",
        password: "0123456789ab",
        fullName: "Куратор",
        role: new Enum("CURATOR"),
        regionIds: [f.curatorRegionIds[0] ?? "", big],
      }),
      "input.regionIds[1]",
      MAX.id,
    ),
    input(
      "codes in a list of objects as the operator",
      f.operator,
      "setReportValues",
      "SetReportValuesInput",
      (big) => ({
        id: report.id,
        version: report.version,
        values: [
          { indicatorCode: report.codes[0] ?? "USERS", total: 1 },
          { indicatorCode: big, total: 2 },
        ],
      }),
      "input.values[1].indicatorCode",
      MAX.code,
    ),
    input(
      "times in a list of objects as the curator",
      f.curator,
      "setCentreOpeningHours",
      "SetCentreOpeningHoursInput",
      (big) => ({ id: centre.id, version: centre.version, hours: [{ weekday: 1, opens: big, closes: "18:00" }] }),
      "input.hours[0].opens",
      MAX.code,
    ),
    input(
      "names in a list of objects as the administrator",
      f.admin,
      "createReportForm",
      "CreateReportFormInput",
      (big) => ({
        code: "BIG",
        name: "Форма",
        periodicity: new Enum("ANNUAL"),
        dueDays: 10,
        indicators: [
          { code: "A", name: "А", unit: "чел." },
          { code: "B", name: big, unit: "чел." },
        ],
      }),
      "input.indicators[1].name",
      MAX.name,
    ),
    // Dates and enum values given a megabyte
    input(
      "a date as the operator",
      f.operator,
      "createReport",
      "CreateReportInput",
      (big) => ({ formId: report.formId, centreId: toCentreId(f), periodStart: big }),
      "input.periodStart",
      MAX.other,
    ),
    {
      label: "an enum value as a partner key: centres(filter.status)",
      headers: f.partner,
      field: "centres",
      argument: "filter",
      type: "CentreFilter",
      value: (big) => ({ status: new Enum(big.replace(/[^A-Za-z]/g, "X")) }),
      path: "filter.status",
      maxLength: MAX.other,
      mutation: false,
      selection: "totalCount",
    },
  ];
}

function toCentreId(f: Fixtures): string {
  return Buffer.from(`Centre:${f.operatorCentre.id}`).toString("base64");
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
