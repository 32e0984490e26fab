import {
  Box,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Loading, useRecordContext, useTranslate } from "react-admin";
import { EmptyText } from "../../components/EmptyText";
import { useIntlLocale } from "../../components/localeFields";
import { formatDate } from "../../lib/format";
import { request } from "../../providers/graphql";
import type { KpiRecord } from "./choices";

interface Progress {
  kpi: { id: string };
  region: { id: string; name: string } | null;
  year: number;
  value: number | null;
  target: number;
  met: boolean;
  unit: string;
  direction: "AT_LEAST" | "AT_MOST";
  periodStart: string | null;
  periodEnd: string | null;
  numerator: number | null;
  denominator: number | null;
  populationYear: number | null;
}

const PROGRESS = `query KpiProgress($input: KpiProgressInput) {
  kpiProgress(input: $input) { kpi { id } region { id name } year value target met unit direction periodStart periodEnd
    numerator denominator populationYear }
}`;

/** How far the value has come towards the target, 0–100 (AT_MOST targets: met or not). */
function percent(row: Progress): number {
  if (row.value === null) {
    return 0;
  }
  if (row.direction === "AT_MOST") {
    return row.met ? 100 : Math.min(100, (row.target / Math.max(row.value, Number.EPSILON)) * 100);
  }
  return row.target === 0 ? 100 : Math.max(0, Math.min(100, (row.value / row.target) * 100));
}

/** The KPI's latest values against its target, nationally and in the caller's regions (kpiProgress). */
export const KpiProgressTab = () => {
  const record = useRecordContext<KpiRecord>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const [year, setYear] = useState<number | null>(null);
  const { data, isPending, error } = useQuery({
    queryKey: ["kpiProgress", year],
    queryFn: ({ signal }) => request<{ kpiProgress: Progress[] }>(PROGRESS, { input: year ? { year } : {} }, signal),
  });
  if (!record) {
    return null;
  }
  const yearInput = (
    <TextField
      type="number"
      size="small"
      label={translate("dostup.kpis.formula.year")}
      value={year ?? ""}
      onChange={(event) => {
        const value = Number.parseInt(event.target.value, 10);
        setYear(Number.isFinite(value) && value >= 1900 && value <= 2100 ? value : null);
      }}
      sx={{ mb: 2, width: 160 }}
      slotProps={{ htmlInput: { min: 1900, max: 2100, "data-testid": "kpi-progress-year" } }}
    />
  );
  if (isPending) {
    return <Loading />;
  }
  if (error) {
    return <Typography color="error">{translate("dostup.kpis.progress_error")}</Typography>;
  }
  const rows = data.kpiProgress
    .filter((row) => row.kpi.id === record.id)
    .sort((a, b) => (a.region?.name ?? "").localeCompare(b.region?.name ?? "", locale));
  if (rows.length === 0) {
    return (
      <>
        {yearInput}
        <EmptyText text="dostup.kpis.no_progress" />
      </>
    );
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const inputs = (row: Progress) =>
    [
      row.numerator === null
        ? null
        : translate("dostup.kpis.formula.numerator_value", { value: whole.format(row.numerator) }),
      row.denominator === null
        ? null
        : translate("dostup.kpis.formula.denominator_value", { value: whole.format(row.denominator) }),
      row.populationYear === null
        ? null
        : translate("dostup.kpis.formula.population_year", { year: row.populationYear }),
    ]
      .filter(Boolean)
      .join("; ");
  // Calendar days of the API, kept on their day wherever the browser is.
  const date = (day: string) => formatDate(day.slice(0, 10), locale === "en-GB" ? "en" : "ru");
  return (
    <>
      {yearInput}
      <Table size="small" data-testid="kpi-progress">
        <TableHead>
          <TableRow>
            <TableCell>{translate("resources.kpis.fields.region.name")}</TableCell>
            <TableCell>{translate("dostup.kpis.period")}</TableCell>
            <TableCell align="right">{translate("dostup.kpis.value")}</TableCell>
            <TableCell>{translate("dostup.kpis.formula.inputs")}</TableCell>
            <TableCell align="right">{translate("resources.kpis.fields.targetValue")}</TableCell>
            <TableCell sx={{ width: 220 }}>{translate("dostup.kpis.progress")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.region?.id ?? "national"}>
              <TableCell>{row.region?.name ?? translate("dostup.kpis.national")}</TableCell>
              <TableCell>
                {row.periodStart && row.periodEnd ? `${date(row.periodStart)} — ${date(row.periodEnd)}` : row.year}
              </TableCell>
              <TableCell align="right">
                {row.value === null ? "—" : `${number.format(row.value)} ${row.unit}`}
              </TableCell>
              <TableCell>{inputs(row) || "—"}</TableCell>
              <TableCell align="right">
                {translate(`enums.TargetDirection.${row.direction}`).toLowerCase()} {number.format(row.target)}{" "}
                {row.unit}
              </TableCell>
              <TableCell>
                <Box sx={{ display: "flex", alignItems: "center", gap: 1 }}>
                  <LinearProgress
                    variant="determinate"
                    value={percent(row)}
                    color={row.met ? "success" : "warning"}
                    sx={{ flexGrow: 1, height: 8, borderRadius: 4 }}
                  />
                  <Typography variant="body2">
                    {translate(
                      row.value === null ? "dostup.kpis.no_value" : row.met ? "dostup.kpis.met" : "dostup.kpis.not_met",
                    )}
                  </Typography>
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
