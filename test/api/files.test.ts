// The upload protocol end to end, against the suite's real s3rver and database: a presigned
// POST straight to storage, confirmation (size, type, SHA-256), versions, logged downloads
// with the original name, the access log and its export, and curator photos. Every report,
// person and file used here is created here (reports on periods 2090+, which nothing else uses).
import { createHash, randomBytes } from "node:crypto";
import { HeadObjectCommand, S3ServiceException } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { bucket, s3 } from "../../api/lib/s3.js";
import { verifyStoredObject } from "../../api/modules/files/verification.service.js";
import * as fixtures from "../helpers/files.js";
import { asUser, gql } from "../helpers/graphql.js";

type Headers = Record<string, string>;

const FILE = `id name contentType size sha256 status purpose rejectReason rejectCode detectedType version createdAt
  confirmedAt uploadedByName report { id }`;

interface FileData {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  status: "PENDING" | "AVAILABLE" | "REJECTED" | "DELETED";
  purpose: string;
  rejectReason: string | null;
  rejectCode: string | null;
  detectedType: string | null;
  version: number;
  createdAt: string;
  confirmedAt: string | null;
  uploadedByName: string | null;
  report: { id: string } | null;
}

interface Outcome<T> {
  __typename: string;
  message?: string;
  entity?: string;
  issues?: { field: string; message: string }[];
  data?: T;
}

interface UploadFormData {
  file: FileData;
  upload: { url: string; fields: { name: string; value: string }[] };
  expiresAt: string;
}

const RESULT = `__typename ... on Error { message } ... on NotFoundError { entity } ... on ValidationError { issues { field message } }`;

async function requestUpload(input: Record<string, unknown>, headers: Headers) {
  const response = await gql<{ requestFileUpload: Outcome<UploadFormData> }>(
    `mutation R($input: RequestFileUploadInput!) { requestFileUpload(input: $input) { ${RESULT}
      ... on MutationRequestFileUploadSuccess { data { file { ${FILE} } upload { url fields { name value } } expiresAt } } } }`,
    { input },
    headers,
  );
  expect(response.errors).toBeUndefined();
  return response.data?.requestFileUpload as Outcome<UploadFormData>;
}

async function confirm(fileId: string, headers: Headers) {
  const response = await gql<{ confirmFileUpload: Outcome<FileData> }>(
    `mutation C($input: ConfirmFileUploadInput!) { confirmFileUpload(input: $input) { ${RESULT}
      ... on MutationConfirmFileUploadSuccess { data { ${FILE} } } } }`,
    { input: { fileId } },
    headers,
  );
  expect(response.errors).toBeUndefined();
  return response.data?.confirmFileUpload as Outcome<FileData>;
}

async function downloadUrl(fileId: string, purpose: string, headers: Headers) {
  return gql<{ fileDownloadUrl: Outcome<{ url: string; expiresAt: string }> }>(
    `query D($input: FileDownloadUrlInput!) { fileDownloadUrl(input: $input) { ${RESULT}
      ... on QueryFileDownloadUrlSuccess { data { url expiresAt } } } }`,
    { input: { fileId, purpose } },
    headers,
  );
}

/** A URL that must be handed out. */
async function urlFor(fileId: string, headers: Headers, purpose = "Проверка отчёта"): Promise<string> {
  const response = await downloadUrl(fileId, purpose, headers);
  expect(response.errors).toBeUndefined();
  const outcome = response.data?.fileDownloadUrl;
  expect(outcome?.__typename, JSON.stringify(outcome)).toBe("QueryFileDownloadUrlSuccess");
  return outcome?.data?.url ?? "";
}

const sha256 = (body: Buffer) => createHash("sha256").update(body).digest("hex");

/** POSTs the form as a browser does: every field in order, the file last. */
async function post(form: UploadFormData["upload"], body: Buffer, type: string, name = "file.bin") {
  const data = new FormData();
  for (const field of form.fields) data.append(field.name, field.value);
  data.append("file", new Blob([new Uint8Array(body)], { type }), name);
  return fetch(form.url, { method: "POST", body: data });
}

interface UploadOptions {
  reportId?: string;
  personId?: string;
  name?: string;
  type?: string;
  body?: Buffer;
  /** What is actually sent, when it differs from `body` (which is what is declared). */
  sent?: Buffer;
  declaredSha256?: string;
}

