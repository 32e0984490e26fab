import { DataTable, List, SearchInput, SelectField, SelectInput } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { LocaleNumberField } from "../../components/localeFields";
import { periodicityChoices, statusChoices } from "./choices";

interface FormRow {
  id: string;
  code: string;
  name: string;
  revision: number;
  periodicity: string;
  status: string;
  dueDays: number;
}

const Column = DataTable.Col<FormRow>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="periodicity" source="periodicity" choices={periodicityChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
];

const exporter = csvExporter<FormRow>("report-forms", ({ code, name, revision, periodicity, status, dueDays }) => ({
  code,
  name,
  revision,
  periodicity,
  status,
  dueDays,
}));

export const ReportFormList = () => (
  <List filters={filters} sort={{ field: "code", order: "ASC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="code" />
      <Column source="name" />
      <Column source="revision" disableSort>
        <LocaleNumberField source="revision" />
      </Column>
      <Column source="periodicity" disableSort>
        <SelectField source="periodicity" choices={periodicityChoices} />
      </Column>
      <Column source="status" disableSort>
        <SelectField source="status" choices={statusChoices} />
      </Column>
      <Column source="dueDays" disableSort>
        <LocaleNumberField source="dueDays" />
      </Column>
    </DataTable>
  </List>
);
