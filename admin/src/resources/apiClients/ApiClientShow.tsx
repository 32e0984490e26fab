import { Labeled, Show, TabbedShowLayout, TextField, TopToolbar, useRecordContext } from "react-admin";
import { HistoryTab } from "../../components/HistoryTab";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { KeyState } from "./ApiClientList";
import { RevokeButton } from "./RevokeButton";
import type { ApiClient } from "./types";

const Scopes = (_props: { source?: string }) => {
  const record = useRecordContext<ApiClient>();
  return record ? <span>{record.scopes.join(", ")}</span> : null;
};

export const ApiClientShow = () => (
  <Show
    actions={
      <TopToolbar>
        <RevokeButton />
      </TopToolbar>
    }
  >
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="dostup.apiClients.tab">
        <TextField source="name" />
        <TextField source="keyPrefix" />
        <Labeled source="scopes">
          <Scopes />
        </Labeled>
        <LocaleNumberField source="rateLimitPerMinute" />
        <Labeled source="state">
          <KeyState />
        </Labeled>
        <LocaleDateField source="createdAt" showTime />
        <LocaleDateField source="expiresAt" showTime emptyText="—" />
        <LocaleDateField source="lastUsedAt" showTime emptyText="—" />
        <LocaleDateField source="revokedAt" showTime emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="dostup.history.tab" path="history">
        <HistoryTab />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
