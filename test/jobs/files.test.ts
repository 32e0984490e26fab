import { createHash, randomBytes, randomUUID } from "node:crypto";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3ServiceException } from "@aws-sdk/client-s3";
import type { S3Event } from "aws-lambda";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { handler as s3EventsHandler } from "../../api/jobs/s3-events.js";
import { handler as scheduleHandler } from "../../api/jobs/schedule.js";
import { prisma } from "../../api/lib/db.js";
import { bucket, s3 } from "../../api/lib/s3.js";
import { deleteOrphanObjects, STALE_UPLOAD_REASON } from "../../api/modules/files/reconciliation.service.js";
import { verifyStoredObject } from "../../api/modules/files/verification.service.js";
import * as fixtures from "../helpers/files.js";

// Every key this file makes lives under its own folder, so sweeps and lookups here never
// touch what other test files put in the shared bucket and database.
const run = `jobs-test-${randomBytes(4).toString("hex")}`;
const HOUR_MS = 60 * 60 * 1000;
const csv = "indicator,total,rural\nvisitors,120,40\n";

interface UploadOptions {
  /** Defaults to `pending/<run>/<uuid>.csv`. */
  key?: string;
  declaredSize?: number;
  declaredType?: string;
  /** Defaults to report.csv. */
  name?: string;
  body?: string | Buffer | null;
  reportId?: string;
  actualType?: string;
  createdAt?: Date;
  status?: "PENDING" | "AVAILABLE" | "REJECTED" | "DELETED";
  /** Defaults to the SHA-256 of the body. */
  declaredSha256?: string;
}

const sha256 = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

/** A StoredFile row as requestFileUpload makes it and, unless body is null, the uploaded object. */
async function upload(options: UploadOptions = {}) {
  const key = options.key ?? `pending/${run}/${randomUUID()}.csv`;
  const body = options.body === undefined ? csv : options.body;
  const file = await prisma.storedFile.create({
    data: {
      bucket,
      key,
      name: options.name ?? "report.csv",
      contentType: options.declaredType ?? "text/csv",
      size: BigInt(options.declaredSize ?? Buffer.byteLength(body ?? csv)),
      sha256: options.declaredSha256 ?? sha256(body ?? csv),
      purpose: "REPORT",
      status: options.status ?? "PENDING",
      reportId: options.reportId ?? null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
  if (body !== null) {
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: options.actualType ?? "text/csv" }),
    );
  }
  return file;
}

async function putObject(key: string, body = csv): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "text/csv" }));
}

async function exists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
    throw error;
  }
}

/** S3 puts keys into events form-encoded: spaces as `+`, everything else percent-encoded. */
function encodeEventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, "+").replace(/%2F/g, "/");
}

/** An ObjectCreated notification as S3 delivers it to Lambda. */
function s3Event(...keys: string[]): S3Event {
  return {
    Records: keys.map((key) => ({
      eventVersion: "2.1",
      eventSource: "aws:s3",
      awsRegion: "eu-central-1",
      eventTime: new Date().toISOString(),
      eventName: "ObjectCreated:Post",
      userIdentity: { principalId: "AWS:EXAMPLE" },
      requestParameters: { sourceIPAddress: "203.0.113.7" },
      responseElements: { "x-amz-request-id": "EXAMPLE", "x-amz-id-2": "EXAMPLE" },
      s3: {
        s3SchemaVersion: "1.0",
        configurationId: "uploads",
        bucket: { name: bucket, ownerIdentity: { principalId: "EXAMPLE" }, arn: `arn:aws:s3:::${bucket}` },
        object: { key, size: Buffer.byteLength(csv), eTag: "0123456789abcdef", sequencer: "0A1B2C3D4E5F678901" },
      },
    })),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await prisma.storedFile.deleteMany({ where: { key: { contains: run } } });
  await deleteOrphanObjects(`pending/${run}/`, new Date(Date.now() + HOUR_MS));
  await deleteOrphanObjects(`files/${run}/`, new Date(Date.now() + HOUR_MS));
  await prisma.$disconnect();
});

