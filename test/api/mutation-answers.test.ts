// A mutation answers from the row it wrote when the client asks only for that row's columns,
// and reads the row again (once) when it asks for a relation: lib/selection.ts `answer`, which
// shared.ts `rowMutation` calls, the one place that does. The cases below check that answer on
// rows of several models (the read-back goes through each model's own Prisma delegate); the last
// test holds every mutation that answers with a row to rowMutation, so none reloads its own way.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { getNamedType, isObjectType, isUnionType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { schema } from "../../api/schema.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";

beforeAll(async () => {
  useIdentity(await asUser("admin@dostup.local"));
  await gql("{ me { id } }"); // the identity is read once per token, then cached
});

interface Case {
  mutation: string;
  input: string;
  typename: string;
  /** A row to change: its id and version. */
  row: () => Promise<{ id: string; version: number }>;
  change: (n: number) => Record<string, unknown>;
  columns: string;
  relation: string;
}

const cases: Case[] = [
  {
    mutation: "updateOrganisation",
    input: "UpdateOrganisationInput",
    typename: "Organisation",
    row: () => prisma.organisation.findFirstOrThrow({ orderBy: { id: "asc" } }),
    change: (n) => ({ shortName: `Проверка ответа ${n}` }),
    columns: "id version shortName",
    relation: "region { name }",
  },
  {
    mutation: "updateCentre",
    input: "UpdateCentreInput",
    typename: "Centre",
    row: () => prisma.centre.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { id: "asc" } }),
    change: (n) => ({ workstations: n }),
    columns: "id version workstations",
    relation: "municipality { name }",
  },
  {
    mutation: "updatePerson",
    input: "UpdatePersonInput",
    typename: "Person",
    row: () => prisma.person.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { id: "asc" } }),
    change: (n) => ({ position: `Куратор ${n}` }),
    columns: "id version position",
    relation: "region { name }",
  },
  {
    mutation: "updateQualityMeasurement",
    input: "UpdateQualityMeasurementInput",
    typename: "QualityMeasurement",
    row: () => prisma.qualityMeasurement.findFirstOrThrow({ orderBy: { id: "asc" } }),
    change: (n) => ({ source: `Проверка ответа ${n}` }),
    columns: "id version source",
    relation: "region { name }",
  },
];

describe("a mutation's answer", () => {
  for (const c of cases) {
    it(`${c.mutation}: no read-back for columns, one for a relation, and the stored version either way`, async () => {
      const send = async (selection: string, n: number) => {
        const row = await c.row();
        const variables = { input: { id: toGlobalId(c.typename, row.id), version: row.version, ...c.change(n) } };
        const query = `mutation($input: ${c.input}!) { ${c.mutation}(input: $input) {
          __typename ... on Mutation${c.mutation[0]?.toUpperCase()}${c.mutation.slice(1)}Success { data { ${selection} } } } }`;
        const { result, statements } = await recordSql(() =>
          gql<Record<string, { data?: { version: number } }>>(query, variables),
        );
        expect(result.errors).toBeUndefined();
        const answered = result.data?.[c.mutation]?.data;
        expect(answered?.version).toBe((await c.row()).version);
        return { answered, statements: statements.length };
      };
      const columns = await send(c.columns, 7);
      const withRelation = await send(`${c.columns} ${c.relation}`, 8);
      expect(withRelation.statements).toBe(columns.statements + 1);
      expect(JSON.stringify(withRelation.answered)).toMatch(/"name":"[^"]+"/);
    });
  }
});

const apiDir = join(import.meta.dirname, "../../api");

/** The API's own source files (not the generated ones), by their path below api/. */
async function apiSources(): Promise<Map<string, string>> {
  const files = (await readdir(apiDir, { recursive: true })).filter(
    (file) => file.endsWith(".ts") && !file.startsWith("generated"),
  );
  return new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(join(apiDir, file), "utf8")] as const)),
  );
}

/** The mutations whose success answers `data` of a Prisma model: a row of the database. */
function rowAnsweringMutations(): string[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {})
    .filter((field) => {
      const result = getNamedType(field.type);
      const success = isUnionType(result) ? result.getTypes().find((type) => type.name.endsWith("Success")) : result;
      const data = isObjectType(success) ? success.getFields().data : undefined;
      return data !== undefined && getNamedType(data.type).extensions.pothosPrismaModel !== undefined;
    })
    .map((field) => field.name)
    .sort();
}

describe("who answers a mutation with a row", () => {
  it("rowMutation, for every such mutation, and nothing else calls answer()", async () => {
    const sources = await apiSources();
    const fields = schema.getMutationType()?.getFields() ?? {};
    const declared = Object.keys(fields).filter((name) => fields[name]?.extensions.rowMutation === true);
    const rowMutations = rowAnsweringMutations();
    expect(rowMutations.length).toBeGreaterThan(cases.length);
    expect(rowMutations.filter((name) => !declared.includes(name))).toEqual([]);

    const callers = [...sources]
      .filter(([, text]) => /import\s*\{[^}]*\banswer\b[^}]*\}\s*from\s*"[^"]*selection\.js"/.test(text))
      .map(([file]) => file);
    expect(callers).toEqual(["shared.ts"]);
  });
});
