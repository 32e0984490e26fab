// A 10,000-row spreadsheet import through the upload protocol, as an operator sends it:
// request an upload, POST the file to S3, confirm it, import it into a DRAFT report.
import { createHash } from "node:crypto";
import type { Fixtures } from "./fixtures.js";
import { problemOf } from "./operations.js";
import { GOALS, IMPORT_ROWS, print, type Results } from "./options.js";
import type { Row } from "./targets.js";

/** The XLSX and CSV imports timed against their goal; `sqlRow` (from the counted run) after them. */
export async function measureImports(endpoint: string, f: Fixtures, { rows, json }: Results, sqlRow?: Row) {
  print(`import: a filled-in template of ${IMPORT_ROWS} rows (one per indicator) via the upload protocol`);
  const imports = [];
  for (const [i, format] of (["XLSX", "CSV"] as const).entries()) {
    const report = f.importReports[i];
    if (!report) continue;
    const result = await importSpreadsheet(endpoint, f, report, format);
    imports.push(result);
    print(
      `  ${format}: ${(result.bytes / 1024).toFixed(0)} KiB, upload+confirm ${result.uploadMs.toFixed(0)} ms, ` +
        `importReportValues ${result.importMs.toFixed(0)} ms`,
    );
    rows.push({
      figure: `import ${IMPORT_ROWS} rows ${format} (importReportValues)`,
      value: `${result.importMs.toFixed(0)} ms`,
      goal: `<= ${GOALS.importMs} ms`,
      status: result.importMs <= GOALS.importMs ? "OK" : "MISS",
    });
  }
  if (sqlRow) rows.push(sqlRow);
  json.imports = imports;
}

export async function importSpreadsheet(
  endpoint: string,
  f: Fixtures,
  report: Fixtures["importReports"][number],
  format: "XLSX" | "CSV",
  beforeImport: () => void = () => {},
) {
  const { templateLayout } = await import("../../api/modules/spreadsheets/report-sheet.js");
  const { CONTENT_TYPES, EXTENSIONS, writeSheet } = await import("../../api/modules/spreadsheets/sheet-files.js");
  const values = new Map(
    f.importIndicators.map((indicator, i) => [
      indicator.id,
      { total: 100 + (i % 900), rural: indicator.hasRuralSplit ? i % 100 : null },
    ]),
  );
  const bytes = await writeSheet(format, templateLayout(f.importIndicators, report.periodStart, values));
  // The upload accepts the bare media type; the charset is the download's.
  const contentType = CONTENT_TYPES[format].split(";")[0] ?? "";
  const started = performance.now();
  const requested = await gql<{
    requestFileUpload: {
      data: { file: { id: string }; upload: { url: string; fields: { name: string; value: string }[] } };
    };
  }>(
    endpoint,
    f.operator,
    `mutation R($input: RequestFileUploadInput!) { requestFileUpload(input: $input) {
      ... on MutationRequestFileUploadSuccess { data { file { id } upload { url fields { name value } } } }
      ... on Error { message } } }`,
    {
      input: {
        purpose: "REPORT",
        reportId: report.id,
        fileName: `bench-${IMPORT_ROWS}.${EXTENSIONS[format]}`,
        contentType,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    },
  );
  const form = requested.requestFileUpload.data;
  if (!form) throw new Error(`requestFileUpload: ${JSON.stringify(requested)}`);
  const data = new FormData();
  for (const field of form.upload.fields) data.append(field.name, field.value);
  data.append("file", new Blob([new Uint8Array(bytes)], { type: contentType }), "file");
  const posted = await fetch(form.upload.url, { method: "POST", body: data });
  if (posted.status >= 300) throw new Error(`upload POST: HTTP ${posted.status} ${await posted.text()}`);
  const confirmed = await gql<{ confirmFileUpload: { data?: { status: string } } }>(
    endpoint,
    f.operator,
    `mutation C($input: ConfirmFileUploadInput!) { confirmFileUpload(input: $input) {
      ... on MutationConfirmFileUploadSuccess { data { status } } ... on Error { message } } }`,
    { input: { fileId: form.file.id } },
  );
  if (confirmed.confirmFileUpload.data?.status !== "AVAILABLE") {
    throw new Error(`confirmFileUpload: ${JSON.stringify(confirmed)}`);
  }
  const uploadedMs = performance.now() - started;
  beforeImport();
  const importStarted = performance.now();
  const imported = await gql<{
    importReportValues: { data?: { status: string; rowCount: number; errors: { reason: string }[] } };
  }>(
    endpoint,
    f.operator,
    `mutation I($input: ImportReportValuesInput!) { importReportValues(input: $input) {
      ... on MutationImportReportValuesSuccess { data { status rowCount errors { line reason } } }
      ... on Error { message } } }`,
    { input: { reportId: report.id, version: report.version, fileId: form.file.id, format } },
  );
  const importMs = performance.now() - importStarted;
  const batch = imported.importReportValues.data;
  if (batch?.status !== "SUCCEEDED" || batch.rowCount !== IMPORT_ROWS) {
    throw new Error(`importReportValues: ${JSON.stringify(imported).slice(0, 1000)}`);
  }
  return { format, bytes: bytes.length, rows: batch.rowCount, uploadMs: uploadedMs, importMs };
}

async function gql<T = Record<string, unknown>>(
  endpoint: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const problem = problemOf(text);
  if (problem || !response.ok) throw new Error(`HTTP ${response.status}: ${problem ?? text.slice(0, 300)}`);
  return (JSON.parse(text) as { data: T }).data;
}
