import WarningAmberIcon from "@mui/icons-material/WarningAmber";
import { Tooltip } from "@mui/material";
import { DataTable, DateInput, List, SelectInput, useRecordContext, useTranslate } from "react-admin";
import { ListActions } from "../../components/ListActions";
import { LocaleDateField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { useRole } from "../../lib/resource";
import { access } from "./access";
import { PeriodField } from "./PeriodField";
import { ReportEntity, StatusChip } from "./StatusChip";
import { type Report, scopeChoices, statusChoices } from "./types";

const Column = DataTable.Col<Report>;

const OverdueMark = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  if (!record?.overdue) {
    return null;
  }
  return (
    <Tooltip title={translate("dostup.reports.overdue")}>
      <WarningAmberIcon color="warning" fontSize="small" aria-label={translate("dostup.reports.overdue")} />
    </Tooltip>
  );
};

/**
 * Reports of the caller's scope: operators get their centre's only (the API scopes it),
 * so the centre and region filters are for staff and auditors.
 */
export const ReportList = () => {
  const role = useRole();
  const staff = role !== "OPERATOR";
  const filters = [
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
    <DateInput key="periodFrom" source="periodFrom" alwaysOn />,
    <DateInput key="periodTo" source="periodTo" alwaysOn />,
    <ReferenceFilter key="formId" source="formId" reference="reportForms" optionText="name" />,
    ...(staff
      ? [
          <ReferenceFilter key="regionId" source="regionId" reference="regions" optionText="name" />,
          <ReferenceFilter key="centreId" source="centreId" reference="centres" optionText="name" />,
          <SelectInput key="scope" source="scope" choices={scopeChoices} />,
        ]
      : []),
  ];
  return (
    <List filters={filters} sort={{ field: "periodStart", order: "DESC" }} actions={<ListActions access={access} />}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <Column source="form.name" disableSort />
        <Column source="periodStart" field={PeriodField} />
        <Column source="entity" field={ReportEntity} disableSort />
        <Column source="region.name" disableSort />
        <Column source="status" field={StatusChip} />
        <Column source="dueDate" disableSort>
          <LocaleDateField source="dueDate" />
        </Column>
        <Column source="overdue" field={OverdueMark} disableSort />
      </DataTable>
    </List>
  );
};
