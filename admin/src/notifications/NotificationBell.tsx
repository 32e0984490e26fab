import NotificationsIcon from "@mui/icons-material/Notifications";
import { Badge, IconButton, Tooltip } from "@mui/material";
import { useEffect } from "react";
import { Link, useLocation, useTranslate } from "react-admin";
import { useHasInbox, useUnreadCount } from "./queries";

/**
 * The app bar's bell: the signed-in person's unread notifications, asked for every minute and
 * on every move to another page; a click opens the inbox. Shown only to those with an inbox.
 */
export const NotificationBell = () => {
  const hasInbox = useHasInbox();
  const translate = useTranslate();
  const { pathname } = useLocation();
  const { data: count = 0, refetch } = useUnreadCount(hasInbox);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a move to another page is what asks again.
  useEffect(() => {
    if (hasInbox) void refetch();
  }, [pathname, hasInbox, refetch]);
  if (!hasInbox) return null;
  const label = translate("dostup.notifications.bell", { count, smart_count: count });
  return (
    <Tooltip title={label}>
      <IconButton
        color="inherit"
        component={Link}
        to="/notifications"
        aria-label={label}
        data-testid="notification-bell"
        data-count={count}
      >
        <Badge badgeContent={count} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
