// Importing a filled-in template into a report: all rows or none, every bad row listed with its
// line, column and reason, CSV in the dialects Russian spreadsheet programs write, XLSX, and
// uploaded files. Every report changed here is created here, on 2045 periods no other file uses.
import { createHash, randomUUID } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { bucket, s3 } from "../../api/lib/s3.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import {
  admin,
  auditor,
  BATCH,
  type Batch,
  curator,
  draft,
  HEADER,
  importInput,
  importValues,
  operator,
  otherCentre,
  setUpSpreadsheets,
  udmurtia,
  valuesOf,
} from "../helpers/spreadsheets.js";

async function versionOf(reportId: string): Promise<number> {
  return (await prisma.report.findUniqueOrThrow({ where: { id: fromGlobalId("Report", reportId) } })).version;
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
  beforeAll(setUpSpreadsheets);

  describe("import", () => {
    it("applies a valid CSV: the values, a version bump, the ChangeLog and a SUCCEEDED batch", async () => {
      const report = await draft("2045-01-01");
      const csv = `${HEADER}\r\n2045-01-01,USERS,Пользователи,чел.,120,30\r\n\r\n2045-01-01,REQ_GOV_INFO,,,40,\r\n2045-01-01,REQ_E_APPEALS,,,,\r\n`;
      const { outcome } = await importValues(report, csv, operator);
      expect(outcome?.__typename).toBe("MutationImportReportValuesSuccess");
      expect(outcome?.data).toMatchObject({
        status: "SUCCEEDED",
        rowCount: 3,
        errors: [],
        file: null,
        report: { id: report.id },
      });
      expect(outcome?.data?.finishedAt).not.toBeNull();
      // An empty total leaves the indicator as it was (here: without a value).
      expect(await valuesOf(report.id)).toEqual({
        USERS: { total: 120, rural: 30 },
        REQ_GOV_INFO: { total: 40, rural: null },
      });
      expect(await versionOf(report.id)).toBe(2);
      const batchId = fromGlobalId("ImportBatch", outcome?.data?.id ?? "");
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
      expect(listed.data?.node.imports).toEqual([{ id: outcome?.data?.id, status: "SUCCEEDED" }]);
    });

    it("applies a valid XLSX, with numbers as numbers and the period as a date cell", async () => {
      const report = await draft("2045-02-01");
      const bytes = await writeXlsxFile([
        ["period_start", "indicator_code", "total", "rural"],
        [{ value: new Date(Date.UTC(2045, 1, 1)), format: "yyyy-mm-dd" }, "USERS", 75, 5],
        ["2045-02-01", "REQ_SERVICE_INFO", 12, null],
      ]).toBuffer();
      const { outcome } = await importValues(report, bytes, operator, "XLSX");
      expect(outcome?.data).toMatchObject({ status: "SUCCEEDED", rowCount: 2, errors: [] });
      expect(await valuesOf(report.id)).toEqual({
        USERS: { total: 75, rural: 5 },
        REQ_SERVICE_INFO: { total: 12, rural: null },
      });
    });

    it("refuses a file with bad rows as a whole: a FAILED batch names each line, column and reason, nothing changes", async () => {
      // An indicator that only another form has.
      await ok(
        "createReportForm",
        "id",
        {
          code: "SHEETS_TEST",
          name: "Spreadsheet test form",
          periodicity: "MONTHLY",
          dueDays: 10,
          indicators: [{ code: "SHEETS_ONLY", name: "Only in the test form", unit: "ед." }],
        },
        { headers: admin },
      );
      const report = await draft("2045-03-01");
      const filled = await ok<{ version: number }>(
        "setReportValues",
        "version",
        { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 100, rural: 10 }] },
        { headers: operator },
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
      const { outcome } = await importValues({ id: report.id, version: filled.version }, csv, operator);
      expect(outcome?.__typename).toBe("MutationImportReportValuesSuccess");
      const batch = outcome?.data as Batch;
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
      const { outcome } = await importValues(
        report,
        "period_start,indicator_code,total\r\n2045-04-01,USERS,5\r\n",
        operator,
      );
      expect(outcome?.data).toMatchObject({
        status: "FAILED",
        errors: [{ line: 1, column: "rural", code: "MISSING_COLUMN" }],
      });
      const unreadable = await importValues(report, Buffer.from("not a spreadsheet"), operator, "XLSX");
      expect(unreadable.outcome?.data).toMatchObject({
        status: "FAILED",
        errors: [{ line: 1, column: null, code: "UNREADABLE_FILE" }],
      });
      // An XLSX that would unpack to gigabytes is refused before anything is unpacked.
      const bomb = await importValues(report, zipDeclaring(4_000_000_000), operator, "XLSX");
      expect(bomb.outcome?.data?.errors[0]).toMatchObject({ code: "UNREADABLE_FILE" });
      expect(bomb.outcome?.data?.errors[0]?.reason).toMatch(/unpacks to more than 64 MB/);
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
      expect(utf8.outcome?.data).toMatchObject({ status: "SUCCEEDED", rowCount: 2 });
      expect(await valuesOf(report.id)).toEqual({
        USERS: { total: 1234, rural: 234 },
        REQ_GOV_INFO: { total: 56, rural: null },
      });
      const windows = await importValues(
        { id: report.id, version: 2 },
        cp1251(russian.replace("1 234", "1 300").replace(";56;", ";60;")),
        operator,
      );
      expect(windows.outcome?.data).toMatchObject({ status: "SUCCEEDED", rowCount: 2 });
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
        BATCH,
        { reportId: report.id, version: 1, fileId: toGlobalId("StoredFile", pending.id), format: "CSV" },
        { headers: operator },
      );
      expect(refused.outcome?.__typename).toBe("ValidationError");
      expect(refused.outcome?.issues?.[0]?.field).toBe("input.fileId");

      const available = await stored("AVAILABLE");
      const fileId = toGlobalId("StoredFile", available.id);
      const imported = await ok<Batch>(
        "importReportValues",
        BATCH,
        { reportId: report.id, version: 1, fileId, format: "CSV" },
        { headers: operator },
      );
      expect(imported).toMatchObject({ status: "SUCCEEDED", file: { id: fileId } });
      expect(await valuesOf(report.id)).toEqual({ USERS: { total: 42, rural: 2 } });

      // Not both sources at once.
      const both = await mutate<Batch>(
        "importReportValues",
        BATCH,
        { ...importInput({ id: report.id, version: 2 }, bytes), fileId },
        { headers: operator },
      );
      expect(both.outcome?.issues?.[0]?.field).toBe("input.fileId");
    });

    it("is refused for an approved report, a stale version, an auditor and another centre's operator, recording nothing", async () => {
      const batches = await prisma.importBatch.count();
      const approved = await prisma.report.findFirstOrThrow({
        where: { regionId: udmurtia.dbId, scope: "REGION", status: "APPROVED" },
      });
      const approvedId = toGlobalId("Report", approved.id);
      const csv = `${HEADER}\r\n${approved.periodStart.toISOString().slice(0, 10)},USERS,,,1,\r\n`;
      const intoApproved = await importValues({ id: approvedId, version: approved.version }, csv, curator);
      expect(intoApproved.outcome?.__typename).toBe("ValidationError");
      expect(intoApproved.outcome?.issues?.[0]?.field).toBe("status");
      expect(intoApproved.outcome?.message).toContain("APPROVED");

      const report = await draft("2045-07-01");
      const valid = `${HEADER}\r\n2045-07-01,USERS,,,1,\r\n`;
      const stale = await importValues({ id: report.id, version: 7 }, valid, operator);
      expect(stale.outcome).toMatchObject({ __typename: "ConflictError", currentVersion: 1 });

      const byAuditor = await importValues(report, valid, auditor);
      expect(byAuditor.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

      const foreign = await draft("2045-07-01", otherCentre, curator);
      const byOtherOperator = await importValues(foreign, valid, operator);
      expect(byOtherOperator.outcome?.__typename).toBe("NotFoundError");

      const tooBig = await importValues(report, Buffer.alloc(2 * 1024 * 1024 + 10, 0x41), operator);
      expect(tooBig.outcome?.issues?.[0]?.field).toBe("input.content");

      expect(await prisma.importBatch.count()).toBe(batches);
      expect(await valuesOf(report.id)).toEqual({});
      expect(await valuesOf(foreign.id)).toEqual({});
    });
  });
});
