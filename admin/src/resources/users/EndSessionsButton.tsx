import LogoutIcon from "@mui/icons-material/Logout";
import { useState } from "react";
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from "react-admin";
import { mutate } from "../../providers/graphql";
import type { User } from "./types";

/** Signs the user out on every device at once, leaving the account as it is. */
export const EndSessionsButton = () => {
  const record = useRecordContext<User>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record?.openSessions) {
    return null;
  }
  const end = async () => {
    setBusy(true);
    try {
      await mutate("endUserSessions", { id: record.id }, "id openSessions");
      notify("dostup.users.sessions_ended", { type: "success" });
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
      <Button label="dostup.users.end_sessions" color="warning" onClick={() => setOpen(true)}>
        <LogoutIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="dostup.users.end_sessions_title"
        content="dostup.users.end_sessions_content"
        translateOptions={{ name: record.fullName, smart_count: record.openSessions }}
        onConfirm={end}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
