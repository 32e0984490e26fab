// The dashboard itself, loaded on demand (Dashboard.tsx) with recharts. Administrators,
// curators and auditors get the charts and the alerts of their regions; operators, who may
// not read the alerts, get their centre's reports and visitors.
import {
  Box,
  Card,
  CardContent,
  Chip,
  List,
  ListItemButton,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import { Link, useCreatePath, useStore, useTranslate } from "react-admin";
import { useRole } from "../lib/resource";
import { AlertCards } from "./AlertCards";
import { DynamicsChart, KpiChart, RequestsChart } from "./charts";
import { DashboardCard } from "./DashboardCard";
import { useFormat } from "./format";
import { MobileOfficeCard } from "./MobileOfficeCard";
import {
  type Granularity,
  type RegionOption,
  useAlerts,
  useAllRegions,
  useCentreReports,
  useDynamics,
  useIndicators,
  useKpis,
  useRequests,
  useViewer,
  type Viewer,
} from "./queries";

const GRANULARITIES: readonly Granularity[] = ["YEAR", "QUARTER", "MONTH"];
const DEFAULT_INDICATOR = "USERS";
/** Reports in the catalogue start in 2015; a few years before leave room for older data. */
const FIRST_YEAR = 2010;
const currentYear = () => new Date().getFullYear();

interface Filters {
  regionId: string;
  fromYear: number;
  toYear: number;
  granularity: Granularity;
  indicatorCode: string;
}

const defaults = (): Filters => ({
  regionId: "",
  fromYear: currentYear() - 11,
  toYear: currentYear(),
  granularity: "YEAR",
  indicatorCode: DEFAULT_INDICATOR,
});

/** The controls sit in one row (react-admin's theme makes text fields full width). */
// Labels stay above the value: a select whose options arrive after its value drew the label over it.
const CONTROL = {
  select: true,
  size: "small",
  fullWidth: false,
  margin: "none",
  slotProps: { inputLabel: { shrink: true } },
} as const;

const GRID = {
  display: "grid",
  gap: 2,
  gridTemplateColumns: { xs: "1fr", lg: "repeat(2, minmax(0, 1fr))" },
  alignItems: "start",
} as const;

export default function DashboardContent() {
  const role = useRole();
  const viewer = useViewer();
  if (role === undefined) return null;
  if (role === "OPERATOR") return <OperatorDashboard viewer={viewer.data ?? null} loading={viewer.isPending} />;
  return (
    <RegionsDashboard viewer={viewer.data ?? null} readsAll={role === "ADMIN" || viewer.data?.allRegions === true} />
  );
}

function RegionsDashboard({ viewer, readsAll }: { viewer: Viewer | null; readsAll: boolean }) {
  const translate = useTranslate();
  const [stored, setFilters] = useStore<Filters>("dostup.dashboard.filters", defaults());
  const allRegions = useAllRegions(readsAll);
  const regions: RegionOption[] = readsAll ? (allRegions.data ?? []) : (viewer?.regions ?? []);
  const indicators = useIndicators();

  // A stored choice can be another user's (the store is per browser): fall back to defaults.
  const filters: Filters = {
    ...defaults(),
    ...stored,
    regionId: regions.some((region) => region.id === stored.regionId) ? stored.regionId : "",
  };
  if (filters.fromYear > filters.toYear) filters.fromYear = filters.toYear;
  const update = (change: Partial<Filters>) => setFilters({ ...filters, ...change });

  const scope = filters.regionId ? { regionId: filters.regionId } : {};
  const from = `${filters.fromYear}-01-01`;
  const to = `${filters.toYear}-12-31`;
  const dynamics = useDynamics({
    indicatorCode: filters.indicatorCode,
    granularity: filters.granularity,
    from,
    to,
    scope,
  });
  const requests = useRequests({ from, to, scope });
  const kpis = useKpis(filters.regionId || undefined);
  const alerts = useAlerts(filters.regionId || undefined);

  const years: number[] = [];
  for (let year = currentYear(); year >= FIRST_YEAR; year--) years.push(year);
  const indicatorName =
    indicators.data?.find((indicator) => indicator.code === filters.indicatorCode)?.name ?? filters.indicatorCode;

  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-dashboard="regions">
      <Card variant="outlined">
        <CardContent sx={{ display: "flex", gap: 2, flexWrap: "wrap", "&:last-child": { pb: 2 } }}>
          <TextField
            {...CONTROL}
            label={translate("dostup.dashboard.controls.region")}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            value={filters.regionId}
            onChange={(event) => update({ regionId: event.target.value })}
            sx={{ minWidth: 240 }}
            data-control="region"
          >
            <MenuItem value="">{translate("dostup.dashboard.controls.all_regions")}</MenuItem>
            {regions.map((region) => (
              <MenuItem key={region.id} value={region.id}>
                {region.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            {...CONTROL}
            label={translate("dostup.dashboard.controls.from")}
            value={filters.fromYear}
            onChange={(event) => update({ fromYear: Number(event.target.value) })}
            sx={{ minWidth: 110 }}
            data-control="from"
          >
            {years.map((year) => (
              <MenuItem key={year} value={year}>
                {year}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            {...CONTROL}
            label={translate("dostup.dashboard.controls.to")}
            value={filters.toYear}
            onChange={(event) => update({ toYear: Number(event.target.value) })}
            sx={{ minWidth: 110 }}
            data-control="to"
          >
            {years.map((year) => (
              <MenuItem key={year} value={year} disabled={year < filters.fromYear}>
                {year}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            {...CONTROL}
            label={translate("dostup.dashboard.controls.granularity")}
            value={filters.granularity}
            onChange={(event) => update({ granularity: event.target.value as Granularity })}
            sx={{ minWidth: 160 }}
            data-control="granularity"
          >
            {GRANULARITIES.map((granularity) => (
              <MenuItem key={granularity} value={granularity}>
                {translate(`dostup.dashboard.granularity.${granularity}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            {...CONTROL}
            label={translate("dostup.dashboard.controls.indicator")}
            value={indicators.data?.some((i) => i.code === filters.indicatorCode) ? filters.indicatorCode : ""}
            onChange={(event) => update({ indicatorCode: event.target.value })}
            sx={{ minWidth: 280, maxWidth: 480, flex: 1 }}
            data-control="indicator"
          >
            {(indicators.data ?? []).map((indicator) => (
              <MenuItem key={indicator.code} value={indicator.code}>
                {indicator.name}
              </MenuItem>
            ))}
          </TextField>
        </CardContent>
      </Card>
      <Box sx={GRID}>
        <DashboardCard
          id="dynamics"
          title={translate("dostup.dashboard.dynamics.title")}
          subtitle={translate("dostup.dashboard.dynamics.subtitle", { indicator: indicatorName })}
          result={dynamics}
          isEmpty={(points) => points.length === 0}
          empty="dostup.dashboard.dynamics.empty"
          minHeight={300}
        >
          {(points) => <DynamicsChart points={points} granularity={filters.granularity} />}
        </DashboardCard>
        <DashboardCard
          id="requests"
          title={translate("dostup.dashboard.requests.title")}
          subtitle={translate("dostup.dashboard.requests.subtitle", {
            from: filters.fromYear,
            to: filters.toYear,
          })}
          result={requests}
          isEmpty={(categories) => categories.every((category) => category.total === 0)}
          empty="dostup.dashboard.requests.empty"
          minHeight={300}
        >
          {(categories) => <RequestsChart categories={categories.filter((category) => category.total > 0)} />}
        </DashboardCard>
        <DashboardCard
          id="kpis"
          title={translate("dostup.dashboard.kpis.title")}
          subtitle={translate("dostup.dashboard.kpis.subtitle")}
          result={kpis}
          isEmpty={(rows) => rows.length === 0}
          empty="dostup.dashboard.kpis.empty"
          minHeight={300}
        >
          {(rows) => <KpiChart rows={rows} />}
        </DashboardCard>
        <MobileOfficeCard regionId={filters.regionId} />
        <AlertCards result={alerts} />
      </Box>
    </Stack>
  );
}

function OperatorDashboard({ viewer, loading }: { viewer: Viewer | null; loading: boolean }) {
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  const centre = viewer?.centre ?? undefined;
  const reports = useCentreReports(centre?.id);
  const year = currentYear();
  const dynamics = useDynamics({
    indicatorCode: DEFAULT_INDICATOR,
    granularity: "MONTH",
    from: `${year - 1}-01-01`,
    to: `${year}-12-31`,
    scope: centre ? { centreId: centre.id } : {},
  });
  if (loading) return null;
  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-dashboard="operator">
      <Card variant="outlined" data-card="welcome">
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate("dostup.dashboard.operator.welcome", { name: viewer?.fullName ?? "" })}
          </Typography>
          <Typography>
            {centre
              ? translate("dostup.dashboard.operator.centre", { centre: centre.name })
              : translate("dostup.dashboard.operator.no_centre")}
          </Typography>
          {centre ? (
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              {translate("dostup.dashboard.operator.hint")}
            </Typography>
          ) : null}
        </CardContent>
      </Card>
      {centre ? (
        <Box sx={GRID}>
          <DashboardCard
            id="centre-reports"
            title={translate("dostup.dashboard.operator.reports")}
            action={
              <Chip
                size="small"
                clickable
                component={Link}
                to={createPath({ resource: "reports", type: "list" })}
                label={translate("dostup.dashboard.operator.all_reports")}
              />
            }
            result={reports}
            isEmpty={(data) => data.reports.length === 0}
            empty="dostup.dashboard.operator.empty"
          >
            {(data) => (
              <List dense disablePadding>
                {data.reports.map((report) => (
                  <ListItemButton
                    key={report.id}
                    component={Link}
                    to={createPath({ resource: "reports", id: report.id, type: "show" })}
                    divider
                    data-alert-row
                  >
                    <ListItemText
                      primary={format.range(report.periodStart, report.periodEnd)}
                      secondary={`${report.form.name} · ${translate("dostup.dashboard.operator.due", {
                        date: format.date(report.dueDate),
                      })}`}
                    />
                    <Stack direction="row" spacing={1}>
                      {report.overdue ? (
                        <Chip size="small" color="error" label={translate("dostup.dashboard.operator.overdue")} />
                      ) : null}
                      <Chip size="small" label={translate(`dostup.dashboard.status.${report.status}`)} />
                    </Stack>
                  </ListItemButton>
                ))}
              </List>
            )}
          </DashboardCard>
          <DashboardCard
            id="dynamics"
            title={translate("dostup.dashboard.operator.dynamics")}
            result={dynamics}
            isEmpty={(points) => points.length === 0}
            empty="dostup.dashboard.dynamics.empty"
            minHeight={300}
          >
            {(points) => <DynamicsChart points={points} granularity="MONTH" />}
          </DashboardCard>
        </Box>
      ) : null}
    </Stack>
  );
}
