// Spreadsheets: templates, importing values (all rows or none, every bad row listed), exports
// that import back unchanged, lists as CSV, and the consolidated regional report in S3.
// Every report changed here is created here, on 2045 periods no other file uses.
import { createHash, randomUUID } from "node:crypto";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { parse as parseCsv } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { bucket, s3 } from "../../api/lib/s3.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";

type Headers = Record<string, string>;

interface Problem {
  line: number;
  column: string | null;
  code: string;
  reason: string;
}

interface Batch {
  id: string;
  status: string;
  rowCount: number;
  errors: Problem[];
  finishedAt: string | null;
  file: { id: string } | null;
  report: { id: string } | null;
}

interface Result<T> {
  __typename: string;
  data?: T;
  message?: string;
  issues?: { field: string; message: string }[];
  currentVersion?: number | null;
}

interface SheetFile {
  fileName: string;
  contentType: string;
  base64: string;
}

interface StoredFileData {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  status: string;
  purpose: string;
  report: { id: string } | null;
}

const BATCH = "id status rowCount errors { line column code reason } finishedAt file { id } report { id }";
const STORED_FILE = "id name contentType size sha256 status purpose report { id }";
const HEADER = "period_start,indicator_code,indicator_name,unit,total,rural";

async function mutate<T>(name: string, inputType: string, input: object, headers: Headers, fields: string) {
  const success = `Mutation${name.charAt(0).toUpperCase()}${name.slice(1)}Success`;
  const response = await gql<{ result: Result<T> }>(
    `mutation M($input: ${inputType}!) { result: ${name}(input: $input) { __typename
      ... on ${success} { data { ${fields} } }
      ... on Error { message }
      ... on ValidationError { issues { field message } }
      ... on ConflictError { currentVersion } } }`,
    { input },
    headers,
  );
  return { result: response.data?.result, errors: response.errors };
}

async function ok<T>(name: string, inputType: string, input: object, headers: Headers, fields: string): Promise<T> {
  const { result, errors } = await mutate<T>(name, inputType, input, headers, fields);
  expect(errors).toBeUndefined();
  expect(result?.__typename, JSON.stringify(result)).toMatch(/Success$/);
  return result?.data as T;
}

function importInput(report: { id: string; version: number }, content: Buffer | string, format = "CSV") {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { reportId: report.id, version: report.version, content: bytes.toString("base64"), format };
}

async function importValues(
  report: { id: string; version: number },
  content: Buffer | string,
  headers: Headers,
  format = "CSV",
) {
  return mutate<Batch>(
    "importReportValues",
    "ImportReportValuesInput",
    importInput(report, content, format),
    headers,
    BATCH,
  );
}

/** A report's values by indicator code, straight from the database. */
async function valuesOf(reportId: string): Promise<Record<string, { total: number; rural: number | null }>> {
  const rows = await prisma.reportValue.findMany({
    where: { reportId: fromGlobalId("Report", reportId) },
    include: { indicator: { select: { code: true } } },
  });
  return Object.fromEntries(rows.map((row) => [row.indicator.code, { total: row.total, rural: row.rural }]));
}

async function versionOf(reportId: string): Promise<number> {
  return (await prisma.report.findUniqueOrThrow({ where: { id: fromGlobalId("Report", reportId) } })).version;
}

function csvRows(bytes: Buffer): string[][] {
  return parseCsv(bytes, { bom: true, relax_column_count: true });
}

/** Windows-1251 bytes of ASCII and Russian text, as Russian Excel saves «CSV (разделители — точка с запятой)». */
function cp1251(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (char) => {
      const code = char.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (char === "ё") return 0xb8;
      if (char === "Ё") return 0xa8;
      throw new Error(`No Windows-1251 byte for ${char}`);
    }),
  );
}

/** A zip whose only entry claims `size` unpacked bytes: what a zip bomb looks like from outside. */
function zipDeclaring(size: number): Buffer {
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(20, 4);
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt32LE(size, 24);
  entry.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length, 16);
  return Buffer.concat([local, name, entry, name, end]);
}

