import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";

type Headers = Record<string, string>;

interface Item {
  id: string;
  status: string;
  version: number;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  answer: string | null;
  answeredAt: string | null;
  systemicError: boolean;
  redirectedTo: string | null;
  authorName: string | null;
  allowedTransitions: string[];
  duplicateOf: { id: string } | null;
  assignedCurator: { id: string } | null;
  region: { code: string };
  events: { fromStatus: string | null; toStatus: string; comment: string | null; actorName: string | null }[];
}

interface Result {
  __typename: string;
  data?: Item;
  message?: string;
  issues?: { field: string; message: string }[];
  currentVersion?: number | null;
}

const ITEM = `id status version receivedAt dueAt overdue answer answeredAt systemicError redirectedTo authorName
  allowedTransitions duplicateOf { id } assignedCurator { id } region { code }
  events { fromStatus toStatus comment actorName }`;
const ERRORS = `... on Error { message } ... on ValidationError { issues { field message } }
  ... on ConflictError { currentVersion }`;
const mutation = (name: string, input: string) => `mutation M($input: ${input}!) {
  result: ${name}(input: $input) {
    __typename ... on Mutation${name[0]?.toUpperCase()}${name.slice(1)}Success { data { ${ITEM} } } ${ERRORS}
  }
}`;
const SUBMIT = mutation("submitFeedback", "SubmitFeedbackInput");
const TRANSITION = mutation("transitionFeedback", "TransitionFeedbackInput");
const ASSIGN = mutation("assignFeedback", "AssignFeedbackInput");
const SYSTEMIC = mutation("setFeedbackSystemicError", "SetFeedbackSystemicErrorInput");
const NODE = `query One($id: ID!) { node(id: $id) { ... on Feedback { ${ITEM} } } }`;
const LIST = `query List($filter: FeedbackFilter, $orderBy: FeedbackOrderBy) {
  feedback(first: 20, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id status authorName overdue } } }
}`;

const WORKFLOW: Record<string, string[]> = {
  RECEIVED: ["IN_PROGRESS", "REJECTED", "DUPLICATE", "REDIRECTED"],
  IN_PROGRESS: ["ANSWERED", "REJECTED", "REDIRECTED", "DUPLICATE"],
  ANSWERED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: [],
  REJECTED: [],
  DUPLICATE: [],
  REDIRECTED: [],
};

async function mutate(query: string, input: Record<string, unknown>, headers: Headers = {}): Promise<Result> {
  const response = await gql<{ result: Result }>(query, { input }, headers);
  expect(response.errors).toBeUndefined();
  const result = response.data?.result;
  if (!result) throw new Error("no result");
  return result;
}

function ok(result: Result): Item {
  expect(result.__typename, JSON.stringify(result)).toMatch(/Success$/);
  if (!result.data) throw new Error("no data");
  return result.data;
}

function uuid(globalId: string): string {
  return Buffer.from(globalId, "base64").toString().split(":")[1] ?? "";
}

async function stored(globalId: string) {
  return prisma.feedback.findUniqueOrThrow({
    where: { id: uuid(globalId) },
    include: { events: { orderBy: [{ at: "asc" }, { createdAt: "asc" }] } },
  });
}

/** What each transition needs besides its target status. */
function extras(to: string, duplicateOfId: string): Record<string, unknown> {
  switch (to) {
    case "ANSWERED":
      return { answer: "Консультант проведёт занятие повторно." };
    case "DUPLICATE":
      return { duplicateOfId };
    case "REDIRECTED":
      return { redirectedTo: "Отделение СФР" };
    case "REJECTED":
      return { comment: "Нецензурная лексика" };
    default:
      return { comment: `к ${to}` };
  }
}

