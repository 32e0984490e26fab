// The systemic-error register: Smolensk's curator records that the kindergarten enrolment form
// rejects a valid SNILS, with the complaints that revealed it, and walks it OPEN → REPORTED →
// FIXED → CONFIRMED with its dates; an overdue one raises an alert in its region only; auditors
// read and change nothing, partners and operators see nothing, other regions' errors stay hidden.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import {
  type FeedbackFixtures,
  feedbackFixtures,
  type Headers,
  received,
  systemicErrorOf,
  uuid,
} from "../helpers/feedback.js";
import { asUser, gql, mutate } from "../helpers/graphql.js";

interface ErrorRow {
  id: string;
  version: number;
  title: string;
  status: string;
  overdue: boolean;
  dueAt: string;
  reportedAt: string | null;
  fixedAt: string | null;
  confirmedAt: string | null;
  resolution: string | null;
  allowedTransitions: string[];
  feedbackCount: number;
  feedback: { totalCount: number; edges: { node: { id: string } }[] };
  service: { name: string } | null;
  authority: { name: string } | null;
  region: { code: string };
}

const ROW = `id version title status overdue dueAt reportedAt fixedAt confirmedAt resolution allowedTransitions
  feedbackCount feedback(first: 10) { totalCount edges { node { id } } } service { name } authority { name }
  region { code }`;
const NODE = `query N($id: ID!) { node(id: $id) { ... on SystemicError { ${ROW} } } }`;
const LIST = `query L($filter: SystemicErrorFilter) { systemicErrors(first: 50, filter: $filter) {
  totalCount edges { node { id } } } }`;
