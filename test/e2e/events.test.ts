// The event register on screen: the demo curator (Smolensk and Udmurtia) records an Udmurtia
// forum of 2018 with its participants and municipalities, finds it by the period, corrects it
// (the change in its history), archives and restores it; the auditor reads events without any
// control to change them.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../helpers/files.js";
import { choose, launch, pageMain, screenshot, signIn } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Unique per run, so the test reads only the event it created.
const TITLE = `Форум e2e ${Date.now().toString(36)}`;
const DISTRICTS = ["Алнашский район", "Балезинский район"];
const PROGRAMME = `Программа-форума-${Date.now().toString(36)}.pdf`;

// The machine running the suite may be busy: each step gets more time than browser.ts's 15 s.
const STEP_TIMEOUT = 45_000;
const TEST_TIMEOUT = 180_000;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: STEP_TIMEOUT });

/** Chooses the option `option` of the select labelled `label` (react-admin's SelectInput). */
async function select(scope: Locator, label: string, option: string): Promise<void> {
  const page = scope.page();
  await scope.getByRole("combobox", { name: label }).first().click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await poll(() => scope.getByRole("combobox", { name: label }).first().textContent()).toContain(option);
}

/** Adds the option `option` to the multiple autocomplete labelled `label`, found by `search`. */
async function add(page: Page, scope: Locator, label: string, search: string, option: string): Promise<void> {
  const input = scope.getByRole("combobox", { name: label }).first();
  await input.fill(search);
  const item = page.getByRole("option", { name: option, exact: true });
  await poll(async () => {
    try {
      await item.click({ timeout: 2_000 });
      return true;
    } catch {
      if ((await page.getByRole("listbox").count()) === 0) await input.click();
      return false;
    }
  }).toBe(true);
  // The choice is a chip of the input, and the typed search is gone.
  await poll(() => scope.locator(".MuiChip-root", { hasText: option }).count()).toBe(1);
}

