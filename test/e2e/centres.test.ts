import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, launch, pageMain, screenshot, signIn } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Unique per run, so the test reads only the centre it created.
const NAME = `ЦОД e2e ${Date.now().toString(36)}`;
const FIRST_ADDRESS = "д. Талашкино, ул. Школьная, д. 1";
const NEW_ADDRESS = "д. Талашкино, ул. Школьная, д. 3";

// The machine running the suite may be busy (two cores shared with other work), so each
// step gets more time than browser.ts's 15 s, and each test more than the config's 60 s.
const STEP_TIMEOUT = 45_000;
const TEST_TIMEOUT = 180_000;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: STEP_TIMEOUT });

describe("centres", { timeout: TEST_TIMEOUT }, () => {
  let centreUrl = "";

  it("lets a curator create a centre through the form and find it in the list", async () => {
    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.getByRole("menuitem", { name: "Центры" }).click();
    await page.getByRole("link", { name: "Создать" }).click();
    const form = await pageMain(page, "create");

    await form.locator('input[name="name"]').fill(NAME);
    await choose(form, "Регион", "Смоленская область");
    await choose(form, "Муниципальное образование", "Смоленский район");
    // The settlement list (a select) comes from the chosen municipality.
    await form.getByRole("combobox", { name: "Населённый пункт" }).click();
    await page.getByRole("option").first().click();
    await choose(form, "Базовая организация", null);
    await form.locator('input[name="address"]').fill(FIRST_ADDRESS);
    await form.locator('input[name="latitude"]').fill("54.72");
    await form.locator('input[name="longitude"]').fill("31.9");
    await form.locator('input[name="printers"]').fill("2");
    await form.locator('input[name="accessibleMobility"]').check();
    await screenshot(page, "centres-create-form");
    await page.getByRole("button", { name: "Сохранить" }).click();

    // The show page of the new centre, with its data in Russian.
    await page.getByRole("tab", { name: "Основное" }).waitFor();
    await poll(() => page.getByText(FIRST_ADDRESS).count()).toBeGreaterThan(0);
    await poll(() => page.getByText("Смоленский район").count()).toBeGreaterThan(0);
    await poll(() => page.getByText("Работает").count()).toBeGreaterThan(0);
    centreUrl = page.url();
    await screenshot(page, "centres-show-created");

    await page.getByRole("menuitem", { name: "Центры" }).click();
    // The centre's page stays on screen until the list is: look in the list.
    const list = await pageMain(page, "list");
    await list.getByPlaceholder("Поиск").fill(NAME);
    await poll(() => list.locator("tbody tr").count()).toBe(1);
    await poll(() => list.locator("tbody tr").first().textContent()).toContain("Смоленская область");
    await screenshot(page, "centres-list-search");

    // The export is the API's CSV of the list as filtered: the API's columns (the ones partners
    // get, website among them) and only the centre searched for, not the rows on screen.
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: STEP_TIMEOUT }),
      page.getByRole("button", { name: "Экспорт" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^centres-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await download.path(), "utf8"))
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]?.split(",")).toEqual(expect.arrayContaining(["id", "name", "website", "host_organisation"]));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(NAME);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("lets the curator edit the centre and see the change in its history", async () => {
    expect(centreUrl).not.toBe("");
    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.goto(centreUrl);
    await page.getByRole("link", { name: "Редактировать" }).click();
    const address = page.locator('input[name="address"]');
    await poll(() => address.inputValue()).toBe(FIRST_ADDRESS);
    await address.fill(NEW_ADDRESS);
    await page.getByRole("button", { name: "Сохранить" }).click();
    await poll(() => page.getByText(NEW_ADDRESS).count()).toBeGreaterThan(0);

    await page.getByRole("tab", { name: "История" }).click();
    const history = page.getByTestId("history");
    // The change reads as a row of the History table: the field's label, before, after.
    const addressRow = history.getByTestId("history-fields").locator("tr", { hasText: "Адрес" }).first();
    await poll(async () => (await addressRow.locator("td").allTextContents()).slice(1)).toEqual([
      FIRST_ADDRESS,
      NEW_ADDRESS,
    ]);
    await poll(() => history.textContent()).toContain("Изменение");
    await poll(() => history.textContent()).toContain("Создание");
    await screenshot(page, "centres-history");

    // The curator checked the data today: the date, time and the curator's name appear.
    await page.getByRole("tab", { name: "Основное" }).click();
    await page.getByRole("button", { name: "Проверено сегодня" }).click();
    const verified = page.getByTestId("last-verified");
    await poll(() => verified.textContent()).toMatch(/2\d{3} г\., \d{2}:\d{2}·/);
    // The name after the date is the signed-in curator's, as the app bar shows it.
    const verifier = ((await verified.textContent()) ?? "").split("·")[1]?.trim() ?? "";
    expect(verifier).not.toBe("");
    expect(await page.locator("header").textContent()).toContain(verifier);
    await screenshot(page, "centres-verified");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("lets the curator set the weekly hours and a special day", async () => {
    expect(centreUrl).not.toBe("");
    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.goto(centreUrl);
    await page.getByRole("tab", { name: "Часы работы" }).click();
    await poll(() => page.getByText("Часы работы не заданы").count()).toBe(1);
    await page.getByRole("button", { name: "Изменить часы" }).click();
    // Monday to Friday 09:00–18:00 is offered; Saturday is added with shorter hours.
    await poll(() => page.getByTestId("hours-row").count()).toBe(5);
    await page.getByRole("button", { name: "Добавить интервал" }).click();
    await page.locator('input[name="opens-5"]').fill("10:00");
    await page.locator('input[name="closes-5"]').fill("14:00");
    await screenshot(page, "centres-hours-dialog");
    await page.getByRole("dialog").getByRole("button", { name: "Сохранить" }).click();

    const weekly = page.getByTestId("weekly-hours");
    await poll(() => weekly.textContent()).toContain("Понедельник09:00–18:00");
    await poll(() => weekly.textContent()).toContain("Суббота10:00–14:00");
    await poll(() => weekly.textContent()).toContain("ВоскресеньеВыходной");

    await page.getByRole("button", { name: "Добавить особый день" }).click();
    await page.locator('input[name="startsOn"]').fill("2026-12-31");
    await page.locator('input[name="reason"]').fill("Предпраздничный день");
    await page.getByRole("dialog").getByRole("button", { name: "Сохранить" }).click();
    const exceptions = page.getByTestId("hours-exceptions");
    await poll(() => exceptions.textContent()).toContain("Предпраздничный день");
    await poll(() => exceptions.textContent()).toContain("Центр закрыт");
    await screenshot(page, "centres-hours");

    // A service the centre helps with, found by name.
    await page.getByRole("tab", { name: "Услуги" }).click();
    await page.getByRole("button", { name: "Добавить услугу" }).click();
    // The picker shows no options until the search's answer: the first one is a match.
    const serviceName = await choose(page.getByRole("dialog"), "Услуга", "паспорт", null);
    await page.getByRole("dialog").getByRole("button", { name: "Сохранить" }).click();
    const services = page.getByTestId("centre-services");
    await poll(() => services.textContent()).toContain(serviceName);
    await poll(() => services.textContent()).toContain("Консультация");
    await screenshot(page, "centres-services");

    // The new hours are in the centre's history too.
    await page.getByRole("tab", { name: "История" }).click();
    await poll(() => page.getByTestId("history").textContent()).toContain("Часы работы");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("shows the auditor a centre without any edit, create, archive or verify control", async () => {
    const { page, pageErrors, context } = await signIn(browser, "auditor", { stepTimeout: STEP_TIMEOUT });
    await page.getByRole("menuitem", { name: "Центры" }).click();
    const rows = (await pageMain(page, "list")).locator("tbody tr");
    await poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: "Создать" }).count()).toBe(0);
    await rows.first().click();
    await page.getByRole("tab", { name: "Основное" }).waitFor();
    await poll(() => page.getByText("Данные проверены").count()).toBe(1);
    const absent = async (names: string[]) => {
      for (const name of names) {
        expect(await page.getByRole("button", { name }).count(), name).toBe(0);
        expect(await page.getByRole("link", { name }).count(), name).toBe(0);
      }
    };
    await absent(["Редактировать", "В архив", "Восстановить", "Проверено сегодня"]);
    await screenshot(page, "centres-auditor-show");
    await page.getByRole("tab", { name: "Часы работы" }).click();
    await page.getByText("Особые дни").waitFor();
    await absent(["Изменить часы", "Добавить особый день", "Изменить", "Удалить"]);
    await page.getByRole("tab", { name: "Услуги" }).click();
    await absent(["Добавить услугу", "Убрать"]);
    await screenshot(page, "centres-auditor-services");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("shows a region's municipalities, a municipality's settlements and the organisations", async () => {
    const { page, pageErrors, context } = await signIn(browser, "admin", { stepTimeout: STEP_TIMEOUT });
    await page.getByRole("menuitem", { name: "Регионы" }).click();
    const regions = await pageMain(page, "list");
    await regions.getByPlaceholder("Поиск").fill("Смоленская");
    await poll(() => regions.locator("tbody tr").count()).toBe(1);
    await regions.locator("tbody tr").first().click();
    await page.getByRole("tab", { name: "Муниципальные образования" }).click();
    await poll(() => page.getByText("Смоленский район").count()).toBe(1);
    await screenshot(page, "regions-municipalities");
    await page.getByText("Смоленский район").click();
    await page.getByRole("tab", { name: "Населённые пункты" }).click();
    await poll(() => page.getByTestId("settlements").textContent()).toContain("Сельский");
    await screenshot(page, "municipalities-settlements");

    await page.getByRole("menuitem", { name: "Организации" }).click();
    const organisations = await pageMain(page, "list");
    await organisations.getByPlaceholder("Поиск").fill("Твардовского");
    await poll(() => organisations.locator("tbody tr").count()).toBe(1);
    await poll(() => organisations.locator("tbody tr").first().textContent()).toContain("Библиотека");
    await organisations.locator("tbody tr").first().click();
    await page.getByRole("tab", { name: "Центры" }).click();
    await poll(() => page.locator("tbody tr").count()).toBeGreaterThan(0);
    await screenshot(page, "organisations-centres");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("lets a curator create, archive and restore an organisation, with each step in its history", async () => {
    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    const name = `Библиотека e2e ${Date.now().toString(36)}`;
    await page.getByRole("menuitem", { name: "Организации" }).click();
    await page.getByRole("link", { name: "Создать" }).click();
    // Not the URL: the list, with a «Регион» filter of its own, stays on screen until the form is.
    const form = await pageMain(page, "create");
    await choose(form, "Регион", "Удмуртская Республика");
    await form.locator('input[name="name"]').fill(name);
    await form.locator('input[name="inn"]').fill("1830000001");
    await screenshot(page, "organisations-create-form");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await page.getByRole("tab", { name: "Основное" }).waitFor();
    await poll(() => page.getByText("Библиотека", { exact: true }).count()).toBe(1);

    await page.getByRole("button", { name: "В архив" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Подтвердить" }).click();
    await page.getByRole("button", { name: "Восстановить" }).waitFor();
    await poll(() => page.getByText("Организация перенесена в архив").count()).toBe(1);
    await screenshot(page, "organisations-archived");
    await page.getByRole("button", { name: "Восстановить" }).click();
    await page.getByRole("button", { name: "В архив" }).waitFor();

    await page.getByRole("tab", { name: "История" }).click();
    const history = page.getByTestId("history");
    for (const action of ["Создание", "В архив", "Восстановление"]) {
      await poll(() => history.textContent()).toContain(action);
    }
    await screenshot(page, "organisations-history");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("shows the operator centres read-only", async () => {
    const { page, pageErrors, context } = await signIn(browser, "operator", { stepTimeout: STEP_TIMEOUT });
    await page.getByRole("menuitem", { name: "Центры" }).click();
    const rows = (await pageMain(page, "list")).locator("tbody tr");
    await poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: "Создать" }).count()).toBe(0);
    await rows.first().click();
    await page.getByRole("tab", { name: "Основное" }).waitFor();
    await poll(() => page.getByText("Удмуртская Республика").count()).toBeGreaterThan(0);
    for (const name of ["Редактировать", "В архив", "Проверено сегодня"]) {
      expect(await page.getByRole("button", { name }).count(), name).toBe(0);
      expect(await page.getByRole("link", { name }).count(), name).toBe(0);
    }
    expect(await page.getByRole("tab", { name: "История" }).count()).toBe(0);
    await screenshot(page, "centres-operator-show");

    // The same page in English.
    await page.locator('button[aria-controls="simple-menu"]').click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("tab", { name: "Opening hours" }).click();
    await page.getByText("Weekly opening hours").waitFor();
    await screenshot(page, "centres-operator-english");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
