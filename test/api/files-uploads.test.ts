// Uploading a report file end to end, against the suite's real s3rver and database: a presigned
// POST straight to storage, confirmation (size, type, SHA-256) once whatever the order, names
// kept out of keys, and files only on reports that still take them. Every report and file used
// here is created here (reports on periods 2090+, which nothing else uses).
import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId } from "../../api/lib/ids.js";
import { verifyStoredObject } from "../../api/modules/files/verification.service.js";
import * as fixtures from "../helpers/files.js";
import { gql } from "../helpers/graphql.js";
import {
  admin,
  confirm,
  curator,
  downloadUrl,
  exists,
  newReport,
  operator,
  operatorCentre,
  otherUdmurtCentre,
  post,
  type ReportStatus,
  requestUpload,
  row,
  setUpUploads,
  sha256,
  type UploadFormData,
  upload,
  uploadOnly,
} from "../helpers/uploads.js";

beforeAll(() => setUpUploads(2090));

describe("uploading a report file", () => {
  it("goes PENDING → straight to storage → AVAILABLE for the centre's operator, under a server-made key", async () => {
    const reportId = await newReport(operatorCentre);
    const body = Buffer.from(`%PDF-1.7 ${randomBytes(64).toString("hex")}`);

    const requested = await requestUpload(
      {
        purpose: "REPORT",
        reportId,
        fileName: "Отчёт за май.pdf",
        contentType: "application/pdf",
        size: body.length,
        sha256: sha256(body).toUpperCase(),
      },
      operator,
    );

    expect(requested.__typename).toBe("MutationRequestFileUploadSuccess");
    const form = requested.data as UploadFormData;
    expect(form.file).toMatchObject({
      name: "Отчёт за май.pdf",
      status: "PENDING",
      purpose: "REPORT",
      size: body.length,
      sha256: sha256(body),
      confirmedAt: null,
      report: { id: reportId },
    });
    expect(form.file.uploadedByName).toBeTruthy();
    const pending = await row(form.file.id);
    expect(pending.key).toBe(`pending/report/${fromGlobalId("Report", reportId)}/${pending.id}`);
    expect(pending.regionId).toBe(operatorCentre.regionId);
    const expiresIn = new Date(form.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(14 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);
    // The signed policy pins what AWS accepts: exactly this size, type and checksum.
    const fields = Object.fromEntries(form.upload.fields.map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({
      key: pending.key,
      "Content-Type": "application/pdf",
      "x-amz-checksum-algorithm": "SHA256",
      "x-amz-checksum-sha256": createHash("sha256").update(body).digest("base64"),
    });
    const policy = JSON.parse(Buffer.from(fields.Policy ?? "", "base64").toString("utf8"));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ["content-length-range", body.length, body.length],
        { "Content-Type": "application/pdf" },
        { "x-amz-checksum-sha256": fields["x-amz-checksum-sha256"] },
        { key: pending.key },
      ]),
    );

    const response = await post(form.upload, body, "application/pdf", "Отчёт за май.pdf");
    expect(response.status).toBe(204);
    const confirmed = await confirm(form.file.id, operator);

    expect(confirmed.__typename).toBe("MutationConfirmFileUploadSuccess");
    expect(confirmed.data).toMatchObject({ status: "AVAILABLE", rejectReason: null, version: 2 });
    expect(confirmed.data?.confirmedAt).toBeTruthy();
    const available = await row(form.file.id);
    expect(available.key).toBe(`files/report/${fromGlobalId("Report", reportId)}/${pending.id}`);
    expect(await exists(available.key)).toBe(true);
    expect(await exists(pending.key)).toBe(false);
    const history = await prisma.changeLog.findMany({
      where: { entity: "StoredFile", entityId: pending.id },
      orderBy: { at: "asc" },
    });
    expect(history.map((entry) => entry.action)).toEqual(["CREATE", "TRANSITION"]);
    expect(history[1]?.changes).toMatchObject({ status: { from: "PENDING", to: "AVAILABLE" } });
  });

  it("answers a second confirmation with the same state and changes nothing", async () => {
    const reportId = await newReport(operatorCentre);
    const { file } = await upload(operator, { reportId });

    const again = await confirm(file.id, operator);

    expect(again.data).toEqual(file);
    expect((await row(file.id)).version).toBe(2);
  });

  it("rejects content whose SHA-256 is not the declared one, and deletes the object", async () => {
    const reportId = await newReport(operatorCentre);
    const body = Buffer.from("%PDF-1.4 the real content");
    const { file } = await uploadOnly(operator, { reportId, body, declaredSha256: sha256(Buffer.from("other")) });

    const confirmed = await confirm(file.id, operator);

    expect(confirmed.data?.status).toBe("REJECTED");
    expect(confirmed.data?.rejectReason).toBe(
      `The uploaded file's SHA-256 is ${sha256(body)}, but ${sha256(Buffer.from("other"))} was declared: the file changed or was damaged on the way. Upload it again.`,
    );
    expect(await exists((await row(file.id)).key)).toBe(false);
    const download = await downloadUrl(file.id, "Проверка", operator);
    expect(download.data?.fileDownloadUrl.__typename).toBe("ValidationError");
  });

  it("rejects a body larger than declared (s3rver does not enforce the policy's size range) and deletes it", async () => {
    const reportId = await newReport(operatorCentre);
    const declared = Buffer.from("0123456789");
    const sent = Buffer.alloc(100, "x");
    const { file } = await uploadOnly(operator, { reportId, body: declared, sent, type: "text/csv", name: "a.csv" });
    const key = (await row(file.id)).key;
    expect(await exists(key)).toBe(true);

    const confirmed = await confirm(file.id, operator);

    expect(confirmed.data?.status).toBe("REJECTED");
    expect(confirmed.data?.rejectReason).toBe("The uploaded file is 100 bytes, but 10 bytes were declared.");
    expect(await exists(key)).toBe(false);
  });

  it("refuses a type or size the purpose does not allow, naming the field, and creates nothing", async () => {
    const reportId = await newReport(operatorCentre);
    const filesOf = () => prisma.storedFile.count({ where: { reportId: fromGlobalId("Report", reportId) } });
    const before = await filesOf();
    const base = { purpose: "REPORT", reportId, fileName: "x.pdf", sha256: "a".repeat(64) };

    const exe = await requestUpload({ ...base, contentType: "application/x-msdownload", size: 10 }, operator);
    const huge = await requestUpload({ ...base, contentType: "application/pdf", size: 50 * 1024 * 1024 + 1 }, operator);
    const empty = await requestUpload({ ...base, contentType: "application/pdf", size: 0 }, operator);
    const badHash = await requestUpload({ ...base, contentType: "application/pdf", size: 10, sha256: "xyz" }, operator);
    const webp = await requestUpload({ ...base, fileName: "x.webp", contentType: "image/webp", size: 10 }, operator);

    expect(exe.__typename).toBe("ValidationError");
    expect(exe.issues?.[0]?.field).toBe("input.contentType");
    expect(exe.issues?.[0]?.message).toContain("PDF (application/pdf)");
    expect(huge.issues).toEqual([{ field: "input.size", message: "A report file may be at most 50 MB." }]);
    expect(empty.issues?.[0]?.field).toBe("input.size");
    expect(badHash.issues?.[0]?.field).toBe("input.sha256");
    expect(webp.issues?.map((issue) => issue.field)).toEqual(["input.contentType", "input.fileName"]);
    expect(await filesOf()).toBe(before);
  });

  it("refuses a file for a locked report, and for another centre's report (operator: not found)", async () => {
    const locked = await newReport(operatorCentre, "LOCKED");
    const other = await newReport(otherUdmurtCentre);
    // Only these two reports' files: other test files upload at the same time on PostgreSQL.
    const filesOf = () =>
      prisma.storedFile.count({ where: { reportId: { in: [locked, other].map((id) => fromGlobalId("Report", id)) } } });
    const before = await filesOf();
    const input = { purpose: "REPORT", fileName: "x.pdf", contentType: "application/pdf", size: 10 };

    const toLocked = await requestUpload({ ...input, reportId: locked, sha256: "b".repeat(64) }, operator);
    const toOther = await requestUpload({ ...input, reportId: other, sha256: "b".repeat(64) }, operator);

    expect(toLocked.issues?.[0]?.field).toBe("input.reportId");
    expect(toOther).toMatchObject({ __typename: "NotFoundError", entity: "report" });
    expect(await filesOf()).toBe(before);
  });

  it("never lets the file name reach the key", async () => {
    const reportId = await newReport(operatorCentre);

    const { file } = await uploadOnly(operator, { reportId, name: "../../etc/passwd\u202Efdp.exe.pdf" });

    expect(file.name).toBe(".._.._etc_passwdfdp.exe.pdf");
    const stored = await row(file.id);
    expect(stored.key).toMatch(/^pending\/report\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    expect(stored.key).not.toContain("etc");
  });

  it("asks for the upload before confirming it when nothing has arrived yet", async () => {
    const reportId = await newReport(operatorCentre);
    const body = Buffer.from("%PDF-1.4 never sent");
    const requested = await requestUpload(
      {
        purpose: "REPORT",
        reportId,
        fileName: "x.pdf",
        contentType: "application/pdf",
        size: body.length,
        sha256: sha256(body),
      },
      operator,
    );
    const fileId = requested.data?.file.id ?? "";

    const confirmed = await confirm(fileId, operator);

    expect(confirmed.__typename).toBe("ValidationError");
    expect(confirmed.issues?.[0]?.field).toBe("input.fileId");
    expect((await row(fileId)).status).toBe("PENDING");
    const download = await downloadUrl(fileId, "Проверка", admin);
    expect(download.data?.fileDownloadUrl).toMatchObject({ __typename: "ValidationError" });
    expect(download.data?.fileDownloadUrl.message).toContain("still waiting");
  });

  it("settles once, with its object kept, when the storage's notification and the confirmation race", async () => {
    // Several races at once, with the event and the confirmation in both orders: a loser that
    // copied the object again used to delete the winner's copy (s3rver copies non-atomically).
    const races = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const reportId = await newReport(operatorCentre);
        const { file } = await uploadOnly(operator, { reportId });
        const key = (await row(file.id)).key;
        const event = () => verifyStoredObject(key);
        const confirmation = () => confirm(file.id, operator);
        const [outcome, confirmed] =
          i % 2 === 0
            ? await Promise.all([event(), confirmation()])
            : await Promise.all([confirmation(), event()]).then(([c, o]) => [o, c] as const);
        return { file, key, outcome, confirmed };
      }),
    );
    for (const { file, key, outcome, confirmed } of races) {
      expect(["AVAILABLE", "ALREADY_FINAL"]).toContain(outcome);
      expect(confirmed.data?.status).toBe("AVAILABLE");
      const settled = await row(file.id);
      expect(settled).toMatchObject({ status: "AVAILABLE", version: 2 });
      expect(await exists(settled.key)).toBe(true);
      expect(await exists(key)).toBe(false);
      const transitions = await prisma.changeLog.count({
        where: { entity: "StoredFile", entityId: settled.id, action: "TRANSITION" },
      });
      expect(transitions).toBe(1);
    }
  });
});