describe("feedback", () => {
  let admin: Headers;
  let curator: Headers;
  let auditor: Headers;
  let operator: Headers;
  let partner: Headers;
  let categoryId: string;
  let smolenskCentre: string;
  let pskovCentre: string;
  let operatorCentre: string;
  let otherUdmurtiaCentre: string;
  let original: string;

  const submit = (extra: Record<string, unknown> = {}, headers: Headers = {}) =>
    mutate(
      SUBMIT,
      {
        categoryId,
        subjectType: "CENTRE",
        centreId: smolenskCentre,
        ratingTime: 2,
        ratingStaff: 5,
        text: "Долго ждал консультанта",
        authorName: "Иван П.",
        authorContact: "ivan@mail.example",
        ...extra,
      },
      headers,
    );

  /** Fresh feedback driven along the workflow to `path`'s last status. */
  async function feedbackAt(path: string[]): Promise<Item> {
    let item = ok(await submit());
    for (const to of path) {
      item = ok(await mutate(TRANSITION, { id: item.id, version: item.version, to, ...extras(to, original) }));
    }
    return item;
  }

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    curator = await asUser("curator@dostup.local");
    auditor = await asUser("auditor@dostup.local");
    operator = await asUser("operator@dostup.local");
    useIdentity(curator);
    const key = `dsp_test_${randomBytes(16).toString("hex")}`;
    await prisma.apiClient.create({
      data: {
        name: "Feedback test partner",
        keyPrefix: key.slice(0, 16),
        keyHash: hashApiKey(key),
        scopes: ["registry:read", "statistics:read"],
      },
    });
    // An empty Authorization overrides the file's default identity, so the key is what counts.
    partner = { authorization: "", "x-api-key": key };

    const created = await gql<{ result: { __typename: string; data: { id: string } } }>(
      `mutation C($input: CreateFeedbackCategoryInput!) { result: createFeedbackCategory(input: $input) {
        __typename ... on MutationCreateFeedbackCategorySuccess { data { id } } } }`,
      { input: { code: `TEST_${randomBytes(4).toString("hex")}`, name: "Тестовая жалоба", slaDays: 7 } },
      admin,
    );
    categoryId = created.data?.result.data.id ?? "";
    const centreIn = async (code: string) => {
      const centre = await prisma.centre.findFirstOrThrow({
        where: { region: { code }, archivedAt: null },
        orderBy: { name: "asc" },
      });
      return toGlobalId("Centre", centre.id);
    };
    smolenskCentre = await centreIn("67");
    pskovCentre = await centreIn("60");
    const operatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
    operatorCentre = toGlobalId("Centre", operatorUser.centreId ?? "");
    const other = await prisma.centre.findFirstOrThrow({
      where: { region: { code: "18" }, id: { not: operatorUser.centreId ?? undefined } },
    });
    otherUdmurtiaCentre = toGlobalId("Centre", other.id);
    original = ok(await submit()).id;
  });

  it("only an administrator manages categories", async () => {
    const result = await gql(
      `mutation C($input: CreateFeedbackCategoryInput!) { createFeedbackCategory(input: $input) { __typename } }`,
      { input: { code: "NOPE", name: "Нет", slaDays: 5 } },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const list = await gql<{ feedbackCategories: { totalCount: number; edges: { node: { code: string } }[] } }>(
      `{ feedbackCategories(first: 50) { totalCount edges { node { code slaDays } } } }`,
      {},
      partner,
    );
    expect(list.data?.feedbackCategories.edges.map((e) => e.node.code)).toContain("COMPLAINT");
  });

  it("sets the due date from the category's SLA and starts the history with RECEIVED", async () => {
    const receivedAt = "2026-03-02T09:30:00.000Z";
    const item = ok(await submit({ receivedAt }));
    expect(item).toMatchObject({
      status: "RECEIVED",
      receivedAt,
      dueAt: "2026-03-09T09:30:00.000Z",
      overdue: true,
      region: { code: "67" },
      authorName: "Иван П.",
      allowedTransitions: WORKFLOW.RECEIVED,
    });
    expect(item.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "RECEIVED" })]);
    const logs = await prisma.changeLog.findMany({ where: { entity: "Feedback", entityId: uuid(item.id) } });
    expect(logs.map((l) => l.action)).toEqual(["CREATE"]);

    const overdue = await gql<{ feedback: { edges: { node: { id: string } }[] } }>(LIST, {
      filter: { overdue: true, categoryId, search: "консультанта" },
    });
    expect(overdue.data?.feedback.edges.map((e) => e.node.id)).toContain(item.id);
    const onTime = await gql<{ feedback: { edges: { node: { id: string } }[] } }>(LIST, {
      filter: { overdue: false, categoryId },
    });
    expect(onTime.data?.feedback.edges.map((e) => e.node.id)).not.toContain(item.id);
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
      const after = ok(await mutate(TRANSITION, input));
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
    const item = ok(await submit());
    const before = await stored(item.id);
    const result = await mutate(TRANSITION, { id: item.id, version: item.version, to: "CLOSED" });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues).toEqual([
      {
        field: "input.to",
        message: "Feedback in status RECEIVED can move to IN_PROGRESS, REJECTED, DUPLICATE, REDIRECTED; not to CLOSED.",
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
      const result = await mutate(TRANSITION, { id: item.id, version: item.version, to: "IN_PROGRESS" });
      expect(result.issues?.[0]).toEqual({
        field: "input.to",
        message: `Feedback in status ${status} is final; it cannot move to IN_PROGRESS.`,
      });
    }
  });

  it("requires what each target status needs", async () => {
    const item = await feedbackAt(["IN_PROGRESS"]);
    const base = { id: item.id, version: item.version };
    const noAnswer = await mutate(TRANSITION, { ...base, to: "ANSWERED" });
    expect(noAnswer.issues?.[0]?.field).toBe("input.answer");
    const self = await mutate(TRANSITION, { ...base, to: "DUPLICATE", duplicateOfId: item.id });
    expect(self.issues?.[0]).toEqual({ field: "input.duplicateOfId", message: "Feedback cannot duplicate itself." });
    const pskov = ok(await submit({ centreId: pskovCentre }, admin));
    const elsewhere = await mutate(TRANSITION, { ...base, to: "DUPLICATE", duplicateOfId: pskov.id }, admin);
    expect(elsewhere.issues?.[0]?.field).toBe("input.duplicateOfId");
    const noTarget = await mutate(TRANSITION, { ...base, to: "REDIRECTED" });
    expect(noTarget.issues?.[0]?.field).toBe("input.redirectedTo");
    expect((await stored(item.id)).status).toBe("IN_PROGRESS");
  });

  it("flags a systemic error, recording it in the history", async () => {
    const item = await feedbackAt(["IN_PROGRESS"]);
    const flagged = ok(
      await mutate(SYSTEMIC, { id: item.id, version: item.version, systemicError: true, comment: "Ошибка формы" }),
    );
    expect(flagged).toMatchObject({ systemicError: true, status: "IN_PROGRESS", version: item.version + 1 });
    expect(flagged.events.at(-1)).toMatchObject({
      fromStatus: "IN_PROGRESS",
      toStatus: "IN_PROGRESS",
      comment: "Ошибка формы",
    });
    const list = await gql<{ feedback: { edges: { node: { id: string } }[] } }>(LIST, {
      filter: { systemicError: true, categoryId },
    });
    expect(list.data?.feedback.edges.map((e) => e.node.id)).toEqual([item.id]);
    const twice = await mutate(SYSTEMIC, { id: item.id, version: flagged.version, systemicError: true, comment: "x" });
    expect(twice.issues?.[0]?.field).toBe("input.systemicError");
    const logs = await prisma.changeLog.findMany({ where: { entity: "Feedback", entityId: uuid(item.id) } });
    expect(logs.map((l) => l.changes)).toContainEqual(
      expect.objectContaining({ systemicError: { from: false, to: true }, _note: { comment: "Ошибка формы" } }),
    );
  });

  it("refuses a stale version with a conflict and changes nothing", async () => {
    const item = await feedbackAt(["IN_PROGRESS"]);
    const before = await stored(item.id);
    const stale = { id: item.id, version: item.version - 1 };
    const moved = await mutate(TRANSITION, { ...stale, to: "ANSWERED", answer: "Ответ" });
    expect(moved).toMatchObject({ __typename: "ConflictError", currentVersion: item.version });
    const flagged = await mutate(SYSTEMIC, { ...stale, systemicError: true, comment: "Ошибка" });
    expect(flagged.__typename).toBe("ConflictError");
    expect(await stored(item.id)).toEqual(before);
  });

  it("assigns a person of the feedback's region, not of another", async () => {
    const item = ok(await submit());
    const local = await prisma.person.findFirstOrThrow({ where: { region: { code: "67" }, archivedAt: null } });
    const foreign = await prisma.person.findFirstOrThrow({ where: { region: { code: "60" } } });
    const refused = await mutate(ASSIGN, {
      id: item.id,
      version: item.version,
      curatorId: toGlobalId("Person", foreign.id),
    });
    expect(refused.issues?.[0]?.field).toBe("input.curatorId");
    const assigned = ok(
      await mutate(ASSIGN, { id: item.id, version: item.version, curatorId: toGlobalId("Person", local.id) }),
    );
    expect(assigned.assignedCurator?.id).toBe(toGlobalId("Person", local.id));
    expect(await prisma.changeLog.count({ where: { entityId: uuid(item.id), action: "UPDATE" } })).toBe(1);
  });

  it("hides Pskov feedback from the curator of Smolensk and Udmurtia, who cannot change it either", async () => {
    const pskov = ok(await submit({ centreId: pskovCentre, text: `Псков ${randomUUID()}` }, admin));
    expect(pskov.region.code).toBe("60");
    expect((await gql(NODE, { id: pskov.id })).data).toEqual({ node: null });
    const list = await gql<{ feedback: { totalCount: number } }>(LIST, { filter: { centreId: pskovCentre } });
    expect(list.data?.feedback.totalCount).toBe(0);
    const moved = await mutate(TRANSITION, { id: pskov.id, version: pskov.version, to: "IN_PROGRESS" });
    expect(moved.__typename).toBe("NotFoundError");
    const flagged = await mutate(SYSTEMIC, { id: pskov.id, version: pskov.version, systemicError: true, comment: "x" });
    expect(flagged.__typename).toBe("NotFoundError");
    const submitted = await submit({ centreId: pskovCentre });
    expect(submitted.__typename).toBe("NotFoundError");
    expect(await stored(pskov.id)).toMatchObject({ status: "RECEIVED", version: pskov.version, systemicError: false });
  });

  it("lets the auditor read everything, personal data included, but change nothing", async () => {
    const pskov = ok(await submit({ centreId: pskovCentre }, admin));
    const read = await gql<{ node: Item }>(NODE, { id: pskov.id }, auditor);
    expect(read.data?.node).toMatchObject({ status: "RECEIVED", authorName: "Иван П.", allowedTransitions: [] });
    const moved = await gql(
      TRANSITION,
      { input: { id: pskov.id, version: pskov.version, to: "IN_PROGRESS" } },
      auditor,
    );
    expect(moved.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // Auditors write nothing: submitting is refused before any input is looked at.
    const submitted = await gql(
      SUBMIT,
      { input: { categoryId, subjectType: "CENTRE", centreId: pskovCentre, text: "x" } },
      auditor,
    );
    expect(submitted.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await stored(pskov.id)).toMatchObject({ status: "RECEIVED", version: pskov.version });
  });

  it("keeps partners away from feedback entirely", async () => {
    const list = await gql(LIST, {}, partner);
    expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(NODE, { id: original }, partner)).data).toEqual({ node: null });
    const submitted = await gql(SUBMIT, { input: { categoryId, subjectType: "OTHER", text: "x" } }, partner);
    expect(submitted.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lets an operator record and see feedback about their own centre only", async () => {
    const own = ok(await submit({ centreId: operatorCentre }, operator));
    expect(own).toMatchObject({ status: "RECEIVED", region: { code: "18" }, allowedTransitions: [] });
    const other = await submit({ centreId: otherUdmurtiaCentre }, operator);
    expect(other.__typename).toBe("ForbiddenError");
    const seen = ok(await submit({ centreId: otherUdmurtiaCentre }));
    expect((await gql(NODE, { id: seen.id }, operator)).data).toEqual({ node: null });
    const list = await gql<{ feedback: { edges: { node: { id: string } }[] } }>(
      LIST,
      { filter: { categoryId } },
      operator,
    );
    expect(list.data?.feedback.edges.map((e) => e.node.id)).toEqual([own.id]);
  });

  it("refuses ratings outside 1..5 naming the rating, and keeps nothing", async () => {
    const count = await prisma.feedback.count();
    const result = await submit({ ratingStaff: 6, ratingComfort: 0 });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues?.map((i) => i.field).sort()).toEqual(["input.ratingComfort", "input.ratingStaff"]);
    expect(result.issues?.[0]?.message).toBe("A rating is a whole number from 1 to 5.");
    expect(await prisma.feedback.count()).toBe(count);
  });

  it("takes the region from the subject, and asks for it for a federal service", async () => {
    const federal = await prisma.service.create({
      data: { name: `Федеральная услуга ${randomUUID()}`, level: "FEDERAL" },
    });
    const serviceId = toGlobalId("Service", federal.id);
    const missing = await submit({ subjectType: "SERVICE", centreId: null, serviceId });
    expect(missing.issues?.[0]?.field).toBe("input.regionId");
    const pskovRegion = await prisma.region.findUniqueOrThrow({ where: { code: "60" } });
    const outside = await submit({
      subjectType: "SERVICE",
      centreId: null,
      serviceId,
      regionId: toGlobalId("Region", pskovRegion.id),
    });
    expect(outside.__typename).toBe("ForbiddenError");
    const smolensk = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
    const item = ok(
      await submit({ subjectType: "SERVICE", centreId: null, serviceId, regionId: toGlobalId("Region", smolensk.id) }),
    );
    expect(item.region.code).toBe("67");
    const mismatch = await submit({ serviceId, regionId: toGlobalId("Region", pskovRegion.id) }, admin);
    expect(mismatch.issues?.[0]?.field).toBe("input.regionId");
    const noCentre = await submit({ centreId: null });
    expect(noCentre.issues?.[0]?.field).toBe("input.centreId");
  });

  it("treats % and _ in a search as the characters themselves", async () => {
    const marker = randomUUID().slice(0, 8);
    const item = ok(await submit({ text: `Скидка 50% ${marker}` }));
    const hit = await gql<{ feedback: { edges: { node: { id: string } }[] } }>(LIST, {
      filter: { search: `50% ${marker}` },
    });
    expect(hit.data?.feedback.edges.map((e) => e.node.id)).toEqual([item.id]);
    const miss = await gql<{ feedback: { totalCount: number } }>(LIST, { filter: { search: `5_% ${marker}` } });
    expect(miss.data?.feedback.totalCount).toBe(0);
  });

  it("issues the same number of SQL statements for 2 items as for 20, nested fields included (no N+1)", async () => {
    const nested = `query N($first: Int) { feedback(first: $first) { totalCount edges { node { ${ITEM}
      category { code } centre { name } service { name } } } } }`;
    const small = await recordSql(() => gql(nested, { first: 2 }, admin));
    const large = await recordSql(() => gql(nested, { first: 20 }, admin));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.statements.length).toBe(small.statements.length);
  });
});
