import {
  DataTable,
  Pagination,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { HistoryTab } from "../../components/HistoryTab";
import { municipalityKindChoices } from "../../lib/choices";

const Title = () => {
  const record = useRecordContext<{ id: string; code: string; name: string }>();
  return <span>{record ? `${record.code} · ${record.name}` : ""}</span>;
};

const NoMunicipalities = () => {
  const translate = useTranslate();
  return <span>{translate("dostup.regions.no_municipalities")}</span>;
};

export const RegionShow = () => (
  <Show title={<Title />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="dostup.regions.tabs.main">
        <TextField source="code" />
        <TextField source="name" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="dostup.regions.tabs.municipalities" path="municipalities">
        <ReferenceManyField
          reference="municipalities"
          target="regionId"
          label={false}
          perPage={25}
          pagination={<Pagination />}
          empty={<NoMunicipalities />}
        >
          <DataTable bulkActionButtons={false} rowClick="show">
            <DataTable.Col source="name" disableSort />
            <DataTable.Col source="oktmo" disableSort />
            <DataTable.Col source="kind" disableSort>
              <SelectField source="kind" choices={municipalityKindChoices} />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <HistoryTab path="history" />
    </TabbedShowLayout>
  </Show>
);