describe("S3 ObjectCreated events", () => {
  it("make a matching upload AVAILABLE and move it out of pending/", async () => {
    const file = await upload();
    const finalKey = file.key.replace(/^pending\//, "files/");

    const summary = await s3EventsHandler(s3Event(encodeEventKey(file.key)));

    expect(summary.results).toEqual([{ key: file.key, outcome: "AVAILABLE" }]);
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row).toMatchObject({ status: "AVAILABLE", key: finalKey, rejectReason: null, version: 2 });
    expect(row.confirmedAt).toBeInstanceOf(Date);
    expect(await exists(file.key)).toBe(false);
    const copy = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: finalKey }));
    // Stored with the type verified from the content (a CSV's charset included).
    expect(copy.ContentType).toBe("text/csv; charset=utf-8");
    expect(await copy.Body?.transformToString()).toBe(csv);
  });

  it("reject an upload whose size differs from the declared one, and delete the object", async () => {
    const file = await upload({ declaredSize: 10 });

    const summary = await s3EventsHandler(s3Event(encodeEventKey(file.key)));

    expect(summary.results[0]?.outcome).toBe("REJECTED");
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.status).toBe("REJECTED");
    expect(row.rejectReason).toBe(`The uploaded file is ${Buffer.byteLength(csv)} bytes, but 10 bytes were declared.`);
    expect(row.confirmedAt).toBeNull();
    expect(await exists(file.key)).toBe(false);
  });

  it("reject an upload whose content type differs from the declared one", async () => {
    const file = await upload({ declaredType: "application/pdf", actualType: "text/html" });

    await s3EventsHandler(s3Event(encodeEventKey(file.key)));

    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.status).toBe("REJECTED");
    expect(row.rejectReason).toBe('The uploaded file has type "text/html", but "application/pdf" was declared.');
    expect(await exists(file.key)).toBe(false);
  });

  it("reject an upload whose content differs from the declared SHA-256 (s3rver keeps no checksum: it is hashed)", async () => {
    const file = await upload({ declaredSha256: sha256("something else") });

    const summary = await s3EventsHandler(s3Event(encodeEventKey(file.key)));

    expect(summary.results[0]?.outcome).toBe("REJECTED");
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.status).toBe("REJECTED");
    expect(row.rejectReason).toContain(`SHA-256 is ${sha256(csv)}, but ${sha256("something else")} was declared`);
    expect(await exists(file.key)).toBe(false);
  });

  it("apply the same content checks as confirmation: what is not its declared kind is rejected and deleted", async () => {
    const cases = [
      { name: "Отчёт.pdf", type: fixtures.TYPES.PDF, body: fixtures.windowsProgram(), code: "CONTENT_MISMATCH" },
      { name: "Сводка.xlsx", type: fixtures.TYPES.XLSX, body: fixtures.pdf(), code: "CONTENT_MISMATCH" },
      { name: "Значения.csv", type: "text/csv", body: Buffer.from("a,b\n\u0000\u0001,2\n"), code: "NOT_TEXT" },
      { name: "evil.html", type: fixtures.TYPES.PDF, body: fixtures.pdf(), code: "EXTENSION_MISMATCH" },
    ];
    const files = [];
    for (const c of cases) {
      files.push(await upload({ name: c.name, declaredType: c.type, actualType: c.type, body: c.body }));
    }

    const summary = await s3EventsHandler(s3Event(...files.map((file) => encodeEventKey(file.key))));

    expect(summary.results.map((result) => result.outcome)).toEqual(cases.map(() => "REJECTED"));
    for (const [index, file] of files.entries()) {
      const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } });
      expect(row, cases[index]?.name).toMatchObject({ status: "REJECTED", rejectCode: cases[index]?.code });
      expect(await exists(file.key)).toBe(false);
      expect(await exists(file.key.replace(/^pending\//, "files/"))).toBe(false);
    }
    const exe = await prisma.storedFile.findUniqueOrThrow({ where: { id: files[0]?.id } });
    expect(exe.detectedType).toBe("application/x-msdownload");
  });

  it("store a verified PDF with its type, whatever type the upload carried in the store", async () => {
    const body = fixtures.pdf();
    const file = await upload({
      name: "Отчёт.pdf",
      declaredType: "application/pdf",
      actualType: "application/pdf",
      body,
    });

    const summary = await s3EventsHandler(s3Event(encodeEventKey(file.key)));

    expect(summary.results[0]?.outcome).toBe("AVAILABLE");
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: row.key }));
    expect(head.ContentType).toBe("application/pdf");
    expect(head.ContentDisposition).toBe("attachment");
  });

  it("reject, without reading it, an upload for a report that was submitted since it was requested", async () => {
    const form = await prisma.reportForm.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const centre = await prisma.centre.findFirstOrThrow();
    const year = 2500 + Math.floor(Math.random() * 400);
    const report = await prisma.report.create({
      data: {
        formId: form.id,
        scope: "CENTRE",
        centreId: centre.id,
        regionId: centre.regionId,
        periodStart: new Date(Date.UTC(year, 0, 1)),
        periodEnd: new Date(Date.UTC(year, 11, 31)),
        status: "APPROVED",
      },
    });
    const file = await upload({ reportId: report.id });

    const summary = await s3EventsHandler(s3Event(encodeEventKey(file.key)));

    expect(summary.results[0]?.outcome).toBe("REJECTED");
    expect(await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({
      status: "REJECTED",
      rejectCode: "REPORT_NOT_EDITABLE",
      rejectReason:
        "The report is approved (APPROVED): files are added only while a report is a draft or returned for corrections.",
    });
    expect(await exists(file.key)).toBe(false);
    await prisma.storedFile.delete({ where: { id: file.id } });
    await prisma.report.delete({ where: { id: report.id } });
  });

  it("change nothing when the same key comes again (S3 delivers at least once)", async () => {
    const file = await upload();
    await s3EventsHandler(s3Event(encodeEventKey(file.key)));
    const settled = await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } });

    const again = await s3EventsHandler(s3Event(encodeEventKey(file.key), encodeEventKey(settled.key)));

    expect(again.results.map((result) => result.outcome)).toEqual(["ALREADY_FINAL", "ALREADY_FINAL"]);
    expect(await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } })).toEqual(settled);
    expect(await exists(settled.key)).toBe(true);
  });

  it("report a key no row owns without throwing, and leave the object to the scheduled job", async () => {
    const key = `pending/${run}/${randomUUID()}.csv`;
    await putObject(key);

    const summary = await s3EventsHandler(s3Event(encodeEventKey(key)));

    expect(summary.results).toEqual([{ key, outcome: "UNKNOWN" }]);
    expect(await exists(key)).toBe(true);
  });

  it("report a key that is not valid percent-encoding without throwing", async () => {
    const file = await upload();

    const summary = await s3EventsHandler(s3Event("pending/%E0%A4%A", encodeEventKey(file.key)));

    expect(summary.results).toEqual([
      { key: "pending/%E0%A4%A", outcome: "INVALID" },
      { key: file.key, outcome: "AVAILABLE" },
    ]);
  });

  it("decode keys with spaces and non-ASCII letters as S3 encodes them", async () => {
    const file = await upload({ key: `pending/${run}/${randomUUID()}/отчёт за май.csv` });

    const summary = await s3EventsHandler(s3Event(encodeEventKey(file.key)));

    expect(summary.results).toEqual([{ key: file.key, outcome: "AVAILABLE" }]);
    expect(await exists(`files/${run}/${file.key.split("/")[2]}/отчёт за май.csv`)).toBe(true);
  });

  it("rethrow an unexpected failure after trying every record, so Lambda delivers the event again", async () => {
    const file = await upload();
    const unknown = `pending/${run}/${randomUUID()}.csv`;
    vi.spyOn(s3, "send").mockRejectedValueOnce(new Error("connect ECONNREFUSED"));

    await expect(s3EventsHandler(s3Event(encodeEventKey(file.key), encodeEventKey(unknown)))).rejects.toThrow(
      "1 of 2 S3 records could not be checked: connect ECONNREFUSED",
    );
    expect((await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } })).status).toBe("PENDING");

    vi.restoreAllMocks();
    const retry = await s3EventsHandler(s3Event(encodeEventKey(file.key), encodeEventKey(unknown)));
    expect(retry.results.map((result) => result.outcome)).toEqual(["AVAILABLE", "UNKNOWN"]);
  });
});

