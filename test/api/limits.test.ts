// Per-request limits of issue 11: one login per request, spreadsheet exports that weigh what
// they cost and come one at a time, every string argument's maximum (shown in the schema and
// checked before anything runs), and no cross-origin access unless configured.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { yoga } from "../../api/yoga.js";
import { asUser, type GraphQLResponse, gql } from "../helpers/graphql.js";

type Headers = Record<string, string>;
const MIB = 1024 * 1024;

let admin: Headers;
let curator: Headers;
let auditor: Headers;
let partner: Headers;

const codes = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  admin = await asUser("admin@dostup.local");
  curator = await asUser("curator@dostup.local");
  auditor = await asUser("auditor@dostup.local");
  // A key as an administrator makes it, with every scope.
  const created = await gql<{ createApiClient: { data: { key: string } } }>(
    `mutation { createApiClient(input: { name: "Лимиты (тест)", scopes: [REGISTRY_READ, STATISTICS_READ] }) { ... on MutationCreateApiClientSuccess { data { key } } } }`,
    {},
    admin,
  );
  partner = { "x-api-key": created.data?.createApiClient.data.key ?? "" };
});

describe("login", () => {
  const attempt = (alias: string, password: string) =>
    `${alias}: login(input: { email: "curator@dostup.local", password: "${password}" }) { __typename ... on LoginSuccess { data { token } } }`;

  it("is refused when a request tries 15 passwords through aliases, before any password is checked", async () => {
    const before = await prisma.user.findUniqueOrThrow({ where: { email: "curator@dostup.local" } });
    // The right password is among them: were any checked, the curator would be signed in.
    const guesses = Array.from({ length: 15 }, (_, i) => attempt(`a${i}`, i === 7 ? "dostup" : `guess-${i}`));
    const response = await gql(`mutation { ${guesses.join(" ")} }`);
    expect(codes(response)).toEqual(["ONCE_PER_REQUEST"]);
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: "login", count: 15 });
    expect(response.data).toBeUndefined();
    const after = await prisma.user.findUniqueOrThrow({ where: { email: "curator@dostup.local" } });
    expect(after.lastLoginAt).toEqual(before.lastLoginAt);
    expect(after.version).toBe(before.version);
  });

  it("is refused twice in one request, through fragments too", async () => {
    const twice = await gql(`mutation { ${attempt("a", "dostup")} ${attempt("b", "dostup")} }`);
    expect(codes(twice)).toEqual(["ONCE_PER_REQUEST"]);
    const fragments = await gql(
      `mutation { ...A ...B } fragment A on Mutation { ${attempt("a", "dostup")} } fragment B on Mutation { ${attempt("b", "x")} }`,
    );
    expect(codes(fragments)).toEqual(["ONCE_PER_REQUEST"]);
  });

  it("still signs in once per request", async () => {
    const before = await prisma.user.findUniqueOrThrow({ where: { email: "curator@dostup.local" } });
    const response = await gql<{ a: { __typename: string; data?: { token: string } } }>(
      `mutation { ${attempt("a", "dostup")} }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.a.data?.token).toMatch(/^ey/);
    const after = await prisma.user.findUniqueOrThrow({ where: { email: "curator@dostup.local" } });
    expect(after.lastLoginAt?.getTime()).toBeGreaterThan(before.lastLoginAt?.getTime() ?? 0);
  });
});

describe("spreadsheet exports", () => {
  let reportId: string;
  let formId: string;
  let udmurtiaId: string;

  beforeAll(async () => {
    const report = await prisma.report.findFirstOrThrow({
      where: { scope: "REGION", status: "APPROVED" },
      orderBy: { periodStart: "asc" },
    });
    reportId = toGlobalId("Report", report.id);
    formId = toGlobalId("ReportForm", report.formId);
    const udmurtia = await prisma.region.findFirstOrThrow({ where: { code: "18" } });
    udmurtiaId = toGlobalId("Region", udmurtia.id);
  });

  it("answers one export per request, for each export and a role that may have it", async () => {
    const single: [string, string, Headers][] = [
      ["centresCsv", "centresCsv", partner],
      ["reportsCsv", "reportsCsv", curator],
      ["fileAccessesCsv", "fileAccessesCsv", auditor],
      ["reportExport", `reportExport(input: { reportId: "${reportId}", format: CSV }) { base64 }`, auditor],
      ["reportTemplate", `reportTemplate(input: { formId: "${formId}", format: XLSX }) { base64 }`, curator],
    ];
    for (const [field, selection, headers] of single) {
      // With a little else beside it, as a client would ask.
      const response = await gql<Record<string, unknown>>(
        `{ me { id } regions(first: 5) { totalCount } ${selection} }`,
        {},
        headers,
      );
      expect(response.errors, field).toBeUndefined();
      expect(response.data?.[field], field).toBeTruthy();
    }
    // The same field twice under one response key is merged by GraphQL and runs once.
    const merged = await gql<{ centresCsv: string }>("{ centresCsv centresCsv }", {}, partner);
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.centresCsv).toContain("\n");
  });

  it("refuses two aliased exports of the same kind, and 15 as a partner key", async () => {
    const two = await gql("{ a: centresCsv b: centresCsv }", {}, partner);
    expect(codes(two)).toContain("ONCE_PER_REQUEST");
    expect(codes(two).every((code) => code === "ONCE_PER_REQUEST" || code === "QUERY_TOO_COSTLY")).toBe(true);
    expect(two.data).toBeUndefined();

    const fifteen = Array.from({ length: 15 }, (_, i) => `c${i}: centresCsv`).join(" ");
    const bulk = await gql(`{ ${fifteen} }`, {}, partner);
    expect(codes(bulk)).toContain("ONCE_PER_REQUEST");
    expect(bulk.errors?.find((e) => e.extensions?.code === "QUERY_TOO_COSTLY")?.extensions).toMatchObject({
      maxCost: 5000,
    });
    expect(bulk.data).toBeUndefined();

    const reports = await gql(
      `{ a: reportExport(input: { reportId: "${reportId}", format: XLSX }) { base64 } b: reportExport(input: { reportId: "${reportId}", format: CSV }) { base64 } }`,
      {},
      auditor,
    );
    expect(codes(reports)).toEqual(["ONCE_PER_REQUEST"]);
  });

  it("weighs exports in the cost model: two different lists, or one beside a full page, cost too much", async () => {
    const lists = await gql("{ centresCsv reportsCsv }", {}, curator);
    expect(codes(lists)).toEqual(["QUERY_TOO_COSTLY"]);
    expect(lists.errors?.[0]?.extensions).toMatchObject({ maxCost: 5000 });
    expect((lists.errors?.[0]?.extensions?.cost as number) > 5000).toBe(true);

    // A page of 100 centres is within the limit on its own, and so is the export, but not both.
    const page = "centres(first: 100) { edges { node { id name address email phone website status kinds } } }";
    expect((await gql(`{ ${page} }`, {}, curator)).errors).toBeUndefined();
    const both = await gql(`{ ${page} centresCsv }`, {}, curator);
    expect(codes(both)).toEqual(["QUERY_TOO_COSTLY"]);
    expect(both.data).toBeUndefined();
  });

  it("refuses two regional reports or two imports in one request, storing nothing", async () => {
    const files = await prisma.storedFile.count();
    const batches = await prisma.importBatch.count();
    const generate = (alias: string, format: string) =>
      `${alias}: generateRegionalReport(input: { regionId: "${udmurtiaId}", fromYear: 2015, toYear: 2018, format: ${format} }) { __typename }`;
    const regional = await gql(`mutation { ${generate("a", "XLSX")} ${generate("b", "CSV")} }`, {}, admin);
    expect(codes(regional)).toContain("ONCE_PER_REQUEST");
    const content = Buffer.from("period_start,indicator_code,indicator_name,unit,total,rural\r\n").toString("base64");
    const importing = (alias: string) =>
      `${alias}: importReportValues(input: { reportId: "${reportId}", version: 1, content: "${content}", format: CSV }) { __typename }`;
    const imports = await gql(`mutation { ${importing("a")} ${importing("b")} }`, {}, admin);
    expect(codes(imports)).toEqual(["ONCE_PER_REQUEST"]);
    expect(await prisma.storedFile.count()).toBe(files);
    expect(await prisma.importBatch.count()).toBe(batches);
  });
});

describe("string lengths", () => {
  it("shows each argument's maximum and each export's weight in the schema", async () => {
    const response = await gql<{
      filter: { inputFields: { name: string; description: string | null }[] };
      query: {
        fields: { name: string; description: string | null; args: { name: string; description: string | null }[] }[];
      };
    }>(
      `{ filter: __type(name: "CentreFilter") { inputFields { name description } }
         query: __type(name: "Query") { fields { name description args { name description } } } }`,
    );
    const field = (name: string) => response.data?.query.fields.find((f) => f.name === name);
    const input = (name: string) => response.data?.filter.inputFields.find((f) => f.name === name);
    expect(input("search")?.description).toMatch(/At most 200 characters\.$/);
    expect(input("regionId")?.description).toMatch(/At most 128 characters\.$/);
    expect(field("centres")?.args.find((a) => a.name === "after")?.description).toBe("At most 200 characters.");
    expect(field("centresCsv")?.description).toMatch(
      /Counts 3,000 of the 5,000 a request may cost\. At most once per request\.$/,
    );
    expect(field("reportExport")?.description).toMatch(/Counts 500 of the 5,000 .* At most once per request\.$/);
  });

  it("refuses a 4 MiB search at once, and a search just over its maximum, naming the argument", async () => {
    const began = performance.now();
    const huge = await gql(
      "query S($s: String) { centres(filter: { search: $s }) { totalCount } }",
      {
        s: "x".repeat(4 * MIB - 200),
      },
      partner,
    );
    const ms = Math.round(performance.now() - began);
    process.stdout.write(`a 4 MiB search on centres refused in ${ms} ms\n`);
    expect(codes(huge)).toEqual(["BAD_USER_INPUT"]);
    expect(huge.errors?.[0]?.extensions).toMatchObject({
      field: "centres",
      argument: "filter.search",
      variable: "$s",
      maxLength: 200,
      length: 4 * MIB - 200,
    });
    expect(huge.errors?.[0]?.message).toBe(
      "The argument filter.search of centres (given in $s) is 4,194,104 characters long; a search term may have at most 200.",
    );

    const justOver = await gql(`{ centres(filter: { search: "${"я".repeat(201)}" }) { totalCount } }`, {}, partner);
    expect(justOver.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", maxLength: 200, length: 201 });
    const atMost = await gql(`{ centres(filter: { search: "${"я".repeat(200)}" }) { totalCount } }`, {}, partner);
    expect(atMost.errors).toBeUndefined();
  });

  it("checks each request's variables, though a document's arguments are found once", async () => {
    const query = "query Reused($s: String) { centres(filter: { search: $s }) { totalCount } }";
    const short = await gql(query, { s: "Смоленск" }, partner);
    expect(short.errors).toBeUndefined();
    const long = await gql(query, { s: "я".repeat(201) }, partner);
    expect(long.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      variable: "$s",
      maxLength: 200,
      length: 201,
    });
    const shortAgain = await gql(query, { s: "Смоленск" }, partner);
    expect(shortAgain.errors).toBeUndefined();
  });

  it("leaves the field's own, tighter rule to answer in the mutation's result", async () => {
    // A centre's name may have 300 characters; 301 is within the name class's 1,000, so the
    // service answers with a ValidationError the form can show beside the field.
    const centre = await prisma.centre.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { id: "asc" } });
    const response = await gql<{ updateCentre: { __typename: string; issues?: { field: string }[] } }>(
      `mutation U($input: UpdateCentreInput!) { updateCentre(input: $input) { __typename ... on ValidationError { issues { field } } } }`,
      { input: { id: toGlobalId("Centre", centre.id), version: centre.version, name: "Ц".repeat(301) } },
      admin,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.updateCentre).toEqual({ __typename: "ValidationError", issues: [{ field: "input.name" }] });
  });
});

describe("cross-origin requests", () => {
  it("are configured with exact origins; anything else stops the start with a message", async () => {
    const load = async (value: string) => {
      vi.resetModules();
      process.env.CORS_ORIGINS = value;
      try {
        return (await import("../../api/config.js")).config.cors.origins;
      } finally {
        delete process.env.CORS_ORIGINS;
      }
    };
    expect(await load(" https://partner.example.org , http://localhost:5173")).toEqual([
      "https://partner.example.org",
      "http://localhost:5173",
    ]);
    expect(await load("")).toEqual([]);
    for (const bad of [
      "*",
      "https://partner.example.org/",
      "https://partner.example.org/app",
      "partner.example.org",
      "ftp://partner.example.org",
      "https://Partner.example.org",
    ])
      await expect(load(bad), bad).rejects.toThrow(/CORS_ORIGINS lists origins such as/);
  });

  it("get no CORS headers unless CORS_ORIGINS lists the origin (none in this suite)", async () => {
    const post = await yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
    expect(post.headers.get("access-control-allow-credentials")).toBeNull();
    expect(post.headers.get("vary")).toContain("Origin");
    const preflight = await yoga.fetch("http://localhost/graphql", {
      method: "OPTIONS",
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-headers")).toBeNull();
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
  });
});
