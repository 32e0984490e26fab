// The API's messages in the panel's language: a curator saves a centre whose name is too long
// and reads, under the field, what the API said in Russian (its code rendered from the shared
// catalogue), and in English once the panel is switched to English. Nothing is saved.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, pageMain, screenshot, signIn } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const STEP_TIMEOUT = 45_000;
const TEST_TIMEOUT = 240_000;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: STEP_TIMEOUT });

/** Longer than a centre's name may be (300 characters), and not shortened by the form. */
const TOO_LONG = "Центр общественного доступа ".repeat(12);

describe("messages in the panel's language", { timeout: TEST_TIMEOUT }, () => {
  it("shows a curator the API's refusal of a field in Russian, under the field", async () => {
    const { page, pageErrors } = await signIn(browser, "curator", { stepTimeout: STEP_TIMEOUT });
    await page.getByRole("menuitem", { name: "Центры" }).click();
    const list = await pageMain(page, "list");
    await list.locator("tbody tr").first().click();
    await page.getByRole("link", { name: "Редактировать" }).click();
    const form = await pageMain(page, "edit");
    const name = form.locator('input[name="name"]');
    const before = await name.inputValue();
    expect(before).not.toBe("");

    await name.fill(TOO_LONG);
    await page.getByRole("button", { name: "Сохранить" }).click();
    const field = form.locator(".MuiFormControl-root", { has: page.locator('input[name="name"]') });
    await poll(() => field.locator(".MuiFormHelperText-root").textContent()).toBe("Не больше 300 символов.");
    await screenshot(page, "messages-russian-field-error");
    // Nothing saved: the form read again shows the old name.
    await page.reload();
    const reread = await pageMain(page, "edit");
    await poll(() => reread.locator('input[name="name"]').inputValue()).toBe(before);

    // Switched to English, the panel asks the API in English and reads the same refusal so.
    await page.getByRole("button", { name: "Русский" }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await page.getByRole("button", { name: "Save" }).waitFor();
    const english = await pageMain(page, "edit");
    await english.locator('input[name="name"]').fill(TOO_LONG);
    await page.getByRole("button", { name: "Save" }).click();
    const englishField = english.locator(".MuiFormControl-root", { has: page.locator('input[name="name"]') });
    await poll(() => englishField.locator(".MuiFormHelperText-root").textContent()).toBe("At most 300 characters.");
    expect(pageErrors).toEqual([]);
  });
});
