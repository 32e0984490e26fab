// Each demo role signs in and sees the menu of what it may use, then signs out; a wrong
// password is refused in Russian; English relabels the panel.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoRole, FIRST_SCREEN_MS, launch, openPanel, screenshot, signIn } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** expect.poll waits 1 s by default: too short for a chart to draw on a busy machine. */
const POLL = { timeout: 15_000 };

/** Every resource with a list page, in the registry's (menu) order. */
const ALL = [
  "centres",
  "reports",
  "feedback",
  "systemicErrors",
  "events",
  "registryImports",
  "services",
  "lifeSituations",
  "qualityStandards",
  "qualityMeasurements",
  "kpis",
  "people",
  "curatorAssignments",
  "organisations",
  "regions",
  "municipalities",
  "population",
  "reportForms",
  "feedbackCategories",
  "projects",
  "users",
  "apiClients",
  "fileAccesses",
] as const;
type ResourceName = (typeof ALL)[number];
const except = (...left: ResourceName[]) => ALL.filter((name) => !left.includes(name));

/** What each role may open, as issue 6 and the API's scopes define it. */
const MENU: Record<DemoRole, readonly ResourceName[]> = {
  admin: ALL,
  curator: except("users", "apiClients", "fileAccesses"),
  // Read-only everything, the file access log included; accounts and API keys are the admin's.
  auditor: except("users", "apiClients"),
  // Their centre, its reports and the feedback about it.
  operator: ["centres", "reports", "feedback"],
};

const menuItems = (page: Page) => page.locator("[class*='RaMenu'] [role='menuitem']");

/** The resources the menu links to (react-admin's hash routes: #/centres), dashboard excluded. */
async function menuResources(page: Page): Promise<string[]> {
  const hrefs = await menuItems(page).evaluateAll((items) => items.map((item) => item.getAttribute("href") ?? ""));
  return hrefs.map((href) => href.replace(/^.*#\//, "")).filter((name) => name !== "");
}

describe("the menu of each role", () => {
  for (const role of ["admin", "curator", "auditor", "operator"] as const) {
    it(`shows ${role} what the role may use, in Russian, and signs out`, async () => {
      const { page, pageErrors, context } = await signIn(browser, role);
      await menuItems(page).first().waitFor();
      const shown = await menuResources(page);
      expect(shown).toEqual(MENU[role]);
      const hidden = ALL.filter((name) => !MENU[role].includes(name));
      for (const name of hidden) expect(shown).not.toContain(name);

      // Every label is Russian words, never a raw i18n key.
      const labels = await menuItems(page).allInnerTexts();
      expect(labels[0]).toBe("Главная");
      for (const label of labels) {
        expect(label).toMatch(/[а-яё]/i);
        expect(label).not.toMatch(/resources\.|dostup\./);
      }
      // The longest menu, the administrator's, fits the 900 px-high window without scrolling
      // (the sidebar hides its scrollbar, so entries below the fold would go unnoticed).
      const last = await menuItems(page).last().boundingBox();
      expect((last?.y ?? Number.POSITIVE_INFINITY) + (last?.height ?? 0)).toBeLessThanOrEqual(900);
      await screenshot(page, `roles-${role}-menu`);

      await page.getByRole("button", { name: "Профиль" }).click();
      await page.getByRole("menuitem", { name: "Выйти" }).click();
      await page.locator('input[name="username"]').waitFor();
      await expect.poll(() => page.evaluate(() => localStorage.getItem("dostup.auth")), POLL).toBeNull();
      await expect.poll(() => menuItems(page).count(), POLL).toBe(0);
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  }
});

describe("signing in", () => {
  it("names the app in Russian and refuses a wrong password in Russian", async () => {
    const { page, pageErrors, context } = await openPanel(browser);
    page.setDefaultTimeout(FIRST_SCREEN_MS);
    await expect.poll(() => page.getByRole("heading", { name: "Доступ" }).isVisible(), POLL).toBe(true);
    await expect.poll(() => page.getByRole("button", { name: "Войти" }).isVisible(), POLL).toBe(true);
    await page.locator('input[name="username"]').fill("curator@dostup.local");
    await page.locator('input[name="password"]').fill("не тот пароль");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.getByText("Неверный email или пароль").waitFor();
    // Still on the login page, signed out.
    expect(await page.locator('input[name="password"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem("dostup.auth"))).toBeNull();
    await screenshot(page, "roles-wrong-password");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("switches the labels to English and back", async () => {
    const { page, pageErrors, context } = await signIn(browser, "admin");
    await expect.poll(() => page.getByText("Работа", { exact: true }).isVisible(), POLL).toBe(true);
    await page.getByRole("button", { name: "Русский" }).click();
    await page.getByRole("menuitem", { name: "English" }).click();

    await expect.poll(() => menuItems(page).first().innerText(), POLL).toBe("Dashboard");
    await expect.poll(() => page.getByText("Work", { exact: true }).isVisible(), POLL).toBe(true);
    await expect.poll(() => page.getByText("Administration", { exact: true }).isVisible(), POLL).toBe(true);
    await expect.poll(() => page.getByRole("heading", { name: "Indicator over time" }).isVisible(), POLL).toBe(true);
    const labels = await menuItems(page).allInnerTexts();
    for (const label of labels) {
      expect(label).not.toMatch(/[а-яё]/i);
      expect(label).not.toMatch(/resources\.|dostup\./);
    }
    await screenshot(page, "roles-english");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await expect.poll(() => menuItems(page).first().innerText(), POLL).toBe("Главная");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
