// Smolensk names a curator of every socially significant service in each municipality and
// publishes them on the service's page (seed 002). A curator records a person with consent to
// publish their contacts, sees what the directory will publish of them, and makes them the
// municipal curator of a service: the municipality's previous curator's period closes, the
// region's own curator stays.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, launch, pageMain, screenshot, signIn } from "./browser.js";

let browser: Browser;

const STEP_MS = 45_000;
const TEST_MS = 180_000;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The demo names municipal curators of this service in Вяземский район (since 2025-09-01).
const SERVICE = "Организация отдыха и оздоровления детей";
const REGION = "Смоленская область";
const MUNICIPALITY = "Вяземский район";

const russianDay = (date: Date) => new Intl.DateTimeFormat("ru-RU").format(date);

describe("the public curator directory in the panel", () => {
  it(
    "records consent to publish contacts and assigns a municipal curator of a Smolensk service",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_MS });
      const stamp = Date.now().toString(36);
      const lastName = `Муниципалова-${stamp}`;
      const email = `svetlana.${stamp}@vyazma.example`;

      await page.goto("/admin/#/people/create");
      const form = await pageMain(page, "create");
      await choose(form, "Регион", "Смолен", REGION);
      await form.getByLabel("Фамилия").fill(lastName);
      await form.getByLabel(/^Имя/).fill("Светлана");
      await form.getByLabel("Должность").fill("Начальник отдела образования");
      await form.getByLabel("Электронная почта").fill(email);
      await form.getByLabel("Телефон").fill("+7 (48131) 4-15-00");
      await form.getByLabel("Согласие на публикацию контактов").check();
      await page.getByRole("button", { name: "Сохранить" }).click();

      // The card says what the public directory shows: contacts yes, photo not (no consent).
      const published = page.getByTestId("published-panel");
      await published.waitFor();
      await expect.poll(() => published.textContent()).toContain("Публикуется в каталоге кураторов");
      await expect.poll(() => published.textContent()).toContain(email);
      await expect.poll(() => published.textContent()).toContain("+7 (48131) 4-15-00");
      await expect.poll(() => published.textContent()).toMatch(/Фотография:\s*не публикуется/);
      await screenshot(page, "directory-1-person-published");

      await page.getByRole("link", { name: "Назначить куратором" }).click();
      const assignment = await pageMain(page, "create");
      const curator = assignment.getByLabel("Куратор", { exact: false }).first();
      await expect.poll(() => curator.inputValue(), { timeout: STEP_MS }).toContain(lastName);
      await choose(assignment, "Услуга", "Организация отдыха и оздоровления", SERVICE);
      await choose(assignment, "Муниципальное образование", "Вязем", MUNICIPALITY);
      await screenshot(page, "directory-2-assign-municipal");
      await page.getByRole("button", { name: "Сохранить" }).click();

      // The municipality's periods of the service: the new one open, the previous closed yesterday.
      await page.waitForURL(/curatorAssignments\?filter=.*municipalityId/);
      const newRow = page.locator("tbody tr", { hasText: lastName });
      await newRow.waitFor();
      await expect.poll(() => newRow.textContent()).toContain(MUNICIPALITY);
      await expect.poll(() => newRow.textContent()).toContain("по настоящее время");
      const yesterday = new Date();
      yesterday.setDate(yesterday.getDate() - 1);
      const closed = page.locator("tbody tr", { hasText: russianDay(yesterday) });
      await expect.poll(() => closed.count()).toBe(1);
      await expect.poll(() => closed.textContent()).toContain(MUNICIPALITY);
      await expect.poll(() => closed.textContent()).toContain("Завершено");
      await screenshot(page, "directory-3-municipal-replaced");

      // The region's own curator of the service is untouched.
      await page.goto(
        `/admin/#/curatorAssignments?filter=${encodeURIComponent(JSON.stringify({ activeOnly: true }))}&sort=validFrom&order=DESC`,
      );
      const list = await pageMain(page, "list");
      await choose(list, "Услуга", "Организация отдыха и оздоровления", SERVICE);
      const regional = page.locator("tbody tr", { hasText: "весь регион" });
      await expect.poll(() => regional.count()).toBe(1);
      await expect.poll(() => regional.textContent()).toContain("по настоящее время");

      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );
});
