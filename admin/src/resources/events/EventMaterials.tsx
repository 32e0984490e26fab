import { Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useMemo } from "react";
import { useRecordContext, useRefresh, useTranslate } from "react-admin";
import { FileDownloadButton } from "../../components/FileDownloadButton";
import { FileUpload } from "../../components/FileUpload";
import { useIntlLocale } from "../../components/localeFields";
import { useCanWrite } from "../../lib/resource";
import { useWriteScope } from "../../lib/writeScope";
import { access } from "./access";
import type { EventRecord } from "./types";

/** A size in bytes, in the UI's language (KB, MB), as a report's files show it. */
function formatSize(bytes: number, locale: string, translate: (key: string) => string): string {
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
 * The event's materials (programme, presentations, photos) that passed their checks, newest
 * first, each downloaded through the logged download; those who may edit the event upload more.
 */
export const EventMaterials = () => {
  const event = useRecordContext<EventRecord>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const canWrite = useCanWrite({ access });
  const scope = useWriteScope();
  const locale = useIntlLocale();
  const dates = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }), [locale]);
  if (!event) {
    return null;
  }
  const canUpload = canWrite && scope.canWriteRegion(event.region.id) && !event.archivedAt;
  const materials = event.materials ?? [];
  return (
    <Stack spacing={2}>
      {canUpload && (
        <FileUpload
          owner={{ purpose: "EVENT_MATERIAL", eventId: event.id }}
          label={translate("dostup.events.materials.upload")}
          onUploaded={() => refresh()}
        />
      )}
      <Typography variant="body2" color="text.secondary">
        {translate("dostup.events.materials.hint")}
      </Typography>
      {materials.length === 0 ? (
        <Typography>{translate("dostup.events.materials.empty")}</Typography>
      ) : (
        <Table size="small" data-testid="event-materials">
          <TableHead>
            <TableRow>
              <TableCell>{translate("dostup.files.name")}</TableCell>
              <TableCell align="right">{translate("dostup.files.size")}</TableCell>
              <TableCell>{translate("dostup.files.uploaded_by")}</TableCell>
              <TableCell>{translate("dostup.files.uploaded_at")}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {materials.map((file) => (
              <TableRow key={file.id} data-file={file.name}>
                <TableCell>{file.name}</TableCell>
                <TableCell align="right">{formatSize(file.size, locale, translate)}</TableCell>
                <TableCell>{file.uploadedByName ?? "—"}</TableCell>
                <TableCell>{dates.format(new Date(file.createdAt))}</TableCell>
                <TableCell align="right">
                  <FileDownloadButton fileId={file.id} fileName={file.name} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
