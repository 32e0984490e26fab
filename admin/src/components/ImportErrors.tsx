import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";

/** One bad cell or row of an imported spreadsheet (the API's ImportProblem). */
export interface ImportProblem {
  line: number;
  column: string | null;
  code: string;
  reason: string;
}

/**
 * A spreadsheet import's problems, row by row: the line, the template's column and what is
 * wrong, translated from its code. Report values and registry imports show the same table.
 */
export const ImportErrors = ({ problems }: { problems: readonly ImportProblem[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const english = locale === "en";
  return (
    <Table size="small" data-testid="import-errors">
      <TableHead>
        <TableRow>
          <TableCell>{translate("dostup.imports.line")}</TableCell>
          <TableCell>{translate("dostup.imports.column")}</TableCell>
          <TableCell>{translate("dostup.imports.problem")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {problems.map((problem) => (
          // One cell may break two rules of the same code: the reason tells them apart.
          <TableRow key={`${problem.line}-${problem.column ?? ""}-${problem.code}-${problem.reason}`}>
            <TableCell>{problem.line}</TableCell>
            <TableCell>{problem.column ?? "—"}</TableCell>
            <TableCell title={problem.reason}>
              {translate(`enums.ImportProblemCode.${problem.code}`, { _: problem.code })}
              {/* The API words its reason in English: shown as is in English only. */}
              {english && (
                <Typography variant="body2" color="text.secondary">
                  {problem.reason}
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const STATUS_COLOURS: Record<string, "success" | "error" | "default"> = {
  SUCCEEDED: "success",
  FAILED: "error",
};

/** An import's status (ImportStatus) as a coloured chip: green when applied, red when refused. */
export const ImportStatusChip = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={STATUS_COLOURS[status] ?? "default"}
      label={translate(`enums.ImportStatus.${status}`, { _: status })}
    />
  );
};
