import SaveIcon from "@mui/icons-material/Save";
import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useEffect, useMemo, useState } from "react";
import { HttpError } from "react-admin";
import { formatDay } from "../../components/DayField";
import type { Indicator } from "../../lib/records";
import { mutate } from "../../providers/graphql";
import { canEdit } from "./access";
import { isEditableStatus, type Report } from "./types";
import { useReportTab } from "./useReportTab";
import { WorkflowButtons } from "./WorkflowButtons";

interface Cell {
  total: string;
  rural: string;
}

type Draft = Record<string, Cell>;
/** Errors by `<indicatorId>.total` or `<indicatorId>.rural`. */
type CellErrors = Record<string, string>;

function draftOf(report: Report): Draft {
  const draft: Draft = {};
  for (const value of report.values ?? []) {
    draft[value.indicator.id] = { total: String(value.total), rural: value.rural === null ? "" : String(value.rural) };
  }
  return draft;
}

const WHOLE = /^\d+$/;

/** The rows to send and the errors found before sending (the API checks the same). */
function checkDraft(
  indicators: Indicator[],
  draft: Draft,
  translate: (key: string, options?: Record<string, unknown>) => string,
): { values: { indicatorId: string; total: number; rural: number | null }[]; order: string[]; errors: CellErrors } {
  const values: { indicatorId: string; total: number; rural: number | null }[] = [];
  const order: string[] = [];
  const errors: CellErrors = {};
  for (const indicator of indicators) {
    const cell = draft[indicator.id];
    const total = cell?.total.trim() ?? "";
    const rural = cell?.rural.trim() ?? "";
    if (total === "" && rural === "") {
      continue;
    }
    if (total === "") {
      errors[`${indicator.id}.total`] = translate("dostup.reports.errors.total_required");
      continue;
    }
    if (!WHOLE.test(total)) {
      errors[`${indicator.id}.total`] = translate("dostup.reports.errors.whole");
    }
    if (rural !== "" && !WHOLE.test(rural)) {
      errors[`${indicator.id}.rural`] = translate("dostup.reports.errors.whole");
    } else if (rural !== "" && WHOLE.test(total) && Number(rural) > Number(total)) {
      errors[`${indicator.id}.rural`] = translate("dostup.reports.errors.rural_exceeds");
    }
    values.push({
      indicatorId: indicator.id,
      total: Number(total),
      rural: rural === "" || !indicator.hasRuralSplit ? null : Number(rural),
    });
    order.push(indicator.id);
  }
  return { values, order, errors };
}

/** The API's issues (`input.values.3.total`) on the cells they are about. */
function serverErrors(error: unknown, order: string[]): CellErrors {
  const errors: CellErrors = {};
  if (!(error instanceof HttpError) || typeof error.body !== "object" || error.body === null) {
    return errors;
  }
  const issues = (error.body as { issues?: { field: string; message: string }[] }).issues ?? [];
  for (const issue of issues) {
    const match = /values\.(\d+)\.(total|rural|indicatorId)/.exec(issue.field);
    const indicatorId = match ? order[Number(match[1])] : undefined;
    if (match && indicatorId) {
      errors[`${indicatorId}.${match[2] === "rural" ? "rural" : "total"}`] = issue.message;
    }
  }
  return errors;
}

/**
 * The report's values: one row per indicator of its form with its total and rural part.
 * Editable while the report is DRAFT or RETURNED; saved in one pessimistic write carrying
 * the version read, so a concurrent change is refused instead of overwritten.
 */
