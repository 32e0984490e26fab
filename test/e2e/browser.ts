// Debian's Chromium driven by playwright-core (never a downloaded browser): a page per
// test, signed in through the login form, with a screenshot saved for CI to keep.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect, inject, onTestFinished } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Where the screenshots go; .ci/run keeps this folder. */
export const SCREENSHOTS = new URL("../../test-results/e2e/", import.meta.url).pathname;

// The flags that work as root on this machine's closed network (ENVIRONMENT.md).
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const DEMO = {
  admin: "admin@dostup.local",
  curator: "curator@dostup.local",
  operator: "operator@dostup.local",
  auditor: "auditor@dostup.local",
} as const;
export type DemoRole = keyof typeof DEMO;
export const DEMO_PASSWORD = "dostup";

export const baseUrl = (): string => inject("baseUrl");

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors, console errors and Content-Security-Policy violations of the page: a test expects none. */
  pageErrors: string[];
}

/**
 * Hands every CSP violation to the test, with the directive and what was blocked (Chromium's
 * own console message does not always name both). Runs in each new document of the page.
 */
function reportViolations(): void {
  document.addEventListener("securitypolicyviolation", (event) => {
    const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
    report(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
  });
}

/**
 * Watches a page for problems: uncaught errors, console errors (failed requests among them)
 * and CSP violations. Call it before the page's first navigation. The current test fails
 * when it ends with any, whether it checks `pageErrors` itself or not.
 */
export async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(reportViolations);
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  onTestFinished(() => {
    expect(problems, "the page reported problems (uncaught errors, console errors or CSP violations)").toEqual([]);
  });
  return problems;
}

/** A fresh browser context (no stored session) with the panel's login page open. */
export async function openPanel(browser: Browser): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1400, height: 900 },
    locale: "ru-RU",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors = await watch(page);
  await page.goto("/admin/");
  return { context, page, pageErrors };
}

/** How long the first screen may take: about 1.4 MB of script to parse on a possibly busy machine. */
export const FIRST_SCREEN_MS = 45_000;
/** Playwright's wait per step after sign-in, unless a test file asks for more. */
const STEP_MS = 15_000;

/**
 * Signs in through the login form (as a demo user, or with the email and password given) and
 * waits for the panel's menu. The page's steps then wait `stepTimeout` ms (files whose steps
 * save and reload records ask for more).
 */
export async function signIn(
  browser: Browser,
  role: DemoRole | { email: string; password: string },
  { stepTimeout = STEP_MS }: { stepTimeout?: number } = {},
): Promise<Session> {
  const session = await openPanel(browser);
  const { page } = session;
  const { email, password } = typeof role === "string" ? { email: DEMO[role], password: DEMO_PASSWORD } : role;
  page.setDefaultTimeout(Math.max(FIRST_SCREEN_MS, stepTimeout));
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator("[class*='RaMenu']").first().waitFor();
  page.setDefaultTimeout(stepTimeout);
  return session;
}

/** Saves a full-page screenshot as test-results/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** react-admin's main area of each kind of page. */
const PAGE_MAIN = { list: ".RaList-main", show: ".RaShow-main", edit: ".RaEdit-main", create: ".RaCreate-main" };

/**
 * The main area of the page a navigation leads to, once that page is on screen. React Router
 * changes the URL at once but renders the next page in a transition, and until it is ready the
 * previous page stays on screen and clickable: a test that waited for the URL alone found the
 * organisations list's «Регион» filter instead of the form's (the dashboard has one too), and
 * its options were torn away under the click when the form arrived. So wait for the page
 * itself, and look for its controls inside the area this returns.
 */
export async function pageMain(page: Page, kind: keyof typeof PAGE_MAIN): Promise<Locator> {
  const main = page.locator(PAGE_MAIN[kind]).first();
  await main.waitFor();
  return main;
}

/** GraphQL requests of each page: how many are in flight, and when the last one started or ended. */
const traffic = new WeakMap<Page, { inFlight: number; lastChange: number }>();

function trafficOf(page: Page) {
  const known = traffic.get(page);
  if (known) return known;
  const seen = { inFlight: 0, lastChange: Date.now() };
  const counted = new WeakSet<object>();
  page.on("request", (request) => {
    if (!request.url().includes("/graphql")) return;
    counted.add(request);
    seen.inFlight += 1;
    seen.lastChange = Date.now();
  });
  const ended = (request: object) => {
    if (!counted.has(request)) return;
    counted.delete(request);
    seen.inFlight -= 1;
    seen.lastChange = Date.now();
  };
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  traffic.set(page, seen);
  return seen;
}

/**
 * Waits until the page has had no GraphQL request in flight for `quietMs`: long enough for
 * react-admin's debounced search (250 ms) to have sent its request, and for its answer to be
 * on screen.
 */
async function networkQuiet(page: Page, quietMs = 500): Promise<void> {
  const state = trafficOf(page);
  await expect
    .poll(() => state.inFlight === 0 && Date.now() - state.lastChange >= quietMs, { timeout: STEP_MS, interval: 100 })
    .toBe(true);
}

/**
 * Chooses an option of the autocomplete labelled `label` inside `scope` (a page's main area or
 * a dialog): types `search` (which opens the options) or else clicks it open, waits until the
 * options have stopped changing, clicks the option named `option` and waits until the input
 * shows it, so a choice that did not take fails here, by name. Returns the option's text.
 * Name the option whenever a search narrows the list: the previous options stay on screen
 * until the search's answer arrives, and are then replaced under the pointer (a click on one
 * once timed out on "<html> intercepts pointer events", then "element was detached"). So the
 * click waits for the network to fall quiet, and a click that still loses its option to a
 * late re-render is tried again on the option as it is now.
 */
export async function choose(
  scope: Locator,
  label: string,
  search: string | null,
  option: string | RegExp | null = search,
): Promise<string> {
  const page = scope.page();
  trafficOf(page);
  const input = scope.getByRole("combobox", { name: label }).first();
  if (search) {
    await input.fill(search);
  } else {
    await input.click();
  }
  await networkQuiet(page);
  const item = (option === null ? page.getByRole("option") : page.getByRole("option", { name: option })).first();
  let text = "";
  await expect
    .poll(
      async () => {
        try {
          text = ((await item.textContent({ timeout: 2_000 })) ?? "").trim();
          await item.click({ timeout: 2_000 });
          return true;
        } catch {
          // The list closed under the click: open it again (the search text stays typed).
          if ((await page.getByRole("listbox").count()) === 0) await input.click();
          await networkQuiet(page);
          return false;
        }
      },
      { timeout: STEP_MS, interval: 200 },
    )
    .toBe(true);
  await expect.poll(() => input.inputValue(), { timeout: STEP_MS }).toBe(text);
  return text;
}

/** Runs a GraphQL operation as a demo user through the API (signing in first); fails on any error. */
export async function api<T>(role: DemoRole, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const post = async (body: object, token?: string) => {
    const response = await fetch(`${baseUrl()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (answer.errors?.length) throw new Error(answer.errors.map((error) => error.message).join("; "));
    return answer.data ?? {};
  };
  const login = (await post({
    query: "mutation($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { data { token } } } }",
    variables: { input: { email: DEMO[role], password: DEMO_PASSWORD } },
  })) as { login: { data: { token: string } } };
  return (await post({ query, variables }, login.login.data.token)) as T;
}
