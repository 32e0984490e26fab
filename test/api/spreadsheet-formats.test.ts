// What a person reads in the spreadsheets the API writes: a report's period in words in the
// reports list, and in XLSX the period a date cell and the figures numbers (typed, not text),
// while the CSV keeps the period as the import reads it back.
import { readSheet } from "read-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { periodInWords } from "../../api/modules/spreadsheets/report-sheet.js";
import { readCsv } from "../../api/modules/spreadsheets/sheet-files.js";
import { gql, ok } from "../helpers/graphql.js";
import { curator, draft, operator, REPORT, setUpReports } from "../helpers/reports.js";

beforeAll(setUpReports);

async function exported(reportId: string, format: "CSV" | "XLSX"): Promise<Buffer> {
  const response = await gql<{ reportExport: { base64: string } }>(
    `query E($input: ReportExportInput!) { reportExport(input: $input) { base64 } }`,
    { input: { reportId, format } },
    curator,
  );
  expect(response.errors).toBeUndefined();
  return Buffer.from(response.data?.reportExport.base64 ?? "", "base64");
}

describe("spreadsheet formats", () => {
  it("writes the XLSX period as a date cell and the values as numbers; the CSV period as the import reads it", async () => {
    const report = await draft("2046-03-01");
    await ok(
      "setReportValues",
      REPORT,
      { id: report.id, version: report.version, values: [{ indicatorCode: "USERS", total: 12500, rural: 350 }] },
      { headers: operator },
    );
    const [, ...rows] = await readSheet(await exported(report.id, "XLSX"));
    const users = rows.find((row) => row[1] === "USERS");
    expect(users?.[0]).toBeInstanceOf(Date);
    expect(users?.[0] instanceof Date && users[0].toISOString().slice(0, 10)).toBe("2046-03-01");
    expect(users?.[4]).toBe(12500);
    expect(users?.[5]).toBe(350);
    const csv = (await exported(report.id, "CSV")).toString("utf8");
    expect(csv).toContain("2046-03-01,USERS,");
  });

  it("names each report's period in words in the reports list", async () => {
    const operatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
    await draft("2046-05-01");
    const response = await gql<{ reportsCsv: string }>(
      `query R($centreId: ID!) { reportsCsv(filter: { centreId: $centreId }) }`,
      { centreId: toGlobalId("Centre", operatorUser.centreId ?? "") },
      curator,
    );
    expect(response.errors).toBeUndefined();
    const [header, ...lines] = readCsv(Buffer.from(response.data?.reportsCsv ?? "", "utf8"));
    const columns = (header ?? []).map(String);
    const period = columns.indexOf("period");
    const start = columns.indexOf("period_start");
    // Appended last: tools that read the columns by position keep working.
    expect(period).toBe(columns.length - 1);
    const byStart = new Map(lines.map((cells) => [cells[start], cells[period]]));
    expect(byStart.get("2046-05-01")).toBe("май 2046");
    expect(byStart.get("2046-03-01")).toBe("март 2046");
  });

  it("says quarters and years as people do", () => {
    expect(periodInWords(new Date("2046-04-01"), "QUARTERLY")).toBe("II квартал 2046");
    expect(periodInWords(new Date("2046-01-01"), "ANNUAL")).toBe("2046 год");
    expect(periodInWords(new Date("2046-12-01"), "MONTHLY")).toBe("декабрь 2046");
  });
});