export const ValuesTab = () => {
  const { report, translate, notify, refresh, role, locale } = useReportTab();
  const numbers = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const [draft, setDraft] = useState<Draft>({});
  const [saved, setSaved] = useState<Draft>({});
  const [errors, setErrors] = useState<CellErrors>({});
  const [saving, setSaving] = useState(false);

  // A new version (after a save, a workflow step or an import) resets the grid to it; a
  // refetch of the same data keeps the record's identity (react-query shares it) and the edits.
  useEffect(() => {
    if (report) {
      const current = draftOf(report);
      setDraft(current);
      setSaved(current);
      setErrors({});
    }
  }, [report]);

  if (!report) {
    return null;
  }
  const indicators = [...(report.form.indicators ?? [])].sort((a, b) => a.position - b.position);
  const editable = canEdit(role, report);
  const unsaved = JSON.stringify(draft) !== JSON.stringify(saved);

  const change = (indicatorId: string, part: keyof Cell, value: string) => {
    setDraft((current) => ({
      ...current,
      [indicatorId]: { ...(current[indicatorId] ?? { total: "", rural: "" }), [part]: value },
    }));
    setErrors(({ [`${indicatorId}.${part}`]: _, ...rest }) => rest);
  };

  const save = async () => {
    const checked = checkDraft(indicators, draft, translate);
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) {
      notify("dostup.error.validation", { type: "error" });
      return;
    }
    if (checked.values.length === 0) {
      notify("dostup.reports.errors.nothing", { type: "warning" });
      return;
    }
    setSaving(true);
    try {
      await mutate(
        "setReportValues",
        { id: report.id, version: report.version, values: checked.values },
        "id version",
        {},
      );
      notify("dostup.reports.done.saved", { type: "success" });
      refresh();
    } catch (error) {
      setErrors(serverErrors(error, checked.order));
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
    } finally {
      setSaving(false);
    }
  };

  const show = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : numbers.format(value);
  const storedValue = (indicatorId: string) => report.values?.find((value) => value.indicator.id === indicatorId);

  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {translate("dostup.reports.due", { date: formatDay(report.dueDate, locale) })}
      </Typography>
      {report.status === "RETURNED" && report.returnReason && (
        <Alert severity="warning" sx={{ my: 1 }} data-testid="return-reason">
          <b>{translate("dostup.reports.returned_because")}</b> {report.returnReason}
        </Alert>
      )}
      {!isEditableStatus(report.status) && (
        <Alert severity="info" sx={{ my: 1 }}>
          {translate(`dostup.reports.read_only.${report.status}`)}
        </Alert>
      )}
      <WorkflowButtons report={report} unsaved={editable && unsaved} />
      <Table size="small" data-testid="values-grid">
        <TableHead>
          <TableRow>
            <TableCell>{translate("dostup.reports.grid.code")}</TableCell>
            <TableCell>{translate("dostup.reports.grid.indicator")}</TableCell>
            <TableCell>{translate("dostup.reports.grid.unit")}</TableCell>
            <TableCell align="right">{translate("dostup.reports.grid.total")}</TableCell>
            <TableCell align="right">{translate("dostup.reports.grid.rural")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {indicators.map((indicator) => {
            const cell = draft[indicator.id] ?? { total: "", rural: "" };
            const value = storedValue(indicator.id);
            return (
              <TableRow key={indicator.id} data-indicator={indicator.code}>
                <TableCell>{indicator.code}</TableCell>
                <TableCell>{indicator.name}</TableCell>
                <TableCell>{indicator.unit}</TableCell>
                <TableCell align="right" sx={{ width: 170 }}>
                  {editable ? (
                    <TextField
                      size="small"
                      name={`${indicator.code}.total`}
                      value={cell.total}
                      onChange={(event) => change(indicator.id, "total", event.target.value)}
                      error={Boolean(errors[`${indicator.id}.total`])}
                      helperText={errors[`${indicator.id}.total`]}
                      slotProps={{
                        htmlInput: {
                          inputMode: "numeric",
                          "aria-label": `${indicator.name}: ${translate("dostup.reports.grid.total")}`,
                          style: { textAlign: "right" },
                        },
                      }}
                    />
                  ) : (
                    show(value?.total)
                  )}
                </TableCell>
                <TableCell align="right" sx={{ width: 170 }}>
                  {editable && indicator.hasRuralSplit ? (
                    <TextField
                      size="small"
                      name={`${indicator.code}.rural`}
                      value={cell.rural}
                      onChange={(event) => change(indicator.id, "rural", event.target.value)}
                      error={Boolean(errors[`${indicator.id}.rural`])}
                      helperText={errors[`${indicator.id}.rural`]}
                      slotProps={{
                        htmlInput: {
                          inputMode: "numeric",
                          "aria-label": `${indicator.name}: ${translate("dostup.reports.grid.rural")}`,
                          style: { textAlign: "right" },
                        },
                      }}
                    />
                  ) : indicator.hasRuralSplit ? (
                    show(value?.rural)
                  ) : (
                    <Typography
                      component="span"
                      color="text.disabled"
                      title={translate("dostup.reports.grid.no_split")}
                    >
                      —
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {editable && (
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: "center" }}>
          <Button variant="contained" startIcon={<SaveIcon />} disabled={saving || !unsaved} onClick={save}>
            {translate("dostup.reports.action.save")}
          </Button>
          {unsaved && (
            <Typography variant="body2" color="warning.main">
              {translate("dostup.reports.unsaved")}
            </Typography>
          )}
        </Stack>
      )}
    </Box>
  );
};
