// Downloads: earlier versions kept, logged download URLs that save a file under its original
// name, through the download layer; who may have one; the access log and its export. Every
// report and file used here is created here (reports on periods 2150+, which nothing else uses).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId } from "../../api/lib/ids.js";
import * as fixtures from "../helpers/files.js";
import { gql } from "../helpers/graphql.js";
import {
  admin,
  auditor,
  confirm,
  curator,
  downloadUrl,
  newPerson,
  newReport,
  operator,
  operatorCentre,
  partner,
  pskovCentre,
  run,
  setUpUploads,
  upload,
  urlFor,
} from "../helpers/uploads.js";

beforeAll(() => setUpUploads(2150));

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
