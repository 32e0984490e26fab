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

describe("the panel", () => {
  it("opens in Russian on the list of centres for the administrator", async () => {
    const { page, pageErrors, context } = await signIn(browser, "admin");
    await page.getByRole("menuitem", { name: "Центры" }).click();
    await expect.poll(() => page.locator("tbody tr").count()).toBeGreaterThan(0);
    await screenshot(page, "smoke-centres");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
