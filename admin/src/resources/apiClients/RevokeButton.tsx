import BlockIcon from "@mui/icons-material/Block";
import { useRecordContext } from "react-admin";
import { ConfirmedActionButton } from "../../components/ConfirmedActionButton";
import { mutateVersioned } from "../../providers/graphql";
import type { ApiClient } from "./types";

/** Revokes a key for good: partner requests with it are refused from now on. */
export const RevokeButton = () => {
  const record = useRecordContext<ApiClient>();
  if (!record || record.revokedAt) {
    return null;
  }
  return (
    <ConfirmedActionButton
      label="dostup.apiClients.revoke"
      title="dostup.apiClients.revoke_title"
      content="dostup.apiClients.revoke_content"
      done="dostup.apiClients.revoked"
      translateOptions={{ name: record.name }}
      icon={<BlockIcon />}
      color="error"
      action={() => mutateVersioned("revokeApiClient", record)}
    />
  );
};
