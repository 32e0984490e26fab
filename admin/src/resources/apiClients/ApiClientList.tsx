import { Chip, Stack } from "@mui/material";
import { DataTable, List, useRecordContext, useTranslate } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { ListActions } from "../../components/ListActions";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { csvDate } from "../../lib/format";
import { access } from "./access";
import { RevokeButton } from "./RevokeButton";
import type { ApiClient } from "./types";

const Column = DataTable.Col<ApiClient>;

export const KeyState = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<ApiClient>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  const expired = record.expiresAt !== null && new Date(record.expiresAt) < new Date();
  const state = record.revokedAt ? "revoked" : expired ? "expired" : "active";
  return (
    <Chip
      size="small"
      color={state === "active" ? "success" : "default"}
      label={translate(`dostup.apiClients.state.${state}`)}
    />
  );
};

/** The key's scopes by their names in the panel's language. */
export const ScopeLabels = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<ApiClient>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <Stack direction="row" spacing={0.5}>
      {record.scopes.map((scope) => (
        <Chip
          key={scope}
          size="small"
          variant="outlined"
          label={translate(`dostup.apiClients.scope.${scope}`)}
          title={translate(`dostup.apiClients.scope_full.${scope}`)}
        />
      ))}
    </Stack>
  );
};

const exporter = csvExporter<ApiClient>("api-clients", (client) => ({
  name: client.name,
  keyPrefix: client.keyPrefix,
  scopes: client.scopes.join(" "),
  rateLimitPerMinute: client.rateLimitPerMinute,
  createdAt: csvDate(client.createdAt),
  expiresAt: csvDate(client.expiresAt),
  lastUsedAt: csvDate(client.lastUsedAt),
  revokedAt: csvDate(client.revokedAt),
}));

/** Partner apps' keys: only a prefix of each is known after creation. */
export const ApiClientList = () => (
  <List exporter={exporter} actions={<ListActions access={access} />}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="name" disableSort />
      <Column source="keyPrefix" disableSort />
      <Column source="scopes" disableSort field={ScopeLabels} />
      <Column source="rateLimitPerMinute" disableSort>
        <LocaleNumberField source="rateLimitPerMinute" />
      </Column>
      <Column source="state" field={KeyState} disableSort />
      <Column source="lastUsedAt" disableSort>
        <LocaleDateField source="lastUsedAt" showTime emptyText="—" />
      </Column>
      <Column source="createdAt" disableSort>
        <LocaleDateField source="createdAt" />
      </Column>
      <Column label="" disableSort>
        <RevokeButton />
      </Column>
    </DataTable>
  </List>
);