describe("files only on DRAFT or RETURNED reports", () => {
  it("takes a file on a DRAFT or RETURNED report and refuses SUBMITTED, APPROVED and LOCKED ones, storing nothing", async () => {
    const reports = {} as Record<ReportStatus, string>;
    for (const status of ["DRAFT", "RETURNED", "SUBMITTED", "APPROVED", "LOCKED"] as const) {
      reports[status] = await newReport(operatorCentre, status);
    }
    const filesOf = (reportId: string) =>
      prisma.storedFile.count({ where: { reportId: fromGlobalId("Report", reportId) } });
    const body = fixtures.pdf();
    const input = {
      purpose: "REPORT",
      fileName: "Отчёт.pdf",
      contentType: "application/pdf",
      size: body.length,
      sha256: sha256(body),
    };

    for (const status of ["DRAFT", "RETURNED"] as const) {
      const { file } = await upload(operator, { reportId: reports[status], body });
      expect(file.status, status).toBe("AVAILABLE");
    }
    const words = { SUBMITTED: "submitted for review", APPROVED: "approved", LOCKED: "locked" } as const;
    for (const status of ["SUBMITTED", "APPROVED", "LOCKED"] as const) {
      for (const headers of [operator, curator, admin]) {
        const refused = await requestUpload({ ...input, reportId: reports[status] }, headers);
        expect(refused, status).toMatchObject({
          __typename: "ValidationError",
          issues: [
            {
              field: "input.reportId",
              message: `The report is ${words[status]} (${status}): files are added only while a report is a draft or returned for corrections.`,
            },
          ],
        });
      }
      expect(await filesOf(reports[status])).toBe(0);
    }
  });

  it("refuses to confirm an upload for a report submitted in the meantime, and keeps nothing of it", async () => {
    const reportId = await newReport(operatorCentre);
    const { file } = await uploadOnly(operator, { reportId, body: fixtures.pdf() });
    const pendingKey = (await row(file.id)).key;
    await prisma.report.update({ where: { id: fromGlobalId("Report", reportId) }, data: { status: "SUBMITTED" } });

    const confirmed = await confirm(file.id, operator);

    const reason =
      "The report is submitted for review (SUBMITTED): files are added only while a report is a draft or returned for corrections.";
    expect(confirmed).toMatchObject({
      __typename: "ValidationError",
      issues: [{ field: "input.fileId", message: reason }],
    });
    expect(await row(file.id)).toMatchObject({
      status: "REJECTED",
      rejectCode: "REPORT_NOT_EDITABLE",
      rejectReason: reason,
    });
    expect(await exists(pendingKey)).toBe(false);
    expect(await exists(pendingKey.replace(/^pending\//, "files/"))).toBe(false);
    // Asked again, the same refusal; the report lists no available file.
    expect((await confirm(file.id, operator)).__typename).toBe("ValidationError");
    const listed = await gql<{ node: { files: { status: string }[] } }>(
      `query R($id: ID!) { node(id: $id) { ... on Report { files { status } } } }`,
      { id: reportId },
      operator,
    );
    expect(listed.data?.node.files).toEqual([{ status: "REJECTED" }]);
  });
});
