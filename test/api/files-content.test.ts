// Content checks on upload: every kind of file accepted when its content is of the declared
// kind, refused with a reason (and deleted) when it is not, and names whose extension is not
// the type's refused at request time. Every report, person and file used here is created here
// (reports on periods 2200+, which nothing else uses).
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId } from "../../api/lib/ids.js";
import { bucket, s3 } from "../../api/lib/s3.js";
import * as fixtures from "../helpers/files.js";
import {
  confirm,
  curator,
  downloadUrl,
  exists,
  newPerson,
  newReport,
  operator,
  operatorCentre,
  requestUpload,
  row,
  setUpUploads,
  upload,
  uploadOnly,
} from "../helpers/uploads.js";

beforeAll(() => setUpUploads(2200));

describe("content checks", () => {
  const KIND_CASES = [
    { kind: "PDF", name: "Отчёт за май.pdf", body: () => fixtures.pdf("May"), verified: fixtures.TYPES.PDF },
    { kind: "XLSX", name: "Сводка.xlsx", body: fixtures.xlsx, verified: fixtures.TYPES.XLSX },
    { kind: "DOCX", name: "Записка.docx", body: () => fixtures.docx(), verified: fixtures.TYPES.DOCX },
    { kind: "ODS", name: "Сводка.ods", body: () => fixtures.ods(), verified: fixtures.TYPES.ODS },
    { kind: "ODT", name: "Записка.odt", body: () => fixtures.odt(), verified: fixtures.TYPES.ODT },
    {
      kind: "CSV",
      name: "Значения (UTF-8).csv",
      body: () => Buffer.from(`\uFEFF${fixtures.CSV_TEXT}`),
      verified: "text/csv; charset=utf-8",
    },
    {
      kind: "CSV",
      name: "Значения (Excel).csv",
      body: () => fixtures.csvWindows1251(),
      verified: "text/csv; charset=windows-1251",
    },
    { kind: "JPEG", name: "Скан.jpeg", body: () => fixtures.JPEG, verified: fixtures.TYPES.JPEG },
    { kind: "PNG", name: "Скан.png", body: () => fixtures.PNG, verified: fixtures.TYPES.PNG },
  ] as const;

  it.each(KIND_CASES)("accepts a real $kind file named $name and stores it with the verified type", async (c) => {
    const reportId = await newReport(operatorCentre);
    const body = await c.body();

    const { file } = await upload(operator, { reportId, name: c.name, type: fixtures.TYPES[c.kind], body });

    expect(file).toMatchObject({ status: "AVAILABLE", rejectCode: null, contentType: c.verified, name: c.name });
    const stored = await row(file.id);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: stored.key }));
    expect(head.ContentType).toBe(c.verified);
  });

  it("accepts JPEG and PNG photos", async () => {
    for (const [name, type, body] of [
      ["портрет.jpg", fixtures.TYPES.JPEG, fixtures.JPEG],
      ["портрет.png", fixtures.TYPES.PNG, fixtures.PNG],
    ] as const) {
      const personId = await newPerson("18", true);
      const { file } = await upload(curator, { personId, name, type, body });
      expect(file).toMatchObject({ status: "AVAILABLE", contentType: type });
    }
  });

  const MISMATCHES = [
    {
      what: "a Windows program named .pdf",
      name: "Отчёт за май.pdf",
      type: fixtures.TYPES.PDF,
      body: async () => fixtures.windowsProgram(),
      code: "CONTENT_MISMATCH",
      detected: "application/x-msdownload",
      reason:
        "The file's content is a Windows program (EXE/DLL), not a PDF file as its type and name say. Save it as PDF and upload it again.",
    },
    {
      what: "HTML declared as application/pdf",
      name: "evil.pdf",
      type: fixtures.TYPES.PDF,
      body: async () => fixtures.HTML,
      code: "CONTENT_MISMATCH",
      detected: "text/html",
      reason:
        "The file's content is HTML or XML markup, not a PDF file as its type and name say. Save it as PDF and upload it again.",
    },
    {
      what: "a PDF named .xlsx",
      name: "Сводка.xlsx",
      type: fixtures.TYPES.XLSX,
      body: async () => fixtures.pdf(),
      code: "CONTENT_MISMATCH",
      detected: "application/pdf",
      reason:
        "The file's content is a PDF file, not a XLSX file as its type and name say. Save it as XLSX and upload it again.",
    },
    {
      what: "a PNG declared image/jpeg",
      name: "Скан.jpg",
      type: fixtures.TYPES.JPEG,
      body: async () => fixtures.PNG,
      code: "CONTENT_MISMATCH",
      detected: "image/png",
      reason:
        "The file's content is a PNG image, not a JPEG image as its type and name say. Save it as JPEG and upload it again.",
    },
    {
      what: "a DOCX declared as XLSX",
      name: "Таблица.xlsx",
      type: fixtures.TYPES.XLSX,
      body: async () => fixtures.docx(),
      code: "CONTENT_MISMATCH",
      detected: fixtures.TYPES.DOCX,
      reason:
        "The file's content is a DOCX file, not a XLSX file as its type and name say. Save it as XLSX and upload it again.",
    },
    {
      what: "a CSV with binary bytes",
      name: "Значения.csv",
      type: fixtures.TYPES.CSV,
      body: async () => Buffer.concat([Buffer.from(fixtures.CSV_TEXT), Buffer.from([0x00, 0x01, 0xff, 0xfe])]),
      code: "NOT_TEXT",
      detected: null,
      reason:
        "A CSV file must be text, but this one contains binary data (control or NUL bytes): save the table as «CSV UTF-8» or «CSV (разделители — точка с запятой)» and upload it again.",
    },
  ] as const;

  it.each(MISMATCHES)("rejects $what with the reason, deletes the object and hands out no link", async (c) => {
    const reportId = await newReport(operatorCentre);
    const { file } = await uploadOnly(operator, { reportId, name: c.name, type: c.type, body: await c.body() });
    const pendingKey = (await row(file.id)).key;
    expect(await exists(pendingKey)).toBe(true);

    const confirmed = await confirm(file.id, operator);

    expect(confirmed.__typename).toBe("MutationConfirmFileUploadSuccess");
    expect(confirmed.data).toMatchObject({
      status: "REJECTED",
      rejectCode: c.code,
      detectedType: c.detected,
      rejectReason: c.reason,
      contentType: c.type,
      confirmedAt: null,
    });
    const stored = await row(file.id);
    expect(stored.key).toBe(pendingKey);
    expect(await exists(pendingKey)).toBe(false);
    expect(await exists(pendingKey.replace(/^pending\//, "files/"))).toBe(false);
    const download = await downloadUrl(file.id, "Проверка", operator);
    expect(download.data?.fileDownloadUrl.__typename).toBe("ValidationError");
    const transition = await prisma.changeLog.findFirstOrThrow({
      where: { entity: "StoredFile", entityId: stored.id, action: "TRANSITION" },
    });
    expect(transition.changes).toMatchObject({ status: { from: "PENDING", to: "REJECTED" } });
    // Asked again: the same answer, nothing more changes.
    expect((await confirm(file.id, operator)).data).toEqual(confirmed.data);
  });

  it("refuses, when the upload is requested, a name whose extension is not allowed or not the declared type's", async () => {
    const reportId = await newReport(operatorCentre);
    const personId = await newPerson("18", true);
    const filesOf = () =>
      prisma.storedFile.count({ where: { reportId: fromGlobalId("Report", reportId) } }).then(
        async (n) =>
          n +
          (await prisma.person.count({
            where: { id: fromGlobalId("Person", personId), photoFileId: { not: null } },
          })),
      );
    const before = await filesOf();
    const report = { purpose: "REPORT", reportId, size: 10, sha256: "d".repeat(64) };
    const photo = { purpose: "PHOTO", personId, size: 10, sha256: "d".repeat(64) };
    const cases = [
      { input: { ...report, fileName: "Отчёт за май.pdf.exe", contentType: fixtures.TYPES.PDF }, headers: operator },
      { input: { ...report, fileName: "evil.html", contentType: fixtures.TYPES.PDF }, headers: operator },
      { input: { ...report, fileName: "Отчёт.pdf", contentType: fixtures.TYPES.XLSX }, headers: operator },
      { input: { ...report, fileName: "Отчёт", contentType: fixtures.TYPES.PDF }, headers: operator },
      { input: { ...photo, fileName: "портрет.png", contentType: fixtures.TYPES.JPEG }, headers: curator },
      { input: { ...photo, fileName: "портрет.pdf", contentType: fixtures.TYPES.PNG }, headers: curator },
    ];

    const answers = [];
    for (const c of cases) answers.push(await requestUpload(c.input, c.headers));

    expect(answers.map((a) => [a.__typename, a.issues])).toEqual([
      [
        "ValidationError",
        [
          {
            field: "input.fileName",
            message:
              "«.exe» files are not accepted: report files are named .pdf, .xlsx, .docx, .ods, .odt, .csv, .jpg, .jpeg, .png.",
          },
        ],
      ],
      [
        "ValidationError",
        [
          {
            field: "input.fileName",
            message:
              "«.html» files are not accepted: report files are named .pdf, .xlsx, .docx, .ods, .odt, .csv, .jpg, .jpeg, .png.",
          },
        ],
      ],
      [
        "ValidationError",
        [
          {
            field: "input.fileName",
            message: `The name says PDF but the type says XLSX (${fixtures.TYPES.XLSX}): give the file its own extension, .xlsx.`,
          },
        ],
      ],
      [
        "ValidationError",
        [
          {
            field: "input.fileName",
            message:
              "The name has no extension: report files are named .pdf, .xlsx, .docx, .ods, .odt, .csv, .jpg, .jpeg, .png.",
          },
        ],
      ],
      [
        "ValidationError",
        [
          {
            field: "input.fileName",
            message:
              "The name says PNG but the type says JPEG (image/jpeg): give the file its own extension, .jpg or .jpeg.",
          },
        ],
      ],
      [
        "ValidationError",
        [{ field: "input.fileName", message: "«.pdf» files are not accepted: photos are named .jpg, .jpeg, .png." }],
      ],
    ]);
    expect(await filesOf()).toBe(before);
  });
});
