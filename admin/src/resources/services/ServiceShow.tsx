import {
  ArrayField,
  BooleanField,
  DataTable,
  ReferenceField,
  SelectField,
  TabbedShowLayout,
  TextArrayField,
  TextField,
  UrlField,
} from "react-admin";
import { CatalogueActions } from "../../components/CatalogueActions";
import { EmptyText } from "../../components/EmptyText";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { publicationStatusChoices } from "../../lib/choices";
import { serviceLevelChoices } from "./choices";

export const ServiceShow = () => (
  <RecordShow actions={<CatalogueActions archive="archiveService" restore="restoreService" />}>
    <TabbedShowLayout.Tab label="dostup.details.tab">
      <TextField source="name" />
      <TextField source="code" emptyText="—" />
      <TextField source="shortName" emptyText="—" />
      <SelectField source="level" choices={serviceLevelChoices} />
      <SelectField source="status" choices={publicationStatusChoices} />
      <TextField source="region.name" emptyText="—" />
      <TextField source="registryId" emptyText="—" />
      <ReferenceField source="competentAuthority.id" reference="organisations" emptyText="—">
        <TextField source="name" />
      </ReferenceField>
      <TextField source="description" emptyText="—" />
      <LocaleNumberField source="fee" options={{ style: "currency", currency: "RUB" }} emptyText="—" />
      <LocaleNumberField source="processingDays" emptyText="—" />
      <UrlField source="portalUrl" emptyText="—" target="_blank" rel="noreferrer" />
      <TextArrayField source="requiredDocuments" emptyText="—" />
      <BooleanField source="electronic" />
      <BooleanField source="proactive" />
      <BooleanField source="socialSignificant" />
      <BooleanField source="needsExtraDocuments" />
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="updatedAt" showTime />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="resources.services.fields.lifeSituations">
      <ArrayField source="lifeSituations" label={false}>
        <DataTable bulkActionButtons={false} empty={<EmptyText text="dostup.services.no_life_situations" />}>
          <DataTable.Col source="lifeSituation.name" label="resources.lifeSituations.fields.name" />
          <DataTable.Col source="position" label="resources.lifeSituations.fields.position" />
          <DataTable.Col source="mandatory" label="resources.lifeSituations.fields.mandatory" field={BooleanField} />
        </DataTable>
      </ArrayField>
    </TabbedShowLayout.Tab>
  </RecordShow>
);
