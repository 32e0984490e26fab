// Digests and the inbox (issue 16, part 2), on the demo data: what reaches a curator is of their
// regions only, comes as often as they chose, never twice for the same thing (also when two
// runs race), arrives at the suite's real SMTP server, and stays theirs alone to read and mark.

import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { freePort, readMailbox } from "../../api/lib/embedded.js";
import { mailSettings } from "../../api/lib/mail.js";
import { deliverDigest, runDigests } from "../../api/modules/notifications/digests.service.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import { newUser, type TestUser } from "../helpers/users.js";

const DAY = 86_400_000;
const mailDir = () => {
  const dir = process.env.DOSTUP_MAIL_DIR;
  if (!dir) throw new Error("The suite's global setup starts an SMTP server and sets DOSTUP_MAIL_DIR.");
  return dir;
};

interface Item {
  id: string;
  kind: string;
  title: string;
  regionName: string | null;
  recordId: string;
  adminPath: string;
  readAt: string | null;
  emailedAt: string | null;
}

const LIST = `query($filter: NotificationFilter, $first: Int) { notifications(filter: $filter, first: $first) {
  totalCount edges { node { id kind title regionName recordId adminPath readAt emailedAt } } } }`;

async function inbox(user: TestUser, unread = false): Promise<{ totalCount: number; items: Item[] }> {
  const { data, errors } = await gql<{ notifications: { totalCount: number; edges: { node: Item }[] } }>(
    LIST,
    { filter: { unread }, first: 100 },
    user.headers,
  );
  expect(errors).toBeUndefined();
  return {
    totalCount: data?.notifications.totalCount ?? -1,
    items: data?.notifications.edges.map((e) => e.node) ?? [],
  };
}

async function unreadCount(user: TestUser): Promise<number> {
  const { data, errors } = await gql<{ unreadNotificationCount: number }>(
    "{ unreadNotificationCount }",
    {},
    user.headers,
  );
  expect(errors).toBeUndefined();
  return data?.unreadNotificationCount ?? -1;
}

async function mailTo(userId: string) {
  const { email } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return (await readMailbox(mailDir())).filter((mail) => mail.to.includes(email));
}

let smolensk: string;
let udmurtia: string;
/** Every region's name, to tell whether a text names a region other than the recipient's. */
let regionNames: string[];

beforeAll(async () => {
  smolensk = (await prisma.region.findUniqueOrThrow({ where: { code: "67" } })).name;
  udmurtia = (await prisma.region.findUniqueOrThrow({ where: { code: "18" } })).name;
  regionNames = (await prisma.region.findMany({ select: { name: true } })).map((region) => region.name);
});

