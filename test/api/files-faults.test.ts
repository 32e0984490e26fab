// The upload protocol when things go wrong: the file store going away between upload and
// confirmation, hostile or awkward file names, and downloads asked for by roles without
// access. This file points the app at an s3rver of its own (as health.test.ts does), so it
// can stop and restart it without touching the rest of the suite; app modules are loaded
// only after the switch because config is read at import. Every report used here is
// created here, on 2041–2044 periods no other file uses.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDownloadProxy } from "../../api/lib/download-proxy.js";
import { type EmbeddedS3, freePort, startEmbeddedS3 } from "../../api/lib/embedded.js";
import type { Outcome } from "../helpers/graphql.js";

type Headers = Record<string, string>;
type Centre = { id: string; regionId: string };

interface FileData {
  id: string;
  name: string;
  status: "PENDING" | "AVAILABLE" | "REJECTED" | "DELETED";
  rejectReason: string | null;
}

interface UploadFormData {
  file: FileData;
  upload: { url: string; fields: { name: string; value: string }[] };
}

const BUCKET = "dostup-faults";
const RESULT = `__typename ... on Error { message } ... on NotFoundError { entity } ... on ValidationError { issues { field message } }`;
const FILE = "id name status rejectReason";

let dir: string;
let port: number;
let store: EmbeddedS3 | null = null;
/** The download layer in front of this file's store, as the suite has one in front of its own. */
let downloads: Server;

// Loaded after S3_ENDPOINT/S3_BUCKET point at this file's s3rver.
let app: {
  gql: typeof import("../helpers/graphql.js").gql;
  mutate: typeof import("../helpers/graphql.js").mutate;
  asUser: typeof import("../helpers/graphql.js").asUser;
  prisma: typeof import("../../api/lib/db.js").prisma;
  fromGlobalId: typeof import("../../api/lib/ids.js").fromGlobalId;
  toGlobalId: typeof import("../../api/lib/ids.js").toGlobalId;
};

async function startStore(): Promise<void> {
  store = await startEmbeddedS3({ dataDir: dir, bucket: BUCKET, port });
}

async function stopStore(): Promise<void> {
  const running = store;
  store = null;
  await running?.stop();
}

let admin: Headers;
let curator: Headers;
let operator: Headers;
let operatorCentre: Centre;
let otherUdmurtCentre: Centre;
let pskovCentre: Centre;
let formId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dostup-faults-"));
  port = await freePort();
  await startStore();
  process.env.S3_ENDPOINT = `http://127.0.0.1:${port}`;
  process.env.S3_BUCKET = BUCKET;
  downloads = createServer(
    createDownloadProxy({ prefix: "/downloads", upstream: process.env.S3_ENDPOINT, bucket: BUCKET }),
  );
  const downloadsPort = await freePort();
  await new Promise<void>((done) => downloads.listen(downloadsPort, "127.0.0.1", done));
  process.env.FILES_DOWNLOAD_BASE_URL = `http://127.0.0.1:${downloadsPort}/downloads`;
  const graphql = await import("../helpers/graphql.js");
  const { prisma } = await import("../../api/lib/db.js");
  const { fromGlobalId, toGlobalId } = await import("../../api/lib/ids.js");
  app = { gql: graphql.gql, mutate: graphql.mutate, asUser: graphql.asUser, prisma, fromGlobalId, toGlobalId };

  admin = await app.asUser("admin@dostup.local");
  curator = await app.asUser("curator@dostup.local");
  operator = await app.asUser("operator@dostup.local");
  const operatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
  operatorCentre = await prisma.centre.findUniqueOrThrow({ where: { id: operatorUser.centreId ?? "" } });
  otherUdmurtCentre = await prisma.centre.findFirstOrThrow({
    where: { regionId: operatorCentre.regionId, id: { not: operatorCentre.id } },
  });
  pskovCentre = await prisma.centre.findFirstOrThrow({ where: { region: { code: "60" } } });
  formId = (await prisma.reportForm.findFirstOrThrow({ where: { status: "ACTIVE" } })).id;
});