describe("events", { timeout: TEST_TIMEOUT }, () => {
  let eventUrl = "";

  it("lets the curator record an Udmurtia forum of 2018, the API's issues on their fields", async () => {
    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.getByRole("menuitem", { name: "Мероприятия" }).click();
    await (await pageMain(page, "list")).locator("tbody tr").first().waitFor();
    await page.getByRole("link", { name: "Создать" }).click();
    const form = await pageMain(page, "create");

    await form.locator('input[name="title"]').fill(TITLE);
    await select(form, "Вид", "Форум");
    await select(form, "Аудитория", "Граждане");
    await form.locator('input[name="startsOn"]').fill("2018-06-14");
    // A day before the start: the API refuses it, and says so under the field.
    await form.locator('input[name="endsOn"]').fill("2018-06-13");
    await form.locator('input[name="participants"]').fill("75");
    // The curator's own regions; the host and municipalities are of the region chosen.
    await select(form, "Регион", "Удмуртская Республика");
    const host = await choose(form, "Организатор", null);
    for (const district of DISTRICTS)
      await add(page, form, "Муниципальные образования", district.slice(0, 5), district);
    await screenshot(page, "events-create-form");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await poll(() => form.textContent()).toContain("Мероприятие не может закончиться раньше, чем началось.");
    expect(page.url()).toContain("/events/create");
    await screenshot(page, "events-create-issue");

    await form.locator('input[name="endsOn"]').fill("2018-06-15");
    await page.getByRole("button", { name: "Сохранить" }).click();

    // The new event's page, in Russian.
    const show = await pageMain(page, "show");
    await page.getByRole("tab", { name: "Сведения" }).waitFor();
    await poll(() => show.textContent()).toContain(TITLE);
    for (const text of ["Форум", "Граждане", "Удмуртская Республика", host, "75", ...DISTRICTS]) {
      await poll(() => show.textContent()).toContain(text);
    }
    eventUrl = page.url();
    await screenshot(page, "events-show-created");

    // The list by period: all of 2018 holds the demo's five forums, its seminar and two webinars,
    // and this one; June only this one.
    await page.getByRole("menuitem", { name: "Мероприятия" }).click();
    const list = await pageMain(page, "list");
    await list.locator('input[name="from"]').fill("2018-01-01");
    await list.locator('input[name="to"]').fill("2018-12-31");
    await poll(() => list.locator("tbody tr").count()).toBe(9);
    await poll(() => list.locator("tbody").textContent()).toContain(TITLE);
    await list.locator('input[name="from"]').fill("2018-06-01");
    await list.locator('input[name="to"]').fill("2018-06-30");
    await poll(() => list.locator("tbody tr").count()).toBe(1);
    await poll(() => list.locator("tbody tr").first().textContent()).toContain(TITLE);
    await poll(() => list.locator("tbody tr").first().textContent()).toContain("Форум");
    await screenshot(page, "events-list-period");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("lets the curator correct the event (refused over a newer version) and see the change in its history, then archive and restore it", async () => {
    expect(eventUrl).not.toBe("");
    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.goto(eventUrl);
    await page.getByRole("link", { name: "Редактировать" }).click();
    let form = await pageMain(page, "edit");
    let participants = form.locator('input[name="participants"]');
    await poll(() => participants.inputValue()).toBe("75");

    // Meanwhile the event changes in another tab: the form's version is stale, and its save is
    // refused as a conflict rather than written over that change.
    const other = await context.newPage();
    await other.goto(eventUrl);
    await other.getByRole("button", { name: "В архив" }).click();
    await other.getByRole("dialog").getByRole("button", { name: "Подтвердить" }).click();
    await other.getByRole("button", { name: "Восстановить" }).click();
    await other.getByRole("button", { name: "В архив" }).waitFor();
    await other.close();
    await participants.fill("80");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await poll(() => page.getByText("Запись уже изменил кто-то другой").count()).toBeGreaterThan(0);
    expect(page.url()).not.toContain("/show");
    await screenshot(page, "events-edit-conflict");

    // Read again, the form holds the current version and saves.
    await page.reload();
    form = await pageMain(page, "edit");
    participants = form.locator('input[name="participants"]');
    await poll(() => participants.inputValue()).toBe("75");
    // The municipalities chosen are on the form, and one more is added.
    for (const district of DISTRICTS)
      await poll(() => form.locator(".MuiChip-root", { hasText: district }).count()).toBe(1);
    await participants.fill("80");
    await add(page, form, "Муниципальные образования", "Вавож", "Вавожский район");
    await page.getByRole("button", { name: "Сохранить" }).click();

    const show = await pageMain(page, "show");
    await poll(() => show.textContent()).toContain("Вавожский район");
    await poll(() => show.textContent()).toContain("80");
    await page.getByRole("tab", { name: "История" }).click();
    const history = page.getByTestId("history");
    // The change reads as a row of the History table: the field's label, before, after.
    const participantsRow = history.getByTestId("history-fields").locator("tr", { hasText: "Участник" }).first();
    await poll(async () => (await participantsRow.locator("td").allTextContents()).slice(1)).toEqual(["75", "80"]);
    await poll(() => history.textContent()).toContain("Изменение");
    await poll(() => history.textContent()).toContain("Создание");
    await screenshot(page, "events-history");

    await page.getByRole("tab", { name: "Сведения" }).click();
    await page.getByRole("button", { name: "В архив" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Подтвердить" }).click();
    await page.getByRole("button", { name: "Восстановить" }).waitFor();
    await poll(() => page.getByText("Мероприятие перенесено в архив").count()).toBe(1);
    // An archived event is restored, not edited.
    expect(await page.getByRole("link", { name: "Редактировать" }).count()).toBe(0);
    await screenshot(page, "events-archived");
    await page.getByRole("button", { name: "Восстановить" }).click();
    await page.getByRole("button", { name: "В архив" }).waitFor();
    await page.getByRole("link", { name: "Редактировать" }).waitFor();

    await page.getByRole("tab", { name: "История" }).click();
    for (const action of ["В архив", "Восстановление"]) {
      await poll(() => page.getByTestId("history").textContent()).toContain(action);
    }
    await screenshot(page, "events-history-archive");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("lets the curator attach the forum's programme, which the materials list offers to download", async () => {
    expect(eventUrl).not.toBe("");
    const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.goto(eventUrl);
    await page.getByRole("tab", { name: "Материалы" }).click();
    await page.getByText("Материалов пока нет").waitFor();
    const input = page.getByTestId("file-input");
    await input.setInputFiles({ name: PROGRAMME, mimeType: "application/pdf", buffer: pdf("Programme", 20_000) });
    await page.getByText(`Файл «${PROGRAMME}» загружен и доступен`).waitFor();
    const row = page.getByTestId("event-materials").locator(`tr[data-file="${PROGRAMME}"]`);
    await row.waitFor();
    await poll(() => row.getByRole("button").count()).toBe(1);
    await screenshot(page, "events-material-uploaded");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("shows the auditor events without any edit, create or archive control", async () => {
    const { page, pageErrors, context } = await signIn(browser, "auditor", { stepTimeout: STEP_TIMEOUT });
    await page.getByRole("menuitem", { name: "Мероприятия" }).click();
    const list = await pageMain(page, "list");
    const rows = list.locator("tbody tr");
    await poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: "Создать" }).count()).toBe(0);
    await list.locator('input[name="from"]').fill("2018-06-01");
    await list.locator('input[name="to"]').fill("2018-06-30");
    await poll(() => rows.count()).toBe(1);
    await rows.first().click();
    const show = await pageMain(page, "show");
    await poll(() => show.textContent()).toContain(TITLE);
    for (const name of ["Редактировать", "В архив", "Восстановить", "Создать"]) {
      expect(await page.getByRole("button", { name }).count(), name).toBe(0);
      expect(await page.getByRole("link", { name }).count(), name).toBe(0);
    }
    // The auditor reads the materials without the upload.
    await page.getByRole("tab", { name: "Материалы" }).click();
    await page.getByTestId("event-materials").locator(`tr[data-file="${PROGRAMME}"]`).waitFor();
    expect(await page.getByTestId("file-input").count()).toBe(0);
    await screenshot(page, "events-auditor-show");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
