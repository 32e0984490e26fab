import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../helpers/files.js";
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

const FORM = "Деятельность центров общественного доступа (ежемесячный отчёт)";
// A month no demo report uses, so the operator's centre has no report for it yet.
const PERIOD = `2031-${String(1 + (Date.now() % 12)).padStart(2, "0")}-01`;
const REASON = "Проверьте число запросов информации об органах власти: в журнале их 45.";

/** A real one-page PDF, padded to 1.5 MB so the upload reports progress on the way. */
const PDF = pdf("Signed report", 1_500_000);
const PDF_NAME = `Отчёт-подписанный-${Date.now().toString(36)}.pdf`;
/** A Windows program under a PDF's name: the API finds out from its first bytes. */
const DISGUISED = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(512, 0x90)]);
const DISGUISED_NAME = `Отчёт-за-май-${Date.now().toString(36)}.pdf`;

let reportPath = "";

const status = (page: Page) => page.getByTestId("report-status").first();

async function openReport(page: Page, tab = "", path = reportPath): Promise<void> {
  await page.goto(`/admin/#${path}${tab}`);
  await status(page).waitFor();
}

/** A mutation's success data; a typed error fails the test with its message. */
async function step<T>(role: DemoRole, name: string, inputType: string, input: object, fields = "id version") {
  const type = name.charAt(0).toUpperCase() + name.slice(1);
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

describe("a centre's report through its workflow", () => {
  it(
    "the operator creates a draft, is told of a bad value and a bad spreadsheet row, saves and submits",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "operator", { stepTimeout: STEP_MS });
      await page.goto("/admin/#/reports/create");
      await page.getByTestId("operator-centre").waitFor();
      const form = page.getByLabel("Форма отчёта", { exact: false }).first();
      await form.click();
      await form.fill("ежемесячный");
      await page.getByRole("option", { name: FORM }).click();
      await page.getByLabel("Период", { exact: false }).first().fill(PERIOD);
      await page.getByRole("button", { name: "Сохранить" }).click();
      await page.waitForURL(/#\/reports\/[^/]+\/show/);
      reportPath = new URL(page.url()).hash.slice(1);
      await expect.poll(() => status(page).textContent()).toBe("Черновик");

      // A rural part above the total is refused before anything is sent.
      await page.locator('input[name="USERS.total"]').fill("120");
      await page.locator('input[name="USERS.rural"]').fill("500");
      await page.getByRole("button", { name: "Сохранить значения" }).click();
      await page.getByText("Сельская часть не может быть больше общего значения").waitFor();
      await screenshot(page, "reports-1-bad-value");
      await page.locator('input[name="USERS.rural"]').fill("30");
      await page.locator('input[name="REQ_GOV_INFO.total"]').fill("40");
      await page.getByRole("button", { name: "Сохранить значения" }).click();
      await page.getByText("Значения сохранены").waitFor();
      await expect.poll(() => page.getByText("Есть несохранённые изменения").count()).toBe(0);

      // A spreadsheet with one bad row: nothing is applied and the row's error is listed.
      await page.getByRole("tab", { name: "Таблицы" }).click();
      const csv = [
        "period_start,indicator_code,indicator_name,unit,total,rural",
        `${PERIOD},USERS,,чел.,130,35`,
        `${PERIOD},REQ_GOV_INFO,,ед.,-5,`,
      ].join("\n");
      await page.getByTestId("file-input").setInputFiles({
        name: "значения.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv),
      });
      const errors = page.getByTestId("import-errors").first();
      await errors.waitFor();
      const badRow = errors.locator("tbody tr");
      await expect.poll(() => badRow.count()).toBe(1);
      await expect.poll(() => badRow.first().textContent()).toContain("Отрицательное число");
      expect(await badRow.first().locator("td").first().textContent()).toBe("3");
      await screenshot(page, "reports-2-import-bad-row");

      // Nothing was imported: the values saved before stand.
      await page.getByRole("tab", { name: "Значения" }).click();
      await expect.poll(() => page.locator('input[name="USERS.total"]').inputValue()).toBe("120");
      await page.getByRole("button", { name: "Отправить на проверку" }).click();
      await expect.poll(() => status(page).textContent()).toBe("На проверке");
      // Submitted values are no longer editable by the operator.
      expect(await page.getByTestId("values-grid").locator("input").count()).toBe(0);
      await screenshot(page, "reports-3-submitted");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );

  it(
    "the curator returns it with a reason",
    async () => {
      expect(reportPath).not.toBe("");
      const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_MS });
      await openReport(page);
      await expect.poll(() => status(page).textContent()).toBe("На проверке");
      await page.getByRole("button", { name: "Вернуть на доработку" }).click();
      const dialog = page.getByRole("dialog");
      const confirm = dialog.getByRole("button", { name: "Вернуть на доработку" });
      // The reason is required.
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.locator('textarea[name="reason"]').fill(REASON);
      await screenshot(page, "reports-4-return-reason");
      await confirm.click();
      await expect.poll(() => status(page).textContent()).toBe("Возвращён на доработку");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );

  it(
    "the operator sees the reason, fixes a value, attaches the signed PDF (a disguised program is refused) and submits again",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "operator", { stepTimeout: STEP_MS });
      await openReport(page);
      await expect.poll(() => page.getByTestId("return-reason").textContent()).toContain(REASON);
      await page.locator('input[name="REQ_GOV_INFO.total"]').fill("45");
      await page.getByRole("button", { name: "Сохранить значения" }).click();
      await page.getByText("Значения сохранены").waitFor();
      await screenshot(page, "reports-5-fixed");

      // Files go with the report while it can still change: a disguised program is
      // refused with the reason in Russian, the signed PDF uploads to 100% and is available.
      await page.getByRole("tab", { name: "Файлы" }).click();
      const input = page.getByTestId("file-input");
      await input.waitFor({ state: "attached" });
      expect(await input.getAttribute("accept")).toBe(".pdf,.xlsx,.docx,.ods,.odt,.csv,.jpg,.jpeg,.png");
      await input.setInputFiles({ name: DISGUISED_NAME, mimeType: "application/pdf", buffer: DISGUISED });
      await page
        .getByText(
          `Файл «${DISGUISED_NAME}»: Отклонён. По содержимому это программа для Windows (EXE), а не PDF, как сказано в имени и типе файла. Сохраните файл в формате PDF и загрузите снова.`,
        )
        .waitFor();
      await expect.poll(() => page.locator(`tr[data-file="${DISGUISED_NAME}"]`).textContent()).toContain("Отклонён");
      await screenshot(page, "reports-6-disguised-rejected");
      // Every value the progress bar takes on the way, as the user would see it.
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { progressSeen: number[] }).progressSeen = seen;
        const record = () => {
          for (const bar of document.querySelectorAll('[data-testid="upload-progress"]')) {
            const value = bar.getAttribute("aria-valuenow");
            if (value !== null) seen.push(Number(value));
          }
        };
        new MutationObserver(record).observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ["aria-valuenow"],
        });
      });
      await input.setInputFiles({ name: PDF_NAME, mimeType: "application/pdf", buffer: PDF });
      await page.getByText(`Файл «${PDF_NAME}» загружен и доступен`).waitFor();
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.at(-1)).toBe(100);
      const row = page.locator(`tr[data-file="${PDF_NAME}"]`);
      await expect.poll(() => row.textContent()).toContain("Доступен");
      await screenshot(page, "reports-7-pdf-uploaded");

      await page.getByRole("tab", { name: "Значения" }).click();
      await page.getByRole("button", { name: "Отправить на проверку" }).click();
      await expect.poll(() => status(page).textContent()).toBe("На проверке");
      // A submitted report takes no more files.
      await page.getByRole("tab", { name: "Файлы" }).click();
      await page.locator(`tr[data-file="${PDF_NAME}"]`).waitFor();
      expect(await page.getByTestId("file-input").count()).toBe(0);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );

  it(
    "the curator approves it: the values and the files are locked",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_MS });
      await openReport(page);
      await page.getByRole("button", { name: "Утвердить" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Утвердить" }).click();
      await expect.poll(() => status(page).textContent()).toBe("Утверждён");
      const grid = page.getByTestId("values-grid");
      expect(await grid.locator("input").count()).toBe(0);
      await expect.poll(() => grid.locator('tr[data-indicator="REQ_GOV_INFO"]').textContent()).toContain("45");
      await expect.poll(() => grid.locator('tr[data-indicator="USERS"]').textContent()).toContain("30");
      // No workflow step is left for values: neither save nor submit.
      expect(await page.getByRole("button", { name: "Сохранить значения" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Отправить на проверку" }).count()).toBe(0);
      await screenshot(page, "reports-8-approved-locked");

      // The approved report keeps the signed PDF and takes no more files.
      await page.getByRole("tab", { name: "Файлы" }).click();
      const row = page.locator(`tr[data-file="${PDF_NAME}"]`);
      await expect.poll(() => row.textContent()).toContain("Доступен");
      expect(await page.getByTestId("file-input").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Загрузить файл" }).count()).toBe(0);
      await screenshot(page, "reports-9-approved-files");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );

  it(
    "the auditor reads it without write controls and downloads the PDF, which the access log records",
    async () => {
      const { page, pageErrors, context } = await signIn(browser, "auditor", { stepTimeout: STEP_MS });
      await openReport(page);
      await expect.poll(() => status(page).textContent()).toBe("Утверждён");
      expect(await page.getByTestId("workflow").count()).toBe(0);
      await page.getByRole("tab", { name: "Файлы" }).click();
      const row = page.locator(`tr[data-file="${PDF_NAME}"]`);
      await row.waitFor();
      expect(await page.getByRole("button", { name: "Загрузить файл" }).count()).toBe(0);
      await row.getByRole("button", { name: "Скачать" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.locator('input[name="purpose"]').fill("Проверка отчётности центра за период");
      await screenshot(page, "reports-10-download-purpose");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        dialog.getByRole("button", { name: "Скачать" }).click(),
      ]);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.equals(PDF)).toBe(true);

      // The download URL was logged with the stated purpose.
      await page.goto("/admin/#/fileAccesses");
      const logged = page.locator("tbody tr", { hasText: PDF_NAME });
      await expect.poll(() => logged.first().textContent()).toContain("Проверка отчётности центра за период");
      await screenshot(page, "reports-11-access-log");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );

  it(
    "a curator who filled in and submitted a report finds its approval disabled, with why",
    async () => {
      // Through the API: the curator creates a report of the operator's centre, fills it in and submits it.
      const { me } = await api<{ me: { centre: { id: string } } }>("operator", "query { me { centre { id } } }");
      const { reportForms } = await api<{ reportForms: { edges: { node: { id: string; code: string } }[] } }>(
        "curator",
        `query { reportForms(first: 10, filter: { search: "COD_MONTHLY", status: ACTIVE }) { edges { node { id code } } } }`,
      );
      const formId = reportForms.edges.find((edge) => edge.node.code === "COD_MONTHLY")?.node.id;
      const report = await step<{ id: string; version: number }>("curator", "createReport", "CreateReportInput", {
        formId,
        centreId: me.centre.id,
        periodStart: PERIOD.replace(/^2031/, "2032"),
      });
      const values = [{ indicatorCode: "USERS", total: 64, rural: 12 }];
      const filled = await step<{ version: number }>("curator", "setReportValues", "SetReportValuesInput", {
        id: report.id,
        version: report.version,
        values,
      });
      await step("curator", "submitReport", "VersionedInput", { id: report.id, version: filled.version });

      const { page, pageErrors, context } = await signIn(browser, "curator", { stepTimeout: STEP_MS });
      await openReport(page, "", `/reports/${encodeURIComponent(report.id)}/show`);
      await expect.poll(() => status(page).textContent()).toBe("На проверке");
      const approve = page.getByRole("button", { name: "Утвердить" });
      await approve.waitFor();
      expect(await approve.isDisabled()).toBe(true);
      expect(await page.getByTestId("approve-blocked").textContent()).toBe(
        "Вы создавали, заполняли или отправляли этот отчёт, поэтому не можете его утвердить или опубликовать: отчёт проверяет второй человек. Утвердить его должен другой куратор региона или администратор.",
      );
      // Returning it for correction is review, not approval: still open to them.
      expect(await page.getByRole("button", { name: "Вернуть на доработку" }).isDisabled()).toBe(false);
      await screenshot(page, "reports-10-own-report");
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    TEST_MS,
  );
});
