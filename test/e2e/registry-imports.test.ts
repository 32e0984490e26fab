// Registry imports on screen: a curator of Pskov (made for this file by the administrator)
// downloads the centres template, imports the region's organisations and then its centres from
// CSV files built on the templates' headers, sees the counts, imports the centres again and sees
// them unchanged, then imports a file with a bad row and reads its problems in Russian, nothing
// applied. The auditor reads the history, a refused import's problems included, with no import
// button.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, DEMO, DEMO_PASSWORD, launch, pageMain, screenshot, signIn } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The machine running the suite may be busy: each step gets more time than browser.ts's 15 s.
const STEP_TIMEOUT = 45_000;
const TEST_TIMEOUT = 240_000;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: STEP_TIMEOUT });

// Unique per run: the codes and names this file imports, and its curator.
const RUN = randomBytes(3).toString("hex");
const PASSWORD = "пароль куратора";
const ORGANISATIONS_FILE = `pskov-organisations-${RUN}.csv`;
const CENTRES_FILE = `pskov-centres-${RUN}.csv`;
const BAD_FILE = `pskov-centres-bad-${RUN}.csv`;
const CENTRE_NAME = `ЦОД Гдовской районной библиотеки ${RUN}`;
const CENTRE_CODE = `ПСК-Ц-${RUN}-2`;

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

/** A curator of Pskov only, made by the administrator through the API: the demo curator has other regions. */
async function newPskovCurator(): Promise<string> {
  const login = await graphql<{ login: { data?: { token: string } } }>(
    `mutation L($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { data { token } } } }`,
    { input: { email: DEMO.admin, password: DEMO_PASSWORD } },
  );
  const admin = login.data?.login.data?.token;
  if (!admin) throw new Error("the administrator could not sign in");
  const regions = await graphql<{ regions: { edges: { node: { id: string } }[] } }>(
    `{ regions(first: 1, filter: { search: "Псковская" }) { edges { node { id } } } }`,
    {},
    admin,
  );
  const email = `pskov-curator-${RUN}@dostup.local`;
  const created = await graphql<{ createUser: { data?: { id: string } } }>(
    `mutation C($input: CreateUserInput!) { createUser(input: $input) { ... on MutationCreateUserSuccess { data { id } } } }`,
    {
      input: {
        email,
        password: PASSWORD,
        fullName: `Иванова Мария (${RUN})`,
        role: "CURATOR",
        regionIds: [regions.data?.regions.edges[0]?.node.id],
      },
    },
    admin,
  );
  if (!created.data?.createUser.data?.id) throw new Error(`curator not created: ${JSON.stringify(created)}`);
  return email;
}

/** The cells of a CSV line (quoted cells may hold commas). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === "," || char === ";") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** A template's header row, as its cells (the BOM dropped). */
const headersOf = (csv: string): string[] => cellsOf((csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "").trim());

