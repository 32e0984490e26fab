// The inbox of digests (issue 16, part 2): `npm start` made the demo curator's digest, so on
// signing in the bell in the app bar shows a count; the inbox lists what needs them with links to
// the records, one marked read drops the count, and the settings offer «ежедневно /
// еженедельно / не присылать».
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, screenshot, signIn } from "./browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("notifications in the panel", () => {
  it("shows the curator's unread count on the bell, and marking one read drops it", async () => {
    const { page, pageErrors, context } = await signIn(browser, "curator");
    const bell = page.getByTestId("notification-bell");
    // The exact count (the badge itself shows 99+ beyond 99).
    const count = async () => Number(await bell.getAttribute("data-count"));
    await expect.poll(count).toBeGreaterThan(0);
    const before = await count();
    await screenshot(page, "notifications-1-bell");

    await bell.click();
    await page.getByRole("heading", { name: "Настройки уведомлений" }).waitFor();
    const unread = page.locator('[data-testid="notification"][data-unread="true"]');
    await expect.poll(() => unread.count()).toBe(Math.min(before, 100));
    // Each names its kind in Russian and links to its record.
    const first = unread.first();
    await expect
      .poll(() => first.textContent())
      .toMatch(
        /Истекает электронная подпись|Отчёт не сдан в срок|Центр давно не проверялся|Системная ошибка не устранена|Обращение без ответа|Услуга без куратора/,
      );
    expect(await first.locator("a").first().getAttribute("href")).toMatch(
      /^#\/(centres|reports|services|feedback|systemicErrors)\//,
    );
    for (const choice of ["Ежедневно", "Еженедельно", "Не присылать"])
      await expect.poll(() => page.getByRole("radio", { name: choice }).count()).toBe(1);
    await screenshot(page, "notifications-2-inbox");

    await first.getByRole("button", { name: "Прочитано" }).click();
    await expect.poll(count).toBe(before - 1);
    await expect.poll(() => unread.count()).toBe(Math.min(before - 1, 100));
    await screenshot(page, "notifications-3-marked");

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it("shows no bell to an auditor, who gets no digest", async () => {
    const { page, pageErrors, context } = await signIn(browser, "auditor");
    await page.locator("[class*='RaMenu']").first().waitFor();
    expect(await page.getByTestId("notification-bell").count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
