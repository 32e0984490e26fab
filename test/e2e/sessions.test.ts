// Access that can be taken away, seen in the panel: signing out ends the session on the server
// (a copy of the token stops working), an administrator's "end all sessions" and deactivation
// send the user's open panel back to the login page, and a deactivated user cannot sign in.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, DEMO, DEMO_PASSWORD, launch, type Session, screenshot, signIn } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const POLL = { timeout: 15_000 };
const RUN = randomBytes(3).toString("hex");
const PASSWORD = "пароль библиотекаря";

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: T; errors?: unknown[] } };
}

async function tokenOf(email: string, password: string): Promise<string> {
  const { body } = await graphql<{ login: { data?: { token: string } } }>(
    `mutation L($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { data { token } } } }`,
    { input: { email, password } },
  );
  const token = body.data?.login.data?.token;
  if (!token) throw new Error(`${email} could not sign in`);
  return token;
}

/** A curator of Smolensk made for this file, by the administrator through the API. */
async function newCurator(): Promise<{ id: string; email: string }> {
  const admin = await tokenOf(DEMO.admin, DEMO_PASSWORD);
  const regions = await graphql<{ regions: { edges: { node: { id: string } }[] } }>(
    `{ regions(first: 1, filter: { search: "Смоленская" }) { edges { node { id } } } }`,
    {},
    admin,
  );
  const email = `librarian-${RUN}-${randomBytes(2).toString("hex")}@dostup.local`;
  const created = await graphql<{ createUser: { data?: { id: string } } }>(
    `mutation C($input: CreateUserInput!) { createUser(input: $input) { ... on MutationCreateUserSuccess { data { id } } } }`,
    {
      input: {
        email,
        password: PASSWORD,
        fullName: `Смирнова Анна (${RUN})`,
        role: "CURATOR",
        regionIds: [regions.body.data?.regions.edges[0]?.node.id],
      },
    },
    admin,
  );
  const id = created.body.data?.createUser.data?.id;
  if (!id) throw new Error(`user not created: ${JSON.stringify(created.body)}`);
  return { id, email };
}

const storedToken = (page: Page) =>
  page.evaluate(() => (JSON.parse(localStorage.getItem("dostup.auth") ?? "{}") as { token?: string }).token ?? null);

/**
 * The user opens another list (one they are not on, so its data must come from the API): with
 * the session ended, the panel returns to the login form.
 */
async function expectSentToLogin({ page, pageErrors }: Session, list: string) {
  await page.getByRole("menuitem", { name: list }).click();
  await page.locator('input[name="username"]').waitFor();
  await expect.poll(() => page.evaluate(() => localStorage.getItem("dostup.auth")), POLL).toBeNull();
  // The API's 401 is what sent the panel back, and Chromium logs it as a console error: that one
  // is expected here (and must be there); anything else still fails the test.
  const refusals = pageErrors.filter((problem) => /status of 401/.test(problem));
  expect(refusals.length).toBeGreaterThan(0);
  for (const refusal of refusals) pageErrors.splice(pageErrors.indexOf(refusal), 1);
}

describe("sessions in the panel", () => {
  it("signing out ends the session on the server: a copy of its token is refused", async () => {
    const user = await newCurator();
    const { page, pageErrors, context } = await signIn(browser, { email: user.email, password: PASSWORD });
    const token = await storedToken(page);
    expect(token).toBeTruthy();
    expect((await graphql("{ me { email } }", {}, token ?? "")).status).toBe(200);

    await page.getByRole("button", { name: "Профиль" }).click();
    await page.getByRole("menuitem", { name: "Выйти" }).click();
    await page.locator('input[name="username"]').waitFor();
    await expect.poll(async () => (await graphql("{ me { email } }", {}, token ?? "")).status, POLL).toBe(401);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("an administrator ends a user's sessions, then deactivates the account: the user is out and stays out", async () => {
    const user = await newCurator();
    const librarian = await signIn(browser, { email: user.email, password: PASSWORD });
    const admin = await signIn(browser, "admin");

    // «Завершить все сеансы» on the user's page.
    await admin.page.goto(`/admin/#/users/${encodeURIComponent(user.id)}/show`);
    await admin.page.getByText("Открытые сеансы").waitFor();
    await admin.page.getByRole("button", { name: "Завершить все сеансы" }).click();
    await admin.page.getByRole("button", { name: "Подтвердить" }).click();
    await admin.page.getByText("Все сеансы пользователя завершены").waitFor();
    await screenshot(admin.page, "sessions-ended-by-admin");
    await expectSentToLogin(librarian, "Центры");

    // The account itself is fine: the user signs in again…
    await librarian.page.locator('input[name="username"]').fill(user.email);
    await librarian.page.locator('input[name="password"]').fill(PASSWORD);
    await librarian.page.locator('button[type="submit"]').click();
    await librarian.page.locator("[class*='RaMenu']").first().waitFor();

    // …until the administrator deactivates it.
    await admin.page.goto(`/admin/#/users/${encodeURIComponent(user.id)}`);
    const active = admin.page.getByLabel("Активен");
    await expect.poll(() => active.isChecked(), POLL).toBe(true);
    await active.uncheck();
    await admin.page.getByRole("button", { name: "Сохранить" }).click();
    await admin.page.getByText("Элемент обновлен").waitFor();
    await expectSentToLogin(librarian, "Отчёты");

    await librarian.page.locator('input[name="username"]').fill(user.email);
    await librarian.page.locator('input[name="password"]').fill(PASSWORD);
    await librarian.page.locator('button[type="submit"]').click();
    await librarian.page.getByText("Неверный email или пароль").waitFor();
    await screenshot(librarian.page, "sessions-deactivated-user-refused");

    // The change is in the user's history, in the administrator's view.
    await admin.page.goto(`/admin/#/users/${encodeURIComponent(user.id)}/show/history`);
    await admin.page.getByText("active").or(admin.page.getByText("Активен")).first().waitFor();
    expect(librarian.pageErrors).toEqual([]);
    expect(admin.pageErrors).toEqual([]);
    await librarian.context.close();
    await admin.context.close();
  });
});
