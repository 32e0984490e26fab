// The dashboard's charts (recharts). This module is loaded lazily with the dashboard, so
// recharts stays out of the bundle the login page needs.
import { Box, Chip, List, ListItem, ListItemText, Stack, useTheme } from "@mui/material";
import { useTranslate } from "react-admin";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormat } from "./format";
import type { CategoryTotal, DynamicsPoint, Granularity, KpiProgressRow } from "./queries";

/** Long names (categories, KPIs) cut for an axis; the tooltip and the list give them whole. */
const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function DynamicsChart({ points, granularity }: { points: DynamicsPoint[]; granularity: Granularity }) {
  const translate = useTranslate();
  const format = useFormat();
  const theme = useTheme();
  const data = points.map((point) => ({
    label: format.period(point.period, point.label, granularity),
    total: point.total,
    rural: point.rural,
  }));
  const hasRural = points.some((point) => point.rural !== null);
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis tickFormatter={format.integer} width={64} />
        <Tooltip formatter={(value) => (typeof value === "number" ? format.integer(value) : String(value))} />
        <Legend />
        <Line
          type="linear"
          dataKey="total"
          name={translate("dostup.dashboard.dynamics.total")}
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          isAnimationActive={false}
        />
        {hasRural ? (
          <Line
            type="linear"
            dataKey="rural"
            name={translate("dostup.dashboard.dynamics.rural")}
            stroke={theme.palette.success.main}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        ) : null}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function RequestsChart({ categories }: { categories: CategoryTotal[] }) {
  const translate = useTranslate();
  const format = useFormat();
  const theme = useTheme();
  const data = [...categories].sort((a, b) => b.total - a.total);
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 44 + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={format.integer} />
        <YAxis
          type="category"
          dataKey="name"
          width={220}
          tick={{ fontSize: 12 }}
          tickFormatter={(name: string) => shorten(name, 34)}
        />
        <Tooltip formatter={(value) => (typeof value === "number" ? format.integer(value) : String(value))} />
        <Bar
          dataKey="total"
          name={translate("dostup.dashboard.requests.total")}
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** How far a value is towards its target, in per cent (100 = met exactly), for either direction. */
function percentOfTarget(row: KpiProgressRow): number | null {
  if (row.value === null) return null;
  if (row.direction === "AT_MOST") return row.value === 0 ? 100 : (row.target / row.value) * 100;
  return row.target === 0 ? 100 : (row.value / row.target) * 100;
}

export function KpiChart({ rows }: { rows: KpiProgressRow[] }) {
  const translate = useTranslate();
  const format = useFormat();
  const theme = useTheme();
  const national = translate("dostup.dashboard.kpis.national");
  const data = rows.map((row) => ({
    key: `${row.kpi.id}:${row.region?.id ?? "national"}`,
    name: `${row.kpi.name} (${row.region?.name ?? national})`,
    // Bars past 150 % would squeeze the others; the list gives the exact figure.
    percent: Math.min(150, Math.round((percentOfTarget(row) ?? 0) * 10) / 10),
    row,
  }));
  return (
    <Stack spacing={1}>
      <ResponsiveContainer width="100%" height={Math.max(160, data.length * 44 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]} unit="%" />
          <YAxis
            type="category"
            dataKey="name"
            width={220}
            tick={{ fontSize: 12 }}
            tickFormatter={(name: string) => shorten(name, 34)}
          />
          <Tooltip formatter={(value) => (typeof value === "number" ? `${format.decimal(value)} %` : String(value))} />
          <ReferenceLine x={100} stroke={theme.palette.text.secondary} strokeDasharray="4 4" />
          <Bar dataKey="percent" name={translate("dostup.dashboard.kpis.percent")} isAnimationActive={false}>
            {data.map((entry) => (
              <Cell key={entry.key} fill={entry.row.met ? theme.palette.success.main : theme.palette.warning.main} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <List dense disablePadding>
        {data.map(({ key, name, row }) => (
          <ListItem key={key} disableGutters divider>
            <ListItemText
              primary={name}
              secondary={
                <Box component="span" sx={{ display: "flex", gap: 1, flexWrap: "wrap", alignItems: "center" }}>
                  <span>
                    {row.value === null
                      ? translate("dostup.dashboard.kpis.no_value")
                      : `${translate("dostup.dashboard.kpis.value")}: ${format.decimal(row.value)} ${row.unit}`}
                  </span>
                  <span>
                    {translate("dostup.dashboard.kpis.target", { year: row.targetYear })}:{" "}
                    {row.direction === "AT_MOST" ? `${translate("dostup.dashboard.kpis.at_most")} ` : ""}
                    {format.decimal(row.target)} {row.unit}
                  </span>
                </Box>
              }
            />
            <Chip
              size="small"
              sx={{ ml: 1 }}
              color={row.met ? "success" : "warning"}
              label={translate(row.met ? "dostup.dashboard.kpis.met" : "dostup.dashboard.kpis.not_met")}
            />
          </ListItem>
        ))}
      </List>
    </Stack>
  );
}