describe("a digest", () => {
  it("holds only the curator's regions, in the inbox and in the e-mail the SMTP server received", async () => {
    const curator = await newUser("CURATOR", ["67"]);
    const outcome = await deliverDigest(curator.id);
    expect(outcome?.mailStatus).toBe("SENT");
    expect(outcome?.delivered).toBeGreaterThan(0);

    const { items, totalCount } = await inbox(curator);
    expect(totalCount).toBe(outcome?.delivered);
    expect(new Set(items.map((item) => item.regionName))).toEqual(new Set([smolensk]));
    // The demo data's Smolensk has signatures expiring, centres unverified, systemic errors overdue…
    expect(new Set(items.map((item) => item.kind)).size).toBeGreaterThanOrEqual(2);

    const [mail, ...more] = await mailTo(curator.id);
    expect(more).toEqual([]);
    expect(mail?.subject).toMatch(new RegExp(`^Доступ: ${items.length} нов`));
    for (const item of items) {
      expect(mail?.text).toContain(item.title);
      expect(mail?.text).toContain(`http://localhost:4000/admin/${item.adminPath}`);
    }
    expect(mail?.html).toContain("<a href=");
    const foreign = regionNames.filter((name) => name !== smolensk && mail?.text.includes(name));
    expect(foreign).toEqual([]);

    // An administrator's digest covers every region: more than this curator's.
    const admin = await newUser("ADMIN");
    const adminOutcome = await deliverDigest(admin.id);
    const adminRegions = new Set((await inbox(admin)).items.map((item) => item.regionName));
    expect(adminOutcome?.delivered).toBeGreaterThan(items.length);
    expect(adminRegions.has(udmurtia)).toBe(true);
  });

  it("comes at most once a calendar day (daily), once in seven days (weekly), and never when off", async () => {
    const now = new Date();
    const daily = await newUser("CURATOR", ["18"]);
    expect((await deliverDigest(daily.id, now))?.delivered).toBeGreaterThan(0);
    // Something new later the same day (a notification forgotten, so its alert is news again)
    // waits for the next day.
    const forget = async (user: TestUser) => {
      const one = await prisma.notification.findFirstOrThrow({ where: { userId: user.id }, orderBy: { id: "asc" } });
      await prisma.notification.delete({ where: { id: one.id } });
    };
    await forget(daily);
    expect(await deliverDigest(daily.id, new Date(now.getTime() + 60_000))).toBeNull();
    expect((await deliverDigest(daily.id, new Date(now.getTime() + DAY)))?.delivered).toBe(1);

    const weekly = await newUser("CURATOR", ["18"]);
    const settings = await ok<{ frequency: string }>(
      "setDigestFrequency",
      "frequency",
      { frequency: "WEEKLY" },
      {
        headers: weekly.headers,
      },
    );
    expect(settings.frequency).toBe("WEEKLY");
    expect((await deliverDigest(weekly.id, now))?.delivered).toBeGreaterThan(0);
    await forget(weekly);
    expect(await deliverDigest(weekly.id, new Date(now.getTime() + DAY))).toBeNull();
    expect(await deliverDigest(weekly.id, new Date(now.getTime() + 6 * DAY))).toBeNull();
    expect((await deliverDigest(weekly.id, new Date(now.getTime() + 7 * DAY)))?.delivered).toBe(1);

    const off = await newUser("CURATOR", ["18"]);
    await ok("setDigestFrequency", "frequency", { frequency: "OFF" }, { headers: off.headers });
    const { data } = await gql<{ digestSettings: { frequency: string; email: string } }>(
      "{ digestSettings { frequency email } }",
      {},
      off.headers,
    );
    expect(data?.digestSettings.frequency).toBe("OFF");
    expect(await deliverDigest(off.id, now)).toBeNull();
    await runDigests(new Date(now.getTime() + 8 * DAY));
    expect(await prisma.notification.count({ where: { userId: off.id } })).toBe(0);
    expect(await mailTo(off.id)).toEqual([]);
  });

  it("never delivers the same alert twice, also when two runs start at once", async () => {
    const curator = await newUser("CURATOR", ["67"]);
    const now = new Date();
    const [a, b] = await Promise.all([deliverDigest(curator.id, now), deliverDigest(curator.id, now)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const delivered = (a ?? b)?.delivered ?? 0;
    expect(delivered).toBeGreaterThan(0);
    expect(await prisma.notification.count({ where: { userId: curator.id } })).toBe(delivered);
    expect(await mailTo(curator.id)).toHaveLength(1);

    // Next day, with nothing new: no digest and no e-mail at all.
    expect(await deliverDigest(curator.id, new Date(now.getTime() + DAY))).toBeNull();
    expect(await prisma.notification.count({ where: { userId: curator.id } })).toBe(delivered);
    expect(await mailTo(curator.id)).toHaveLength(1);
  });

  it("takes a renewed signature expiring on a new day for a new thing", async () => {
    const curator = await newUser("CURATOR", ["67"]);
    const now = new Date();
    await deliverDigest(curator.id, now);
    const signature = (await inbox(curator)).items.find((item) => item.kind === "EXPIRING_SIGNATURE");
    expect(signature).toBeDefined();
    const centre = await prisma.centre.findFirstOrThrow({
      where: { name: signature?.title, region: { code: "67" } },
      select: { id: true, signatureValidUntil: true },
    });
    const renewed = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 29));
    await prisma.centre.update({ where: { id: centre.id }, data: { signatureValidUntil: renewed } });
    try {
      const next = await deliverDigest(curator.id, new Date(now.getTime() + DAY));
      expect(next?.delivered).toBe(1);
      const fresh = (await inbox(curator, true)).items.filter((item) => item.title === signature?.title);
      expect(fresh.map((item) => item.kind)).toContain("EXPIRING_SIGNATURE");
    } finally {
      await prisma.centre.update({
        where: { id: centre.id },
        data: { signatureValidUntil: centre.signatureValidUntil },
      });
    }
  });

  it("keeps the inbox when the e-mail fails, records why, and sends it again with the next digest", async () => {
    const curator = await newUser("CURATOR", ["67"]);
    const now = new Date();
    // A port nothing listens on: the mail server cannot be reached.
    const down = { ...mailSettings(), transport: "smtp" as const, smtpUrl: `smtp://127.0.0.1:${await freePort()}` };
    const failed = await deliverDigest(curator.id, now, down);
    expect(failed?.mailStatus).toBe("FAILED");
    expect(failed?.mailError).toBeTruthy();
    const kept = await inbox(curator);
    expect(kept.totalCount).toBe(failed?.delivered);
    expect(kept.items.every((item) => item.emailedAt === null)).toBe(true);
    const { data } = await gql<{ digestSettings: { lastDigest: { mailStatus: string; mailError: string } } }>(
      "{ digestSettings { lastDigest { mailStatus mailError } } }",
      {},
      curator.headers,
    );
    expect(data?.digestSettings.lastDigest.mailStatus).toBe("FAILED");
    expect(await mailTo(curator.id)).toEqual([]);

    const retried = await deliverDigest(curator.id, new Date(now.getTime() + DAY));
    expect(retried).toMatchObject({ mailStatus: "SENT", delivered: 0, mailed: failed?.delivered });
    const [mail] = await mailTo(curator.id);
    for (const item of kept.items) expect(mail?.text).toContain(item.title);
    expect((await inbox(curator)).items.every((item) => item.emailedAt !== null)).toBe(true);
  });
});