/** requestFileUpload + the POST; returns the PENDING file. */
async function uploadOnly(headers: Headers, options: UploadOptions) {
  const body = options.body ?? Buffer.from(`%PDF-1.4 ${randomBytes(16).toString("hex")}`);
  const type = options.type ?? "application/pdf";
  const outcome = await requestUpload(
    {
      purpose: options.personId ? "PHOTO" : "REPORT",
      ...(options.personId ? { personId: options.personId } : { reportId: options.reportId }),
      fileName: options.name ?? "Отчёт.pdf",
      contentType: type,
      size: body.length,
      sha256: options.declaredSha256 ?? sha256(body),
    },
    headers,
  );
  expect(outcome.__typename, JSON.stringify(outcome)).toBe("MutationRequestFileUploadSuccess");
  const form = outcome.data as UploadFormData;
  const response = await post(form.upload, options.sent ?? body, type);
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return { file: form.file, form, body };
}

/** The whole protocol; returns the confirmed file. */
async function upload(headers: Headers, options: UploadOptions) {
  const { file, body } = await uploadOnly(headers, options);
  const confirmed = await confirm(file.id, headers);
  expect(confirmed.__typename, JSON.stringify(confirmed)).toBe("MutationConfirmFileUploadSuccess");
  return { file: confirmed.data as FileData, body };
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

const row = (gid: string) => prisma.storedFile.findUniqueOrThrow({ where: { id: fromGlobalId("StoredFile", gid) } });

// ── Fixtures ──

let admin: Headers;
let curator: Headers;
let operator: Headers;
let auditor: Headers;
let partner: Headers;
let operatorCentre: { id: string; regionId: string };
let otherUdmurtCentre: { id: string; regionId: string };
let pskovCentre: { id: string; regionId: string };
let formId: string;
let period = 0;
const run = randomBytes(3).toString("hex");

type ReportStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "LOCKED";

/** A DRAFT report of a centre, on a period of its own. */
async function newReport(centre: { id: string; regionId: string }, status: ReportStatus = "DRAFT") {
  period += 1;
  const report = await prisma.report.create({
    data: {
      formId,
      scope: "CENTRE",
      centreId: centre.id,
      regionId: centre.regionId,
      periodStart: new Date(Date.UTC(2089 + period, 0, 1)),
      periodEnd: new Date(Date.UTC(2089 + period, 11, 31)),
      status,
    },
  });
  return toGlobalId("Report", report.id);
}

async function newPerson(regionCode: string, photoConsent: boolean) {
  const region = await prisma.region.findUniqueOrThrow({ where: { code: regionCode } });
  const person = await prisma.person.create({
    data: { regionId: region.id, lastName: `Фото${run}`, firstName: "Ирина", photoConsent },
  });
  return toGlobalId("Person", person.id);
}

beforeAll(async () => {
  admin = await asUser("admin@dostup.local");
  curator = await asUser("curator@dostup.local");
  operator = await asUser("operator@dostup.local");
  auditor = await asUser("auditor@dostup.local");
  const key = `dsp_files_${randomBytes(16).toString("hex")}`;
  await prisma.apiClient.create({
    data: {
      name: `files test ${run}`,
      keyPrefix: key.slice(0, 18),
      keyHash: hashApiKey(key),
      scopes: ["registry:read", "statistics:read"],
    },
  });
  partner = { "x-api-key": key };
  const operatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
  operatorCentre = await prisma.centre.findUniqueOrThrow({ where: { id: operatorUser.centreId ?? "" } });
  otherUdmurtCentre = await prisma.centre.findFirstOrThrow({
    where: { regionId: operatorCentre.regionId, id: { not: operatorCentre.id } },
  });
  pskovCentre = await prisma.centre.findFirstOrThrow({ where: { region: { code: "60" } } });
  formId = (await prisma.reportForm.findFirstOrThrow({ where: { status: "ACTIVE" } })).id;
});

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

describe("versions and downloads", () => {
  it("keeps earlier uploads of a report listed, newest first, and each downloadable", async () => {
    const reportId = await newReport(operatorCentre);
    const first = await upload(operator, { reportId, name: "Отчёт v1.pdf" });
    const second = await upload(curator, { reportId, name: "Отчёт v2.pdf" });

    const listed = await gql<{ node: { files: { id: string; name: string; status: string }[] } }>(
      `query R($id: ID!) { node(id: $id) { ... on Report { files { id name status } } } }`,
      { id: reportId },
      operator,
    );

    expect(listed.errors).toBeUndefined();
    expect(listed.data?.node.files).toEqual([
      { id: second.file.id, name: "Отчёт v2.pdf", status: "AVAILABLE" },
      { id: first.file.id, name: "Отчёт v1.pdf", status: "AVAILABLE" },
    ]);
    for (const { file, body } of [first, second]) {
      const response = await fetch(await urlFor(file.id, operator));
      expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
    }
  });

  it("saves a download under the original Cyrillic name (RFC 6266 filename*) with the uploaded bytes", async () => {
    const reportId = await newReport(operatorCentre);
    const { file, body } = await upload(operator, { reportId, name: "Отчёт ЦОД 2018.pdf" });

    const response = await downloadUrl(file.id, "Сверка с бумажной копией", operator);
    const link = response.data?.fileDownloadUrl.data;
    const download = await fetch(link?.url ?? "");

    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Otchet TsOD 2018.pdf"; filename*=UTF-8''${encodeURIComponent("Отчёт ЦОД 2018.pdf")}`,
    );
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82");
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
    const expiresIn = new Date(link?.expiresAt ?? 0).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(4 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(5 * 60_000);
    expect(new URL(link?.url ?? "").searchParams.get("X-Amz-Expires")).toBe("300");
  });

  it("hands an auditor a URL and records who, in which role, when and why", async () => {
    const reportId = await newReport(operatorCentre);
    const { file } = await upload(operator, { reportId });
    const auditorUser = await prisma.user.findUniqueOrThrow({ where: { email: "auditor@dostup.local" } });
    const started = new Date();

    await urlFor(file.id, auditor, `Плановая проверка ${run}`);

    const accesses = await prisma.fileAccess.findMany({ where: { fileId: fromGlobalId("StoredFile", file.id) } });
    expect(accesses).toHaveLength(1);
    expect(accesses[0]).toMatchObject({
      userId: auditorUser.id,
      apiClientId: null,
      role: "AUDITOR",
      purpose: `Плановая проверка ${run}`,
    });
    expect(accesses[0]?.at.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
  });

  it("needs a stated purpose for every URL, and records nothing without one", async () => {
    const reportId = await newReport(operatorCentre);
    const { file } = await upload(operator, { reportId });

    const response = await downloadUrl(file.id, "  ", auditor);

    expect(response.data?.fileDownloadUrl.issues?.[0]?.field).toBe("input.purpose");
    expect(await prisma.fileAccess.count({ where: { fileId: fromGlobalId("StoredFile", file.id) } })).toBe(0);
  });

  it("refuses partners and anonymous callers", async () => {
    const reportId = await newReport(operatorCentre);
    const { file } = await upload(operator, { reportId });

    for (const headers of [partner, {}]) {
      const response = await downloadUrl(file.id, "Хочу посмотреть", headers);
      expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const node = await gql<{ node: unknown }>(`query N($id: ID!) { node(id: $id) { id } }`, { id: file.id }, headers);
      expect(node.data?.node ?? null).toBeNull();
    }
    expect(await prisma.fileAccess.count({ where: { fileId: fromGlobalId("StoredFile", file.id) } })).toBe(0);
  });

  it("keeps a Pskov file from the curator of Smolensk and Udmurtia and from the Udmurt operator", async () => {
    const reportId = await newReport(pskovCentre);
    const { file } = await upload(admin, { reportId });

    for (const headers of [curator, operator]) {
      const response = await downloadUrl(file.id, "Любопытство", headers);
      expect(response.data?.fileDownloadUrl).toMatchObject({ __typename: "NotFoundError", entity: "file" });
      const node = await gql<{ node: unknown }>(`query N($id: ID!) { node(id: $id) { id } }`, { id: file.id }, headers);
      expect(node.errors).toBeUndefined();
      expect(node.data?.node).toBeNull();
      const confirmed = await confirm(file.id, headers);
      expect(confirmed.__typename).toBe("NotFoundError");
    }
    expect(await prisma.fileAccess.count({ where: { fileId: fromGlobalId("StoredFile", file.id) } })).toBe(0);
  });
});

describe("the access log", () => {
  it("lists, filters and exports the accesses for administrators and auditors only", async () => {
    const reportId = await newReport(operatorCentre);
    const { file } = await upload(operator, { reportId, name: "Журнал.pdf" });
    const tricky = `=SUM(1) "сверка", ${run}`;
    await urlFor(file.id, auditor, tricky);
    await urlFor(file.id, admin, `Архив ${run}`);

    const LIST = `query L($filter: FileAccessFilter, $orderBy: FileAccessOrderBy) {
      fileAccesses(first: 10, filter: $filter, orderBy: $orderBy) {
        totalCount edges { node { id at role purpose userName userEmail file { id name } } } } }`;
    type Page = {
      fileAccesses: {
        totalCount: number;
        edges: { node: { role: string; purpose: string; userEmail: string; file: { id: string } } }[];
      };
    };
    const all = await gql<Page>(LIST, { filter: { fileId: file.id } }, auditor);
    const searched = await gql<Page>(LIST, { filter: { fileId: file.id, search: "сВерка" } }, admin);
    const oldestFirst = await gql<Page>(
      LIST,
      { filter: { fileId: file.id }, orderBy: { field: "AT", direction: "ASC" } },
      admin,
    );
    const future = await gql<Page>(LIST, { filter: { fileId: file.id, from: "2999-01-01T00:00:00Z" } }, admin);

    expect(all.errors).toBeUndefined();
    expect(all.data?.fileAccesses.totalCount).toBe(2);
    expect(all.data?.fileAccesses.edges.map((e) => [e.node.role, e.node.userEmail])).toEqual([
      ["ADMIN", "admin@dostup.local"],
      ["AUDITOR", "auditor@dostup.local"],
    ]);
    expect(searched.data?.fileAccesses.edges.map((e) => e.node.purpose)).toEqual([tricky]);
    expect(oldestFirst.data?.fileAccesses.edges.map((e) => e.node.role)).toEqual(["AUDITOR", "ADMIN"]);
    expect(future.data?.fileAccesses.totalCount).toBe(0);

    const csv = await gql<{ fileAccessesCsv: string }>(
      `query E($filter: FileAccessFilter) { fileAccessesCsv(filter: $filter) }`,
      { filter: { fileId: file.id } },
      auditor,
    );
    expect(csv.errors).toBeUndefined();
    const text = csv.data?.fileAccessesCsv ?? "";
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      '"at","role","userName","userEmail","apiClient","purpose","fileName","fileId","fileSha256","reportId","region"',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(lines[2]).toContain(`"AUDITOR"`);
    // Quotes doubled, and a leading "=" defused so a spreadsheet runs no formula.
    expect(lines[2]).toContain(`"'=SUM(1) ""сверка"", ${run}"`);
    expect(lines[2]).toContain(`"Журнал.pdf","${file.id}"`);
    expect(lines[2]).toContain(`"${reportId}","18"`);

    for (const headers of [curator, operator, partner]) {
      const refused = await gql(LIST, { filter: { fileId: file.id } }, headers);
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const refusedCsv = await gql(`{ fileAccessesCsv }`, {}, headers);
      expect(refusedCsv.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });
});

describe("curator photos", () => {
  // A 1×1 PNG.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  const PERSON = `query P($id: ID!) { node(id: $id) { ... on Person { photoUrl version photo { id status purpose } } } }`;
  type PersonData = {
    node: { photoUrl: string | null; version: number; photo: { id: string; status: string } | null };
  };

  it("become the person's photo once confirmed, and the public URL serves it with consent", async () => {
    const personId = await newPerson("18", true);

    const { file } = await upload(curator, { personId, body: png, type: "image/png", name: "портрет.png" });

    expect(file).toMatchObject({ status: "AVAILABLE", purpose: "PHOTO", report: null });
    expect((await row(file.id)).key).toBe(
      `files/photo/${fromGlobalId("Person", personId)}/${fromGlobalId("StoredFile", file.id)}`,
    );
    const person = await gql<PersonData>(PERSON, { id: personId }, curator);
    expect(person.data?.node.photo).toMatchObject({ id: file.id, status: "AVAILABLE" });
    const photo = await fetch(person.data?.node.photoUrl ?? "");
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);
    const logged = await prisma.changeLog.findFirst({
      where: { entity: "Person", entityId: fromGlobalId("Person", personId), action: "UPDATE" },
    });
    expect(logged?.changes).toMatchObject({ photoFileId: { from: null, to: fromGlobalId("StoredFile", file.id) } });
  });

  it("are attached but never published without consent", async () => {
    const personId = await newPerson("18", false);

    const { file } = await upload(curator, { personId, body: png, type: "image/png", name: "портрет.png" });

    const person = await gql<PersonData>(PERSON, { id: personId }, curator);
    expect(person.data?.node.photo?.id).toBe(file.id);
    expect(person.data?.node.photoUrl).toBeNull();
  });

  it("accept only JPEG or PNG up to 5 MB, for people of the caller's regions", async () => {
    const personId = await newPerson("18", true);
    const pskovPerson = await newPerson("60", true);
    const base = { purpose: "PHOTO", personId, fileName: "p.png", sha256: "c".repeat(64) };

    const pdf = await requestUpload({ ...base, contentType: "application/pdf", size: 10 }, curator);
    const big = await requestUpload({ ...base, contentType: "image/png", size: 5 * 1024 * 1024 + 1 }, curator);
    const elsewhere = await requestUpload(
      { ...base, personId: pskovPerson, contentType: "image/png", size: 10 },
      curator,
    );
    const byOperator = await requestUpload({ ...base, contentType: "image/png", size: 10 }, operator);

    expect(pdf.issues?.[0]?.field).toBe("input.contentType");
    expect(big.issues).toEqual([{ field: "input.size", message: "A photo may be at most 5 MB." }]);
    expect(elsewhere).toMatchObject({ __typename: "NotFoundError", entity: "person" });
    expect(byOperator).toMatchObject({ __typename: "NotFoundError", entity: "person" });
  });
});

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

describe("downloads through the download layer", () => {
  it("answers the bytes with the verified type, nosniff and a sandboxing CSP, never from the bucket itself", async () => {
    const reportId = await newReport(operatorCentre);
    const body = fixtures.csvWindows1251();
    const { file } = await upload(operator, { reportId, name: "Значения.csv", type: "text/csv", body });

    const url = await urlFor(file.id, auditor);
    const download = await fetch(url);

    expect(url.startsWith(`${process.env.FILES_DOWNLOAD_BASE_URL}/`)).toBe(true);
    expect(url.startsWith(process.env.S3_ENDPOINT ?? "-")).toBe(false);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/csv; charset=windows-1251");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(download.headers.get("content-disposition")).toContain("attachment;");
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
  });

  it("leaves the decision to the store, adding its headers to a refusal, and passes on nothing but files/", async () => {
    const reportId = await newReport(operatorCentre);
    const { file } = await upload(operator, { reportId, body: fixtures.pdf() });
    const url = new URL(await urlFor(file.id, operator));

    // s3rver checks a link's credentials and date, not the SigV4 signature itself (AWS does).
    const credential = url.searchParams.get("X-Amz-Credential") ?? "";
    url.searchParams.set("X-Amz-Credential", credential.replace(/^[^/]+/, "UNKNOWNKEY"));
    const refused = await fetch(url);
    const pending = await fetch(url.href.replace("/files/", "/pending/"));

    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect(refused.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(pending.status).toBe(404);
    expect(pending.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves a published photo through the same layer", async () => {
    const personId = await newPerson("18", true);
    await upload(curator, { personId, body: fixtures.JPEG, type: "image/jpeg", name: "портрет.jpg" });
    const person = await gql<{ node: { photoUrl: string } }>(
      `query P($id: ID!) { node(id: $id) { ... on Person { photoUrl } } }`,
      { id: personId },
      curator,
    );

    const photo = await fetch(person.data?.node.photoUrl ?? "");

    expect(person.data?.node.photoUrl.startsWith(`${process.env.FILES_DOWNLOAD_BASE_URL}/`)).toBe(true);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    expect(photo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await photo.arrayBuffer()).equals(fixtures.JPEG)).toBe(true);
  });
});
