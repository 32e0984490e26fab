import {
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
} from "react-admin";
import { csvExporter } from "../../components/downloads";
import { ExcerptField, StatusField } from "../../components/FeedbackStatusField";
import { LocaleDateField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { csvDate } from "../../lib/format";
import { type FeedbackRecord, feedbackStatusChoices, feedbackSubjectChoices } from "./choices";

const Column = DataTable.Col<FeedbackRecord>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={feedbackStatusChoices} alwaysOn />,
  <ReferenceInput key="categoryId" source="categoryId" reference="feedbackCategories">
    <SelectInput />
  </ReferenceInput>,
  <NullableBooleanInput key="overdue" source="overdue" />,
  <ReferenceFilter key="centreId" source="centreId" reference="centres" />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" />,
  <SelectInput key="subjectType" source="subjectType" choices={feedbackSubjectChoices} />,
  <NullableBooleanInput key="hasSystemicError" source="hasSystemicError" />,
  <NullableBooleanInput key="fromApp" source="fromApp" />,
];

const exporter = csvExporter<FeedbackRecord>("feedback", (record) => ({
  id: record.id,
  reference: record.reference ?? "",
  receivedAt: csvDate(record.receivedAt),
  dueAt: csvDate(record.dueAt),
  status: record.status,
  overdue: record.overdue,
  category: record.category.name,
  subjectType: record.subjectType,
  centre: record.centre?.name ?? "",
  region: record.region.name,
  app: record.apiClientName ?? "",
  systemicError: record.systemicError?.title ?? "",
  text: record.text,
}));

// The API sorts feedback by the date received or due.
export const FeedbackList = () => (
  <List filters={filters} sort={{ field: "receivedAt", order: "DESC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="receivedAt" field={LocaleDateField} />
      <Column source="reference" disableSort />
      <Column source="category.name" disableSort />
      <Column source="subjectType" disableSort>
        <SelectField source="subjectType" choices={feedbackSubjectChoices} />
      </Column>
      <Column source="text" disableSort field={ExcerptField} />
      <Column source="status" disableSort field={StatusField} />
      <Column source="dueAt" field={LocaleDateField} />
      <Column source="centre.name" disableSort />
      <Column source="region.name" disableSort />
      <Column source="apiClientName" disableSort />
    </DataTable>
  </List>
);