afterAll(async () => {
  downloads?.closeAllConnections();
  await new Promise<void>((done) => (downloads ? downloads.close(() => done()) : done()));
  await stopStore();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A DRAFT report of a centre for the given year (one year per test, none used elsewhere). */
async function newReport(centre: Centre, year: number): Promise<string> {
  const report = await app.prisma.report.create({
    data: {
      formId,
      scope: "CENTRE",
      centreId: centre.id,
      regionId: centre.regionId,
      periodStart: new Date(Date.UTC(year, 0, 1)),
      periodEnd: new Date(Date.UTC(year, 11, 31)),
      status: "DRAFT",
    },
  });
  return app.toGlobalId("Report", report.id);
}

const sha256 = (body: Buffer) => createHash("sha256").update(body).digest("hex");
const pdf = () => Buffer.from(`%PDF-1.4 ${randomBytes(32).toString("hex")}`);

async function requestUpload(reportId: string, fileName: string, body: Buffer, headers: Headers) {
  const { outcome, response } = await app.mutate<UploadFormData>(
    "requestFileUpload",
    `file { ${FILE} } upload { url fields { name value } }`,
    { purpose: "REPORT", reportId, fileName, contentType: "application/pdf", size: body.length, sha256: sha256(body) },
    { headers },
  );
  expect(response.errors).toBeUndefined();
  return outcome as Outcome<UploadFormData>;
}

/** The confirmation's outcome, and its GraphQL errors in the response (the store unreachable). */
async function confirm(fileId: string, headers: Headers) {
  return app.mutate<FileData>("confirmFileUpload", FILE, { fileId }, { headers });
}

async function downloadUrl(fileId: string, headers: Headers, purpose = "Проверка отчёта") {
  return app.gql<{ fileDownloadUrl: Outcome<{ url: string }> }>(
    `query D($input: FileDownloadUrlInput!) { fileDownloadUrl(input: $input) { ${RESULT}
      ... on QueryFileDownloadUrlSuccess { data { url } } } }`,
    { input: { fileId, purpose } },
    headers,
  );
}

/** POSTs the presigned form as a browser does: every field in order, the file last. */
async function post(form: UploadFormData["upload"], body: Buffer) {
  const data = new FormData();
  for (const field of form.fields) data.append(field.name, field.value);
  data.append("file", new Blob([new Uint8Array(body)], { type: "application/pdf" }), "file.pdf");
  const response = await fetch(form.url, { method: "POST", body: data });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

/** requestFileUpload + POST + confirmFileUpload, all expected to succeed. */
async function upload(reportId: string, fileName: string, headers: Headers) {
  const body = pdf();
  const requested = await requestUpload(reportId, fileName, body, headers);
  expect(requested.__typename, JSON.stringify(requested)).toBe("MutationRequestFileUploadSuccess");
  const form = requested.data as UploadFormData;
  await post(form.upload, body);
  const confirmed = await confirm(form.file.id, headers);
  expect(confirmed.response.errors).toBeUndefined();
  expect(confirmed.outcome?.data?.status).toBe("AVAILABLE");
  return { file: form.file, body };
}

const row = (gid: string) =>
  app.prisma.storedFile.findUniqueOrThrow({ where: { id: app.fromGlobalId("StoredFile", gid) } });

describe("the file store going away during confirmation", () => {
  it("answers a clear, retryable error, keeps the file PENDING, and confirms once the store is back", async () => {
    const reportId = await newReport(operatorCentre, 2041);
    const body = pdf();
    const requested = await requestUpload(reportId, "Отчёт за 2041.pdf", body, operator);
    expect(requested.__typename).toBe("MutationRequestFileUploadSuccess");
    const form = requested.data as UploadFormData;
    await post(form.upload, body);

    await stopStore();
    let unreachable: Awaited<ReturnType<typeof confirm>>;
    try {
      unreachable = await confirm(form.file.id, operator);
    } finally {
      // Same port and directory: the uploaded object is still there.
      await startStore();
    }

    expect(unreachable.response.errors, JSON.stringify(unreachable)).toHaveLength(1);
    expect(unreachable.response.errors?.[0]?.message).not.toBe("Unexpected error.");
    expect(unreachable.response.errors?.[0]).toMatchObject({
      message: "The file store is not reachable; try again shortly.",
      extensions: { code: "S3_UNAVAILABLE" },
    });
    expect(await row(form.file.id)).toMatchObject({ status: "PENDING", version: 1, confirmedAt: null });
    const transitions = await app.prisma.changeLog.count({
      where: { entity: "StoredFile", entityId: app.fromGlobalId("StoredFile", form.file.id), action: "TRANSITION" },
    });
    expect(transitions).toBe(0);

    const retried = await confirm(form.file.id, operator);

    expect(retried.response.errors).toBeUndefined();
    expect(retried.outcome).toMatchObject({
      __typename: "MutationConfirmFileUploadSuccess",
      data: { status: "AVAILABLE", rejectReason: null },
    });
    const link = await downloadUrl(form.file.id, operator);
    expect(link.data?.fileDownloadUrl.__typename).toBe("QueryFileDownloadUrlSuccess");
    const download = await fetch(link.data?.fileDownloadUrl.data?.url ?? "");
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
  });
});

describe("file names", () => {
  // 296 characters + ".pdf" = 300: Cyrillic and guillemets, so truncation and encoding meet.
  const long = `${"«Годовой» отчёт ЦОД ".repeat(15).slice(0, 296)}.pdf`;
  // Every name with its type's extension is accepted: it is only ever shown and used for
  // downloads, made harmless on the way in (separators become "_", at most 255 characters
  // with the extension kept).
  const cases: [given: string, stored: string][] = [
    ["Отчёт ЦОД 2018.pdf", "Отчёт ЦОД 2018.pdf"],
    ["report with spaces.pdf", "report with spaces.pdf"],
    [`quote"s and 'apostrophes'.pdf`, `quote"s and 'apostrophes'.pdf`],
    ["../../etc/passwd.pdf", ".._.._etc_passwd.pdf"],
    ["..\\..\\windows\\system32\\evil.pdf", ".._.._windows_system32_evil.pdf"],
    [long, `${long.slice(0, 251)}.pdf`],
  ];

  it("are accepted, kept out of the key, stored without separators within 255 characters, and downloaded under their name", async () => {
    expect(Array.from(long)).toHaveLength(300);
    const reportId = await newReport(operatorCentre, 2042);
    const reportUuid = app.fromGlobalId("Report", reportId);

    for (const [given, stored] of cases) {
      const { file, body } = await upload(reportId, given, operator);

      expect(file.name, given).toBe(stored);
      expect(file.name).not.toMatch(/[/\\]/);
      expect(Array.from(file.name).length).toBeLessThanOrEqual(255);
      const saved = await row(file.id);
      // Only the server-made pattern: prefix, the report's id, the file's own id.
      expect(saved.key).toBe(`files/report/${reportUuid}/${saved.id}`);
      expect(saved.name).toBe(stored);

      const link = await downloadUrl(file.id, operator);
      expect(link.data?.fileDownloadUrl.__typename, given).toBe("QueryFileDownloadUrlSuccess");
      const download = await fetch(link.data?.fileDownloadUrl.data?.url ?? "");
      expect(download.status, given).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
      const disposition = download.headers.get("content-disposition") ?? "";
      // RFC 6266: a quoted ASCII fallback, then filename* (RFC 5987: attr-chars and %XX only).
      const parsed = /^attachment; filename="([\x20-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(
        disposition,
      );
      expect(parsed, disposition).not.toBeNull();
      expect(parsed?.[1]).not.toMatch(/["\\]/);
      expect(decodeURIComponent(parsed?.[2] ?? ""), given).toBe(stored);
    }
  });
});

describe("downloads by roles without access", () => {
  it("are refused as not found, and nothing is written to the access log", async () => {
    const otherCentreReport = await newReport(otherUdmurtCentre, 2043);
    const pskovReport = await newReport(pskovCentre, 2044);
    const { file: otherCentreFile } = await upload(otherCentreReport, "Чужой центр.pdf", admin);
    const { file: pskovFile } = await upload(pskovReport, "Псков.pdf", admin);

    const refusals: [Headers, string][] = [
      [operator, otherCentreFile.id],
      [curator, pskovFile.id],
    ];
    for (const [headers, fileId] of refusals) {
      const response = await downloadUrl(fileId, headers, "Любопытство");
      expect(response.errors).toBeUndefined();
      expect(response.data?.fileDownloadUrl).toMatchObject({ __typename: "NotFoundError", entity: "file" });
      expect(response.data?.fileDownloadUrl.data).toBeUndefined();
      expect(await app.prisma.fileAccess.count({ where: { fileId: app.fromGlobalId("StoredFile", fileId) } })).toBe(0);
    }

    // The same request by someone with access is logged, so the zero above means refused.
    const allowed = await downloadUrl(pskovFile.id, admin);
    expect(allowed.data?.fileDownloadUrl.__typename).toBe("QueryFileDownloadUrlSuccess");
    expect(await app.prisma.fileAccess.count({ where: { fileId: app.fromGlobalId("StoredFile", pskovFile.id) } })).toBe(
      1,
    );
  });
});
