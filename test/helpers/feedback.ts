// What the feedback tests share: the feedback's answer and queries, the workflow as the tests
// expect it, a category and centres of the test file's own, and feedback submitted and driven
// along the workflow through the API. The demo curator (Smolensk, Udmurtia) is the files' identity.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, mutate, type Outcome, ok, useIdentity } from "./graphql.js";
import { partnerKey } from "./partners.js";

export type Headers = Record<string, string>;

export interface Item {
  id: string;
  status: string;
  version: number;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  answer: string | null;
  answeredAt: string | null;
  reference: string | null;
  apiClientName: string | null;
  systemicError: { id: string; title: string } | null;
  redirectedTo: string | null;
  authorName: string | null;
  allowedTransitions: string[];
  duplicateOf: { id: string } | null;
  assignedCurator: { id: string } | null;
  region: { code: string };
  events: { fromStatus: string | null; toStatus: string; comment: string | null; actorName: string | null }[];
}

export const ITEM = `id status version receivedAt dueAt overdue answer answeredAt reference apiClientName
  systemicError { id title } redirectedTo authorName
  allowedTransitions duplicateOf { id } assignedCurator { id } region { code }
  events { fromStatus toStatus comment actorName }`;
export const SUBMIT = "submitFeedback";
export const TRANSITION = "transitionFeedback";
export const ASSIGN = "assignFeedback";
export const LINK = "linkFeedbackToSystemicError";
export const NODE = `query One($id: ID!) { node(id: $id) { ... on Feedback { ${ITEM} } } }`;
export const LIST = `query List($filter: FeedbackFilter, $orderBy: FeedbackOrderBy) {
  feedback(first: 20, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id status authorName overdue } } }
}`;

export const WORKFLOW: Record<string, string[]> = {
  RECEIVED: ["IN_PROGRESS", "REJECTED", "DUPLICATE", "REDIRECTED"],
  IN_PROGRESS: ["ANSWERED", "REJECTED", "REDIRECTED", "DUPLICATE"],
  ANSWERED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: [],
  REJECTED: [],
  DUPLICATE: [],
  REDIRECTED: [],
};

/** A feedback mutation's answer, its success or a typed error; a GraphQL error fails the test. */
export async function attempt(name: string, input: Record<string, unknown>, headers: Headers = {}) {
  const { outcome, response } = await mutate<Item>(name, ITEM, input, { headers });
  expect(response.errors).toBeUndefined();
  if (!outcome) throw new Error("no result");
  return outcome;
}

/** A feedback mutation that must succeed. */
export const done = (name: string, input: Record<string, unknown>, headers: Headers = {}) =>
  ok<Item>(name, ITEM, input, { headers });

/** The database id inside a global id. */
export const uuid = (globalId: string): string => Buffer.from(globalId, "base64").toString().split(":")[1] ?? "";

/** The stored feedback and its history, to compare before and after a refused change. */
export async function stored(globalId: string) {
  return prisma.feedback.findUniqueOrThrow({
    where: { id: uuid(globalId) },
    include: { events: { orderBy: [{ at: "asc" }, { createdAt: "asc" }] } },
  });
}

/** What each transition needs besides its target status. */
export function extras(to: string, duplicateOfId: string): Record<string, unknown> {
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

export interface FeedbackFixtures {
  admin: Headers;
  curator: Headers;
  auditor: Headers;
  operator: Headers;
  partner: Headers;
  /** A category of the file's own, with 7 days to answer. */
  categoryId: string;
  smolenskCentre: string;
  pskovCentre: string;
  /** The demo operator's centre, in Udmurtia, and another centre there. */
  operatorCentre: string;
  otherUdmurtiaCentre: string;
  /** Feedback of Smolensk that others are marked duplicates of. */
  original: string;
}

let fixtures: FeedbackFixtures | undefined;

/** The identities, a category and the centres the file's tests use. Call it in the file's beforeAll. */
export async function feedbackFixtures(): Promise<FeedbackFixtures> {
  const admin = await asUser("admin@dostup.local");
  const curator = await asUser("curator@dostup.local");
  const auditor = await asUser("auditor@dostup.local");
  const operator = await asUser("operator@dostup.local");
  useIdentity(curator);
  // An empty Authorization overrides the file's default identity, so the key is what counts.
  const partner = { authorization: "", ...(await partnerKey({ name: "Feedback test partner" })).headers };
  const category = await ok<{ id: string }>(
    "createFeedbackCategory",
    "id",
    { code: `TEST_${randomBytes(4).toString("hex")}`, name: "Тестовая жалоба", slaDays: 7 },
    { headers: admin },
  );
  const centreIn = async (code: string) => {
    const centre = await prisma.centre.findFirstOrThrow({
      where: { region: { code }, archivedAt: null },
      orderBy: { name: "asc" },
    });
    return toGlobalId("Centre", centre.id);
  };
  const operatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
  const other = await prisma.centre.findFirstOrThrow({
    where: { region: { code: "18" }, id: { not: operatorUser.centreId ?? undefined } },
  });
  fixtures = {
    admin,
    curator,
    auditor,
    operator,
    partner,
    categoryId: category.id,
    smolenskCentre: await centreIn("67"),
    pskovCentre: await centreIn("60"),
    operatorCentre: toGlobalId("Centre", operatorUser.centreId ?? ""),
    otherUdmurtiaCentre: toGlobalId("Centre", other.id),
    original: "",
  };
  fixtures.original = (await received()).id;
  return fixtures;
}

/** Feedback about the Smolensk centre in the file's category, `extra` over the defaults. */
function submission(extra: Record<string, unknown>): Record<string, unknown> {
  if (!fixtures) throw new Error("Call feedbackFixtures() in beforeAll first.");
  return {
    categoryId: fixtures.categoryId,
    subjectType: "CENTRE",
    centreId: fixtures.smolenskCentre,
    ratingTime: 2,
    ratingStaff: 5,
    text: "Долго ждал консультанта",
    authorName: "Иван П.",
    authorContact: "ivan@mail.example",
    ...extra,
  };
}

/** Submits feedback as `headers`, or the curator: its answer, whatever it is. */
export const submit = (extra: Record<string, unknown> = {}, headers: Headers = {}): Promise<Outcome<Item>> =>
  attempt(SUBMIT, submission(extra), headers);

/** Submits feedback that must be accepted: it is RECEIVED. */
export const received = (extra: Record<string, unknown> = {}, headers: Headers = {}) =>
  done(SUBMIT, submission(extra), headers);

/** Fresh feedback driven along the workflow to `path`'s last status. */
export async function feedbackAt(path: string[]): Promise<Item> {
  let item = await received();
  for (const to of path) {
    item = await done(TRANSITION, { id: item.id, version: item.version, to, ...extras(to, fixtures?.original ?? "") });
  }
  return item;
}

/** A systemic error of Smolensk (OPEN, due in `dueInDays`), recorded by the curator: its global id. */
export async function systemicErrorOf(extra: Record<string, unknown> = {}, dueInDays = 30): Promise<string> {
  const smolensk = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
  const dueAt = new Date(Date.now() + dueInDays * 86_400_000).toISOString().slice(0, 10);
  const error = await ok<{ id: string }>("createSystemicError", "id", {
    regionId: toGlobalId("Region", smolensk.id),
    title: "Форма записи в детский сад отклоняет СНИЛС",
    dueAt,
    ...extra,
  });
  return error.id;
}
