// A Tver mobile office on screen: an administrator records a trip to a village with the
// documents issued by type, finds it in the office's list with its totals, corrects it, sees it
// in the dashboard's «Мобильные офисы» card, and deletes it after a confirmation. (The demo
// curator works in Smolensk and Udmurtia; Tver's offices are the administrator's.)
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, launch, pageMain, screenshot, signIn } from "./browser.js";

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

/** Unique per run, so the test finds only the visit it recorded. */
const NOTE = `Выезд по заявке сельской администрации, e2e ${Date.now().toString(36)}`;
/** A type no demo visit has, so the dashboard's row for it is this visit's alone. */
const NEW_TYPE = `Справка о составе семьи e2e ${Date.now().toString(36)}`;

/** Two days ago where the browser is: in the past (the API refuses visits ahead of time) and in the card's year. */
function twoDaysAgo(): string {
  const day = new Date();
  day.setDate(day.getDate() - 2);
  const month = String(day.getMonth() + 1).padStart(2, "0");
  return `${day.getFullYear()}-${month}-${String(day.getDate()).padStart(2, "0")}`;
}

/** A figure as the panel prints it in Russian (thin spaces between thousands) as a number. */
const numberIn = (text: string | null): number => Number((text ?? "").replace(/\D/g, ""));

const card = (page: Page) => page.locator('[data-card="mobile-offices"]');

/** The card's figures once it has loaded (empty when the period has no visits). */
async function cardFigures(
  page: Page,
): Promise<{ visits: number; people: number; documents: number; newType: number }> {
  const state = card(page).locator("[data-state='ready'], [data-state='empty'], [data-state='error']").first();
  await state.waitFor({ timeout: STEP_TIMEOUT });
  const settled = await state.getAttribute("data-state");
  expect(settled).not.toBe("error");
  if (settled === "empty") return { visits: 0, people: 0, documents: 0, newType: 0 };
  const figure = async (id: string) =>
    numberIn(await card(page).locator(`[data-figure="${id}"] [data-value]`).textContent());
  const typeRow = card(page).locator(`[data-document-type="${NEW_TYPE}"] [data-count]`);
  return {
    visits: await figure("visits"),
    people: await figure("peopleServed"),
    documents: await figure("documents"),
    newType: (await typeRow.count()) === 0 ? 0 : numberIn(await typeRow.textContent()),
  };
}

/** The row of the office's list that holds this run's visit. */
const visitRow = (page: Page): Locator => page.getByTestId("mobile-visits").locator("tbody tr", { hasText: NOTE });

