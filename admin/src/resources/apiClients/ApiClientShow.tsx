import { Box, Typography } from "@mui/material";
import { Labeled, TabbedShowLayout, TextField, TopToolbar, useTranslate } from "react-admin";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { KeyState, ScopeLabels } from "./ApiClientList";
import { RevokeButton } from "./RevokeButton";

/** When the key was last used, with how exact that is (the API writes it once a minute at most). */
const LastUsed = (_props: { source?: string }) => {
  const translate = useTranslate();
  return (
    <Box>
      <LocaleDateField source="lastUsedAt" showTime emptyText="—" />
      <Typography variant="caption" component="p" color="text.secondary">
        {translate("dostup.apiClients.last_used_help")}
      </Typography>
    </Box>
  );
};

export const ApiClientShow = () => (
  <RecordShow
    actions={
      <TopToolbar>
        <RevokeButton />
      </TopToolbar>
    }
  >
    <TabbedShowLayout.Tab label="dostup.apiClients.tab">
      <TextField source="name" />
      <TextField source="keyPrefix" />
      <Labeled source="scopes">
        <ScopeLabels />
      </Labeled>
      <LocaleNumberField source="rateLimitPerMinute" />
      <Labeled source="state">
        <KeyState />
      </Labeled>
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="expiresAt" showTime emptyText="—" />
      <Labeled source="lastUsedAt">
        <LastUsed />
      </Labeled>
      <LocaleDateField source="revokedAt" showTime emptyText="—" />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
