// The dashboard in the browser: each chart drawn with data marks, the alert lists linking to
// their records, a curator limited to their regions, an operator's own short dashboard; and
// what the first screens cost (bundle size, time until usable), written for CI to keep.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseUrl,
  DEMO,
  DEMO_PASSWORD,
  FIRST_SCREEN_MS,
  launch,
  SCREENSHOTS,
  screenshot,
  signIn,
  watch,
} from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** expect.poll waits 1 s by default: too short for a chart to draw on a busy machine. */
const POLL = { timeout: 15_000 };

const card = (page: Page, id: string) => page.locator(`[data-card="${id}"]`);

/** Waits until the card has loaded, and tells which state it ended in (ready, empty, error). */
async function settled(page: Page, id: string): Promise<string | undefined> {
  const state = card(page, id).locator("[data-state='ready'], [data-state='empty'], [data-state='error']");
  await state.first().waitFor();
  return (await state.first().getAttribute("data-state")) ?? undefined;
}

/** The three charts drawn: lines for the dynamics, bars for requests and KPIs. */
async function expectChartsDrawn(page: Page): Promise<void> {
  for (const id of ["dynamics", "requests", "kpis"]) expect(await settled(page, id)).toBe("ready");
  await expect.poll(() => card(page, "dynamics").locator("svg .recharts-line-curve").count(), POLL).toBe(2);
  await expect
    .poll(() => card(page, "requests").locator("svg .recharts-bar-rectangle").count(), POLL)
    .toBeGreaterThan(0);
  await expect.poll(() => card(page, "kpis").locator("svg .recharts-bar-rectangle").count(), POLL).toBeGreaterThan(0);
  // The lines are drawn through the points, not empty paths.
  const path = await card(page, "dynamics").locator(".recharts-line-curve").first().getAttribute("d");
  expect(path?.length ?? 0).toBeGreaterThan(20);
}

