import { DataTable, List, NumberInput, regex, required, TabbedShowLayout, TextField, TextInput } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { LocaleNumberField } from "../../components/localeFields";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { RecordShow } from "../../components/RecordShow";

interface CategoryRecord {
  id: string;
  code: string;
  name: string;
  slaDays: number;
}

const Column = DataTable.Col<CategoryRecord>;

// Through the panel's CSV writer, not react-admin's default one, which neither defuses
// formulas nor quotes semicolons.
const exporter = csvExporter<CategoryRecord>("feedbackCategories", (row) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  slaDays: row.slaDays,
}));

// The API lists categories by name, without filters or other orders.
export const FeedbackCategoryList = () => (
  <List sort={{ field: "name", order: "ASC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="name" disableSort />
      <Column source="code" disableSort />
      <Column source="slaDays" disableSort field={LocaleNumberField} />
    </DataTable>
  </List>
);

export const FeedbackCategoryShow = () => (
  <RecordShow>
    <TabbedShowLayout.Tab label="dostup.details.tab">
      <TextField source="name" />
      <TextField source="code" />
      <LocaleNumberField source="slaDays" />
    </TabbedShowLayout.Tab>
  </RecordShow>
);

const codeRule = [required(), regex(/^[A-Z][A-Z0-9_]{1,49}$/, "dostup.feedbackCategories.code_help")];

const CategoryInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="code" validate={codeRule} helperText="dostup.feedbackCategories.code_help" />
    <NumberInput
      source="slaDays"
      validate={required()}
      min={1}
      max={365}
      step={1}
      helperText="dostup.feedbackCategories.sla_help"
    />
  </>
);

export const FeedbackCategoryCreate = () => (
  <SimpleCreate defaultValues={{ slaDays: 30 }}>
    <CategoryInputs />
  </SimpleCreate>
);

export const FeedbackCategoryEdit = () => (
  <SimpleEdit>
    <CategoryInputs />
  </SimpleEdit>
);
