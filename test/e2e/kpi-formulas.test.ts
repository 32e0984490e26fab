// An administrator defines Tver's road map share (seed 004: 70 % of residents using e-services
// by 2018) as a formula with the builder and sees it computed; then records a population figure
// on the «Население» screen and finds it listed.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, launch, pageMain, screenshot, signIn } from "./browser.js";

let browser: Browser;

const STEP_MS = 45_000;
const TEST_MS = 240_000;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Picks `option` of the select labelled `label` (the nth of that name) in `scope`. */
async function select(page: Page, scope: Locator, label: string, option: string, nth = 0): Promise<void> {
  await scope.getByRole("combobox", { name: label }).nth(nth).click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect.poll(() => scope.getByRole("combobox", { name: label }).nth(nth).textContent()).toContain(option);
}

describe("KPI formulas and population", () => {
  it(
    "defines a computed KPI with the formula builder and sees its value with its inputs",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "admin", { stepTimeout: STEP_MS });
      const code = `TEST_TVER_E_SHARE_${Date.now().toString(36).toUpperCase()}`;

      await page.goto("/admin/#/kpis/create");
      const form = await pageMain(page, "create");
      await choose(form, "Регион", "Твер", /Тверская/);
      await form.getByLabel("Код").fill(code);
      await form.getByLabel("Название").fill("Доля жителей, получающих услуги в электронной форме (проверка)");
      await form.getByLabel("Методика расчёта").fill("Жители, получившие услуги электронно ÷ население × 100");
      await form.getByLabel("Единица").fill("%");
      await form.getByLabel("Целевое значение").fill("70");
      await form.getByLabel("Год достижения").fill("2018");
      await select(page, form, "Источник значений", "Рассчитывается по формуле");

      const builder = form.getByTestId("formula-builder");
      await builder.waitFor();
      await select(page, builder, "Что рассчитывается", "Отношение двух величин");
      await select(page, builder, "Вид величины", "Показатель отчётов за год", 0);
      await choose(builder, "Показатель отчётов", "электронной", /E_SERVICES_USERS/);
      await select(page, builder, "Вид величины", "Численность населения", 1);
      await expect.poll(() => builder.getByLabel("Множитель").inputValue()).toBe("100");
      const words = builder.getByTestId("formula-words");
      await expect
        .poll(() => words.textContent())
        .toContain(
          "(показатель отчётов «Жители, получившие государственные и муниципальные услуги в электронной форме» (E_SERVICES_USERS), сумма по утверждённым отчётам за год) ÷ (численность населения на 1 января года) × 100",
        );
      await screenshot(page, "kpi-formulas-1-builder");
      await form.getByRole("button", { name: "Сохранить" }).click();

      // The KPI's page: the formula in words, and its value of 2018 with what it comes from.
      const show = await pageMain(page, "show");
      await expect.poll(() => show.textContent()).toContain("÷ (численность населения");
      await show.getByRole("tab", { name: "Достижение цели" }).click();
      await show.getByTestId("kpi-progress-year").fill("2018");
      const row = show.getByTestId("kpi-progress").locator("tbody tr").first();
      await expect.poll(() => row.textContent()).toContain("70,3 %");
      const text = (await row.textContent())?.replace(/\s/g, " ") ?? "";
      expect(text).toContain("Числитель: 892 554");
      expect(text).toContain("Знаменатель: 1 269 636");
      expect(text).toContain("население на 1 января 2018 г.");
      expect(text).toContain("Достигнута");
      await screenshot(page, "kpi-formulas-2-value");

      // Editing something else keeps the formula as it was.
      await page.getByRole("link", { name: "Редактировать" }).click();
      const edit = await pageMain(page, "edit");
      await expect.poll(() => edit.getByTestId("formula-words").textContent()).toContain("× 100");
      await edit.getByLabel("Целевое значение").fill("71");
      await edit.getByRole("button", { name: "Сохранить" }).click();
      const again = await pageMain(page, "show");
      await again.getByRole("tab", { name: "Сведения" }).click();
      await expect.poll(() => again.textContent()).toContain("71");
      expect(await again.textContent()).toContain("÷ (численность населения на 1 января года (или последнего года");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );

  it(
    "records a population figure on the «Население» screen and lists it",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "admin", { stepTimeout: STEP_MS });
      await page.goto("/admin/#/population/create");
      const form = await pageMain(page, "create");
      await choose(form, "Регион", "Твер", /Тверская/);
      await form.getByLabel("Год (на 1 января)").fill("2019");
      await form.getByLabel("Численность, чел.").fill("1260379");
      await form.getByRole("button", { name: "Сохранить" }).click();

      const list = await pageMain(page, "list");
      await list.getByLabel("Год (на 1 января)").fill("2019");
      const row = list.locator("tbody tr", { hasText: "2019" }).filter({ hasText: "Тверская область" });
      const spaced = async () => (await row.first().textContent())?.replace(/\s/g, " ");
      await expect.poll(spaced).toContain("1 260 379");
      expect(await row.first().textContent()).toContain("Регион в целом");
      expect(await row.first().textContent()).toContain("Росстат, численность постоянного населения на 1 января");
      await screenshot(page, "kpi-formulas-3-population");

      // The region's page lists its figures, the new one among them.
      await page.goto("/admin/#/regions");
      await (await pageMain(page, "list")).locator("tbody tr", { hasText: "Тверская область" }).click();
      const region = await pageMain(page, "show");
      await region.getByRole("tab", { name: "Население" }).click();
      const figures = async () => (await region.textContent())?.replace(/\s/g, " ");
      await expect.poll(figures).toContain("1 260 379");
      expect(await figures()).toContain("1 269 636");
      expect(await figures()).toContain("город Тверь");
      await screenshot(page, "kpi-formulas-4-region");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );
});