describe("the inbox", () => {
  const MARK = "marked unreadCount";

  it("marks some or all read, and the unread count follows", async () => {
    const curator = await newUser("CURATOR", ["67"]);
    await deliverDigest(curator.id);
    const { items } = await inbox(curator);
    expect(items.length).toBeGreaterThan(2);
    expect(await unreadCount(curator)).toBe(items.length);

    const [first, second] = items;
    const once = await ok<{ marked: number; unreadCount: number }>(
      "markNotificationsRead",
      MARK,
      { ids: [first?.id] },
      {
        headers: curator.headers,
      },
    );
    expect(once).toEqual({ marked: 1, unreadCount: items.length - 1 });
    // Again: nothing more to mark.
    const again = await ok(
      "markNotificationsRead",
      MARK,
      { ids: [first?.id, second?.id] },
      { headers: curator.headers },
    );
    expect(again).toEqual({ marked: 1, unreadCount: items.length - 2 });
    const unread = await inbox(curator, true);
    expect(unread.items.map((item) => item.id)).not.toContain(first?.id);
    expect(unread.totalCount).toBe(items.length - 2);

    const all = await ok("markNotificationsRead", MARK, { all: true }, { headers: curator.headers });
    expect(all).toEqual({ marked: items.length - 2, unreadCount: 0 });
    expect(await unreadCount(curator)).toBe(0);
  });

  it("is nobody else's to read or mark", async () => {
    const owner = await newUser("CURATOR", ["67"]);
    const other = await newUser("CURATOR", ["67"]);
    await deliverDigest(owner.id);
    const [mine] = (await inbox(owner)).items;
    expect(mine).toBeDefined();

    expect((await inbox(other)).totalCount).toBe(0);
    const node = await gql<{ node: unknown }>(
      "query($id: ID!) { node(id: $id) { id } }",
      { id: mine?.id },
      other.headers,
    );
    expect(node.data?.node).toBeNull();
    const { outcome } = await mutate("markNotificationsRead", MARK, { ids: [mine?.id] }, { headers: other.headers });
    expect(outcome?.__typename).toBe("NotFoundError");
    expect(await unreadCount(owner)).toBe((await inbox(owner)).totalCount);

    // Operators and auditors have no inbox: refused, not an empty one.
    for (const role of ["OPERATOR", "AUDITOR"] as const) {
      const user = await newUser(role, role === "AUDITOR" ? ["67"] : []);
      const { errors } = await gql("{ unreadNotificationCount }", {}, user.headers);
      expect(errors?.[0]?.extensions?.code, role).toBe("FORBIDDEN");
    }
  });

  it("refuses a bad request to mark with a typed error and changes nothing", async () => {
    const curator = await newUser("CURATOR", ["67"]);
    await deliverDigest(curator.id);
    const before = await unreadCount(curator);
    const neither = await mutate("markNotificationsRead", MARK, {}, { headers: curator.headers });
    expect(neither.outcome?.__typename).toBe("ValidationError");
    const both = await mutate(
      "markNotificationsRead",
      MARK,
      { all: true, ids: [(await inbox(curator)).items[0]?.id] },
      {
        headers: curator.headers,
      },
    );
    expect(both.outcome?.__typename).toBe("ValidationError");
    expect(await unreadCount(curator)).toBe(before);
  });
});
