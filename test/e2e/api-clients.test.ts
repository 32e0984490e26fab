import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, screenshot, signIn } from "./browser.js";

let browser: Browser;

const STEP_MS = 45_000;
const TEST_MS = 180_000;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("partner API keys", () => {
  it(
    "creates a key with the scopes ticked and its rate limit, then shows when it was last used",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "admin", { stepTimeout: STEP_MS });
      const name = `Карта центров ${Date.now().toString(36)}`;

      await page.goto("/admin/#/apiClients/create");
      await page.getByLabel("Партнёр (приложение)").fill(name);
      // No scope ticked: the form says so and creates nothing.
      await page.getByRole("button", { name: "Создать ключ" }).click();
      await page.getByText("Отметьте хотя бы одно право").waitFor();
      await page.getByRole("checkbox", { name: /^Реестр: центры/ }).check();
      expect(await page.getByRole("checkbox", { name: /^Статистика: опубликованные показатели/ }).isChecked()).toBe(
        false,
      );
      await page.getByLabel("Запросов в минуту").fill("5");
      await screenshot(page, "api-clients-1-form");
      await page.getByRole("button", { name: "Создать ключ" }).click();

      const key = await page.getByTestId("api-key").inputValue();
      expect(key).toMatch(/^dsp_/);
      await page.getByRole("button", { name: "Я сохранил ключ" }).click();

      // The key's card: the scope by name, the limit, and not used yet.
      const card = page.locator("main");
      await card.getByText("Реестр", { exact: true }).waitFor();
      await expect.poll(() => card.textContent()).not.toContain("Статистика");
      await expect.poll(() => card.textContent()).toContain("Запросов в минуту5");
      await expect.poll(() => card.textContent()).toContain("Последнее обращение—");

      // The partner uses it: the registry answers, the figures do not.
      const ask = (query: string) =>
        fetch(`${baseUrl()}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": key },
          body: JSON.stringify({ query }),
        }).then((response) => response.json() as Promise<{ errors?: { message: string }[] }>);
      expect((await ask("{ centres(first: 1) { totalCount } }")).errors).toBeUndefined();
      expect((await ask("{ reports(first: 1) { totalCount } }")).errors?.[0]?.message).toBe(
        "This API key does not have the scope statistics:read.",
      );

      await page.reload();
      await card.getByText("Реестр", { exact: true }).waitFor();
      await expect.poll(() => card.textContent()).not.toContain("Последнее обращение—");
      await expect.poll(() => card.textContent()).toContain("С точностью до минуты");
      await screenshot(page, "api-clients-2-used");

      // The list names the scope too.
      await page.goto("/admin/#/apiClients");
      const row = page.locator("tbody tr", { hasText: name });
      await row.waitFor();
      await expect.poll(() => row.textContent()).toContain("Реестр");
      expect(await row.textContent()).not.toContain("Статистика");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );
});
