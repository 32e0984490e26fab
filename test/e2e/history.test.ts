// The History tab as a librarian reads it: Russian field labels, the names of the records a
// change refers to (never ids), enum values and yes/no in Russian, and a report's values as a
// table of indicator → before → after.
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, type DemoRole, launch, screenshot, signIn } from "./browser.js";

let browser: Browser;

/** Time for a step on a machine shared with other suites; the first screen can take a while. */
const STEP_MS = 45_000;
const TEST_MS = 180_000;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A mutation's success data; a typed error fails the test with its message. */
async function step<T = { id: string; version: number }>(
  role: DemoRole,
  name: string,
  input: object,
  inputType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`,
): Promise<T> {
  const type = name.charAt(0).toUpperCase() + name.slice(1);
  const fields = "id version";
  const data = await api<Record<string, { __typename: string; message?: string; data?: T }>>(
    role,
    `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename ... on Error { message }
      ... on Mutation${type}Success { data { ${fields} } } } }`,
    { input },
  );
  const result = data[name];
  if (!result?.data) throw new Error(`${name}: ${result?.__typename} ${result?.message ?? ""}`);
  return result.data;
}

/** The row of the entry's field table whose first cell is `label`. */
const fieldRow = (entry: Locator, label: string) =>
  entry
    .getByTestId("history-fields")
    .locator("tbody tr")
    .filter({ has: entry.page().getByRole("cell", { name: label, exact: true }) });

const MONTHS = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];
const REASON = "Проверьте число пользователей: в журнале их меньше.";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe("the History tab", () => {
  it(
    "shows a curator's change of a service with the authority's names, Russian labels and yes/no",
    async () => {
      const { me } = await api<{ me: { regions: { id: string; name: string }[] } }>(
        "curator",
        "{ me { regions { id name } } }",
      );
      const region = me.regions[0];
      if (!region) throw new Error("The demo curator has no region.");
      const { organisations } = await api<{ organisations: { edges: { node: { id: string; name: string } }[] } }>(
        "curator",
        "query($regionId: ID) { organisations(first: 2, filter: { regionId: $regionId }) { edges { node { id name } } } }",
        { regionId: region.id },
      );
      const [first, second] = organisations.edges.map((edge) => edge.node);
      if (!first || !second) throw new Error(`${region.name} needs two organisations.`);
      const name = `Услуга с историей ${Date.now().toString(36)}`;
      const service = await step("curator", "createService", {
        name,
        level: "REGIONAL",
        regionId: region.id,
        competentAuthorityId: first.id,
      });
      await step("curator", "updateService", {
        id: service.id,
        version: service.version,
        competentAuthorityId: second.id,
        level: "MUNICIPAL",
        socialSignificant: true,
      });

      const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_MS });
      await page.goto(`/admin/#/services/${encodeURIComponent(service.id)}/show/history`);
      const entries = page.getByTestId("history-entry");
      await entries.first().waitFor();
      await expect.poll(() => entries.count()).toBe(2);
      const change = entries.first();
      await expect.poll(() => change.textContent()).toContain("Изменение");
      const authority = fieldRow(change, "Ведомство");
      await expect
        .poll(() => authority.locator("td").allTextContents())
        .toEqual(["Ведомство", first.name, second.name]);
      await expect
        .poll(() => fieldRow(change, "Уровень").locator("td").allTextContents())
        .toEqual(["Уровень", "Региональная", "Муниципальная"]);
      const significant = fieldRow(change, "Социально значимая");
      expect(await significant.locator("td").nth(2).textContent()).toBe("да");
      // The creation, too, names the region and the authority; no id anywhere on the tab.
      const creation = entries.nth(1);
      expect(await creation.textContent()).toContain("Создание");
      expect(await fieldRow(creation, "Регион").locator("td").nth(2).textContent()).toBe(region.name);
      const tab = (await page.getByTestId("history").textContent()) ?? "";
      expect(tab).not.toMatch(UUID);
      expect(tab).not.toContain("{");
      await screenshot(page, "history-1-service");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );

  it(
    "shows a report's changed values as indicator, before and after, with total and rural part",
    async () => {
      const { me } = await api<{ me: { centre: { id: string } | null } }>("operator", "{ me { centre { id } } }");
      const { reportForms } = await api<{
        reportForms: { edges: { node: { id: string; code: string; indicators: { code: string; name: string }[] } }[] };
      }>("operator", "{ reportForms(first: 50) { edges { node { id code indicators { code name } } } } }");
      const form = reportForms.edges.map((edge) => edge.node).find((node) => node.code === "COD_MONTHLY");
      const users = form?.indicators.find((indicator) => indicator.code === "USERS");
      if (!me.centre || !form || !users) throw new Error("The demo operator's centre or monthly form is missing.");
      // A month no demo report or other test uses.
      const periodStart = `2032-${String(1 + (Date.now() % 12)).padStart(2, "0")}-01`;
      const report = await step("operator", "createReport", { formId: form.id, centreId: me.centre.id, periodStart });
      const first = await step("operator", "setReportValues", {
        id: report.id,
        version: report.version,
        values: [{ indicatorCode: "USERS", total: 1200, rural: 300 }],
      });
      const second = await step("operator", "setReportValues", {
        id: report.id,
        version: first.version,
        values: [{ indicatorCode: "USERS", total: 12500, rural: 350 }],
      });
      const submitted = await step(
        "operator",
        "submitReport",
        { id: report.id, version: second.version },
        "VersionedInput",
      );
      await step("curator", "returnReport", { id: report.id, version: submitted.version, reason: REASON });

      const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_MS });
      // The report's period in words, as the report's card names it.
      await page.goto(`/admin/#/reports/${encodeURIComponent(report.id)}/show`);
      const month = MONTHS[Number(periodStart.slice(5, 7)) - 1];
      await expect.poll(() => page.getByTestId("report-period").first().textContent()).toBe(`${month} 2032`);

      await page.getByRole("tab", { name: "История" }).click();
      // The return: the status change in Russian and its reason as a sentence.
      const returned = page.getByTestId("history-entry").first();
      await expect.poll(() => returned.textContent()).toContain("Смена статуса");
      await expect
        .poll(() => fieldRow(returned, "Статус").locator("td").allTextContents())
        .toEqual(["Статус", "На проверке", "Возвращён на доработку"]);
      // The reason once, though the report keeps it and the transition notes it too.
      expect(await fieldRow(returned, "Причина возврата").locator("td").nth(2).textContent()).toBe(REASON);
      expect(await returned.textContent()).not.toContain("Причина:");
      const values = page.getByTestId("history-values").first();
      await values.waitFor();
      const row = values.locator("tbody tr").first();
      // Numbers the Russian way: 12 500 with a (non-breaking) space between the thousands.
      const cells = (await row.locator("td").allTextContents()).map((text) => text.replace(/\s/g, " "));
      expect(cells).toEqual([users.name, "1 200", "300", "12 500", "350"]);
      expect(await values.locator("thead").textContent()).toMatch(/Показатель.*Было.*Стало/);
      expect((await page.getByTestId("history").textContent()) ?? "").not.toContain("USERS");
      await screenshot(page, "history-2-report-values");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );
});
