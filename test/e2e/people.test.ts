import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, launch, pageMain, screenshot, signIn } from "./browser.js";

let browser: Browser;

/** Time for a step on a machine shared with other suites; the first screen can take a while. */
const STEP_MS = 45_000;
const TEST_MS = 180_000;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A day as the panel shows it in Russian (dd.mm.yyyy), from the browser's calendar. */
function russianDay(date: Date): string {
  return new Intl.DateTimeFormat("ru-RU").format(date);
}

// The demo's Smolensk service "Вызов врача на дом" has a primary curator since 2025-07-01.
const SERVICE = "Вызов врача на дом";
const REGION = "Смоленская область";

describe("people and curator assignments", () => {
  it(
    "assigns a new primary curator of a service and shows the previous one's period closed",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_MS });
      const stamp = Date.now().toString(36);
      const lastName = `Проверкин-${stamp}`;

      // A new person of the region, with consent to publish the photo.
      await page.goto("/admin/#/people/create");
      // Not the URL: the dashboard, with a «Регион» select of its own, stays on screen until the form is.
      const personForm = await pageMain(page, "create");
      await choose(personForm, "Регион", "Смолен", REGION);
      await personForm.getByLabel("Фамилия").fill(lastName);
      await personForm.getByLabel(/^Имя/).fill("Иван");
      await personForm.getByLabel("Должность").fill("Библиотекарь");
      await page.getByRole("button", { name: "Сохранить" }).click();
      await page.getByText(`${lastName} Иван`).first().waitFor();
      // With consent not given, the photo cannot be uploaded.
      await expect.poll(() => page.getByText("Фото можно загрузить только с согласия").count()).toBe(1);
      await screenshot(page, "people-1-created");

      // Assign them from their card: the person and region come filled in.
      await page.getByRole("link", { name: "Назначить куратором" }).click();
      const assignmentForm = await pageMain(page, "create");
      const curator = assignmentForm.getByLabel("Куратор", { exact: false }).first();
      await curator.waitFor();
      await expect.poll(() => curator.inputValue(), { timeout: STEP_MS }).toContain(lastName);
      await choose(assignmentForm, "Услуга", "Вызов врача", SERVICE);
      await screenshot(page, "people-2-assign-form");
      await page.getByRole("button", { name: "Сохранить" }).click();

      // The list of the service's assignments in the region: the new one open, the previous closed yesterday.
      await page.waitForURL(/curatorAssignments\?filter=/);
      const newRow = page.locator("tbody tr", { hasText: lastName });
      await newRow.waitFor();
      await expect.poll(() => newRow.textContent()).toContain("по настоящее время");
      const yesterday = new Date();
      yesterday.setDate(yesterday.getDate() - 1);
      const closed = page.locator("tbody tr", { hasText: russianDay(yesterday) });
      await expect.poll(() => closed.count()).toBe(1);
      await expect.poll(() => closed.textContent()).toContain("Завершено");
      await expect.poll(() => closed.textContent()).toContain(SERVICE);
      expect(await closed.textContent()).not.toContain(lastName);
      await screenshot(page, "people-3-previous-closed");

      // The previous curator's timeline shows the closed period with its end date.
      const previousName = (await closed.locator("td").first().textContent())?.trim() ?? "";
      expect(previousName).not.toBe("");
      await closed.locator("td").first().click();
      await page.getByText(previousName).first().waitFor();
      await page.getByRole("link", { name: previousName }).first().click();
      await page.getByRole("tab", { name: "Назначения" }).click();
      const period = page.getByTestId("timeline-item").filter({ hasText: SERVICE });
      await expect.poll(() => period.first().textContent()).toContain(russianDay(yesterday));
      await expect.poll(() => period.first().textContent()).toContain("Завершено");
      await screenshot(page, "people-4-previous-timeline");

      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );
});
