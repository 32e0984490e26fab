import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useMemo } from "react";
import { FileDownloadButton } from "../../components/FileDownloadButton";
import { FileUpload, rejectionText } from "../../components/FileUpload";
import { canEdit } from "./access";
import { useReportTab } from "./useReportTab";

const STATUS_COLOURS: Record<string, "success" | "warning" | "error" | "default"> = {
  AVAILABLE: "success",
  PENDING: "warning",
  REJECTED: "error",
  DELETED: "default",
};

/** A size in bytes, in the UI's language (KB, MB). */
export function formatSize(bytes: number, locale: string, translate: (key: string) => string): string {
  const units = ["bytes", "kb", "mb", "gb"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${translate(`dostup.files.units.${units[unit]}`)}`;
}

/**
 * The report's files (a signed PDF, spreadsheets): upload with progress while the report is a
 * draft or returned, the list with statuses (a rejection's reason on hover), and logged downloads.
 */
export const ReportFiles = () => {
  const { report, translate, refresh, role, locale } = useReportTab();
  const dates = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }), [locale]);
  if (!report) {
    return null;
  }
  const canUpload = canEdit(role, report);
  const files = report.files ?? [];
  return (
    <Stack spacing={2}>
      {canUpload && (
        <FileUpload
          owner={{ purpose: "REPORT", reportId: report.id }}
          label={translate("dostup.files.upload")}
          onUploaded={() => refresh()}
        />
      )}
      {files.length === 0 ? (
        <Typography>{translate("dostup.files.empty")}</Typography>
      ) : (
        <Table size="small" data-testid="report-files">
          <TableHead>
            <TableRow>
              <TableCell>{translate("dostup.files.name")}</TableCell>
              <TableCell align="right">{translate("dostup.files.size")}</TableCell>
              <TableCell>{translate("dostup.files.status")}</TableCell>
              <TableCell>{translate("dostup.files.uploaded_by")}</TableCell>
              <TableCell>{translate("dostup.files.uploaded_at")}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {files.map((file) => (
              <TableRow key={file.id} data-file={file.name}>
                <TableCell>{file.name}</TableCell>
                <TableCell align="right">{formatSize(file.size, locale, translate)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={STATUS_COLOURS[file.status] ?? "default"}
                    label={translate(`enums.FileStatus.${file.status}`)}
                    title={file.status === "REJECTED" ? rejectionText(translate, file) : undefined}
                  />
                </TableCell>
                <TableCell>{file.uploadedByName ?? "—"}</TableCell>
                <TableCell>{dates.format(new Date(file.createdAt))}</TableCell>
                <TableCell align="right">
                  {file.status === "AVAILABLE" && <FileDownloadButton fileId={file.id} fileName={file.name} />}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
