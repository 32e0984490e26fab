// The mobile offices' work in a period: visits, people served and documents issued by type,
// and the settlements they went to most (the API's mobileOfficeActivity, no personal data).
import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";
import { localDay } from "../components/DayField";
import { DashboardCard } from "./DashboardCard";
import { useFormat } from "./format";
import { type MobileActivity, useMobileActivity } from "./queries";

/** Settlements listed, those visited most first. */
const SETTLEMENTS_SHOWN = 5;

/** The last 12 months up to today: from the day after the same date a year ago. */
function lastYear(): { from: string; to: string } {
  const today = new Date();
  const start = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
  return { from: localDay(start), to: localDay(today) };
}

const DATE = {
  type: "date",
  size: "small",
  fullWidth: false,
  margin: "none",
  sx: { width: 160 },
} as const;

function Figure({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <Box data-figure={id}>
      <Typography variant="h4" component="p" data-value>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

function Activity({ data }: { data: MobileActivity }) {
  const translate = useTranslate();
  const format = useFormat();
  const key = (name: string) => `dostup.dashboard.mobile.${name}`;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={4} sx={{ flexWrap: "wrap" }}>
        <Figure id="visits" label={translate(key("visits"))} value={format.integer(data.totals.visits)} />
        <Figure
          id="peopleServed"
          label={translate(key("people_served"))}
          value={format.integer(data.totals.peopleServed)}
        />
        <Figure id="documents" label={translate(key("documents"))} value={format.integer(data.totals.documents)} />
      </Stack>
      {data.documents.length > 0 ? (
        <Table size="small" data-testid="mobile-documents">
          <TableHead>
            <TableRow>
              <TableCell>{translate(key("document_type"))}</TableCell>
              <TableCell align="right">{translate(key("issued"))}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.documents.map((document) => (
              <TableRow key={document.documentType} data-document-type={document.documentType}>
                <TableCell>{document.documentType}</TableCell>
                <TableCell align="right" data-count>
                  {format.integer(document.count)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Box>
        <Typography variant="subtitle2" gutterBottom>
          {translate(key("settlements"))}
        </Typography>
        <Stack spacing={0.5} data-testid="mobile-settlements">
          {data.bySettlement.slice(0, SETTLEMENTS_SHOWN).map((row) => (
            <Typography key={row.settlementId} variant="body2">
              {row.settlement} ({row.municipality}) —{" "}
              {translate(key("settlement_line"), {
                visits: format.integer(row.visits),
                people: format.integer(row.peopleServed),
              })}
            </Typography>
          ))}
        </Stack>
        {data.bySettlement.length > SETTLEMENTS_SHOWN ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {translate("dostup.dashboard.alerts.more", { count: data.bySettlement.length - SETTLEMENTS_SHOWN })}
          </Typography>
        ) : null}
      </Box>
    </Stack>
  );
}

/** The card, for the region chosen on the dashboard (all of the user's when none). */
export function MobileOfficeCard({ regionId }: { regionId: string }) {
  const translate = useTranslate();
  const [period, setPeriod] = useState(lastYear);
  const result = useMobileActivity({ ...period, ...(regionId ? { regionId } : {}) });
  // An emptied date keeps the previous one (the API needs both ends), and one end moved past
  // the other takes it along, so the period is never reversed.
  const change = (end: "from" | "to", value: string) => {
    if (value === "") return;
    setPeriod((current) =>
      end === "from"
        ? { from: value, to: value > current.to ? value : current.to }
        : { from: value < current.from ? value : current.from, to: value },
    );
  };
  return (
    <DashboardCard
      id="mobile-offices"
      title={translate("dostup.dashboard.mobile.title")}
      subtitle={translate("dostup.dashboard.mobile.subtitle")}
      action={
        <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
          <TextField
            {...DATE}
            label={translate("dostup.dashboard.mobile.from")}
            value={period.from}
            onChange={(event) => change("from", event.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: "mobileFrom", max: period.to } }}
          />
          <TextField
            {...DATE}
            label={translate("dostup.dashboard.mobile.to")}
            value={period.to}
            onChange={(event) => change("to", event.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: "mobileTo", min: period.from } }}
          />
        </Stack>
      }
      result={result}
      isEmpty={(data) => data.totals.visits === 0}
      empty="dostup.dashboard.mobile.empty"
    >
      {(data) => <Activity data={data} />}
    </DashboardCard>
  );
}