describe("spreadsheets", () => {
  let admin: Headers;
  let curator: Headers;
  let operator: Headers;
  let auditor: Headers;
  let monthly: string;
  let indicatorCodes: string[];
  let ownCentre: string;
  let otherCentre: string;
  let thirdCentre: string;
  let udmurtia: { id: string; dbId: string };
  let pskov: string;

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    curator = await asUser("curator@dostup.local");
    operator = await asUser("operator@dostup.local");
    auditor = await asUser("auditor@dostup.local");
    useIdentity(admin);
    const form = await prisma.reportForm.findFirstOrThrow({
      where: { code: "COD_MONTHLY" },
      orderBy: { revision: "desc" },
      include: { indicators: { orderBy: { position: "asc" } } },
    });
    monthly = toGlobalId("ReportForm", form.id);
    indicatorCodes = form.indicators.map((indicator) => indicator.code);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
    if (!user.centreId) throw new Error("The demo operator has no centre.");
    ownCentre = toGlobalId("Centre", user.centreId);
    const region = await prisma.region.findUniqueOrThrow({ where: { code: "18" } });
    udmurtia = { id: toGlobalId("Region", region.id), dbId: region.id };
    const others = await prisma.centre.findMany({
      where: { regionId: region.id, id: { not: user.centreId }, archivedAt: null },
      orderBy: { id: "asc" },
      take: 3,
    });
    const [other, third] = others.map((centre) => toGlobalId("Centre", centre.id));
    if (!other || !third) throw new Error("The demo data has too few Udmurtia centres.");
    otherCentre = other;
    thirdCentre = third;
    pskov = toGlobalId("Region", (await prisma.region.findUniqueOrThrow({ where: { code: "60" } })).id);
  });

  async function draft(periodStart: string, centreId = ownCentre, headers = operator) {
    return ok<{ id: string; version: number }>(
      "createReport",
      "CreateReportInput",
      { formId: monthly, centreId, periodStart },
      headers,
      "id version",
    );
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

  describe("import", () => {
    it("applies a valid CSV: the values, a version bump, the ChangeLog and a SUCCEEDED batch", async () => {
      const report = await draft("2045-01-01");
      const csv = `${HEADER}\r\n2045-01-01,USERS,Пользователи,чел.,120,30\r\n\r\n2045-01-01,REQ_GOV_INFO,,,40,\r\n2045-01-01,REQ_E_APPEALS,,,,\r\n`;
      const { result } = await importValues(report, csv, operator);
      expect(result?.__typename).toBe("MutationImportReportValuesSuccess");
      expect(result?.data).toMatchObject({
        status: "SUCCEEDED",
        rowCount: 3,
        errors: [],
        file: null,
        report: { id: report.id },
      });
      expect(result?.data?.finishedAt).not.toBeNull();
      // An empty total leaves the indicator as it was (here: without a value).
      expect(await valuesOf(report.id)).toEqual({
        USERS: { total: 120, rural: 30 },
        REQ_GOV_INFO: { total: 40, rural: null },
      });
      expect(await versionOf(report.id)).toBe(2);
      const batchId = fromGlobalId("ImportBatch", result?.data?.id ?? "");
      const logs = await prisma.changeLog.findMany({
        where: { entityId: { in: [fromGlobalId("Report", report.id), batchId] }, action: { not: "CREATE" } },
      });
      expect(logs).toHaveLength(1);
      expect(logs[0]?.changes).toMatchObject({
        "values.USERS": { from: null, to: { total: 120, rural: 30 } },
        _note: { importBatchId: batchId },
      });
      expect(await prisma.changeLog.count({ where: { entity: "ImportBatch", entityId: batchId } })).toBe(1);

      // The report lists its imports.
      const listed = await gql<{ node: { imports: { id: string; status: string }[] } }>(
        `query R($id: ID!) { node(id: $id) { ... on Report { imports { id status } } } }`,
        { id: report.id },
        operator,
      );
      expect(listed.data?.node.imports).toEqual([{ id: result?.data?.id, status: "SUCCEEDED" }]);
    });

    it("applies a valid XLSX, with numbers as numbers and the period as a date cell", async () => {
      const report = await draft("2045-02-01");
      const bytes = await writeXlsxFile([
        ["period_start", "indicator_code", "total", "rural"],
        [{ value: new Date(Date.UTC(2045, 1, 1)), format: "yyyy-mm-dd" }, "USERS", 75, 5],
        ["2045-02-01", "REQ_SERVICE_INFO", 12, null],
      ]).toBuffer();
      const { result } = await importValues(report, bytes, operator, "XLSX");
      expect(result?.data).toMatchObject({ status: "SUCCEEDED", rowCount: 2, errors: [] });
      expect(await valuesOf(report.id)).toEqual({
        USERS: { total: 75, rural: 5 },
        REQ_SERVICE_INFO: { total: 12, rural: null },
      });
    });

    it("refuses a file with bad rows as a whole: a FAILED batch names each line, column and reason, nothing changes", async () => {
      // An indicator that only another form has.
      await ok(
        "createReportForm",
        "CreateReportFormInput",
        {
          code: "SHEETS_TEST",
          name: "Spreadsheet test form",
          periodicity: "MONTHLY",
          dueDays: 10,
          indicators: [{ code: "SHEETS_ONLY", name: "Only in the test form", unit: "ед." }],
        },
        admin,
        "id",
      );
      const report = await draft("2045-03-01");
      const filled = await ok<{ version: number }>(
        "setReportValues",
        "SetReportValuesInput",
        { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 100, rural: 10 }] },
        operator,
        "version",
      );
      const before = await valuesOf(report.id);
      const csv = [
        HEADER,
        "2045-03-01,NO_SUCH_CODE,,,1,",
        "2045-03-01,REQ_E_APPEALS,,,abc,",
        "2045-03-01,REQ_GOV_INFO,,,-5,",
        "2045-03-01,USERS,,,10,20",
        "2045-04-01,REQ_SERVICE_INFO,,,3,",
        "2045-03-01,REQ_FORMS_PRINTING,,,5,1",
        "2045-03-01,SHEETS_ONLY,,,2,",
        "2045-03-01,USERS,,,11,",
        "2045-03-01,REQ_E_RESULT,,,7.5,",
        "2045-03-01,REQ_STATUS_TRACKING,,,9,",
      ].join("\r\n");
      const { result } = await importValues({ id: report.id, version: filled.version }, csv, operator);
      expect(result?.__typename).toBe("MutationImportReportValuesSuccess");
      const batch = result?.data as Batch;
      expect(batch.status).toBe("FAILED");
      expect(batch.rowCount).toBe(10);
      expect(batch.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
        { line: 2, column: "indicator_code", code: "UNKNOWN_INDICATOR" },
        { line: 3, column: "total", code: "NOT_WHOLE_NUMBER" },
        { line: 4, column: "total", code: "NEGATIVE" },
        { line: 5, column: "rural", code: "RURAL_EXCEEDS_TOTAL" },
        { line: 6, column: "period_start", code: "WRONG_PERIOD" },
        { line: 7, column: "rural", code: "RURAL_NOT_SPLIT" },
        { line: 8, column: "indicator_code", code: "OTHER_FORM_INDICATOR" },
        { line: 9, column: "indicator_code", code: "DUPLICATE_INDICATOR" },
        { line: 10, column: "total", code: "NOT_WHOLE_NUMBER" },
      ]);
      // Reasons a person can act on.
      expect(batch.errors[0]?.reason).toContain("NO_SUCH_CODE");
      expect(batch.errors[1]?.reason).toContain('"abc" is not a number');
      expect(batch.errors[3]?.reason).toContain("cannot exceed the total (10)");
      expect(batch.errors[4]?.reason).toContain("2045-04-01");
      expect(batch.errors[4]?.reason).toContain("2045-03-01");
      expect(batch.errors[7]?.reason).toContain("line 5");
      // Nothing applied, not even the valid last row; the report's version is untouched.
      expect(await valuesOf(report.id)).toEqual(before);
      expect(await versionOf(report.id)).toBe(filled.version);
      const stored = await prisma.importBatch.findUniqueOrThrow({
        where: { id: fromGlobalId("ImportBatch", batch.id) },
      });
      expect(stored).toMatchObject({ status: "FAILED", rowCount: 10, reportId: fromGlobalId("Report", report.id) });
      expect(stored.errors).toHaveLength(9);

      // The curator of the region reads the batch; a partner app does not.
      const asCurator = await gql<{ node: Batch | null }>(
        `query B($id: ID!) { node(id: $id) { ... on ImportBatch { ${BATCH} } } }`,
        { id: batch.id },
        curator,
      );
      expect(asCurator.data?.node?.errors).toHaveLength(9);
      const asAuditor = await gql<{ node: Batch | null }>(
        `query B($id: ID!) { node(id: $id) { ... on ImportBatch { id status } } }`,
        { id: batch.id },
        auditor,
      );
      expect(asAuditor.data?.node?.status).toBe("FAILED");
    });

    it("reports a missing column on the header line and applies nothing", async () => {
      const report = await draft("2045-04-01");
      const { result } = await importValues(
        report,
        "period_start,indicator_code,total\r\n2045-04-01,USERS,5\r\n",
        operator,
      );
      expect(result?.data).toMatchObject({
        status: "FAILED",
        errors: [{ line: 1, column: "rural", code: "MISSING_COLUMN" }],
      });
      const unreadable = await importValues(report, Buffer.from("not a spreadsheet"), operator, "XLSX");
      expect(unreadable.result?.data).toMatchObject({
        status: "FAILED",
        errors: [{ line: 1, column: null, code: "UNREADABLE_FILE" }],
      });
      // An XLSX that would unpack to gigabytes is refused before anything is unpacked.
      const bomb = await importValues(report, zipDeclaring(4_000_000_000), operator, "XLSX");
      expect(bomb.result?.data?.errors[0]).toMatchObject({ code: "UNREADABLE_FILE" });
      expect(bomb.result?.data?.errors[0]?.reason).toMatch(/unpacks to more than 64 MB/);
      expect(await valuesOf(report.id)).toEqual({});
      expect(await versionOf(report.id)).toBe(1);
    });

    it("accepts a ;-separated CSV with BOM and Russian headers, and the same in Windows-1251", async () => {
      const report = await draft("2045-05-01");
      const russian =
        "Начало периода;Код показателя;Показатель;Ед. изм.;Всего;В т.ч. в сельской местности\r\n" +
        '01.05.2045;USERS;"Пользователи; все";чел.;"1 234";234\r\n' +
        "2045-05-01;REQ_GOV_INFO;Информация;ед.;56;\r\n";
      const utf8 = await importValues(report, `\uFEFF${russian}`, operator);
      expect(utf8.result?.data).toMatchObject({ status: "SUCCEEDED", rowCount: 2 });
      expect(await valuesOf(report.id)).toEqual({
        USERS: { total: 1234, rural: 234 },
        REQ_GOV_INFO: { total: 56, rural: null },
      });
      const windows = await importValues(
        { id: report.id, version: 2 },
        cp1251(russian.replace("1 234", "1 300").replace(";56;", ";60;")),
        operator,
      );
      expect(windows.result?.data).toMatchObject({ status: "SUCCEEDED", rowCount: 2 });
      expect(await valuesOf(report.id)).toEqual({
        USERS: { total: 1300, rural: 234 },
        REQ_GOV_INFO: { total: 60, rural: null },
      });
    });

    it("imports an uploaded file of the report, but not one still pending", async () => {
      const report = await draft("2045-06-01");
      const bytes = Buffer.from(`${HEADER}\r\n2045-06-01,USERS,,,42,2\r\n`, "utf8");
      const reportId = fromGlobalId("Report", report.id);
      const stored = async (status: "AVAILABLE" | "PENDING") => {
        const key = `files/test-spreadsheets/${randomUUID()}.csv`;
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: "text/csv" }));
        return prisma.storedFile.create({
          data: {
            bucket,
            key,
            name: "values.csv",
            contentType: "text/csv",
            size: BigInt(bytes.length),
            sha256: createHash("sha256").update(bytes).digest("hex"),
            status,
            purpose: "REPORT",
            reportId,
            regionId: udmurtia.dbId,
          },
        });
      };
      const pending = await stored("PENDING");
      const refused = await mutate<Batch>(
        "importReportValues",
        "ImportReportValuesInput",
        { reportId: report.id, version: 1, fileId: toGlobalId("StoredFile", pending.id), format: "CSV" },
        operator,
        BATCH,
      );
      expect(refused.result?.__typename).toBe("ValidationError");
      expect(refused.result?.issues?.[0]?.field).toBe("input.fileId");

      const available = await stored("AVAILABLE");
      const fileId = toGlobalId("StoredFile", available.id);
      const imported = await ok<Batch>(
        "importReportValues",
        "ImportReportValuesInput",
        { reportId: report.id, version: 1, fileId, format: "CSV" },
        operator,
        BATCH,
      );
      expect(imported).toMatchObject({ status: "SUCCEEDED", file: { id: fileId } });
      expect(await valuesOf(report.id)).toEqual({ USERS: { total: 42, rural: 2 } });

      // Not both sources at once.
      const both = await mutate<Batch>(
        "importReportValues",
        "ImportReportValuesInput",
        { ...importInput({ id: report.id, version: 2 }, bytes), fileId },
        operator,
        BATCH,
      );
      expect(both.result?.issues?.[0]?.field).toBe("input.fileId");
    });

    it("is refused for an approved report, a stale version, an auditor and another centre's operator, recording nothing", async () => {
      const batches = await prisma.importBatch.count();
      const approved = await prisma.report.findFirstOrThrow({
        where: { regionId: udmurtia.dbId, scope: "REGION", status: "APPROVED" },
      });
      const approvedId = toGlobalId("Report", approved.id);
      const csv = `${HEADER}\r\n${approved.periodStart.toISOString().slice(0, 10)},USERS,,,1,\r\n`;
      const intoApproved = await importValues({ id: approvedId, version: approved.version }, csv, curator);
      expect(intoApproved.result?.__typename).toBe("ValidationError");
      expect(intoApproved.result?.issues?.[0]?.field).toBe("status");
      expect(intoApproved.result?.message).toContain("APPROVED");

      const report = await draft("2045-07-01");
      const valid = `${HEADER}\r\n2045-07-01,USERS,,,1,\r\n`;
      const stale = await importValues({ id: report.id, version: 7 }, valid, operator);
      expect(stale.result).toMatchObject({ __typename: "ConflictError", currentVersion: 1 });

      const byAuditor = await importValues(report, valid, auditor);
      expect(byAuditor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

      const foreign = await draft("2045-07-01", otherCentre, curator);
      const byOtherOperator = await importValues(foreign, valid, operator);
      expect(byOtherOperator.result?.__typename).toBe("NotFoundError");

      const tooBig = await importValues(report, Buffer.alloc(2 * 1024 * 1024 + 10, 0x41), operator);
      expect(tooBig.result?.issues?.[0]?.field).toBe("input.content");

      expect(await prisma.importBatch.count()).toBe(batches);
      expect(await valuesOf(report.id)).toEqual({});
      expect(await valuesOf(foreign.id)).toEqual({});
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
      await ok("setReportValues", "SetReportValuesInput", { id: source.id, version: 1, values }, operator, "id");
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
      expect(imported.result?.data).toMatchObject({ status: "SUCCEEDED", errors: [] });
      expect(await valuesOf(copy.id)).toEqual(expected);
      // Byte for byte: the copy exports to the same file.
      expect((await exportReport(copy.id, "CSV", curator)).equals(csv)).toBe(true);

      // The same through XLSX.
      const xlsx = await exportReport(source.id, "XLSX");
      const viaXlsx = await draft("2045-08-01", thirdCentre, curator);
      const importedXlsx = await importValues(viaXlsx, xlsx, curator, "XLSX");
      expect(importedXlsx.result?.data).toMatchObject({ status: "SUCCEEDED", errors: [] });
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

  describe("the consolidated regional report", () => {
    async function generate(input: object, headers: Headers) {
      return mutate<StoredFileData>(
        "generateRegionalReport",
        "GenerateRegionalReportInput",
        input,
        headers,
        STORED_FILE,
      );
    }

    async function objectOf(fileId: string) {
      const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: fromGlobalId("StoredFile", fileId) } });
      const object = await s3.send(new GetObjectCommand({ Bucket: row.bucket, Key: row.key }));
      const bytes = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
      return { row, bytes };
    }

    function figures(rows: unknown[][]) {
      const find = (label: string) =>
        rows
          .find((row) => row[0] === label)
          ?.slice(1, 5)
          .map(Number);
      return {
        header: rows.find((row) => row[0] === "Показатель")?.slice(1, 5),
        users: find("Количество пользователей, обратившихся за услугой"),
        rural: find("в т.ч. в сельских библиотеках"),
        categories: rows
          .slice(rows.findIndex((row) => row[0] === "Услуга") + 1)
          .filter((row) => typeof row[0] === "string" && row[1] !== null && row[1] !== "" && row[1] !== undefined)
          .map((row) => Number(row[1])),
      };
    }

    const UDMURTIA = {
      header: ["2015 г.", "2016 г.", "2017 г.", "2018 г."],
      users: [10748, 13868, 19426, 18240],
      rural: [4486, 4379, 4049, 4137],
      categories: [5823, 1461, 15559, 4464, 7735, 2505],
    };

    it("builds the Udmurtia 2015–2018 tables as XLSX, stores them in S3 and files them with the 2018 annual report", async () => {
      const input = { regionId: udmurtia.id, fromYear: 2015, toYear: 2018, format: "XLSX" };
      const file = await ok<StoredFileData>(
        "generateRegionalReport",
        "GenerateRegionalReportInput",
        input,
        admin,
        STORED_FILE,
      );
      expect(file).toMatchObject({
        status: "AVAILABLE",
        purpose: "EXPORT",
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      expect(file.name).toMatch(/Удмуртская.*2015–2018\.xlsx$/);
      const annual = await prisma.report.findFirstOrThrow({
        where: {
          regionId: udmurtia.dbId,
          scope: "REGION",
          periodStart: new Date("2018-01-01"),
          form: { code: "COD_ANNUAL" },
        },
      });
      expect(file.report?.id).toBe(toGlobalId("Report", annual.id));

      const { row, bytes } = await objectOf(file.id);
      expect(row.key).toMatch(/^files\/exports\/[0-9a-f-]{36}\.xlsx$/);
      expect(row.regionId).toBe(udmurtia.dbId);
      expect(Number(row.size)).toBe(bytes.length);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.sha256);
      expect(file.sha256).toBe(row.sha256);

      const rows = await readSheet(bytes);
      expect(String(rows[0]?.[0])).toMatch(
        /^Деятельность центров общественного доступа.*Удмуртская Республика, 2015–2018$/,
      );
      expect(figures(rows)).toEqual(UDMURTIA);
      expect(
        await prisma.changeLog.count({ where: { entity: "StoredFile", entityId: row.id, action: "CREATE" } }),
      ).toBe(1);

      // Auditors read it like any other file of the region's report.
      const asAuditor = await gql<{ node: { name: string; report: { id: string } } | null }>(
        `query F($id: ID!) { node(id: $id) { ... on StoredFile { name report { id } } } }`,
        { id: file.id },
        auditor,
      );
      expect(asAuditor.data?.node).toEqual({ name: file.name, report: { id: toGlobalId("Report", annual.id) } });
      const listed = await gql<{ node: { files: { id: string }[] } }>(
        `query R($id: ID!) { node(id: $id) { ... on Report { files { id } } } }`,
        { id: toGlobalId("Report", annual.id) },
        auditor,
      );
      expect(listed.data?.node.files.map((f) => f.id)).toContain(file.id);
    });

    it("builds the same tables as CSV, for a curator of the region", async () => {
      const input = { regionId: udmurtia.id, fromYear: 2015, toYear: 2018, format: "CSV" };
      const file = await ok<StoredFileData>(
        "generateRegionalReport",
        "GenerateRegionalReportInput",
        input,
        curator,
        STORED_FILE,
      );
      expect(file.contentType).toBe("text/csv; charset=utf-8");
      const { row, bytes } = await objectOf(file.id);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.sha256);
      expect(figures(csvRows(bytes))).toEqual(UDMURTIA);
    });

    it("is refused to operators and auditors, and a curator gets no other region's report", async () => {
      const files = await prisma.storedFile.count();
      const input = { regionId: udmurtia.id, fromYear: 2015, toYear: 2018, format: "XLSX" };
      for (const headers of [operator, auditor]) {
        const { errors } = await generate(input, headers);
        expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      const pskovReport = await generate({ ...input, regionId: pskov }, curator);
      expect(pskovReport.result?.__typename).toBe("NotFoundError");
      const backwards = await generate({ ...input, fromYear: 2019 }, admin);
      expect(backwards.result?.issues).toEqual([
        { field: "input.toYear", message: "toYear cannot be before fromYear." },
      ]);
      expect(await prisma.storedFile.count()).toBe(files);
    });
  });
});