describe("mobile offices", { timeout: TEST_TIMEOUT }, () => {
  it("lets an administrator record a visit with documents by type, edit it, see it on the dashboard and delete it", async () => {
    const { page, pageErrors, context } = await signIn(browser, "admin", { stepTimeout: STEP_TIMEOUT });

    // The dashboard's card before: the last 12 months by default, every region.
    const before = await cardFigures(page);
    expect(before.visits).toBeGreaterThan(0);
    await screenshot(page, "mobile-dashboard-before");

    // Tver's first mobile office (based in Tver itself).
    await page.getByRole("menuitem", { name: "Центры" }).click();
    const list = await pageMain(page, "list");
    await list.getByPlaceholder("Поиск").fill("Мобильный офис № 1");
    await poll(() => list.locator("tbody tr").count()).toBe(1);
    await poll(() => list.locator("tbody tr").first().textContent()).toContain("Тверская область");
    await list.locator("tbody tr").first().click();
    await page.getByRole("tab", { name: "Выезды мобильного офиса" }).click();
    const visitsUrl = page.url();
    const visits = page.getByTestId("mobile-visits");
    // The demo's trips of the office, the latest first.
    await poll(() => visits.locator("tbody tr").count()).toBeGreaterThan(0);

    // A new trip to a village of the Kalinin district.
    await page.getByRole("button", { name: "Добавить выезд" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.locator('input[name="visitedOn"]').fill(twoDaysAgo());
    await choose(dialog, "Муниципальное образование", "Калининский", "Калининский муниципальный округ");
    const settlementSelect = dialog.getByRole("combobox", { name: "Населённый пункт" });
    await settlementSelect.click();
    const settlement = page.getByRole("option").first();
    const village = ((await settlement.textContent()) ?? "").replace(/\s*\(.*\)$/, "").trim();
    expect(village).not.toBe("");
    await settlement.click();
    await poll(() => settlementSelect.textContent()).toContain(village);
    await dialog.locator('input[name="peopleServed"]').fill("23");
    await dialog.locator('input[name="documentType-0"]').fill("Паспорт гражданина РФ");
    await dialog.locator('input[name="count-0"]').fill("7");
    await dialog.getByRole("button", { name: "Добавить вид документа" }).click();
    await dialog.locator('input[name="documentType-1"]').fill("СНИЛС");
    // A negative count: the API's ValidationError is shown on the field, and the dialog stays open.
    await dialog.locator('input[name="count-1"]').fill("-5");
    await dialog.getByRole("button", { name: "Добавить вид документа" }).click();
    await dialog.locator('input[name="documentType-2"]').fill(NEW_TYPE);
    await dialog.locator('input[name="count-2"]').fill("4");
    await dialog.locator('textarea[name="note"]').fill(NOTE);
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    const countField = dialog.locator(".MuiFormControl-root", { has: page.locator('input[name="count-1"]') });
    await poll(() => countField.locator(".MuiFormHelperText-root").textContent()).toBe("Не может быть отрицательным.");
    await screenshot(page, "mobile-visit-validation");
    await dialog.locator('input[name="count-1"]').fill("5");
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await dialog.waitFor({ state: "detached" });

    // Listed with its place, documents by type and their total (7 + 5 + 4).
    const row = visitRow(page);
    await poll(() => row.count()).toBe(1);
    await poll(() => row.textContent()).toContain(village);
    await poll(() => row.textContent()).toContain("Калининский муниципальный округ");
    const documents = row.getByTestId("visit-documents");
    await poll(() => documents.textContent()).toContain("Паспорт гражданина РФ: 7");
    await poll(() => documents.textContent()).toContain("СНИЛС: 5");
    await poll(() => documents.textContent()).toContain(`${NEW_TYPE}: 4`);
    await poll(() => row.getByTestId("visit-total").textContent()).toBe("16");
    await screenshot(page, "mobile-visit-recorded");

    // Corrected: two more people, and eight SNILS rather than five.
    await row.getByRole("button", { name: "Изменить выезд" }).click();
    const peopleServed = dialog.locator('input[name="peopleServed"]');
    await poll(() => peopleServed.inputValue()).toBe("23");
    await peopleServed.fill("25");
    // The rows come back in the API's order: find the SNILS one by what it holds.
    await poll(() => dialog.getByTestId("document-row").count()).toBe(3);
    const types = await Promise.all(
      [0, 1, 2].map((i) => dialog.locator(`input[name="documentType-${i}"]`).inputValue()),
    );
    const snils = types.indexOf("СНИЛС");
    expect(snils).toBeGreaterThanOrEqual(0);
    await dialog.locator(`input[name="count-${snils}"]`).fill("8");
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await dialog.waitFor({ state: "detached" });
    await poll(() => documents.textContent()).toContain("СНИЛС: 8");
    await poll(() => row.getByTestId("visit-total").textContent()).toBe("19");
    await poll(() => row.textContent()).toContain("25");
    await screenshot(page, "mobile-visit-edited");

    // The dashboard counts it: one visit, 25 people, 19 documents, 4 of the new type.
    await page.goto("/admin/#/");
    await poll(async () => {
      const after = await cardFigures(page);
      return {
        visits: after.visits - before.visits,
        people: after.people - before.people,
        documents: after.documents - before.documents,
        newType: after.newType - before.newType,
      };
    }).toEqual({ visits: 1, people: 25, documents: 19, newType: 4 });
    await poll(() => card(page).getByTestId("mobile-documents").textContent()).toContain("СНИЛС");
    await screenshot(page, "mobile-dashboard-after");

    // Deleted after a confirmation: gone from the list and from the card.
    await page.goto(visitsUrl);
    await poll(() => visitRow(page).count()).toBe(1);
    await visitRow(page).getByRole("button", { name: "Удалить выезд" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Подтвердить" }).click();
    await poll(() => visitRow(page).count()).toBe(0);
    await page.goto("/admin/#/");
    await poll(async () => (await cardFigures(page)).visits).toBe(before.visits);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
