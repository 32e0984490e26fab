// The inbox's reads and writes: the signed-in person's own notifications, their unread count
// (the app bar's bell) and their digest frequency. Cached by react-query under "notifications",
// so a mark made on the inbox page updates the bell at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePermissions } from "react-admin";
import type { Role } from "../providers/authProvider";
import { mutate, request } from "../providers/graphql";

export type NotificationKind =
  | "EXPIRING_SIGNATURE"
  | "OVERDUE_REPORT"
  | "UNVERIFIED_CENTRE"
  | "SERVICE_WITHOUT_CURATOR"
  | "OVERDUE_FEEDBACK"
  | "OVERDUE_SYSTEMIC_ERROR";

export interface InboxItem {
  id: string;
  kind: NotificationKind;
  title: string;
  regionName: string | null;
  date: string | null;
  adminPath: string;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
}

export type DigestFrequency = "DAILY" | "WEEKLY" | "OFF";

export interface DigestSettings {
  frequency: DigestFrequency;
  email: string;
  lastDigest: {
    createdAt: string;
    itemCount: number;
    mailStatus: "PENDING" | "SENT" | "FAILED";
    mailError: string | null;
  } | null;
}

/** The most notifications the page shows at once. */
export const PAGE = 100;
/** How often the bell asks for the count while the panel is open (and on every navigation). */
const POLL_MS = 60_000;
const KEY = "notifications";

/** Digests are for administrators and curators: the only roles with an inbox. */
export function useHasInbox(): boolean {
  const { permissions } = usePermissions<Role | undefined>();
  return permissions === "ADMIN" || permissions === "CURATOR";
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [KEY, "unread"],
    queryFn: ({ signal }) =>
      request<{ unreadNotificationCount: number }>("{ unreadNotificationCount }", {}, signal).then(
        (data) => data.unreadNotificationCount,
      ),
    enabled,
    refetchInterval: POLL_MS,
    retry: false,
  });
}

const LIST = `query Inbox($filter: NotificationFilter, $first: Int) {
  notifications(filter: $filter, first: $first) {
    totalCount
    edges { node { id kind title regionName date adminPath createdAt readAt emailedAt } }
  }
}`;

export function useInbox(unreadOnly: boolean, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, "list", unreadOnly],
    queryFn: ({ signal }) =>
      request<{ notifications: { totalCount: number; edges: { node: InboxItem }[] } }>(
        LIST,
        { filter: { unread: unreadOnly }, first: PAGE },
        signal,
      ).then((data) => ({
        totalCount: data.notifications.totalCount,
        items: data.notifications.edges.map((edge) => edge.node),
      })),
    enabled,
    retry: false,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[] } | { all: true }) =>
      mutate<{ marked: number; unreadCount: number }>("markNotificationsRead", input, "marked unreadCount"),
    onSuccess: (result) => {
      client.setQueryData([KEY, "unread"], result.unreadCount);
      return client.invalidateQueries({ queryKey: [KEY, "list"] });
    },
  });
}

const SETTINGS = "frequency email lastDigest { createdAt itemCount mailStatus mailError }";

export function useDigestSettings(enabled: boolean) {
  return useQuery({
    queryKey: [KEY, "settings"],
    queryFn: ({ signal }) =>
      request<{ digestSettings: DigestSettings }>(`{ digestSettings { ${SETTINGS} } }`, {}, signal).then(
        (data) => data.digestSettings,
      ),
    enabled,
    retry: false,
  });
}

export function useSetFrequency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (frequency: DigestFrequency) => mutate<DigestSettings>("setDigestFrequency", { frequency }, SETTINGS),
    onSuccess: (settings) => client.setQueryData([KEY, "settings"], settings),
  });
}
