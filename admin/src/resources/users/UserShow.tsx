import { BooleanField, Labeled, SelectField, Show, TabbedShowLayout, TextField } from "react-admin";
import { HistoryTab } from "../../components/HistoryTab";
import { LocaleDateField } from "../../components/localeFields";
import { localeChoices, roleChoices } from "./choices";
import { UserScope } from "./UserList";

export const UserShow = () => (
  <Show>
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
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="dostup.history.tab" path="history">
        <HistoryTab />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
