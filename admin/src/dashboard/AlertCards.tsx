// What needs attention: five lists from one `alerts` query, each row a link to its record.
import { Button, Chip, List, ListItemButton, ListItemText, Stack, Typography } from "@mui/material";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useCreatePath, useTranslate } from "react-admin";
import { DashboardCard } from "./DashboardCard";
import { useFormat } from "./format";
import type { Alerts } from "./queries";

/** The register of systemic errors, showing the overdue ones. */
const OVERDUE_REGISTER = `/systemicErrors?filter=${encodeURIComponent(JSON.stringify({ overdueOnly: true }))}`;

/** Rows shown per list; the card says how many more there are. */
const SHOWN = 8;

interface AlertRow {
  key: string;
  to: string;
  primary: ReactNode;
  secondary: ReactNode;
  severity?: "error" | "warning";
}

function AlertList({ rows, totalCount }: { rows: AlertRow[]; totalCount: number }) {
  const translate = useTranslate();
  const shown = rows.slice(0, SHOWN);
  return (
    <>
      <List dense disablePadding>
        {shown.map((row) => (
          <ListItemButton key={row.key} component={Link} to={row.to} divider data-alert-row>
            <ListItemText
              primary={row.primary}
              secondary={row.secondary}
              slotProps={{ secondary: { color: row.severity === "error" ? "error" : "text.secondary" } }}
            />
          </ListItemButton>
        ))}
      </List>
      {totalCount > shown.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate("dostup.dashboard.alerts.more", { count: totalCount - shown.length })}
        </Typography>
      ) : null}
    </>
  );
}

function TotalChip({ count, color }: { count: number | undefined; color: "error" | "warning" }) {
  const translate = useTranslate();
  if (!count) return null;
  return <Chip size="small" color={color} label={translate("dostup.dashboard.alerts.total", { count })} />;
}

export function AlertCards({ result }: { result: UseQueryResult<Alerts> }) {
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  const show = (resource: string, id: string) => createPath({ resource, id, type: "show" });
  const data = result.data;
  return (
    <>
      <DashboardCard
        id="signatures"
        title={translate("dostup.dashboard.alerts.signatures.title")}
        subtitle={translate("dostup.dashboard.alerts.signatures.subtitle")}
        action={<TotalChip count={data?.expiringSignatures.totalCount} color="warning" />}
        result={result}
        isEmpty={(alerts) => alerts.expiringSignatures.totalCount === 0}
        empty="dostup.dashboard.alerts.signatures.empty"
      >
        {(alerts) => (
          <AlertList
            totalCount={alerts.expiringSignatures.totalCount}
            rows={alerts.expiringSignatures.items.map((item) => ({
              key: item.centre.id,
              to: show("centres", item.centre.id),
              primary: item.centre.name,
              severity: item.daysLeft < 0 ? "error" : "warning",
              secondary: `${item.centre.region.name} · ${format.date(item.validUntil)} · ${
                item.daysLeft < 0
                  ? translate("dostup.dashboard.alerts.signatures.expired", { days: -item.daysLeft })
                  : item.daysLeft === 0
                    ? translate("dostup.dashboard.alerts.signatures.today")
                    : translate("dostup.dashboard.alerts.signatures.days_left", { days: item.daysLeft })
              }`,
            }))}
          />
        )}
      </DashboardCard>
      <DashboardCard
        id="overdue"
        title={translate("dostup.dashboard.alerts.overdue.title")}
        subtitle={translate("dostup.dashboard.alerts.overdue.subtitle")}
        action={<TotalChip count={data?.overdueReports.totalCount} color="error" />}
        result={result}
        isEmpty={(alerts) => alerts.overdueReports.totalCount === 0}
        empty="dostup.dashboard.alerts.overdue.empty"
      >
        {(alerts) => (
          <AlertList
            totalCount={alerts.overdueReports.totalCount}
            rows={alerts.overdueReports.items.map(({ report, dueDate, daysOverdue }) => ({
              key: report.id,
              to: show("reports", report.id),
              primary: report.centre?.name ?? report.municipality?.name ?? report.region.name,
              severity: "error",
              secondary: `${report.form.name} · ${format.range(report.periodStart, report.periodEnd)} · ${translate(
                "dostup.dashboard.alerts.overdue.days",
                { days: daysOverdue },
              )} (${format.date(dueDate)})`,
            }))}
          />
        )}
      </DashboardCard>
      <DashboardCard
        id="unverified"
        title={translate("dostup.dashboard.alerts.unverified.title")}
        subtitle={translate("dostup.dashboard.alerts.unverified.subtitle")}
        action={<TotalChip count={data?.unverifiedCentres.totalCount} color="warning" />}
        result={result}
        isEmpty={(alerts) => alerts.unverifiedCentres.totalCount === 0}
        empty="dostup.dashboard.alerts.unverified.empty"
      >
        {(alerts) => (
          <AlertList
            totalCount={alerts.unverifiedCentres.totalCount}
            rows={alerts.unverifiedCentres.items.map((item) => ({
              key: item.centre.id,
              to: show("centres", item.centre.id),
              primary: item.centre.name,
              secondary: `${item.centre.region.name} · ${
                item.lastVerifiedAt
                  ? translate("dostup.dashboard.alerts.unverified.last", { date: format.dateTime(item.lastVerifiedAt) })
                  : translate("dostup.dashboard.alerts.unverified.never")
              }`,
            }))}
          />
        )}
      </DashboardCard>
      <DashboardCard
        id="curators"
        title={translate("dostup.dashboard.alerts.curators.title")}
        subtitle={translate("dostup.dashboard.alerts.curators.subtitle")}
        action={<TotalChip count={data?.servicesWithoutCurator.totalCount} color="warning" />}
        result={result}
        isEmpty={(alerts) => alerts.servicesWithoutCurator.totalCount === 0}
        empty="dostup.dashboard.alerts.curators.empty"
      >
        {(alerts) => (
          <AlertList
            totalCount={alerts.servicesWithoutCurator.totalCount}
            rows={alerts.servicesWithoutCurator.items.map((item) => ({
              key: `${item.service.id}:${item.region.id}`,
              to: show("services", item.service.id),
              primary: item.service.name,
              secondary: item.region.name,
            }))}
          />
        )}
      </DashboardCard>
      <DashboardCard
        id="systemic"
        title={translate("dostup.dashboard.alerts.systemic.title")}
        subtitle={translate("dostup.dashboard.alerts.systemic.subtitle")}
        action={
          <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
            <TotalChip count={data?.overdueSystemicErrors.totalCount} color="error" />
            <Button size="small" component={Link} to={OVERDUE_REGISTER}>
              {translate("dostup.dashboard.alerts.systemic.register")}
            </Button>
          </Stack>
        }
        result={result}
        isEmpty={(alerts) => alerts.overdueSystemicErrors.totalCount === 0}
        empty="dostup.dashboard.alerts.systemic.empty"
      >
        {(alerts) => (
          <AlertList
            totalCount={alerts.overdueSystemicErrors.totalCount}
            rows={alerts.overdueSystemicErrors.items.map(({ systemicError, dueAt, daysOverdue }) => ({
              key: systemicError.id,
              to: show("systemicErrors", systemicError.id),
              primary: systemicError.title,
              severity: "error",
              secondary: `${systemicError.service?.name ?? systemicError.region.name} · ${translate(
                "dostup.dashboard.alerts.systemic.days",
                { days: daysOverdue },
              )} (${format.date(dueAt)})`,
            }))}
          />
        )}
      </DashboardCard>
    </>
  );
}
