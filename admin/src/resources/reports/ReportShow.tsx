import { Stack, Typography } from "@mui/material";
import { Labeled, TabbedShowLayout, useRecordContext, useTranslate } from "react-admin";
import { RecordShow } from "../../components/RecordShow";
import { PeriodField } from "./PeriodField";
import { ReportFiles } from "./ReportFiles";
import { ReportSpreadsheet } from "./ReportSpreadsheet";
import { ReportEntity, StatusChip } from "./StatusChip";
import type { Report } from "./types";
import { ValuesTab } from "./ValuesGrid";

const ReportTitle = () => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  return <span>{record ? `${translate("resources.reports.name", { smart_count: 1 })}: ${record.form.name}` : ""}</span>;
};

/** What the report is: form, period, who reports, status. */
const Summary = () => {
  const record = useRecordContext<Report>();
  if (!record) {
    return null;
  }
  return (
    <>
      <Typography variant="h6">{record.form.name}</Typography>
      <Stack direction="row" sx={{ gap: 4, flexWrap: "wrap", my: 1 }}>
        <Labeled source="periodStart">
          <PeriodField />
        </Labeled>
        <Labeled source="entity">
          <ReportEntity />
        </Labeled>
        <Labeled source="status">
          <StatusChip />
        </Labeled>
      </Stack>
    </>
  );
};

export const ReportShow = () => (
  <RecordShow title={<ReportTitle />}>
    <TabbedShowLayout.Tab label="dostup.reports.tabs.values">
      <Summary />
      <ValuesTab />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.reports.tabs.files" path="files">
      <ReportFiles />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.reports.tabs.spreadsheet" path="spreadsheet">
      <ReportSpreadsheet />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
