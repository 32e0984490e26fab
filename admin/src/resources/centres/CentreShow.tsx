import { BooleanField, SelectField, Show, SimpleShowLayout, TextField } from "react-admin";
import { CentreKindsField } from "./CentreKindsField";
import { centreStatusChoices } from "./choices";

export const CentreShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <CentreKindsField source="kinds" />
      <SelectField source="status" choices={centreStatusChoices} />
      <TextField source="address" />
      <TextField source="settlement.name" />
      <BooleanField source="settlement.isRural" />
      <TextField source="hostOrganisation.name" />
    </SimpleShowLayout>
  </Show>
);
