// The catalogue and quality screens in the browser: feedback moved along its workflow with
// only the allowed buttons, a life situation's services reordered, a quality standard
// drafted by one person and approved by another, and an auditor who is offered no write control. Each test creates
// its own records through the API, so the demo records other files read stay as they are.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseUrl,
  choose,
  DEMO,
  DEMO_PASSWORD,
  type DemoRole,
  launch,
  pageMain,
  screenshot,
  signIn,
} from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The machine running the suite may be busy (two cores shared with other work), so each
// step gets more time than browser.ts's 15 s, and each test more than the config's 60 s.
const STEP_TIMEOUT = 30_000;
const TEST_TIMEOUT = 150_000;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: STEP_TIMEOUT });

/** A unique suffix, so reruns against the same database do not collide. */
const RUN = Date.now().toString(36).toUpperCase();

const tokens = new Map<DemoRole, string>();

async function post(query: string, variables: Record<string, unknown>, token?: string): Promise<unknown> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length) {
    throw new Error(body.errors.map((error) => error.message).join("; "));
  }
  return body.data;
}

/** Runs a query as a demo user (signing in through the API once per role). */
async function gql<T>(role: DemoRole, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let token = tokens.get(role);
  if (!token) {
    const data = (await post(
      "mutation($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { data { token } } } }",
      { input: { email: DEMO[role], password: DEMO_PASSWORD } },
    )) as { login: { data: { token: string } } };
    token = data.login.data.token;
    tokens.set(role, token);
  }
  return (await post(query, variables, token)) as T;
}

/** Runs a mutation and returns its success's data, failing the test on a typed error. */
async function mutation<T>(role: DemoRole, name: string, input: Record<string, unknown>, selection: string) {
  const type = name.charAt(0).toUpperCase() + name.slice(1);
  const data = await gql<Record<string, { __typename: string; message?: string; data?: T }>>(
    role,
    `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename ... on Error { message } ... on Mutation${type}Success { data { ${selection} } } } }`,
    { input },
  );
  const result = data[name];
  if (!result?.data) {
    throw new Error(`${name}: ${result?.__typename} ${result?.message ?? ""}`);
  }
  return result.data;
}

async function smolensk(): Promise<string> {
  const data = await gql<{ regions: { edges: { node: { id: string; code: string } }[] } }>(
    "admin",
    `query { regions(first: 10, filter: { search: "Смолен" }) { edges { node { id code } } } }`,
  );
  const region = data.regions.edges.find((edge) => edge.node.code === "67");
  if (!region) throw new Error("The demo has no Smolensk region");
  return region.node.id;
}

/** The panel's hash route of a record's page. */
const showPath = (resource: string, id: string, tab = "") =>
  `/admin/#/${resource}/${encodeURIComponent(id)}/show${tab ? `/${tab}` : ""}`;

const workflowButtons = (page: Page) => page.getByTestId("workflow-buttons").getByRole("button");

