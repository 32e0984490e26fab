import BlockIcon from "@mui/icons-material/Block";
import { Table, TableBody, TableCell, TableHead, TableRow } from "@mui/material";
import {
  EditButton,
  SelectField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ConfirmedActionButton } from "../../components/ConfirmedActionButton";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import type { Indicator } from "../../lib/records";
import { useRole } from "../../lib/resource";
import { mutateVersioned } from "../../providers/graphql";
import { periodicityChoices, statusChoices } from "./choices";

interface Form {
  id: string;
  version: number;
  name: string;
  status: string;
  indicators?: Indicator[];
}

/** Retired forms take no new reports; reports already made keep them. */
const RetireButton = () => {
  const record = useRecordContext<Form>();
  if (!record || record.status === "RETIRED") {
    return null;
  }
  return (
    <ConfirmedActionButton
      label="dostup.reportForms.retire"
      title="dostup.reportForms.retire_title"
      content="dostup.reportForms.retire_content"
      done="dostup.reportForms.retired"
      translateOptions={{ name: record.name }}
      icon={<BlockIcon />}
      color="warning"
      action={() => mutateVersioned("retireReportForm", record)}
    />
  );
};

const Actions = () => {
  const admin = useRole() === "ADMIN";
  const record = useRecordContext<Form>();
  return (
    <TopToolbar>
      {admin && record?.status !== "RETIRED" && <EditButton />}
      {admin && <RetireButton />}
    </TopToolbar>
  );
};

const Indicators = () => {
  const record = useRecordContext<Form>();
  const translate = useTranslate();
  const indicators = [...(record?.indicators ?? [])].sort((a, b) => a.position - b.position);
  return (
    <Table size="small" data-testid="form-indicators">
      <TableHead>
        <TableRow>
          <TableCell>№</TableCell>
          <TableCell>{translate("dostup.reportForms.indicator.code")}</TableCell>
          <TableCell>{translate("dostup.reportForms.indicator.name")}</TableCell>
          <TableCell>{translate("dostup.reportForms.indicator.unit")}</TableCell>
          <TableCell>{translate("dostup.reportForms.indicator.category")}</TableCell>
          <TableCell>{translate("dostup.reportForms.indicator.hasRuralSplit")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {indicators.map((indicator, index) => (
          <TableRow key={indicator.id}>
            <TableCell>{index + 1}</TableCell>
            <TableCell>{indicator.code}</TableCell>
            <TableCell>{indicator.name}</TableCell>
            <TableCell>{indicator.unit}</TableCell>
            <TableCell>{indicator.category ?? "—"}</TableCell>
            <TableCell>
              {translate(indicator.hasRuralSplit ? "dostup.reportForms.yes" : "dostup.reportForms.no")}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const ReportFormShow = () => (
  <RecordShow actions={<Actions />}>
    <TabbedShowLayout.Tab label="dostup.reportForms.tab">
      <TextField source="code" />
      <TextField source="name" />
      <LocaleNumberField source="revision" />
      <SelectField source="periodicity" choices={periodicityChoices} />
      <SelectField source="status" choices={statusChoices} />
      <LocaleNumberField source="dueDays" />
      <LocaleDateField source="updatedAt" showTime />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.reportForms.indicators" path="indicators">
      <Indicators />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
