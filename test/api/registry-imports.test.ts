// Registry imports (issue 14, item 2) on the documents' facts: Pskov brought its 141 centres (34 of
// them in rural libraries) in one file. The file builds regions of its own with Pskov's
// municipalities (the demo's geography data), so the seeded Pskov is left as it is.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { readSheetFile, writeSheet } from "../../api/modules/spreadsheets/sheet-files.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";
import {
  BATCH,
  type Batch,
  CENTRE_HEADER,
  type Cells,
  centreLogs,
  centreRows,
  csv,
  type Headers,
  importInput,
  ORGANISATION_HEADER,
  organisationRows,
  pskovLike,
  type TestRegion,
} from "../helpers/registry-imports.js";
import { demoStaff } from "../helpers/staff.js";
import { newUser } from "../helpers/users.js";

let admin: Headers;
let demoCurator: Headers;
let curator: Headers;
let a: TestRegion;
let b: TestRegion;

beforeAll(async () => {
  ({ admin, curator: demoCurator } = await demoStaff());
  a = await pskovLike("961", "967");
  b = await pskovLike("962", "968");
  curator = (await newUser("CURATOR", ["961", "962"])).headers;
});

describe("registry imports", () => {
  it("imports a region's host organisations and then its 141 centres from a CSV, 34 of them rural", async () => {
    const orgs = await ok<Batch>(
      "importRegistry",
      BATCH,
      importInput(a, "ORGANISATIONS", csv(ORGANISATION_HEADER, organisationRows(a))),
      { headers: curator },
    );
    expect(orgs).toMatchObject({
      status: "SUCCEEDED",
      kind: "ORGANISATIONS",
      rowCount: 27,
      created: 27,
      updated: 0,
      errors: [],
    });

    const rows = centreRows(a);
    expect(rows).toHaveLength(141);
    const batch = await ok<Batch>("importRegistry", BATCH, importInput(a, "CENTRES", csv(CENTRE_HEADER, rows)), {
      headers: curator,
    });
    expect(batch).toMatchObject({
      status: "SUCCEEDED",
      kind: "CENTRES",
      rowCount: 141,
      created: 141,
      updated: 0,
      unchanged: 0,
      fileName: "CENTRES.CSV",
      region: { code: "961" },
    });
    expect(await prisma.centre.count({ where: { regionId: a.id } })).toBe(141);
    expect(await prisma.centre.count({ where: { regionId: a.id, settlement: { isRural: true } } })).toBe(34);
    const flagship = await prisma.centre.findFirstOrThrow({
      where: { regionId: a.id, code: "C-001" },
      include: { hostOrganisation: true, openingHours: true, settlement: true },
    });
    expect(flagship).toMatchObject({ kinds: ["LEGAL_INFO"], status: "ACTIVE", settlement: { name: "Псков" } });
    expect(flagship.hostOrganisation.code).toBe("LIB-OBL");
    expect(flagship.openingHours).toHaveLength(6);
    expect(await prisma.changeLog.count({ where: { regionId: a.id, entity: "Centre", action: "CREATE" } })).toBe(141);
  });

  it("changes nothing when the same file comes again, and updates exactly the one centre a row was edited for", async () => {
    const rows = centreRows(a);
    const logs = await centreLogs(a);
    const again = await ok<Batch>("importRegistry", BATCH, importInput(a, "CENTRES", csv(CENTRE_HEADER, rows)), {
      headers: curator,
    });
    expect(again).toMatchObject({ status: "SUCCEEDED", created: 0, updated: 0, unchanged: 141 });
    expect(await centreLogs(a)).toBe(logs);
    expect(await prisma.centre.count({ where: { regionId: a.id, version: { gt: 1 } } })).toBe(0);

    const edited = rows.map((row) =>
      row[0] === "C-050" ? row.map((cell, i) => (i === 9 ? "+7 (8112) 99-99-99" : cell)) : row,
    );
    const batch = await ok<Batch>("importRegistry", BATCH, importInput(a, "CENTRES", csv(CENTRE_HEADER, edited)), {
      headers: curator,
    });
    expect(batch).toMatchObject({ status: "SUCCEEDED", created: 0, updated: 1, unchanged: 140 });
    const centre = await prisma.centre.findFirstOrThrow({ where: { regionId: a.id, code: "C-050" } });
    expect(centre).toMatchObject({ phone: "+7 (8112) 99-99-99", version: 2 });
    const entries = await prisma.changeLog.findMany({ where: { regionId: a.id, entity: "Centre", action: "UPDATE" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.entityId).toBe(centre.id);
    expect(Object.keys(entries[0]?.changes ?? {}).filter((key) => key !== "_note")).toEqual(["phone"]);
  });

  it("imports the same register from an XLSX into another region", async () => {
    await ok<Batch>(
      "importRegistry",
      BATCH,
      importInput(
        b,
        "ORGANISATIONS",
        csv(
          ORGANISATION_HEADER,
          organisationRows(b).map((row) => row.map((cell, i) => (i === 4 ? null : cell))),
        ),
      ),
      { headers: curator },
    );
    const xlsx = await writeSheet("XLSX", { rows: [CENTRE_HEADER, ...centreRows(b)] });
    const batch = await ok<Batch>("importRegistry", BATCH, importInput(b, "CENTRES", xlsx, "XLSX"), {
      headers: curator,
    });
    expect(batch).toMatchObject({ status: "SUCCEEDED", rowCount: 141, created: 141 });
    expect(await prisma.centre.count({ where: { regionId: b.id, settlement: { isRural: true } } })).toBe(34);
    const again = await ok<Batch>("importRegistry", BATCH, importInput(b, "CENTRES", xlsx, "XLSX"), {
      headers: curator,
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 141 });
  });

  it("lists every bad row with its line, column and code, and applies nothing", async () => {
    const rows = centreRows(a);
    const bad = rows.map((row, i): Cells => {
      if (i === 2) return row.map((cell, j) => (j === 1 ? null : cell)); // line 4: no name
      if (i === 5) return row.map((cell, j) => (j === 3 ? "96000000000" : cell)); // line 7: unknown OKTMO
      if (i === 9) return row.map((cell, j) => (j === 0 ? "C-001" : j === 5 ? "Библиотека" : cell)); // line 11
      return row.map((cell, j) => (j === 9 ? "+7 (8112) 00-00-00" : cell));
    });
    const logs = await prisma.changeLog.count({ where: { regionId: a.id } });
    const versions = await prisma.centre.aggregate({ where: { regionId: a.id }, _sum: { version: true } });
    const { outcome } = await mutate<Batch>(
      "importRegistry",
      BATCH,
      importInput(a, "CENTRES", csv(CENTRE_HEADER, bad)),
      { headers: curator },
    );
    expect(outcome?.data).toMatchObject({ status: "FAILED", rowCount: 141, created: 0, updated: 0, unchanged: 0 });
    expect(outcome?.data?.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 4, column: "Название", code: "REQUIRED" },
      { line: 7, column: "ОКТМО муниципалитета", code: "UNKNOWN_REFERENCE" },
      { line: 11, column: "Код", code: "DUPLICATE_CODE" },
      { line: 11, column: "Виды", code: "INVALID_VALUE" },
    ]);
    expect(outcome?.data?.errors[2]?.reason).toContain("line 2");
    // Only the FAILED batch itself is recorded.
    expect(await prisma.changeLog.count({ where: { regionId: a.id } })).toBe(logs + 1);
    expect(await prisma.centre.aggregate({ where: { regionId: a.id }, _sum: { version: true } })).toEqual(versions);
  });

  it("reports a header without a required column, and an unreadable file", async () => {
    const missing = await ok<Batch>(
      "importRegistry",
      BATCH,
      importInput(
        a,
        "CENTRES",
        csv(
          CENTRE_HEADER.filter((h) => h !== "Адрес"),
          [],
        ),
      ),
      { headers: curator },
    );
    expect(missing.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 1, column: "Адрес", code: "MISSING_COLUMN" },
    ]);
    const unreadable = await ok<Batch>(
      "importRegistry",
      BATCH,
      importInput(a, "CENTRES", Buffer.from("not a zip"), "XLSX"),
      { headers: curator },
    );
    expect(unreadable).toMatchObject({ status: "FAILED", errors: [{ code: "UNREADABLE_FILE" }] });
  });

  it("refuses a file of more rows than one import takes, naming the first row too many", async () => {
    // Into region b, whose history the other cases do not count.
    const before = await centreLogs(b);
    const rows: Cells[] = Array.from({ length: 5_001 }, (_, i) =>
      CENTRE_HEADER.map((_header, column) => [`BIG-${i}`, `Центр ${i}`][column] ?? ""),
    );
    const tooMany = await ok<Batch>("importRegistry", BATCH, importInput(b, "CENTRES", csv(CENTRE_HEADER, rows)), {
      headers: curator,
    });
    expect(tooMany).toMatchObject({ status: "FAILED", created: 0, errors: [{ line: 5_002, code: "TOO_MANY_ROWS" }] });
    expect(await centreLogs(b)).toBe(before);
  });

  it("imports a region's services, checking their levels with the catalogue's rules", async () => {
    const header = [
      "Код",
      "Название",
      "Уровень",
      "Номер в реестре (ФРГУ)",
      "Социально значимая",
      "Электронная",
      "Срок, раб. дней",
      "Пошлина, руб.",
      "Ссылка на портал",
    ];
    const rows: Cells[] = [
      [
        "S-1",
        "Назначение ежемесячной выплаты многодетным семьям",
        "региональная",
        `60${randomUUID().replace(/\D/g, "").slice(0, 12)}`,
        "да",
        "да",
        10,
        null,
        "https://www.gosuslugi.ru/600000/1/form",
      ],
      ["S-2", "Выдача разрешения на строительство", "MUNICIPAL", null, "нет", "да", "7", "3000.00", null],
    ];
    const file = csv(header, rows);
    const batch = await ok<Batch>("importRegistry", BATCH, importInput(a, "SERVICES", file), { headers: curator });
    expect(batch).toMatchObject({ status: "SUCCEEDED", kind: "SERVICES", created: 2 });
    const service = await prisma.service.findFirstOrThrow({ where: { regionId: a.id, code: "S-2" } });
    expect(service).toMatchObject({
      level: "MUNICIPAL",
      socialSignificant: false,
      electronic: true,
      processingDays: 7,
      status: "PUBLISHED",
    });
    expect(String(service.fee)).toBe("3000");
    expect(
      await ok<Batch>("importRegistry", BATCH, importInput(a, "SERVICES", file), { headers: curator }),
    ).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const federal = await ok<Batch>(
      "importRegistry",
      BATCH,
      importInput(
        a,
        "SERVICES",
        csv(header, [["S-3", "Паспорт", "FEDERAL", null, "может быть", null, "-1", null, null]]),
      ),
      { headers: curator },
    );
    expect(federal.errors.map(({ column, code }) => ({ column, code }))).toEqual([
      { column: "Уровень", code: "INVALID_VALUE" },
      { column: "Социально значимая", code: "INVALID_VALUE" },
      { column: "Срок, раб. дней", code: "INVALID_VALUE" },
    ]);
  });

  it("refuses a curator of another region, and shows batches to staff of the region only", async () => {
    const before = await prisma.importBatch.count();
    const { outcome } = await mutate<Batch>(
      "importRegistry",
      BATCH,
      importInput(a, "CENTRES", csv(CENTRE_HEADER, centreRows(a))),
      { headers: demoCurator },
    );
    expect(outcome?.__typename).toBe("ForbiddenError");
    expect(await prisma.importBatch.count()).toBe(before);

    const LIST = `query L($filter: RegistryImportFilter) { registryImports(first: 50, filter: $filter) { totalCount edges { node { ${BATCH} } } } }`;
    type List = { registryImports: { totalCount: number; edges: { node: Batch }[] } };
    const mine = await gql<List>(LIST, { filter: { regionId: a.gid, kind: "CENTRES" } }, curator);
    const batches = mine.data?.registryImports.edges.map((edge) => edge.node) ?? [];
    expect(batches.map((batch) => batch.status)).toEqual([
      "FAILED",
      "FAILED",
      "FAILED",
      "SUCCEEDED",
      "SUCCEEDED",
      "SUCCEEDED",
    ]);
    const theirs = await gql<List>(LIST, { filter: { regionId: a.gid } }, demoCurator);
    expect(theirs.data?.registryImports.totalCount).toBe(0);

    const id = batches[0]?.id ?? "";
    const node = `query N($id: ID!) { node(id: $id) { ... on ImportBatch { id status } } }`;
    expect((await gql<{ node: { id: string } | null }>(node, { id }, curator)).data?.node?.id).toBe(id);
    expect((await gql<{ node: unknown }>(node, { id }, demoCurator)).data?.node).toBeNull();
    const partner = (await partnerKey({ scopes: ["registry:read", "statistics:read"] })).headers;
    expect((await gql<{ node: unknown }>(node, { id }, partner)).data?.node ?? null).toBeNull();
    const refused = await gql(LIST, {}, partner);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("keeps the demo's Pskov register import in the history", async () => {
    const pskov = await prisma.region.findFirstOrThrow({ where: { code: "60" } });
    const list = await gql<{ registryImports: { edges: { node: Batch }[] } }>(
      `query { registryImports(first: 5, filter: { regionId: "${toGlobalId("Region", pskov.id)}" }) { edges { node { ${BATCH} } } } }`,
      {},
      admin,
    );
    expect(list.data?.registryImports.edges.map((edge) => edge.node)).toMatchObject([
      { kind: "CENTRES", status: "SUCCEEDED", rowCount: 141, created: 141, region: { code: "60" } },
    ]);
    expect(await prisma.centre.count({ where: { regionId: pskov.id, code: { not: null } } })).toBe(141);
  });

  it("hands out the templates with the Russian headers and an example row", async () => {
    const query = `query T($input: RegistryTemplateInput!) { registryTemplate(input: $input) { fileName contentType base64 } }`;
    type File = { registryTemplate: { fileName: string; contentType: string; base64: string } };
    const csvFile = (await gql<File>(query, { input: { kind: "CENTRES", format: "CSV" } }, curator)).data
      ?.registryTemplate;
    expect(csvFile?.fileName).toBe("registry-centres-template.csv");
    const text = Buffer.from(csvFile?.base64 ?? "", "base64").toString("utf8");
    expect(
      text.startsWith(
        "\uFEFFКод,Название,Код организации,ОКТМО муниципалитета,Населённый пункт,Виды,Адрес,Широта,Долгота,Телефон,Эл. почта,Сайт,Часы работы\r\n",
      ),
    ).toBe(true);
    const xlsx = (await gql<File>(query, { input: { kind: "SERVICES", format: "XLSX" } }, curator)).data
      ?.registryTemplate;
    const cells = await readSheetFile("XLSX", Buffer.from(xlsx?.base64 ?? "", "base64"));
    expect(cells[0]).toEqual([
      "Код",
      "Название",
      "Краткое название",
      "Уровень",
      "Номер в реестре (ФРГУ)",
      "Социально значимая",
      "Электронная",
      "Срок, раб. дней",
      "Пошлина, руб.",
      "Ссылка на портал",
    ]);
    expect(cells).toHaveLength(2);
    const organisations = (await gql<File>(query, { input: { kind: "ORGANISATIONS", format: "CSV" } }, curator)).data
      ?.registryTemplate;
    expect(Buffer.from(organisations?.base64 ?? "", "base64").toString("utf8")).toContain(
      "Код,Название,Краткое название,Вид,ИНН,ОГРН,ОКТМО муниципалитета,Адрес,Телефон,Эл. почта,Сайт",
    );
  });
});