describe("verifyStoredObject", () => {
  it("lets exactly one of two concurrent confirmations act", async () => {
    const file = await upload();

    const outcomes = await Promise.all([verifyStoredObject(file.key), verifyStoredObject(file.key)]);

    expect(outcomes.sort()).toEqual(["ALREADY_FINAL", "AVAILABLE"]);
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row).toMatchObject({ status: "AVAILABLE", version: 2 });
    expect(await exists(row.key)).toBe(true);
    expect(await exists(file.key)).toBe(false);
  });

  it("leaves the row PENDING when the object has not arrived yet", async () => {
    const file = await upload({ body: null });

    expect(await verifyStoredObject(file.key)).toBe("MISSING");

    expect((await prisma.storedFile.findUniqueOrThrow({ where: { id: file.id } })).status).toBe("PENDING");
  });
});

describe("the scheduled job", () => {
  it("rejects a PENDING upload older than 24 hours and deletes its object", async () => {
    const stale = await upload({ createdAt: new Date(Date.now() - 25 * HOUR_MS) });
    const fresh = await upload();

    const summary = await scheduleHandler();

    expect(summary.rejectedPending).toBeGreaterThanOrEqual(1);
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: stale.id } });
    expect(row).toMatchObject({ status: "REJECTED", rejectReason: STALE_UPLOAD_REASON, rejectCode: "STALE" });
    expect(await exists(stale.key)).toBe(false);
    expect((await prisma.storedFile.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("PENDING");
    expect(await exists(fresh.key)).toBe(true);
  });

  it("keeps an orphan object younger than 24 hours (it may belong to an upload in flight)", async () => {
    const key = `pending/${run}/${randomUUID()}.csv`;
    await putObject(key);

    await scheduleHandler();

    expect(await exists(key)).toBe(true);
  });

  it("deletes objects that no live row owns once they are old enough, and keeps owned ones", async () => {
    const orphan = `files/${run}/${randomUUID()}.csv`;
    await putObject(orphan);
    const pending = await upload();
    const available = await upload({ key: `files/${run}/${randomUUID()}.csv`, status: "AVAILABLE" });
    const rejected = await upload({ status: "REJECTED" });

    // s3rver cannot backdate objects, so the cut-off moves instead: "older than an hour from now".
    const later = new Date(Date.now() + HOUR_MS);
    const pendingSweep = await deleteOrphanObjects(`pending/${run}/`, later);
    const filesSweep = await deleteOrphanObjects(`files/${run}/`, later);

    expect(pendingSweep.deleted + filesSweep.deleted).toBeGreaterThanOrEqual(2);
    expect(await exists(orphan)).toBe(false);
    expect(await exists(rejected.key)).toBe(false);
    expect(await exists(pending.key)).toBe(true);
    expect(await exists(available.key)).toBe(true);
  });
});
