// The consolidated regional report: the Udmurtia 2015–2018 tables as XLSX and CSV, stored in
// S3 and filed with the region's annual report, for administrators and the region's curators.
import { createHash } from "node:crypto";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { readSheet } from "read-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { s3 } from "../../api/lib/s3.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import {
  admin,
  auditor,
  csvRows,
  curator,
  operator,
  pskov,
  setUpSpreadsheets,
  udmurtia,
} from "../helpers/spreadsheets.js";

type Headers = Record<string, string>;

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

const STORED_FILE = "id name contentType size sha256 status purpose report { id }";

describe("spreadsheets", () => {
  beforeAll(setUpSpreadsheets);

  describe("the consolidated regional report", () => {
    async function generate(input: object, headers: Headers) {
      return mutate<StoredFileData>("generateRegionalReport", STORED_FILE, input, { headers });
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
      const file = await ok<StoredFileData>("generateRegionalReport", STORED_FILE, input, { headers: admin });
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
      const file = await ok<StoredFileData>("generateRegionalReport", STORED_FILE, input, { headers: curator });
      expect(file.contentType).toBe("text/csv; charset=utf-8");
      const { row, bytes } = await objectOf(file.id);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.sha256);
      expect(figures(csvRows(bytes))).toEqual(UDMURTIA);
    });

    it("is refused to operators and auditors, and a curator gets no other region's report", async () => {
      const files = await prisma.storedFile.count();
      const input = { regionId: udmurtia.id, fromYear: 2015, toYear: 2018, format: "XLSX" };
      for (const headers of [operator, auditor]) {
        const { response } = await generate(input, headers);
        expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      const pskovReport = await generate({ ...input, regionId: pskov }, curator);
      expect(pskovReport.outcome?.__typename).toBe("NotFoundError");
      const backwards = await generate({ ...input, fromYear: 2019 }, admin);
      expect(backwards.outcome?.issues).toEqual([
        { field: "input.toYear", message: "toYear cannot be before fromYear." },
      ]);
      expect(await prisma.storedFile.count()).toBe(files);
    });
  });
});
