// What the upload test files share: the upload protocol as a client runs it (request a form,
// POST straight to the store, confirm; download URLs), and the demo accounts, centres and a
// partner key they use. Every report, person and file a test uses is created by its own file:
// reports on periods from the year its setUpUploads names, which no other file uses.
import { createHash, randomBytes } from "node:crypto";
import { HeadObjectCommand, S3ServiceException } from "@aws-sdk/client-s3";
import { expect } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { bucket, s3 } from "../../api/lib/s3.js";
import { gql, mutate, type Outcome } from "./graphql.js";
import { partnerKey } from "./partners.js";
import { demoStaff } from "./staff.js";

type Headers = Record<string, string>;

export const FILE = `id name contentType size sha256 status purpose rejectReason rejectCode detectedType version createdAt
  confirmedAt uploadedByName report { id }`;

export interface FileData {
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

export interface UploadFormData {
  file: FileData;
  upload: { url: string; fields: { name: string; value: string }[] };
  expiresAt: string;
}

const RESULT = `__typename ... on Error { message } ... on NotFoundError { entity } ... on ValidationError { issues { field message } }`;

export async function requestUpload(input: Record<string, unknown>, headers: Headers) {
  const { outcome, response } = await mutate<UploadFormData>(
    "requestFileUpload",
    `file { ${FILE} } upload { url fields { name value } } expiresAt`,
    input,
    { headers },
  );
  expect(response.errors).toBeUndefined();
  return outcome as Outcome<UploadFormData>;
}

export async function confirm(fileId: string, headers: Headers) {
  const { outcome, response } = await mutate<FileData>("confirmFileUpload", FILE, { fileId }, { headers });
  expect(response.errors).toBeUndefined();
  return outcome as Outcome<FileData>;
}

export async function downloadUrl(fileId: string, purpose: string, headers: Headers) {
  return gql<{ fileDownloadUrl: Outcome<{ url: string; expiresAt: string }> }>(
    `query D($input: FileDownloadUrlInput!) { fileDownloadUrl(input: $input) { ${RESULT}
      ... on QueryFileDownloadUrlSuccess { data { url expiresAt } } } }`,
    { input: { fileId, purpose } },
    headers,
  );
}

/** A URL that must be handed out. */
export async function urlFor(fileId: string, headers: Headers, purpose = "Проверка отчёта"): Promise<string> {
  const response = await downloadUrl(fileId, purpose, headers);
  expect(response.errors).toBeUndefined();
  const outcome = response.data?.fileDownloadUrl;
  expect(outcome?.__typename, JSON.stringify(outcome)).toBe("QueryFileDownloadUrlSuccess");
  return outcome?.data?.url ?? "";
}

export const sha256 = (body: Buffer) => createHash("sha256").update(body).digest("hex");

/** POSTs the form as a browser does: every field in order, the file last. */
export async function post(form: UploadFormData["upload"], body: Buffer, type: string, name = "file.bin") {
  const data = new FormData();
  for (const field of form.fields) data.append(field.name, field.value);
  data.append("file", new Blob([new Uint8Array(body)], { type }), name);
  return fetch(form.url, { method: "POST", body: data });
}

export interface UploadOptions {
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
export async function uploadOnly(headers: Headers, options: UploadOptions) {
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
export async function upload(headers: Headers, options: UploadOptions) {
  const { file, body } = await uploadOnly(headers, options);
  const confirmed = await confirm(file.id, headers);
  expect(confirmed.__typename, JSON.stringify(confirmed)).toBe("MutationConfirmFileUploadSuccess");
  return { file: confirmed.data as FileData, body };
}

export async function exists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
    throw error;
  }
}

export const row = (gid: string) =>
  prisma.storedFile.findUniqueOrThrow({ where: { id: fromGlobalId("StoredFile", gid) } });

// The demo accounts and centres, set by setUpUploads (the file's beforeAll). Exported as live
// bindings: a test that imports them reads the values set before it runs.
export let admin: Headers;
export let curator: Headers;
export let operator: Headers;
export let auditor: Headers;
export let partner: Headers;
export let operatorCentre: { id: string; regionId: string };
export let otherUdmurtCentre: { id: string; regionId: string };
export let pskovCentre: { id: string; regionId: string };
let formId: string;
let nextYear: number;
/** Marks this file's people and logged purposes. */
export const run = randomBytes(3).toString("hex");

/** Reads the demo data; this file's reports take periods from `firstYear` on, one year each. */
export async function setUpUploads(firstYear: number): Promise<void> {
  nextYear = firstYear;
  ({ admin, curator, operator, auditor } = await demoStaff());
  partner = (await partnerKey({ name: `files test ${run}` })).headers;
  const operatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
  operatorCentre = await prisma.centre.findUniqueOrThrow({ where: { id: operatorUser.centreId ?? "" } });
  otherUdmurtCentre = await prisma.centre.findFirstOrThrow({
    where: { regionId: operatorCentre.regionId, id: { not: operatorCentre.id } },
  });
  pskovCentre = await prisma.centre.findFirstOrThrow({ where: { region: { code: "60" } } });
  formId = (await prisma.reportForm.findFirstOrThrow({ where: { status: "ACTIVE" } })).id;
}

export type ReportStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "LOCKED";

/** A DRAFT report of a centre, on a period of its own. */
export async function newReport(centre: { id: string; regionId: string }, status: ReportStatus = "DRAFT") {
  const year = nextYear++;
  const report = await prisma.report.create({
    data: {
      formId,
      scope: "CENTRE",
      centreId: centre.id,
      regionId: centre.regionId,
      periodStart: new Date(Date.UTC(year, 0, 1)),
      periodEnd: new Date(Date.UTC(year, 11, 31)),
      status,
    },
  });
  return toGlobalId("Report", report.id);
}

export async function newPerson(regionCode: string, photoConsent: boolean) {
  const region = await prisma.region.findUniqueOrThrow({ where: { code: regionCode } });
  const person = await prisma.person.create({
    data: { regionId: region.id, lastName: `Фото${run}`, firstName: "Ирина", photoConsent },
  });
  return toGlobalId("Person", person.id);
}
