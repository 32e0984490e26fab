import BlockIcon from "@mui/icons-material/Block";
import { useState } from "react";
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from "react-admin";
import { mutate } from "../../providers/graphql";
import type { ApiClient } from "./types";

/** Revokes a key for good: partner requests with it are refused from now on. */
export const RevokeButton = () => {
  const record = useRecordContext<ApiClient>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.revokedAt) {
    return null;
  }
  const revoke = async () => {
    setBusy(true);
    try {
      await mutate("revokeApiClient", { id: record.id, version: record.version }, "id version revokedAt", {
        inputType: "VersionedInput",
      });
      notify("dostup.apiClients.revoked", { type: "success" });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button
        label="dostup.apiClients.revoke"
        color="error"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="dostup.apiClients.revoke_title"
        content="dostup.apiClients.revoke_content"
        translateOptions={{ name: record.name }}
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
