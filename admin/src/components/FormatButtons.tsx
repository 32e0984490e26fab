import DownloadIcon from "@mui/icons-material/Download";
import { Button, Stack } from "@mui/material";

/** The spreadsheet formats the API writes and reads. */
export const FORMATS = ["CSV", "XLSX"] as const;
export type SpreadsheetFormat = (typeof FORMATS)[number];

/** The format a file's name stands for; null for any other file. */
export function formatOf(fileName: string): SpreadsheetFormat | null {
  const extension = fileName.split(".").pop()?.toLowerCase();
  return extension === "csv" ? "CSV" : extension === "xlsx" ? "XLSX" : null;
}

/** One outlined download button per format (templates, exports), labelled by `label(format)`. */
export const FormatButtons = ({
  label,
  onClick,
  disabled,
}: {
  label: (format: SpreadsheetFormat) => string;
  onClick: (format: SpreadsheetFormat) => void;
  disabled?: boolean;
}) => (
  <Stack direction="row" spacing={1}>
    {FORMATS.map((format) => (
      <Button
        key={format}
        variant="outlined"
        startIcon={<DownloadIcon />}
        disabled={disabled}
        onClick={() => onClick(format)}
      >
        {label(format)}
      </Button>
    ))}
  </Stack>
);
