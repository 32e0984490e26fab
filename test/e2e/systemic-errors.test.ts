// Smolensk's curators "work with citizens' feedback and remove systemic errors" (seed 002): a
// curator opens a complaint a partner app sent about the kindergarten enrolment form, records a
// systemic error from it (the complaint linked), and, the error being past its due day, finds it
// among the dashboard's alerts and in the register's overdue filter.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, pageMain, screenshot, signIn } from "./browser.js";

let browser: Browser;

const STEP_MS = 45_000;
const TEST_MS = 180_000;
const APP = "Мобильное приложение «Смоленск — обратная связь»";

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const filtered = (resource: string, filter: object) =>
  `/admin/#/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

describe("systemic errors in the panel", () => {
  it(
    "records a systemic error from a partner app's complaint and sees it overdue on the dashboard",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_MS });
      const title = `Форма записи в детский сад не принимает СНИЛС (${Date.now().toString(36)})`;

      // The app's complaint not yet linked to an error, with its reference and the app named.
      await page.goto(filtered("feedback", { fromApp: true, hasSystemicError: false }));
      const list = await pageMain(page, "list");
      const row = list.locator("tbody tr", { hasText: "В библиотеке помогли" });
      await expect.poll(() => row.textContent()).toContain(APP);
      await row.click();
      const feedback = await pageMain(page, "show");
      await expect.poll(() => feedback.textContent()).toMatch(/OC-[0-9A-Z]{10}/);
      await expect.poll(() => feedback.textContent()).toContain(APP);
      await screenshot(page, "systemic-1-app-feedback");

      await page.getByRole("link", { name: "Новая системная ошибка" }).click();
      const form = await pageMain(page, "create");
      await expect.poll(() => form.textContent()).toContain("Обращение будет связано с ошибкой");
      await form.getByLabel("Суть ошибки").fill(title);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      await form.getByLabel("Устранить до").fill(yesterday);
      await screenshot(page, "systemic-2-create");
      await page.getByRole("button", { name: "Сохранить" }).click();

      const error = await pageMain(page, "show");
      await expect.poll(() => error.textContent()).toContain(title);
      await expect.poll(() => error.getByTestId("systemic-error-status").textContent()).toContain("Просрочена");
      await page.getByRole("tab", { name: "Обращения граждан" }).click();
      await expect.poll(() => error.locator("tbody tr").first().textContent()).toContain("В библиотеке помогли");
      await screenshot(page, "systemic-3-error-with-feedback");

      // The dashboard's alert lists it, and its link opens the register's overdue errors.
      await page.goto("/admin/#/");
      const card = page.locator('[data-card="systemic"]');
      await expect.poll(() => card.textContent(), { timeout: STEP_MS }).toContain(title);
      await screenshot(page, "systemic-4-dashboard-alert");
      await card.getByRole("link", { name: "Открыть реестр" }).click();
      const register = await pageMain(page, "list");
      await expect.poll(() => register.locator("tbody tr", { hasText: title }).count()).toBe(1);
      // The demo's overdue error of the same form is there; the confirmed one is not.
      await expect
        .poll(() => register.textContent())
        .toContain("Форма записи в детский сад на региональном портале отклоняет СНИЛС");
      expect(await register.textContent()).not.toContain("неверный срок предоставления субсидии");

      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );
});
