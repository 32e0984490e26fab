// A mutation answers from the row it wrote when the client asks only for that row's columns,
// and reads the row again (once) when it asks for a relation: lib/selection.ts `answer`, which
// every create/update of the API goes through, most of them by shared.ts `rowMutation` (its
// generic read-back is the last cases'). Either way the answer is what is now stored.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
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
