import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, openPanel, screenshot, signIn } from "./browser.js";

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

  it("runs under its Content-Security-Policy, which refuses injected script and reports it", async () => {
    const { page, pageErrors, context } = await openPanel(browser);
    const response = await page.reload();
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.locator('input[name="username"]').waitFor();
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.body.dataset.injected = 'ran'";
      document.body.append(script);
    });
    await expect.poll(() => pageErrors.some((problem) => problem.includes("CSP violation: script-src"))).toBe(true);
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
    // This test caused the violation on purpose; any other would fail it when it ends.
    pageErrors.splice(0, pageErrors.length);
    await context.close();
  });
});
