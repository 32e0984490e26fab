import { ArrayField, DataTable, EditButton, SelectField, TabbedShowLayout, TextField, TopToolbar } from "react-admin";
import { EmptyText } from "../../components/EmptyText";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { targetDirectionChoices } from "../../lib/choices";
import { useCanWrite } from "../../lib/resource";
import { kpiSourceChoices } from "./choices";
import { KpiProgressTab } from "./KpiProgressTab";
import { RecordValueButton } from "./RecordValueButton";

// Only administrators define KPIs; curators may still record values of their regions.
const KpiActions = () => {
  const canEdit = useCanWrite({ access: { read: [], write: ["ADMIN"] } });
  return (
    <TopToolbar>
      {canEdit && <EditButton />}
      <RecordValueButton />
    </TopToolbar>
  );
};

export const KpiShow = () => (
  <RecordShow actions={<KpiActions />}>
    <TabbedShowLayout.Tab label="dostup.details.tab">
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="description" emptyText="—" />
      <TextField source="formula" />
      <TextField source="formulaText" emptyText="—" />
      <TextField source="unit" />
      <SelectField source="direction" choices={targetDirectionChoices} />
      <LocaleNumberField source="targetValue" />
      <TextField source="targetYear" />
      <SelectField source="source" choices={kpiSourceChoices} />
      <TextField source="region.name" emptyText="dostup.kpis.national" />
      <TextField source="legalBasis" emptyText="—" />
      <LocaleDateField source="updatedAt" showTime />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="dostup.kpis.progress" path="progress">
      <KpiProgressTab />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="resources.kpis.fields.values" path="values">
      <ArrayField source="values" label={false}>
        <DataTable bulkActionButtons={false} empty={<EmptyText text="dostup.kpis.no_values" />}>
          <DataTable.Col source="periodStart" label="resources.kpis.fields.periodStart" field={LocaleDateField} />
          <DataTable.Col source="periodEnd" label="resources.kpis.fields.periodEnd" field={LocaleDateField} />
          <DataTable.Col source="region.name" label="resources.kpis.fields.region.name">
            <TextField source="region.name" emptyText="dostup.kpis.national" />
          </DataTable.Col>
          <DataTable.Col source="value" label="dostup.kpis.value" field={LocaleNumberField} />
          <DataTable.Col source="source" label="resources.kpis.fields.source">
            <SelectField source="source" choices={kpiSourceChoices} />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </TabbedShowLayout.Tab>
  </RecordShow>
);
