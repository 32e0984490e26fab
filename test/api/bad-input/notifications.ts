// The inbox and digest settings (issue 16, part 2), given what they must refuse: marks of
// notifications that are not the caller's or not notifications at all, too many at once, neither
// or both of ids and all, frequencies that do not exist, and callers without an inbox. Each is
// answered with a typed error (or nothing, for a read) and changes nothing.
import { randomUUID } from "node:crypto";
import { onTestFinished } from "vitest";
import { prisma } from "../../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../../api/lib/ids.js";
import type { Fixtures } from "./fixtures.js";
import { type Case, empty, mutation, post, refused, rejected } from "./harness.js";

export async function notificationCases(f: Fixtures): Promise<Record<string, Case[]>> {
  // Someone else's notification (made before the first fingerprint, removed after the class).
  const stranger = await prisma.user.create({
    data: { email: `inbox-${f.run}@test.local`, passwordHash: "-", fullName: "Чужой ящик", role: "CURATOR" },
  });
  onTestFinished(() => prisma.user.delete({ where: { id: stranger.id } }).then(() => undefined));
  const centre = await prisma.centre.findUniqueOrThrow({ where: { id: fromGlobalId("Centre", f.curatorCentre.id) } });
  const theirs = await prisma.notification.create({
    data: {
      userId: stranger.id,
      kind: "UNVERIFIED_CENTRE",
      alertKey: `unverified:${centre.id}:never`,
      recordType: "Centre",
      recordId: centre.id,
      title: centre.name,
      regionId: centre.regionId,
    },
  });
  const theirsId = toGlobalId("Notification", theirs.id);

  const mark = mutation("markNotificationsRead", "MarkNotificationsReadInput");
  const frequency = mutation("setDigestFrequency", "SetDigestFrequencyInput");
  const markCases: Case[] = [
    { name: "markNotificationsRead with neither ids nor all", input: {} },
    { name: "markNotificationsRead with all: false", input: { all: false } },
    { name: "markNotificationsRead with an empty list", input: { ids: [] } },
    { name: "markNotificationsRead with both ids and all", input: { ids: [theirsId], all: true } },
    { name: "markNotificationsRead of a malformed id", input: { ids: ["%%"] } },
    { name: "markNotificationsRead of a centre's id", input: { ids: [toGlobalId("Centre", centre.id)] } },
    {
      name: "markNotificationsRead of an unknown notification",
      input: { ids: [toGlobalId("Notification", randomUUID())] },
    },
    { name: "markNotificationsRead of another person's notification", input: { ids: [theirsId] } },
    {
      name: "markNotificationsRead of 101 notifications",
      input: { ids: Array.from({ length: 101 }, () => toGlobalId("Notification", randomUUID())) },
    },
  ].map(({ name, input }) => ({
    name,
    run: () => mark(input, f.curator),
    expect: rejected("markNotificationsRead"),
    write: true,
  }));

  const settingCases: Case[] = [
    ...[{ frequency: "NEVER" }, { frequency: null }, { frequency: "daily" }, {}].map(
      (input): Case => ({
        name: `setDigestFrequency with ${JSON.stringify(input)}`,
        run: () => frequency(input, f.curator),
        expect: rejected("setDigestFrequency"),
        write: true,
      }),
    ),
    ...(["operator", "auditor", "partner"] as const).map(
      (who): Case => ({
        name: `setDigestFrequency as ${who === "partner" ? "a partner key" : `an ${who}`}`,
        run: () => frequency({ frequency: "OFF" }, f[who]),
        expect: refused("FORBIDDEN"),
        write: true,
      }),
    ),
    {
      name: "markNotificationsRead of all as an auditor",
      run: () => mark({ all: true }, f.auditor),
      expect: refused("FORBIDDEN"),
      write: true,
    },
  ];

  const readCases: Case[] = [
    {
      name: "node: another person's notification",
      run: () => post("query N($id: ID!) { node(id: $id) { id } }", { id: theirsId }, f.curator),
      expect: empty("node"),
    },
    {
      name: "node: another person's notification as the administrator",
      run: () => post("query N($id: ID!) { node(id: $id) { id } }", { id: theirsId }, f.admin),
      expect: empty("node"),
    },
    {
      name: "notifications with a filter of the wrong type",
      run: () =>
        post(
          "query L($filter: NotificationFilter) { notifications(filter: $filter) { totalCount } }",
          { filter: { unread: "yes" } },
          f.curator,
        ),
      expect: refused("BAD_USER_INPUT"),
    },
    {
      name: "notifications, first -1",
      run: () => post("{ notifications(first: -1) { totalCount } }", {}, f.curator),
      expect: refused("BAD_USER_INPUT"),
    },
    {
      name: "notifications as a partner key",
      run: () => post("{ notifications { totalCount } }", {}, f.partner),
      expect: refused("FORBIDDEN"),
    },
    {
      name: "unreadNotificationCount as an operator",
      run: () => post("{ unreadNotificationCount }", {}, f.operator),
      expect: refused("FORBIDDEN"),
    },
  ];

  return { "inbox marks": markCases, "digest settings": settingCases, "inbox reads": readCases };
}
