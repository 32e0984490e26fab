// Feedback's workflow: every allowed step recorded in the history and the change log, every
// other refused naming the allowed ones, what each target status needs, the link to a
// systemic error, stale versions, and assignment to a person of the feedback's region.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import {
  ASSIGN,
  attempt,
  done,
  extras,
  type FeedbackFixtures,
  feedbackAt,
  feedbackFixtures,
  LINK,
  LIST,
  received,
  stored,
  systemicErrorOf,
  TRANSITION,
  uuid,
  WORKFLOW,
} from "../helpers/feedback.js";
import { gql } from "../helpers/graphql.js";

describe("feedback", () => {
  let { admin, categoryId, pskovCentre, original } = {} as FeedbackFixtures;
  beforeAll(async () => {
    ({ admin, categoryId, pskovCentre, original } = await feedbackFixtures());
  });

  it.each(Object.entries(WORKFLOW).flatMap(([from, targets]) => targets.map((to) => [from, to] as const)))(
    "moves %s → %s and records the step",
    async (from, to) => {
      const path = { RECEIVED: [], IN_PROGRESS: ["IN_PROGRESS"], ANSWERED: ["IN_PROGRESS", "ANSWERED"] }[
        from as "RECEIVED" | "IN_PROGRESS" | "ANSWERED"
      ];
      const before = await feedbackAt(path);
      expect(before.status).toBe(from);
      const input = { id: before.id, version: before.version, to, ...extras(to, original) };
      const after = await done(TRANSITION, input);
      expect(after).toMatchObject({ status: to, version: before.version + 1, allowedTransitions: WORKFLOW[to] });
      expect(after.events).toHaveLength(before.events.length + 1);
      expect(after.events.at(-1)).toMatchObject({
        fromStatus: from,
        toStatus: to,
        comment: (input as { comment?: string }).comment ?? null,
        actorName: expect.any(String),
      });
      if (to === "ANSWERED") expect(after.answeredAt).not.toBeNull();
      if (to === "DUPLICATE") expect(after.duplicateOf?.id).toBe(original);
      if (to === "REDIRECTED") expect(after.redirectedTo).toBe("Отделение СФР");
      const last = await prisma.changeLog.findFirstOrThrow({
        where: { entity: "Feedback", entityId: uuid(after.id) },
        orderBy: { at: "desc" },
      });
      expect(last).toMatchObject({ action: "TRANSITION", changes: expect.objectContaining({ status: { from, to } }) });
    },
  );

  it("refuses a transition the workflow does not allow, naming the allowed ones, and changes nothing", async () => {
    const item = await received();
    const before = await stored(item.id);
    const result = await attempt(TRANSITION, { id: item.id, version: item.version, to: "CLOSED" });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues).toEqual([
      {
        field: "input.to",
        message: "Feedback in status RECEIVED can move to IN_PROGRESS, REJECTED, DUPLICATE, REDIRECTED; not to CLOSED.",
      },
    ]);
    // In Russian (the admin panel) the statuses read as the panel names them.
    const inRussian = await attempt(
      TRANSITION,
      { id: item.id, version: item.version, to: "CLOSED" },
      { "accept-language": "ru" },
    );
    expect(inRussian.issues).toEqual([
      {
        field: "input.to",
        message:
          "Обращение в статусе «Получено» можно перевести только в статусы «В работе», «Отклонено», «Дубликат» или «Перенаправлено», но не в «Закрыто».",
      },
    ]);
    expect(await stored(item.id)).toEqual(before);
  });

  it("has no way out of the final states", async () => {
    const finals = {
      CLOSED: ["IN_PROGRESS", "ANSWERED", "CLOSED"],
      REJECTED: ["REJECTED"],
      DUPLICATE: ["DUPLICATE"],
      REDIRECTED: ["REDIRECTED"],
    };
    for (const [status, path] of Object.entries(finals)) {
      const item = await feedbackAt(path);
      expect(item).toMatchObject({ status, allowedTransitions: [] });
      const result = await attempt(TRANSITION, { id: item.id, version: item.version, to: "IN_PROGRESS" });
      expect(result.issues?.[0]).toEqual({
        field: "input.to",
        message: `Feedback in status ${status} is final; it cannot move to IN_PROGRESS.`,
      });
    }
  });

  it("requires what each target status needs", async () => {
    const item = await feedbackAt(["IN_PROGRESS"]);
    const base = { id: item.id, version: item.version };
    const noAnswer = await attempt(TRANSITION, { ...base, to: "ANSWERED" });
    expect(noAnswer.issues?.[0]?.field).toBe("input.answer");
    const self = await attempt(TRANSITION, { ...base, to: "DUPLICATE", duplicateOfId: item.id });
    expect(self.issues?.[0]).toEqual({ field: "input.duplicateOfId", message: "Feedback cannot duplicate itself." });
    const pskov = await received({ centreId: pskovCentre }, admin);
    const elsewhere = await attempt(TRANSITION, { ...base, to: "DUPLICATE", duplicateOfId: pskov.id }, admin);
    expect(elsewhere.issues?.[0]?.field).toBe("input.duplicateOfId");
    const noTarget = await attempt(TRANSITION, { ...base, to: "REDIRECTED" });
    expect(noTarget.issues?.[0]?.field).toBe("input.redirectedTo");
    expect((await stored(item.id)).status).toBe("IN_PROGRESS");
  });

  it("links feedback to a systemic error of its region, recording it in the history", async () => {
    const item = await feedbackAt(["IN_PROGRESS"]);
    const errorId = await systemicErrorOf();
    const linked = await done(LINK, {
      feedbackId: item.id,
      version: item.version,
      systemicErrorId: errorId,
      comment: "Ошибка формы",
    });
    expect(linked).toMatchObject({
      systemicError: { id: errorId, title: "Форма записи в детский сад отклоняет СНИЛС" },
      status: "IN_PROGRESS",
      version: item.version + 1,
    });
    expect(linked.events.at(-1)).toMatchObject({
      fromStatus: "IN_PROGRESS",
      toStatus: "IN_PROGRESS",
      comment: "Ошибка формы",
    });
    const list = await gql<{ feedback: { edges: { node: { id: string } }[] } }>(LIST, {
      filter: { systemicErrorId: errorId, categoryId },
    });
    expect(list.data?.feedback.edges.map((e) => e.node.id)).toEqual([item.id]);
    const twice = await attempt(LINK, { feedbackId: item.id, version: linked.version, systemicErrorId: errorId });
    expect(twice.issues?.[0]?.field).toBe("input.systemicErrorId");
    const logs = await prisma.changeLog.findMany({ where: { entity: "Feedback", entityId: uuid(item.id) } });
    expect(logs.map((l) => l.changes)).toContainEqual(
      expect.objectContaining({
        systemicErrorId: { from: null, to: uuid(errorId) },
        _note: { comment: "Ошибка формы" },
      }),
    );
    const unlinked = await done(LINK, { feedbackId: item.id, version: linked.version, systemicErrorId: null });
    expect(unlinked.systemicError).toBeNull();
  });

  it("refuses a stale version with a conflict and changes nothing", async () => {
    const item = await feedbackAt(["IN_PROGRESS"]);
    const before = await stored(item.id);
    const stale = { id: item.id, version: item.version - 1 };
    const moved = await attempt(TRANSITION, { ...stale, to: "ANSWERED", answer: "Ответ" });
    expect(moved).toMatchObject({ __typename: "ConflictError", currentVersion: item.version });
    const linked = await attempt(LINK, {
      feedbackId: item.id,
      version: stale.version,
      systemicErrorId: await systemicErrorOf(),
    });
    expect(linked.__typename).toBe("ConflictError");
    expect(await stored(item.id)).toEqual(before);
  });

  it("assigns a person of the feedback's region, not of another", async () => {
    const item = await received();
    const local = await prisma.person.findFirstOrThrow({ where: { region: { code: "67" }, archivedAt: null } });
    const foreign = await prisma.person.findFirstOrThrow({ where: { region: { code: "60" } } });
    const refused = await attempt(ASSIGN, {
      id: item.id,
      version: item.version,
      curatorId: toGlobalId("Person", foreign.id),
    });
    expect(refused.issues?.[0]?.field).toBe("input.curatorId");
    const assigned = await done(ASSIGN, {
      id: item.id,
      version: item.version,
      curatorId: toGlobalId("Person", local.id),
    });
    expect(assigned.assignedCurator?.id).toBe(toGlobalId("Person", local.id));
    expect(await prisma.changeLog.count({ where: { entityId: uuid(item.id), action: "UPDATE" } })).toBe(1);
  });
});
