import { Chip, Stack, Typography } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { LocaleDateField } from "../../components/localeFields";
import type { CentreRecord } from "./types";

/** How many days ahead an expiring signature is flagged (the dashboard's alerts use 30 too). */
const WARN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from today to a YYYY-MM-DD date, counted in whole calendar days. */
export function daysUntil(date: string, today = new Date()): number {
  const [year, month, day] = date.split("-").map(Number);
  const target = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - now) / DAY_MS);
}

/** The electronic signature's end date, flagged when it has expired or soon will. */
export const SignatureField = (_props: { source: "signatureValidUntil"; label?: string }) => {
  const record = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  if (!record.signatureValidUntil) {
    return <Typography variant="body2">{translate("dostup.centres.signature.none")}</Typography>;
  }
  const days = daysUntil(record.signatureValidUntil);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
      <LocaleDateField source="signatureValidUntil" />
      {days < 0 && <Chip size="small" color="error" label={translate("dostup.centres.signature.expired")} />}
      {days >= 0 && days <= WARN_DAYS && (
        <Chip size="small" color="warning" label={translate("dostup.centres.signature.expiring", { days })} />
      )}
    </Stack>
  );
};
