import { BooleanField, EditButton, Labeled, SelectField, TabbedShowLayout, TextField, TopToolbar } from "react-admin";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { localeChoices, roleChoices } from "./choices";
import { EndSessionsButton } from "./EndSessionsButton";
import { UserScope } from "./UserList";

export const UserShow = () => (
  <RecordShow
    actions={
      <TopToolbar>
        <EndSessionsButton />
        <EditButton />
      </TopToolbar>
    }
  >
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
      <LocaleNumberField source="openSessions" />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
