// An event's materials (issue 14, item 1): the programme of one of Udmurtia's 2018 forums goes
// through the upload protocol like a report file, is listed on the event once verified, and is
// downloaded by staff of its region only; partners never see it.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { gql } from "../helpers/graphql.js";
import {
  admin,
  auditor,
  confirm,
  curator,
  downloadUrl,
  type FileData,
  operator,
  partner,
  post,
  requestUpload,
  row,
  setUpUploads,
  sha256,
  type UploadFormData,
  urlFor,
} from "../helpers/uploads.js";
import { newUser } from "../helpers/users.js";

type Headers = Record<string, string>;

const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

let eventId: string;
let pskovCurator: Headers;

beforeAll(async () => {
  await setUpUploads(2300);
  // Udmurtia's forum of 15 March 2018 in the Alnashsky district's library system (the demo's).
  const event = await prisma.event.findFirstOrThrow({
    where: { region: { code: "18" }, kind: "FORUM", startsOn: new Date(Date.UTC(2018, 2, 15)) },
  });
  eventId = toGlobalId("Event", event.id);
  pskovCurator = (await newUser("CURATOR", ["60"])).headers;
});

function programme(): Buffer {
  return Buffer.from(`%PDF-1.7 Программа форума ${randomBytes(32).toString("hex")}`);
}

function material(body: Buffer, overrides: Record<string, unknown> = {}) {
  return {
    purpose: "EVENT_MATERIAL",
    eventId,
    fileName: "Программа форума.pdf",
    contentType: "application/pdf",
    size: body.length,
    sha256: sha256(body),
    ...overrides,
  };
}

const MATERIALS = `query M($id: ID!) { node(id: $id) { ... on Event { materials { id name status purpose event { id } } } } }`;

async function materialsOf(headers: Headers) {
  return gql<{ node: { materials: Pick<FileData, "id" | "name" | "status" | "purpose">[] } | null }>(
    MATERIALS,
    { id: eventId },
    headers,
  );
}

describe("an event's materials", () => {
  let fileId: string;

  it("are uploaded by a curator of the event's region, confirmed, listed and downloaded", async () => {
    const body = programme();
    const requested = await requestUpload(material(body), curator);
    expect(requested.__typename, JSON.stringify(requested)).toBe("MutationRequestFileUploadSuccess");
    const form = requested.data as UploadFormData;
    expect(form.file).toMatchObject({ status: "PENDING", purpose: "EVENT_MATERIAL", report: null });
    const stored = await row(form.file.id);
    expect(stored.key).toBe(`pending/event_material/${stored.eventId}/${stored.id}`);
    expect(stored.regionId).toBe((await prisma.region.findUniqueOrThrow({ where: { code: "18" } })).id);
    expect(stored.key).not.toContain("Программа");

    // Not listed until it passes its checks.
    expect((await materialsOf(curator)).data?.node?.materials.map((f) => f.id)).not.toContain(form.file.id);

    const response = await post(form.upload, body, "application/pdf");
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    const confirmed = await confirm(form.file.id, curator);
    expect(confirmed.__typename, JSON.stringify(confirmed)).toBe("MutationConfirmFileUploadSuccess");
    expect(confirmed.data).toMatchObject({ status: "AVAILABLE", contentType: "application/pdf" });
    fileId = form.file.id;

    const listed = await materialsOf(curator);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.node?.materials[0]).toMatchObject({
      id: fileId,
      name: "Программа форума.pdf",
      status: "AVAILABLE",
      purpose: "EVENT_MATERIAL",
      event: { id: eventId },
    });

    const url = await urlFor(fileId, curator, "Программа форума для отчёта");
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
  });

  it("are listed newest first, and a presentation (PPTX) is accepted by type", async () => {
    const body = programme();
    const second = await requestUpload(material(body, { fileName: "Фото участников.pdf" }), admin);
    expect(second.__typename).toBe("MutationRequestFileUploadSuccess");
    const form = second.data as UploadFormData;
    await post(form.upload, body, "application/pdf");
    expect((await confirm(form.file.id, admin)).__typename).toBe("MutationConfirmFileUploadSuccess");
    const ids = (await materialsOf(curator)).data?.node?.materials.map((f) => f.id) ?? [];
    expect(ids.indexOf(form.file.id)).toBeLessThan(ids.indexOf(fileId));

    const pptx = await requestUpload(material(body, { fileName: "Презентация.pptx", contentType: PPTX }), curator);
    expect(pptx.__typename, JSON.stringify(pptx)).toBe("MutationRequestFileUploadSuccess");
  });

  it("are read and downloaded by staff who read the region, operators of it included", async () => {
    for (const headers of [admin, auditor, operator]) {
      const listed = await materialsOf(headers);
      expect(listed.errors).toBeUndefined();
      expect(listed.data?.node?.materials.map((f) => f.id)).toContain(fileId);
      await urlFor(fileId, headers, "Материалы форума");
    }
  });

  it("are refused to a curator of another region, on upload and download", async () => {
    const refused = await requestUpload(material(programme()), pskovCurator);
    // The event is outside their regions: not found, as any record they cannot read.
    expect(refused.__typename).toBe("NotFoundError");
    const answer = await downloadUrl(fileId, "Посмотреть чужое", pskovCurator);
    expect(answer.data?.fileDownloadUrl.__typename).toBe("NotFoundError");
  });

  it("are not uploaded by an operator, who reads the event but may not edit it", async () => {
    const refused = await requestUpload(material(programme()), operator);
    expect(refused.__typename).toBe("ForbiddenError");
  });

  it("need exactly the event as their owner", async () => {
    const body = programme();
    const report = await prisma.report.findFirstOrThrow({ where: { region: { code: "18" } } });
    for (const input of [
      material(body, { eventId: null }),
      material(body, { reportId: toGlobalId("Report", report.id) }),
      { ...material(body, { purpose: "REPORT" }), reportId: undefined },
    ]) {
      const outcome = await requestUpload(input, curator);
      expect(outcome.__typename, JSON.stringify(input)).toBe("ValidationError");
    }
    const wrongOwner = await requestUpload(material(body, { purpose: "REPORT", eventId }), curator);
    expect(wrongOwner.__typename).toBe("ValidationError");
    expect(JSON.stringify(wrongOwner)).toContain("input.reportId");
  });

  it("are documents, presentations, tables and images only, at most 20 MB", async () => {
    const body = programme();
    const cases = [
      { fileName: "Программа.exe", contentType: "application/x-msdownload" },
      { fileName: "Программа.html", contentType: "text/html" },
      { fileName: "Программа.csv", contentType: "text/csv" },
      { fileName: "Презентация.ppt", contentType: "application/vnd.ms-powerpoint" },
      { fileName: "Программа.doc", contentType: "application/msword" },
      { fileName: "Программа.pdf.exe", contentType: "application/pdf" },
      { size: 20 * 1024 * 1024 + 1 },
    ];
    for (const overrides of cases) {
      const outcome = await requestUpload(material(body, overrides), curator);
      expect(outcome.__typename, JSON.stringify(overrides)).toBe("ValidationError");
    }
  });

  it("are never seen by a partner", async () => {
    const listed = await materialsOf(partner);
    expect(listed.data?.node?.materials ?? null).toBeNull();
    expect(listed.errors?.length ?? 0).toBeGreaterThan(0);
    const answer = await downloadUrl(fileId, "Посмотреть", partner);
    expect(answer.data?.fileDownloadUrl ?? null).toBeNull();
  });
});
