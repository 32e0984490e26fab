import LogoutIcon from "@mui/icons-material/Logout";
import { useRecordContext } from "react-admin";
import { ConfirmedActionButton } from "../../components/ConfirmedActionButton";
import { mutate } from "../../providers/graphql";
import type { User } from "./types";

/** Signs the user out on every device at once, leaving the account as it is. */
export const EndSessionsButton = () => {
  const record = useRecordContext<User>();
  if (!record?.openSessions) {
    return null;
  }
  return (
    <ConfirmedActionButton
      label="dostup.users.end_sessions"
      title="dostup.users.end_sessions_title"
      content="dostup.users.end_sessions_content"
      done="dostup.users.sessions_ended"
      translateOptions={{ name: record.fullName, smart_count: record.openSessions }}
      icon={<LogoutIcon />}
      color="warning"
      action={() => mutate("endUserSessions", { id: record.id }, "id openSessions")}
    />
  );
};