describe("the dashboard", () => {
  it("draws the administrator's charts and alert lists, each row linking to its record", async () => {
    const { page, pageErrors, context } = await signIn(browser, "admin");
    await expectChartsDrawn(page);
    expect(await card(page, "dynamics").innerText()).toContain("В сельской местности");
    // Axis ticks in Russian number format (a narrow no-break space between thousands).
    expect(await card(page, "dynamics").locator(".recharts-yAxis-tick-labels").textContent()).toMatch(
      /\d[\u00a0\u202f ]000/,
    );

    // The demo data has expired signatures, overdue reports and unverified centres.
    for (const id of ["signatures", "overdue", "unverified"]) {
      expect(await settled(page, id)).toBe("ready");
      expect(await card(page, id).locator("[data-alert-row]").count()).toBeGreaterThan(0);
    }
    expect(["ready", "empty"]).toContain(await settled(page, "curators"));
    expect(await page.locator("[data-state='error']").count()).toBe(0);
    expect(await card(page, "signatures").innerText()).toMatch(/Истекла \d+ дн\. назад|Осталось \d+ дн\./);
    await screenshot(page, "dashboard-admin");

    const overdue = card(page, "overdue").locator("[data-alert-row]").first();
    expect(await overdue.getAttribute("href")).toMatch(/#\/reports\/[^/]+\/show$/);
    const signature = card(page, "signatures").locator("[data-alert-row]").first();
    const centreName = (await signature.locator(".MuiListItemText-primary").innerText()).trim();
    expect(await signature.getAttribute("href")).toMatch(/#\/centres\/[^/]+\/show$/);
    await signature.click();
    await expect.poll(() => page.url(), POLL).toMatch(/#\/centres\/[^/]+\/show$/);
    await page.getByText(centreName).first().waitFor();
    await screenshot(page, "dashboard-admin-alert-centre");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("offers the curator their two regions and narrows the charts to one", async () => {
    const { page, pageErrors, context } = await signIn(browser, "curator");
    await expectChartsDrawn(page);
    await page.locator("[data-control='region'] [role='combobox']").click();
    const options = await page.getByRole("option").allInnerTexts();
    expect(options).toEqual(["Все мои регионы", "Смоленская область", "Удмуртская Республика"]);
    await page.getByRole("option", { name: "Удмуртская Республика" }).click();
    await page.locator("[data-control='from'] [role='combobox']").click();
    await page.getByRole("option", { name: "2015", exact: true }).click();

    // Udmurtia's annual reports of 2015–2018 (seed 003): 2015 is on the axis.
    await expect
      .poll(() => card(page, "dynamics").locator(".recharts-xAxis-tick-labels").textContent(), POLL)
      .toContain("2015");
    await expectChartsDrawn(page);
    for (const id of ["signatures", "overdue", "unverified", "curators"]) {
      expect(["ready", "empty"]).toContain(await settled(page, id));
    }
    // Alerts of the region only.
    const regions = await card(page, "signatures").locator(".MuiListItemText-secondary").allInnerTexts();
    for (const line of regions) expect(line).toContain("Удмуртская Республика");
    expect(await page.locator("[data-state='error']").count()).toBe(0);
    await screenshot(page, "dashboard-curator-udmurtia");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("shows the auditor the same figures, read-only", async () => {
    const { page, pageErrors, context } = await signIn(browser, "auditor");
    await expectChartsDrawn(page);
    for (const id of ["signatures", "overdue", "unverified", "curators"]) {
      expect(["ready", "empty"]).toContain(await settled(page, id));
    }
    expect(await page.locator("[data-state='error']").count()).toBe(0);
    await screenshot(page, "dashboard-auditor");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("welcomes the operator with their centre's reports instead of regional alerts", async () => {
    const { page, pageErrors, context } = await signIn(browser, "operator");
    await card(page, "welcome").waitFor();
    expect(await card(page, "welcome").innerText()).toContain("Ваш центр:");
    expect(await settled(page, "centre-reports")).toBe("ready");
    // The seed walks the operator's centre through every status: a draft and a returned report are overdue.
    const rows = card(page, "centre-reports").locator("[data-alert-row]");
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
    expect(await card(page, "centre-reports").innerText()).toContain("Черновик");
    expect(await rows.first().getAttribute("href")).toMatch(/#\/reports\/[^/]+\/show$/);
    expect(await settled(page, "dynamics")).toBe("ready");
    await expect.poll(() => card(page, "dynamics").locator(".recharts-line-curve").count(), POLL).toBeGreaterThan(0);
    // No card the operator's role may not read, so no error either.
    expect(await card(page, "signatures").count()).toBe(0);
    expect(await page.locator("[data-state='error']").count()).toBe(0);
    await screenshot(page, "dashboard-operator");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe("the first screens", () => {
  it("loads the login page and then the dashboard within budget, and records the figures", async () => {
    // What the login page loads: every script and style fetched before its form shows.
    // A fresh context: nothing cached, nobody signed in.
    const context = await browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: 1400, height: 900 },
      locale: "ru-RU",
    });
    // Counts the session lookups: react-admin's logout redirect once looped thousands of times
    // before the login form showed (authProvider.getPermissions).
    await context.addInitScript(() => {
      const counted = window as unknown as { authReads: number };
      counted.authReads = 0;
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (key: string) {
        if (key === "dostup.auth") counted.authReads++;
        return getItem.call(this, key);
      };
    });
    const fresh = await context.newPage();
    fresh.setDefaultTimeout(FIRST_SCREEN_MS);
    const pageErrors = await watch(fresh);
    const assets: string[] = [];
    fresh.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith("/admin/assets/")) assets.push(url.pathname);
    });
    // The main thread's CPU time (Chromium's ThreadTime, in seconds) as well as wall time: on
    // a busy machine the wall time mostly measures waiting for a core.
    const cdp = await context.newCDPSession(fresh);
    await cdp.send("Performance.enable");
    const mainThreadMs = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return Math.round((metrics.find((metric) => metric.name === "ThreadTime")?.value ?? 0) * 1000);
    };
    await fresh.goto("/admin/");
    await fresh.locator('input[name="username"]').waitFor();
    const loginMs = await fresh.evaluate(() => Math.round(performance.now()));
    const loginMainThreadMs = await mainThreadMs();
    const loginAssets = [...assets];
    const authReads = await fresh.evaluate(() => (window as unknown as { authReads: number }).authReads);

    await fresh.locator('input[name="username"]').fill(DEMO.admin);
    await fresh.locator('input[name="password"]').fill(DEMO_PASSWORD);
    const signInStart = await fresh.evaluate(() => performance.now());
    await fresh.locator('button[type="submit"]').click();
    await fresh.locator("[data-card='dynamics'] .recharts-line-curve").first().waitFor();
    await fresh.locator("[data-card='kpis'] .recharts-bar-rectangle").first().waitFor();
    const dashboardMs = Math.round((await fresh.evaluate(() => performance.now())) - signInStart);
    const dashboardMainThreadMs = (await mainThreadMs()) - loginMainThreadMs;
    const dashboardAssets = assets.filter((asset) => !loginAssets.includes(asset));

    const dist = process.env.DOSTUP_ADMIN_DIR ?? new URL("../../admin/dist", import.meta.url).pathname;
    const gzipped = async (paths: string[]) => {
      let raw = 0;
      let gzip = 0;
      for (const path of paths) {
        const bytes = await readFile(join(dist, path.replace(/^\/admin\//, "")));
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
      return { files: paths.length, rawKB: Math.round(raw / 1024), gzipKB: Math.round(gzip / 1024) };
    };
    const figures = {
      measuredAt: new Date().toISOString(),
      loadAverage: loadavg().map((load) => Math.round(load * 10) / 10),
      loginPage: {
        ...(await gzipped(loginAssets)),
        usableAfterMs: loginMs,
        mainThreadCpuMs: loginMainThreadMs,
        authReads,
      },
      dashboardAfterSignIn: {
        ...(await gzipped(dashboardAssets)),
        chartsDrawnAfterMs: dashboardMs,
        mainThreadCpuMs: dashboardMainThreadMs,
      },
    };
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(join(SCREENSHOTS, "first-screens.json"), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`first screens: ${JSON.stringify(figures)}\n`);
    await screenshot(fresh, "dashboard-first-screen");

    // The charts load after sign-in: recharts is not in what the login page needs.
    expect(dashboardAssets.some((asset) => /DashboardContent/.test(asset))).toBe(true);
    expect(loginAssets.some((asset) => /DashboardContent/.test(asset))).toBe(false);
    expect(authReads).toBeLessThan(50);
    // A budget for the back office's first screen: react-admin and MUI are most of it.
    expect(figures.loginPage.gzipKB).toBeLessThan(600);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
