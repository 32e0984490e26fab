import { SelectField, TabbedShowLayout, TextField } from "react-admin";
import { CatalogueActions } from "../../components/CatalogueActions";
import { LocaleDateField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { publicationStatusChoices } from "../../lib/choices";
import { lifeSituationKindChoices } from "./choices";
import { OrderedServices } from "./OrderedServices";

export const LifeSituationShow = () => (
  <RecordShow actions={<CatalogueActions archive="archiveLifeSituation" restore="restoreLifeSituation" />}>
    <TabbedShowLayout.Tab label="dostup.details.tab">
      <TextField source="name" />
      <TextField source="code" />
      <SelectField source="kind" choices={lifeSituationKindChoices} />
      <SelectField source="status" choices={publicationStatusChoices} />
      <TextField source="region.name" emptyText="—" />
      <TextField source="description" emptyText="—" />
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="updatedAt" showTime />
    </TabbedShowLayout.Tab>
    <TabbedShowLayout.Tab label="resources.lifeSituations.fields.services" path="services">
      <OrderedServices />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