const quote = (cell: string) => (/[",;\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * A CSV in the template's columns: each row gives values by the column's Russian label (a
 * header may carry a "*" for a required column), the other columns left empty.
 */
function csvOf(headers: string[], rows: Record<string, string>[]): Buffer {
  const label = (header: string) => header.replace(/\*/g, "").trim();
  const known = new Set(headers.map(label));
  for (const row of rows)
    for (const column of Object.keys(row)) expect(known, `the template has the column ${column}`).toContain(column);
  const lines = [headers, ...rows.map((row) => headers.map((header) => row[label(header)] ?? ""))];
  return Buffer.from(`\uFEFF${lines.map((cells) => cells.map(quote).join(",")).join("\r\n")}\r\n`, "utf8");
}

const ORGANISATIONS: Record<string, string>[] = [
  {
    Код: `ПСК-О-${RUN}-1`,
    Название: `Гдовская районная библиотека ${RUN}`,
    Вид: "Библиотека",
    "ОКТМО муниципалитета": "58605000",
    Адрес: "г. Гдов, ул. Ленина, д. 2",
  },
  {
    Код: `ПСК-О-${RUN}-2`,
    Название: `Печорская районная библиотека ${RUN}`,
    Вид: "Библиотека",
    Адрес: "г. Печоры, ул. Мира, д. 5",
    Телефон: "+7 81148 2-21-00",
  },
];

const CENTRES: Record<string, string>[] = [
  {
    Код: `ПСК-Ц-${RUN}-1`,
    Название: `ЦОД Печорской районной библиотеки ${RUN}`,
    "Код организации": `ПСК-О-${RUN}-2`,
    "ОКТМО муниципалитета": "58617000",
    "Населённый пункт": "Печоры",
    Виды: "PUBLIC_ACCESS",
    Адрес: "г. Печоры, ул. Мира, д. 5",
  },
  {
    Код: CENTRE_CODE,
    Название: CENTRE_NAME,
    "Код организации": `ПСК-О-${RUN}-1`,
    "ОКТМО муниципалитета": "58605000",
    "Населённый пункт": "Гдов",
    Виды: "PUBLIC_ACCESS, LEGAL_INFO",
    Адрес: "г. Гдов, ул. Ленина, д. 2",
    "Часы работы": "Пн-Пт 09:00-18:00; Сб 10:00-16:00",
  },
];

/** The centres file with one more row, wrong twice: no name, and an organisation the region lacks. */
const BAD_CENTRES: Record<string, string>[] = [
  ...CENTRES,
  {
    Код: `ПСК-Ц-${RUN}-3`,
    Название: "",
    "Код организации": "НЕТ-ТАКОЙ-ОРГАНИЗАЦИИ",
    "ОКТМО муниципалитета": "58701000",
    Адрес: "г. Псков, ул. Профсоюзная, д. 2",
  },
];

/** Opens the import dialog from the history's toolbar. */
async function openImport(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Импортировать" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("Импорт реестра из таблицы").waitFor();
  return dialog;
}

/** Downloads the template of the kind chosen in the dialog, as CSV, and answers its text. */
async function template(page: Page, dialog: Locator, kind: string): Promise<string> {
  await dialog.getByRole("radio", { name: kind }).check();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: STEP_TIMEOUT }),
    dialog.getByRole("button", { name: "Скачать шаблон CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  return readFile(await download.path(), "utf8");
}

/** Imports a file of the kind chosen and answers the outcome shown. */
async function importFile(dialog: Locator, kind: string, name: string, buffer: Buffer): Promise<Locator> {
  await dialog.getByRole("radio", { name: kind }).check();
  await dialog.getByTestId("registry-file-input").setInputFiles({ name, mimeType: "text/csv", buffer });
  await poll(() => dialog.getByTestId("registry-file-name").textContent()).toContain(name);
  await dialog.getByRole("button", { name: "Загрузить в реестр" }).click();
  const result = dialog.getByTestId("registry-import-result");
  await result.waitFor({ timeout: STEP_TIMEOUT });
  return result;
}

describe("registry imports", { timeout: TEST_TIMEOUT }, () => {
  let curator = "";
  beforeAll(async () => {
    curator = await newPskovCurator();
  });

  it("lets a curator of Pskov import the region's organisations and centres, again unchanged, and see a bad file's problems in Russian", async () => {
    const { page, pageErrors, context } = await signIn(
      browser,
      { email: curator, password: PASSWORD },
      { stepTimeout: STEP_TIMEOUT },
    );
    await page.getByRole("menuitem", { name: "Импорт реестра" }).click();
    await pageMain(page, "list");
    const dialog = await openImport(page);
    // The curator's one region is chosen; what the file states and how rows are matched is said first.
    await poll(() => dialog.getByRole("combobox", { name: "Регион" }).textContent()).toContain("Псковская область");
    await poll(() => dialog.getByTestId("registry-import-rules").textContent()).toContain("«Код»");
    await poll(() => dialog.getByTestId("registry-import-rules").textContent()).toContain("целиком");

    const centresTemplate = await template(page, dialog, "Центры");
    const centreHeaders = headersOf(centresTemplate);
    for (const column of ["Код", "Название", "Код организации", "ОКТМО муниципалитета", "Адрес"])
      expect(centreHeaders.map((header) => header.replace(/\*/g, "").trim())).toContain(column);
    await poll(() => dialog.getByTestId("kind-help").textContent()).toContain("Пн-Пт 09:00-18:00");
    const organisationHeaders = headersOf(await template(page, dialog, "Организации"));
    await screenshot(page, "registry-imports-dialog");

    // The organisations first: the centres name them by code.
    let result = await importFile(dialog, "Организации", ORGANISATIONS_FILE, csvOf(organisationHeaders, ORGANISATIONS));
    await poll(() => result.textContent()).toContain("добавлено 2, изменено 0, без изменений 0");
    result = await importFile(dialog, "Центры", CENTRES_FILE, csvOf(centreHeaders, CENTRES));
    await poll(() => result.textContent()).toContain("добавлено 2, изменено 0, без изменений 0");
    await screenshot(page, "registry-imports-centres-created");

    // The same file again changes nothing.
    result = await importFile(dialog, "Центры", CENTRES_FILE, csvOf(centreHeaders, CENTRES));
    await poll(() => result.textContent()).toContain("добавлено 0, изменено 0, без изменений 2");

    // A bad row: the whole file is refused, each problem listed by row and column, in Russian.
    result = await importFile(dialog, "Центры", BAD_FILE, csvOf(centreHeaders, BAD_CENTRES));
    await poll(() => result.textContent()).toContain("Файл не загружен");
    const problems = result.getByTestId("import-errors");
    await poll(() => problems.textContent()).toContain("Строка");
    await poll(() => problems.textContent()).toContain("Не заполнено обязательное поле");
    await poll(() => problems.textContent()).toContain("Не найдена запись, на которую ссылается строка");
    await poll(() => problems.textContent()).toContain("Код организации");
    const rows = problems.locator("tbody tr");
    for (const row of await rows.all()) expect(await row.locator("td").first().textContent()).toBe("4");
    // The API's English reasons are for the English panel only.
    expect(await problems.textContent()).not.toMatch(/\b(the|is|not|required|unknown)\b/i);
    await screenshot(page, "registry-imports-problems");
    await dialog.getByRole("button", { name: "Закрыть" }).click();
    await dialog.waitFor({ state: "hidden" });

    // The history, newest first: the refused file on top, then the centres twice and the
    // organisations (below them the demo's import of Pskov's centres).
    const list = await pageMain(page, "list");
    const ours = list.locator("tbody tr", { hasText: RUN });
    await poll(() => ours.count()).toBe(4);
    const first = list.locator("tbody tr").first();
    await poll(() => first.textContent()).toContain(BAD_FILE);
    await poll(() => first.textContent()).toContain("С ошибками");
    await poll(() => first.textContent()).toContain("Псковская область");
    await poll(() => ours.last().textContent()).toContain(ORGANISATIONS_FILE);
    // Filtered by kind: the organisations' one import.
    await list.getByRole("combobox", { name: "Что загружали" }).click();
    await page.getByRole("option", { name: "Организации", exact: true }).click();
    await poll(() => ours.count()).toBe(1);
    await poll(() => ours.first().textContent()).toContain(ORGANISATIONS_FILE);
    await poll(() => list.locator("tbody").textContent()).not.toContain(CENTRES_FILE);
    await screenshot(page, "registry-imports-history");

    // The centre imported is in the register with its code, which its form explains.
    await page.getByRole("menuitem", { name: "Центры" }).click();
    const centres = await pageMain(page, "list");
    await centres.getByPlaceholder("Поиск").fill(CENTRE_NAME);
    await poll(() => centres.locator("tbody tr").count()).toBe(1);
    await centres.locator("tbody tr").first().click();
    const show = await pageMain(page, "show");
    await poll(() => show.textContent()).toContain(CENTRE_CODE);
    await poll(() => show.textContent()).toContain("Код");
    await page.getByRole("link", { name: "Редактировать" }).click();
    const form = await pageMain(page, "edit");
    await poll(() => form.locator('input[name="code"]').inputValue()).toBe(CENTRE_CODE);
    await poll(() => form.textContent()).toContain("импорт реестра находит эту запись");

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("shows the auditor the history and a refused import's problems, without the import button", async () => {
    const { page, pageErrors, context } = await signIn(browser, "auditor", { stepTimeout: STEP_TIMEOUT });
    await page.getByRole("menuitem", { name: "Импорт реестра" }).click();
    const list = await pageMain(page, "list");
    const refused = list.locator("tbody tr", { hasText: BAD_FILE });
    await poll(() => refused.count()).toBe(1);
    expect(await page.getByRole("button", { name: "Импортировать" }).count()).toBe(0);
    await refused.click();
    await poll(() => list.getByTestId("import-errors").textContent()).toContain("Не заполнено обязательное поле");
    await list.getByTestId("import-errors").waitFor();
    await screenshot(page, "registry-imports-auditor");
    expect(await page.getByRole("button", { name: "Импортировать" }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
