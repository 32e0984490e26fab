import {
  DataTable,
  EditButton,
  Labeled,
  List,
  required,
  SearchInput,
  TabbedShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
} from "react-admin";
import { csvExporter } from "../../components/downloads";
import { LocaleDateField } from "../../components/localeFields";
import { SimpleCreate, SimpleEdit } from "../../components/RecordForm";
import { RecordShow } from "../../components/RecordShow";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { RegionInput } from "../../components/RegionInput";
import { csvDate } from "../../lib/format";
import { useWriteScope } from "../../lib/writeScope";

interface ProjectRecord {
  id: string;
  version: number;
  name: string;
  description: string | null;
  region: { id: string; name: string };
  createdAt: string;
}

const Column = DataTable.Col<ProjectRecord>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" />,
];

const exporter = csvExporter<ProjectRecord>("projects", ({ id, name, description, region, createdAt }) => ({
  id,
  name,
  description,
  region: region.name,
  createdAt: csvDate(createdAt),
}));

// The API sorts projects by name or creation date.
export const ProjectList = () => (
  <List filters={filters} sort={{ field: "name", order: "ASC" }} exporter={exporter}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="name" />
      <Column source="region.name" disableSort />
      <Column source="description" disableSort />
      <Column source="createdAt" field={LocaleDateField} />
    </DataTable>
  </List>
);

const ProjectActions = () => {
  const record = useRecordContext<ProjectRecord>();
  const scope = useWriteScope();
  return <TopToolbar>{record && scope.canWriteRegion(record.region.id) && <EditButton />}</TopToolbar>;
};

export const ProjectShow = () => (
  <RecordShow actions={<ProjectActions />}>
    <TabbedShowLayout.Tab label="dostup.details.tab">
      <TextField source="name" />
      <TextField source="region.name" />
      <TextField source="description" emptyText="—" />
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="updatedAt" showTime />
    </TabbedShowLayout.Tab>
  </RecordShow>
);

export const ProjectCreate = () => (
  <SimpleCreate>
    <TextInput source="name" validate={required()} fullWidth />
    <RegionInput source="regionId" label="resources.projects.fields.regionId" isRequired />
    <TextInput source="description" multiline minRows={3} fullWidth />
  </SimpleCreate>
);

export const ProjectEdit = () => (
  <SimpleEdit>
    <TextInput source="name" validate={required()} fullWidth />
    <Labeled source="region.name">
      <TextField source="region.name" />
    </Labeled>
    <TextInput source="description" multiline minRows={3} fullWidth />
  </SimpleEdit>
);
