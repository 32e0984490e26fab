import { Alert, Box, Stack, Typography } from "@mui/material";
import { useMemo, useState } from "react";
import { saveBase64 } from "../../components/downloads";
import { FileUpload, type UploadedFile } from "../../components/FileUpload";
import { FormatButtons, formatOf } from "../../components/FormatButtons";
import { ImportErrors, ImportStatusChip } from "../../components/ImportErrors";
import { mutate, request } from "../../providers/graphql";
import { canEdit } from "./access";
import type { ImportBatch } from "./types";
import { useReportTab } from "./useReportTab";

interface SpreadsheetFile {
  base64: string;
  contentType: string;
  fileName: string;
}

/** Past imports shown; the API keeps the latest 50. */
const SHOWN_IMPORTS = 5;

const TEMPLATE = `query Template($input: ReportTemplateInput!) { reportTemplate(input: $input) { base64 contentType fileName } }`;
const EXPORT = `query Export($input: ReportExportInput!) { reportExport(input: $input) { base64 contentType fileName } }`;

/**
 * The form's template (filled in with the report's period), the report's export, and the
 * import of a filled-in template: the file is uploaded like any report file, then imported;
 * a FAILED import lists each bad row and changes nothing.
 */
export const ReportSpreadsheet = () => {
  const { report, translate, notify, refresh, role, locale } = useReportTab();
  const dates = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }), [locale]);
  const [importing, setImporting] = useState(false);
  const [latest, setLatest] = useState<ImportBatch | null>(null);
  if (!report) {
    return null;
  }
  const canImport = canEdit(role, report);

  const download = async (query: string, name: "reportTemplate" | "reportExport", input: Record<string, unknown>) => {
    try {
      const data = await request<Record<string, SpreadsheetFile>>(query, { input });
      const file = data[name];
      if (file) {
        saveBase64(file);
      }
    } catch (error) {
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
    }
  };

  const importFile = async (file: UploadedFile) => {
    if (file.status !== "AVAILABLE") {
      return;
    }
    setImporting(true);
    try {
      const batch = await mutate<ImportBatch>(
        "importReportValues",
        { reportId: report.id, version: report.version, fileId: file.id, format: formatOf(file.name) ?? "XLSX" },
        "id status rowCount startedAt finishedAt file { id name } errors { line column code reason }",
      );
      setLatest(batch);
      notify(batch.status === "SUCCEEDED" ? "dostup.reports.import.succeeded" : "dostup.reports.import.failed", {
        type: batch.status === "SUCCEEDED" ? "success" : "error",
        messageArgs: { rows: batch.rowCount, errors: batch.errors.length },
      });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
    } finally {
      setImporting(false);
    }
  };

  const batches = (report.imports ?? []).slice(0, SHOWN_IMPORTS);
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h6">{translate("dostup.reports.sheet.template")}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate("dostup.reports.sheet.template_help")}
        </Typography>
        <FormatButtons
          label={(format) => translate("dostup.reports.sheet.template_as", { format })}
          onClick={(format) =>
            download(TEMPLATE, "reportTemplate", { formId: report.form.id, format, periodStart: report.periodStart })
          }
        />
      </Box>
      <Box>
        <Typography variant="h6">{translate("dostup.reports.sheet.export")}</Typography>
        <Box sx={{ mt: 1 }}>
          <FormatButtons
            label={(format) => translate("dostup.reports.sheet.export_as", { format })}
            onClick={(format) => download(EXPORT, "reportExport", { reportId: report.id, format })}
          />
        </Box>
      </Box>
      {canImport && (
        <Box>
          <Typography variant="h6">{translate("dostup.reports.import.title")}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate("dostup.reports.import.help")}
          </Typography>
          <FileUpload
            owner={{ purpose: "REPORT", reportId: report.id }}
            extensions={["csv", "xlsx"]}
            label={translate("dostup.reports.import.choose")}
            onUploaded={importFile}
            disabled={importing}
          />
          {latest && (
            <Alert
              severity={latest.status === "SUCCEEDED" ? "success" : "error"}
              sx={{ mt: 2 }}
              data-testid="import-result"
            >
              {latest.status === "SUCCEEDED"
                ? translate("dostup.reports.import.succeeded", { rows: latest.rowCount })
                : translate("dostup.reports.import.failed", { errors: latest.errors.length })}
            </Alert>
          )}
          {latest && latest.errors.length > 0 && <ImportErrors problems={latest.errors} />}
        </Box>
      )}
      <Box>
        <Typography variant="h6">{translate("dostup.reports.import.history")}</Typography>
        {batches.length === 0 ? (
          <Typography>{translate("dostup.reports.import.none")}</Typography>
        ) : (
          <Stack spacing={2} sx={{ mt: 1 }}>
            {batches.map((batch) => (
              <Box key={batch.id} data-testid="import-batch">
                <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
                  <ImportStatusChip status={batch.status} />
                  <Typography variant="body2">
                    {dates.format(new Date(batch.startedAt))} ·{" "}
                    {batch.file?.name ?? translate("dostup.reports.import.inline")} ·{" "}
                    {translate("dostup.reports.import.rows", { smart_count: batch.rowCount })}
                  </Typography>
                </Stack>
                {batch.status === "FAILED" && batch.id !== latest?.id && batch.errors.length > 0 && (
                  <ImportErrors problems={batch.errors} />
                )}
              </Box>
            ))}
          </Stack>
        )}
      </Box>
    </Stack>
  );
};
