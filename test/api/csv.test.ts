// The API's CSV writer: every cell with a separator (`,` or `;`), a quote or a line break is
// quoted and every cell that would start a formula is defused, so an export opens safely in
// Excel of any locale, and our own CSV reader gives the cells back.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { readCsv, writeCsv } from "../../api/modules/spreadsheets/sheet-files.js";
import { formulaCells, NUMBER_CASES, TEXT_CASES } from "../helpers/csv-cases.js";
import { asUser, gql } from "../helpers/graphql.js";

/** The line of a one-cell file as every list, template and export writes it, without BOM and line end. */
const written = (cell: string | number) =>
  writeCsv([[cell]])
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n$/, "");

describe("the CSV writer", () => {
  it.each(TEXT_CASES)("writes %j as %j", (cell, expected) => {
    expect(written(cell)).toBe(expected);
  });

  it.each(NUMBER_CASES)("writes the number %d as %j, a number still", (cell, expected) => {
    expect(written(cell)).toBe(expected);
  });

  it("writes a file no locale opens with a formula cell, with a BOM, CRLF and rows of one width", () => {
    const text = writeCsv([["name", "value"], ...TEXT_CASES.map(([cell]) => [cell]), [null, -5]]).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(formulaCells(text)).toEqual([]);
    expect(text.endsWith(",-5\r\n")).toBe(true);
  });

  it("gives every cell back through our CSV import, text defused and numbers as written", () => {
    const rows = [["name", "value"], ...TEXT_CASES.map(([cell], i) => [cell, i - 5])];
    const read = readCsv(writeCsv(rows));
    expect(read).toEqual(
      rows.map((row, i) =>
        i === 0
          ? row
          : [TEXT_CASES[i - 1]?.[1].replace(/^"|"$/g, "").replace(/""/g, '"') ?? "", String(row[1])].map((cell) =>
              cell.trim() === "" ? null : cell,
            ),
      ),
    );
  });
});

describe("exports over GraphQL", () => {
  let curator: Record<string, string>;
  let centreName: string;

  beforeAll(async () => {
    curator = await asUser("curator@dostup.local");
    const region = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
    const settlement = await prisma.settlement.findFirstOrThrow({ where: { municipality: { regionId: region.id } } });
    const host = await prisma.organisation.findFirstOrThrow({ where: { regionId: region.id } });
    centreName = `x;=1+1;y ${randomUUID().slice(0, 8)}`;
    const created = await gql<{ createCentre: { __typename: string } }>(
      `mutation C($input: CreateCentreInput!) { createCentre(input: $input) { __typename } }`,
      {
        input: {
          name: centreName,
          address: 'ул. "Ленина", 1\n=корп. 2',
          phone: "+7 (912) 000-00-00",
          email: "centre@example.org",
          latitude: -5,
          longitude: -70.25,
          kinds: ["PUBLIC_ACCESS"],
          settlementId: toGlobalId("Settlement", settlement.id),
          hostOrganisationId: toGlobalId("Organisation", host.id),
        },
      },
      curator,
    );
    expect(created.data?.createCentre.__typename).toBe("MutationCreateCentreSuccess");
  });

  it("quotes and defuses the centres CSV cell by cell, keeping negative coordinates numbers", async () => {
    const result = await gql<{ centresCsv: string }>(
      `query C($search: String!) { centresCsv(filter: { search: $search }) }`,
      { search: centreName },
      curator,
    );
    expect(result.errors).toBeUndefined();
    const text = result.data?.centresCsv ?? "";
    expect(formulaCells(text)).toEqual([]);
    const line = text.split("\r\n")[1] ?? "";
    expect(line).toContain(`,"${centreName}",`);
    expect(text).toContain(',"ул. ""Ленина"", 1\n=корп. 2",-5,-70.25,');
    expect(text).toContain(",'+7 (912) 000-00-00,centre@example.org,");
    const [header, row] = readCsv(Buffer.from(text, "utf8"));
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell("name")).toBe(centreName);
    expect(cell("address")).toBe('ул. "Ленина", 1\n=корп. 2');
    expect(cell("latitude")).toBe("-5");
  });

  it("quotes and defuses the reports CSV too (the centre's name)", async () => {
    const centre = await prisma.centre.findFirstOrThrow({ where: { name: centreName } });
    const form = await prisma.reportForm.findFirstOrThrow({ where: { periodicity: "MONTHLY" } });
    await prisma.report.create({
      data: {
        formId: form.id,
        scope: "CENTRE",
        regionId: centre.regionId,
        municipalityId: centre.municipalityId,
        centreId: centre.id,
        periodStart: new Date("2044-01-01"),
        periodEnd: new Date("2044-01-31"),
      },
    });
    const result = await gql<{ reportsCsv: string }>(
      `query R($centreId: ID!) { reportsCsv(filter: { centreId: $centreId }) }`,
      { centreId: toGlobalId("Centre", centre.id) },
      curator,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.reportsCsv).toContain(`,"${centreName}",`);
    expect(formulaCells(result.data?.reportsCsv ?? "")).toEqual([]);
  });
});
