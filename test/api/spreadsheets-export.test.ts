// Spreadsheets out: the form's template, a report's values that import back unchanged, and
// lists as CSV within the caller's scope. Every report changed here is created here, on 2045
// periods no other file uses.
import { readSheet } from "read-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId } from "../../api/lib/ids.js";
import { gql, ok } from "../helpers/graphql.js";
import {
  csvRows,
  curator,
  draft,
  HEADER,
  importValues,
  indicatorCodes,
  monthly,
  operator,
  otherCentre,
  ownCentre,
  pskov,
  setUpSpreadsheets,
  thirdCentre,
  udmurtia,
  valuesOf,
} from "../helpers/spreadsheets.js";

type Headers = Record<string, string>;

interface SheetFile {
  fileName: string;
  contentType: string;
  base64: string;
}

async function template(format: string, periodStart?: string): Promise<SheetFile> {
  const response = await gql<{ reportTemplate: SheetFile }>(
    `query T($input: ReportTemplateInput!) { reportTemplate(input: $input) { fileName contentType base64 } }`,
    { input: { formId: monthly, format, periodStart } },
    operator,
  );
  expect(response.errors).toBeUndefined();
  return response.data?.reportTemplate as SheetFile;
}

async function exportReport(reportId: string, format: string, headers: Headers = operator): Promise<Buffer> {
  const response = await gql<{ reportExport: SheetFile }>(
    `query E($input: ReportExportInput!) { reportExport(input: $input) { fileName contentType base64 } }`,
    { input: { reportId, format } },
    headers,
  );
  expect(response.errors).toBeUndefined();
  return Buffer.from(response.data?.reportExport.base64 ?? "", "base64");
}

