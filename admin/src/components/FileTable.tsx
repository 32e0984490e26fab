import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { type ReactNode, useMemo } from "react";
import { useRefresh, useTranslate } from "react-admin";
import { FileDownloadButton } from "./FileDownloadButton";
import { FileUpload, type UploadOwner } from "./FileUpload";
import { useIntlLocale } from "./localeFields";

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

/** A stored file as a list shows it; a file with no status is one that passed its checks. */
export interface ListedFile {
  id: string;
  name: string;
  size: number;
  createdAt: string;
  uploadedByName: string | null;
  status?: string;
}

const STATUS_COLOURS: Record<string, "success" | "warning" | "error" | "default"> = {
  AVAILABLE: "success",
  PENDING: "warning",
  REJECTED: "error",
  DELETED: "default",
};

/**
 * Stored files (a report's, an event's materials): name, size, status where the files have one
 * (`statusTitle` explains a status on hover), who uploaded them and when, and the logged download
 * of those that passed their checks.
 */
export function FileTable<File extends ListedFile>({
  files,
  testId,
  statusTitle,
}: {
  files: readonly File[];
  testId: string;
  statusTitle?: (file: File) => string | undefined;
}): ReactNode {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const dates = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }), [locale]);
  const withStatus = files.some((file) => file.status !== undefined);
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate("dostup.files.name")}</TableCell>
          <TableCell align="right">{translate("dostup.files.size")}</TableCell>
          {withStatus && <TableCell>{translate("dostup.files.status")}</TableCell>}
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
            {withStatus && (
              <TableCell>
                <Chip
                  size="small"
                  color={STATUS_COLOURS[file.status ?? ""] ?? "default"}
                  label={translate(`enums.FileStatus.${file.status}`)}
                  title={statusTitle?.(file)}
                />
              </TableCell>
            )}
            <TableCell>{file.uploadedByName ?? "—"}</TableCell>
            <TableCell>{dates.format(new Date(file.createdAt))}</TableCell>
            <TableCell align="right">
              {(file.status ?? "AVAILABLE") === "AVAILABLE" && (
                <FileDownloadButton fileId={file.id} fileName={file.name} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * A record's files as a tab shows them: the upload for those who may add one (`owner`, else
 * null), a line of help, and the files or a line saying there are none.
 */
export function FilesPanel<File extends ListedFile>({
  owner,
  uploadLabel,
  hint,
  emptyText,
  ...table
}: {
  owner: UploadOwner | null;
  uploadLabel: string;
  hint?: string;
  emptyText: string;
  files: readonly File[];
  testId: string;
  statusTitle?: (file: File) => string | undefined;
}): ReactNode {
  const refresh = useRefresh();
  return (
    <Stack spacing={2}>
      {owner && <FileUpload owner={owner} label={uploadLabel} onUploaded={() => refresh()} />}
      {hint && (
        <Typography variant="body2" color="text.secondary">
          {hint}
        </Typography>
      )}
      {table.files.length === 0 ? <Typography>{emptyText}</Typography> : <FileTable {...table} />}
    </Stack>
  );
}
