import {
  BooleanField,
  EditButton,
  Labeled,
  NumberField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
} from "react-admin";
import { HistoryTab } from "../../components/HistoryTab";
import { LocaleDateField } from "../../components/localeFields";
import { localeChoices, roleChoices } from "./choices";
import { EndSessionsButton } from "./EndSessionsButton";
import { UserScope } from "./UserList";

export const UserShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EndSessionsButton />
        <EditButton />
      </TopToolbar>
    }
  >
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="dostup.users.tab">
        <TextField source="fullName" />
        <TextField source="email" />
        <SelectField source="role" choices={roleChoices} />
        <Labeled source="scope">
          <UserScope />
        </Labeled>
        <BooleanField source="active" />
        <SelectField source="locale" choices={localeChoices} />
        <LocaleDateField source="lastLoginAt" showTime emptyText="—" />
        <NumberField source="openSessions" />
      </TabbedShowLayout.Tab>
      <HistoryTab path="history" />
    </TabbedShowLayout>
  </Show>
);