describe("spreadsheets", () => {
  beforeAll(setUpSpreadsheets);

  describe("templates", () => {
    it("hands out the form's template as CSV: BOM, the template's header, one row per indicator", async () => {
      const file = await template("CSV", "2045-01-01");
      expect(file.contentType).toBe("text/csv; charset=utf-8");
      expect(file.fileName).toMatch(/^COD_MONTHLY-r\d+-2045-01-01-template\.csv$/);
      const bytes = Buffer.from(file.base64, "base64");
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString("utf8")).toContain(`${HEADER}\r\n`);
      const [header, ...rows] = csvRows(bytes);
      expect(header?.join(",")).toBe(HEADER);
      expect(rows.map((row) => row[1])).toEqual(indicatorCodes);
      expect(rows[0]).toEqual([
        "2045-01-01",
        "USERS",
        "Количество пользователей, обратившихся за услугой",
        "чел.",
        "",
        "",
      ]);
      expect(rows.every((row) => row[0] === "2045-01-01" && row[4] === "" && row[5] === "")).toBe(true);
    });

    it("hands out the same template as XLSX", async () => {
      const file = await template("XLSX");
      expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(file.fileName).toMatch(/-template\.xlsx$/);
      const [header, ...rows] = await readSheet(Buffer.from(file.base64, "base64"));
      expect(header?.join(",")).toBe(HEADER);
      expect(rows.map((row) => row[1])).toEqual(indicatorCodes);
      // Without a period the column is left for the reporter.
      expect(rows.every((row) => row[0] === null && row[4] === null)).toBe(true);
    });

    it("is for staff: a partner app gets no template", async () => {
      const response = await gql(
        `query { reportTemplate(input: { formId: "${monthly}", format: CSV }) { fileName } }`,
        {},
        { authorization: "" },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
  });

  describe("export", () => {
    it("exports a report in the template; importing the export into a report of the same period gives the same values", async () => {
      const source = await draft("2045-08-01");
      const values = [
        { indicatorCode: "USERS", total: 321, rural: 123 },
        { indicatorCode: "REQ_GOV_INFO", total: 5823 },
        { indicatorCode: "REQ_E_APPEALS", total: 0 },
        { indicatorCode: "EVENT_PARTICIPANTS", total: 500 },
      ];
      await ok("setReportValues", "id", { id: source.id, version: 1, values }, { headers: operator });
      const expected = await valuesOf(source.id);

      const csv = await exportReport(source.id, "CSV");
      const rows = csvRows(csv);
      expect(rows[0]?.join(",")).toBe(HEADER);
      expect(rows.find((row) => row[1] === "USERS")).toEqual([
        "2045-08-01",
        "USERS",
        "Количество пользователей, обратившихся за услугой",
        "чел.",
        "321",
        "123",
      ]);

      // The curator imports it into another centre's report of the same month.
      const copy = await draft("2045-08-01", otherCentre, curator);
      const imported = await importValues(copy, csv, curator);
      expect(imported.outcome?.data).toMatchObject({ status: "SUCCEEDED", errors: [] });
      expect(await valuesOf(copy.id)).toEqual(expected);
      // Byte for byte: the copy exports to the same file.
      expect((await exportReport(copy.id, "CSV", curator)).equals(csv)).toBe(true);

      // The same through XLSX.
      const xlsx = await exportReport(source.id, "XLSX");
      const viaXlsx = await draft("2045-08-01", thirdCentre, curator);
      const importedXlsx = await importValues(viaXlsx, xlsx, curator, "XLSX");
      expect(importedXlsx.outcome?.data).toMatchObject({ status: "SUCCEEDED", errors: [] });
      expect(await valuesOf(viaXlsx.id)).toEqual(expected);
    });

    it("exports only reports the caller may read", async () => {
      const foreign = await draft("2045-09-01", otherCentre, curator);
      const response = await gql(
        `query E($input: ReportExportInput!) { reportExport(input: $input) { base64 } }`,
        { input: { reportId: foreign.id, format: "CSV" } },
        operator,
      );
      expect(response.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(response.data).toBeNull();
    });
  });

  describe("lists as CSV", () => {
    it("exports the centres the list gives, within the caller's scope", async () => {
      const filter = { regionId: udmurtia.id };
      const response = await gql<{ centresCsv: string; centres: { totalCount: number } }>(
        `query C($filter: CentreFilter) { centresCsv(filter: $filter) centres(filter: $filter) { totalCount } }`,
        { filter },
        curator,
      );
      expect(response.errors).toBeUndefined();
      const [header, ...rows] = csvRows(Buffer.from(response.data?.centresCsv ?? "", "utf8"));
      expect(header?.slice(0, 6)).toEqual(["id", "name", "status", "kinds", "region_code", "region"]);
      expect(rows).toHaveLength(response.data?.centres.totalCount ?? -1);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(["18"]));
      // Ids are the API's own, so a row leads back to its centre.
      expect(fromGlobalId("Centre", rows[0]?.[0] ?? "")).toMatch(/^[0-9a-f-]{36}$/);

      // Another region's centres are outside the curator's scope: an empty list, not an error.
      const outside = await gql<{ centresCsv: string }>(
        `query C($filter: CentreFilter) { centresCsv(filter: $filter) }`,
        { filter: { regionId: pskov } },
        curator,
      );
      expect(csvRows(Buffer.from(outside.data?.centresCsv ?? "", "utf8"))).toHaveLength(1);
    });

    it("exports the reports the list gives: an operator gets their own centre's only", async () => {
      const response = await gql<{ reportsCsv: string; reports: { totalCount: number } }>(
        `query { reportsCsv reports { totalCount } }`,
        {},
        operator,
      );
      expect(response.errors).toBeUndefined();
      const [header, ...rows] = csvRows(Buffer.from(response.data?.reportsCsv ?? "", "utf8"));
      expect(header).toContain("period_start");
      expect(rows).toHaveLength(response.data?.reports.totalCount ?? -1);
      const centre = await prisma.centre.findUniqueOrThrow({ where: { id: fromGlobalId("Centre", ownCentre) } });
      const centreColumn = header?.indexOf("centre") ?? -1;
      expect(new Set(rows.map((row) => row[centreColumn]))).toEqual(new Set([centre.name]));
    });
  });
});