describe("feedback", { timeout: TEST_TIMEOUT }, () => {
  it("shows the curator only the allowed steps and moves the feedback on with a note", async () => {
    const regionId = await smolensk();
    const categories = await gql<{ feedbackCategories: { edges: { node: { id: string; code: string } }[] } }>(
      "curator",
      "query { feedbackCategories(first: 20) { edges { node { id code } } } }",
    );
    const question = categories.feedbackCategories.edges.find((edge) => edge.node.code === "QUESTION");
    if (!question) throw new Error("The demo has no QUESTION category");
    const text = `E2E ${RUN}: почему в посёлке нет точки доступа к Госуслугам?`;
    const feedback = await mutation<{ id: string }>(
      "curator",
      "submitFeedback",
      { categoryId: question.node.id, subjectType: "OTHER", regionId, text },
      "id",
    );

    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.goto(showPath("feedback", feedback.id));
    await poll(() => page.getByTestId("feedback-status").first().innerText()).toContain("Получено");
    // RECEIVED moves to IN_PROGRESS, REJECTED, DUPLICATE or REDIRECTED; never straight to an answer.
    await poll(async () => (await workflowButtons(page).allTextContents()).map((label) => label.trim()).sort()).toEqual(
      ["Взять в работу", "Отклонить", "Отметить как дубликат", "Перенаправить"].sort(),
    );
    await expect(page.getByRole("button", { name: "Ответить", exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Закрыть", exact: true }).count()).resolves.toBe(0);
    await screenshot(page, "catalogue-feedback-received");

    await workflowButtons(page).filter({ hasText: "Взять в работу" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.locator('textarea[name="comment"]').fill("Уточняем у муниципалитета планы по открытию центра");
    await dialog.getByRole("button", { name: "Подтвердить" }).click();
    await dialog.waitFor({ state: "detached" });

    await poll(() => page.getByTestId("feedback-status").first().innerText()).toContain("В работе");
    // From IN_PROGRESS the answer is allowed now, and taking it into work again is not.
    await poll(async () => (await workflowButtons(page).allTextContents()).map((label) => label.trim()).sort()).toEqual(
      ["Ответить", "Отклонить", "Отметить как дубликат", "Перенаправить"].sort(),
    );

    await page.getByRole("tab", { name: "Ход рассмотрения" }).click();
    const events = page.getByTestId("feedback-event");
    await poll(() => events.count()).toBe(2);
    await expect(events.nth(1).innerText()).resolves.toContain("Уточняем у муниципалитета планы по открытию центра");
    await expect(events.nth(1).innerText()).resolves.toMatch(/Получено\s*→\s*В работе/);
    await screenshot(page, "catalogue-feedback-in-progress");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe("life situations", { timeout: TEST_TIMEOUT }, () => {
  it("reorders the services with the up and down buttons, and the order stays after a reload", async () => {
    const regionId = await smolensk();
    const services = await gql<{ services: { edges: { node: { id: string; name: string } }[] } }>(
      "curator",
      `query { services(first: 3, filter: { level: FEDERAL, status: PUBLISHED }, orderBy: { field: NAME, direction: ASC }) {
        edges { node { id name } } } }`,
    );
    const [a, b, c] = services.services.edges.map((edge) => edge.node);
    if (!a || !b || !c) throw new Error("The demo has fewer than three federal services");
    const situation = await mutation<{ id: string }>(
      "curator",
      "createLifeSituation",
      {
        code: `E2E_ORDER_${RUN}`,
        name: `E2E ${RUN}: переезд в другой район`,
        kind: "LIFE_EVENT",
        regionId,
        services: [
          { serviceId: a.id, mandatory: true },
          { serviceId: b.id, mandatory: true },
          { serviceId: c.id, mandatory: false },
        ],
      },
      "id",
    );

    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.goto(showPath("lifeSituations", situation.id, "services"));
    const rows = page.getByTestId("ordered-service");
    const names = async () =>
      (await rows.allInnerTexts()).map((row) => [a, b, c].find((s) => row.includes(s.name))?.id);
    await poll(names).toEqual([a.id, b.id, c.id]);
    await screenshot(page, "catalogue-life-situation-before");

    await rows.nth(0).getByRole("button", { name: "Ниже" }).click();
    await poll(names).toEqual([b.id, a.id, c.id]);
    await rows.nth(2).getByRole("button", { name: "Выше" }).click();
    await poll(names).toEqual([b.id, c.id, a.id]);
    // The first row cannot go up nor the last down.
    await expect(rows.nth(0).getByRole("button", { name: "Выше" }).isDisabled()).resolves.toBe(true);
    await expect(rows.nth(2).getByRole("button", { name: "Ниже" }).isDisabled()).resolves.toBe(true);

    await page.reload();
    await poll(names).toEqual([b.id, c.id, a.id]);
    // The optional service kept its mark through the moves.
    await expect(rows.nth(1).innerText()).resolves.toContain("Необязательная");
    await screenshot(page, "catalogue-life-situation-after");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe("quality standards", { timeout: TEST_TIMEOUT }, () => {
  it("lets the administrator draft a standard but not approve it; the region's curator approves it, and no one edits it", async () => {
    const regionId = await smolensk();
    const serviceName = `E2E ${RUN}: выдача справок о составе семьи`;
    await mutation<{ id: string }>(
      "admin",
      "createService",
      { name: serviceName, level: "REGIONAL", regionId, status: "PUBLISHED" },
      "id",
    );

    const admin = await signIn(browser, "admin", { stepTimeout: STEP_TIMEOUT });
    await admin.page.goto("/admin/#/qualityStandards/create");
    // Not the URL: the dashboard stays on screen until the form is.
    const form = await pageMain(admin.page, "create");
    await choose(form, "Услуга", `E2E ${RUN}`, serviceName);
    await form.getByLabel("Название").fill(`Стандарт качества: справки о составе семьи (${RUN})`);
    await form.getByRole("button", { name: "Добавить" }).click();
    await form.locator('input[name="targets.0.indicatorCode"]').fill("WAIT_MINUTES");
    await form.locator('input[name="targets.0.name"]').fill("Время ожидания в очереди");
    await form.getByRole("combobox", { name: /Условие/ }).click();
    await admin.page.getByRole("option", { name: "Не больше" }).click();
    await form.locator('input[name="targets.0.threshold"]').fill("15");
    await form.locator('input[name="targets.0.unit"]').fill("мин");
    await screenshot(admin.page, "catalogue-standard-draft-form");
    await admin.page.getByRole("button", { name: "Сохранить" }).click();

    // The draft's author may edit it, but its approval waits for a second person (four eyes).
    const draft = await pageMain(admin.page, "show");
    await poll(() => draft.innerText()).toContain("Черновик");
    const showUrl = admin.page.url();
    await poll(() => admin.page.getByRole("link", { name: "Редактировать" }).count()).toBe(1);
    const approve = admin.page.getByRole("button", { name: "Утвердить" });
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    await poll(() => admin.page.getByTestId("approve-blocked").innerText()).toBe(
      "Вы создавали или изменяли этот черновик, поэтому не можете его утвердить: утвердить его должен другой куратор региона или администратор.",
    );
    await screenshot(admin.page, "catalogue-standard-own-draft");
    expect(admin.pageErrors).toEqual([]);
    await admin.context.close();

    // The curator of the service's region did not write it: they approve it.
    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.goto(showUrl);
    const main = await pageMain(page, "show");
    await poll(() => main.innerText()).toContain("Черновик");
    expect(await page.getByTestId("approve-blocked").count()).toBe(0);
    await page.getByRole("button", { name: "Утвердить" }).click();
    const confirm = page.getByRole("dialog");
    await expect(confirm.innerText()).resolves.toContain("Утвердить редакцию 1?");
    await confirm.getByRole("button", { name: "Утвердить" }).click();
    await poll(() => main.innerText()).toContain("Утверждён");
    await expect(main.innerText()).resolves.not.toContain("Черновик");
    await poll(() => page.getByRole("link", { name: "Редактировать" }).count()).toBe(0);
    await poll(() => page.getByRole("button", { name: "Утвердить" }).count()).toBe(0);
    await screenshot(page, "catalogue-standard-approved");

    await page.getByRole("tab", { name: "Целевые показатели" }).click();
    await poll(() => main.innerText()).toContain("WAIT_MINUTES");
    await expect(main.innerText()).resolves.toContain("Не больше");
    await screenshot(page, "catalogue-standard-approved-targets");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe("the auditor", { timeout: TEST_TIMEOUT }, () => {
  it("reads feedback and services without a single write control", async () => {
    const { page, pageErrors, context } = await signIn(browser, "auditor", { stepTimeout: STEP_TIMEOUT });

    await page.getByRole("menuitem", { name: "Обращения" }).click();
    // Rows and controls of the list itself, not of the page still on screen while it renders.
    const feedback = await pageMain(page, "list");
    await poll(() => feedback.locator("tbody tr").count()).toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: "Создать" }).count()).resolves.toBe(0);
    // An open item in the auditor's regions: a curator would see its workflow buttons here.
    await feedback.getByRole("combobox", { name: "Статус" }).click();
    await page.getByRole("option", { name: "Получено" }).click();
    await poll(() => feedback.locator("tbody tr").count()).toBeGreaterThan(0);
    await feedback.locator("tbody tr").first().click();
    await poll(() => page.getByTestId("feedback-status").count()).toBeGreaterThan(0);
    await expect(page.getByTestId("workflow-buttons").count()).resolves.toBe(0);
    for (const label of ["Взять в работу", "Назначить куратора", "Отметить системную ошибку", "Редактировать"]) {
      await expect(page.getByRole("button", { name: label }).count()).resolves.toBe(0);
    }
    await screenshot(page, "catalogue-auditor-feedback");

    await page.getByRole("menuitem", { name: "Услуги" }).click();
    const services = await pageMain(page, "list");
    await poll(() => services.locator("tbody tr").count()).toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: "Создать" }).count()).resolves.toBe(0);
    await services.locator("tbody tr").first().click();
    await poll(() => page.locator(".RaShow-main").innerText()).toContain("Уровень");
    await expect(page.getByRole("link", { name: "Редактировать" }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "В архив" }).count()).resolves.toBe(0);
    await screenshot(page, "catalogue-auditor-service");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