const ALERTS = `query A($input: AlertsInput) { alerts(input: $input) { overdueSystemicErrors {
  totalCount items { daysOverdue dueAt systemicError { id title } } } } }`;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("systemic errors", () => {
  let { admin, auditor, operator, partner, smolenskCentre } = {} as FeedbackFixtures;
  let kindergarten: { id: string; name: string; competentAuthorityId: string | null };
  let smolensk: string;
  let pskov: string;

  beforeAll(async () => {
    ({ admin, auditor, operator, partner, smolenskCentre } = await feedbackFixtures());
    kindergarten = await prisma.service.findFirstOrThrow({ where: { name: { contains: "запись в детский сад" } } });
    smolensk = toGlobalId("Region", (await prisma.region.findUniqueOrThrow({ where: { code: "67" } })).id);
    pskov = toGlobalId("Region", (await prisma.region.findUniqueOrThrow({ where: { code: "60" } })).id);
  });

  const run = async (name: string, input: Record<string, unknown>, headers: Headers = {}) => {
    const { outcome, response } = await mutate<ErrorRow>(name, ROW, input, { headers });
    expect(response.errors).toBeUndefined();
    if (!outcome) throw new Error("no result");
    return outcome;
  };
  const row = async (name: string, input: Record<string, unknown>, headers: Headers = {}) => {
    const outcome = await run(name, input, headers);
    if (!outcome.data) throw new Error(`${name}: ${JSON.stringify(outcome)}`);
    return outcome.data;
  };

  it("records an error of a service with the feedback that revealed it and walks it to CONFIRMED", async () => {
    const complaints = [await received({ centreId: smolenskCentre }), await received({ centreId: smolenskCentre })];
    const created = await row("createSystemicError", {
      serviceId: toGlobalId("Service", kindergarten.id),
      title: "Форма записи в детский сад отклоняет СНИЛС в верном формате",
      description: "На региональном портале СНИЛС с пробелом и дефисом (123-456-789 01) не проходит проверку.",
      dueAt: day(14),
      feedbackIds: complaints.map((c) => c.id),
    });
    expect(created).toMatchObject({
      status: "OPEN",
      overdue: false,
      dueAt: day(14),
      reportedAt: null,
      region: { code: "67" },
      service: { name: kindergarten.name },
      feedbackCount: 2,
      allowedTransitions: ["REPORTED"],
    });
    // The responsible authority defaults to the service's competent one.
    const authority = await prisma.organisation.findUnique({ where: { id: kindergarten.competentAuthorityId ?? "" } });
    expect(created.authority?.name ?? null).toBe(authority?.name ?? null);
    expect(created.feedback.edges.map((e) => e.node.id).sort()).toEqual(complaints.map((c) => c.id).sort());
    const linked = await prisma.feedback.findUniqueOrThrow({ where: { id: uuid(complaints[0]?.id ?? "") } });
    expect(linked.systemicErrorId).toBe(uuid(created.id));

    const base = { id: created.id };
    const skipped = await run("transitionSystemicError", { ...base, version: created.version, to: "FIXED" });
    expect(skipped.issues?.[0]?.field).toBe("input.to");
    const reported = await row("transitionSystemicError", { ...base, version: created.version, to: "REPORTED" });
    expect(reported).toMatchObject({ status: "REPORTED", allowedTransitions: ["FIXED"] });
    expect(reported.reportedAt).not.toBeNull();
    const unexplained = await run("transitionSystemicError", { ...base, version: reported.version, to: "FIXED" });
    expect(unexplained.issues?.[0]?.field).toBe("input.resolution");
    const fixed = await row("transitionSystemicError", {
      ...base,
      version: reported.version,
      to: "FIXED",
      resolution: "Разработчик портала исправил маску ввода СНИЛС",
    });
    expect(fixed).toMatchObject({ status: "FIXED", resolution: "Разработчик портала исправил маску ввода СНИЛС" });
    expect(fixed.fixedAt).not.toBeNull();
    const reopened = await row("transitionSystemicError", { ...base, version: fixed.version, to: "OPEN" });
    expect(reopened).toMatchObject({ status: "OPEN", fixedAt: null, reportedAt: reported.reportedAt });
    let current = await row("transitionSystemicError", { ...base, version: reopened.version, to: "REPORTED" });
    current = await row("transitionSystemicError", { ...base, version: current.version, to: "FIXED" });
    const confirmed = await row("transitionSystemicError", { ...base, version: current.version, to: "CONFIRMED" });
    expect(confirmed).toMatchObject({ status: "CONFIRMED", allowedTransitions: [] });
    expect(confirmed.confirmedAt).not.toBeNull();
    const stale = await run("transitionSystemicError", { ...base, version: created.version, to: "REPORTED" });
    expect(stale.__typename).toBe("ConflictError");

    const logs = await prisma.changeLog.findMany({
      where: { entity: "SystemicError", entityId: uuid(created.id) },
      orderBy: { at: "asc" },
    });
    expect(logs.map((l) => l.action)).toEqual(["CREATE", ...Array(6).fill("TRANSITION")]);
  });

  it("alerts on an overdue error in its region's scope only", async () => {
    const overdue = await systemicErrorOf({ title: "Не отправляется заявление на компенсацию родительской платы" }, -3);
    const onTime = await systemicErrorOf({ title: "Ошибка в сроке на странице услуги" }, 10);
    const alerts = await gql<{ alerts: { overdueSystemicErrors: { items: { systemicError: { id: string } }[] } } }>(
      ALERTS,
      { input: { regionId: smolensk } },
    );
    const items = alerts.data?.alerts.overdueSystemicErrors.items ?? [];
    const ids = items.map((i) => i.systemicError.id);
    expect(ids).toContain(overdue);
    expect(ids).not.toContain(onTime);
    expect(items.find((i) => i.systemicError.id === overdue)).toMatchObject({ daysOverdue: 3, dueAt: day(-3) });
    const inPskov = await gql<{ alerts: { overdueSystemicErrors: { totalCount: number } } }>(
      ALERTS,
      { input: { regionId: pskov } },
      admin,
    );
    expect(inPskov.data?.alerts.overdueSystemicErrors.totalCount).toBe(0);
    const filtered = await gql<{ systemicErrors: { edges: { node: { id: string } }[] } }>(LIST, {
      filter: { overdueOnly: true, regionId: smolensk },
    });
    expect(filtered.data?.systemicErrors.edges.map((e) => e.node.id)).toContain(overdue);
    expect(filtered.data?.systemicErrors.edges.map((e) => e.node.id)).not.toContain(onTime);
    const node = await gql<{ node: ErrorRow }>(NODE, { id: overdue });
    expect(node.data?.node).toMatchObject({ overdue: true, status: "OPEN" });
  });

  it("keeps other regions' errors, feedback and authorities apart", async () => {
    const pskovError = await row(
      "createSystemicError",
      { regionId: pskov, title: "Сбой записи на приём в Пскове", dueAt: day(5) },
      admin,
    );
    expect((await gql(NODE, { id: pskovError.id })).data).toEqual({ node: null });
    const refused = await run("createSystemicError", { regionId: pskov, title: "Нет", dueAt: day(5) });
    expect(refused.__typename).toBe("NotFoundError");
    const pskovFeedback = await received({ centreId: (await feedbackFixtures()).pskovCentre }, admin);
    const smolenskError = await systemicErrorOf();
    const { outcome: foreign } = await mutate(
      "linkFeedbackToSystemicError",
      "id",
      { feedbackId: pskovFeedback.id, version: pskovFeedback.version, systemicErrorId: smolenskError },
      { headers: admin },
    );
    expect(foreign?.issues?.[0]?.field).toBe("input.systemicErrorId");
    const otherOrg = await prisma.organisation.findFirstOrThrow({ where: { region: { code: "60" } } });
    const authority = await run("updateSystemicError", {
      id: smolenskError,
      version: 1,
      authorityId: toGlobalId("Organisation", otherOrg.id),
    });
    expect(authority.issues?.[0]?.field).toBe("input.authorityId");
  });

  it("lets the auditor read but not change, and shows partners and operators nothing", async () => {
    const id = await systemicErrorOf();
    expect((await gql<{ node: ErrorRow }>(NODE, { id }, auditor)).data?.node.allowedTransitions).toEqual([]);
    const { response } = await mutate(
      "transitionSystemicError",
      "id",
      { id, version: 1, to: "REPORTED" },
      {
        headers: auditor,
      },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    for (const headers of [partner, operator]) {
      const list = await gql(LIST, {}, headers);
      expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await gql(NODE, { id }, headers)).data?.node ?? null).toBeNull();
    }
    const stored = await prisma.systemicError.findUniqueOrThrow({ where: { id: uuid(id) } });
    expect(stored).toMatchObject({ status: "OPEN", version: 1 });
    const curator = await asUser("curator@dostup.local");
    const updated = await row(
      "updateSystemicError",
      { id, version: 1, dueAt: day(60), description: "Уточнено" },
      curator,
    );
    expect(updated).toMatchObject({ dueAt: day(60), version: 2 });
  });
});
