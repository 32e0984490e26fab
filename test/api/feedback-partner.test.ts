// Citizens' feedback from partner apps (feedback:write), the way Open311 apps submit requests:
// a complaint about Smolensk's kindergarten enrolment enters the curators' workflow with its
// SLA, the app reads its status back by reference (its own only) and never sees personal data;
// the same externalId is not a second complaint; bad input and missing scopes write nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { schema } from "../../api/schema.js";
import { done, type Headers, ITEM, type Item, TRANSITION, uuid } from "../helpers/feedback.js";
import { asUser, gql, mutate, useIdentity } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";

interface Receipt {
  reference: string;
  externalId: string | null;
  status: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  answeredAt: string | null;
  answer: string | null;
}

const RECEIPT = "reference externalId status receivedAt dueAt overdue answeredAt answer";
const SUBMIT = "submitCitizenFeedback";
const STATUS = `query S($reference: String!) { feedbackStatus(reference: $reference) { ${RECEIPT} } }`;
const LIST = `query L($filter: FeedbackFilter) { feedback(first: 20, filter: $filter) {
  totalCount edges { node { ${ITEM} } } } }`;
const DAY = 86_400_000;

describe("citizens' feedback from partner apps", () => {
  let app: Headers;
  let appId: string;
  let otherApp: Headers;
  let readOnly: Headers;
  let curator: Headers;
  let kindergarten: string;

  beforeAll(async () => {
    curator = await asUser("curator@dostup.local");
    useIdentity(curator);
    // An empty Authorization overrides the file's default identity, so the key is what counts.
    const key = await partnerKey({ name: "Госуслуги Смоленской области (тест)", scopes: ["feedback:write"] });
    app = { authorization: "", ...key.headers };
    appId = key.id;
    otherApp = {
      authorization: "",
      ...(await partnerKey({ name: "Другое приложение", scopes: ["feedback:write"] })).headers,
    };
    readOnly = {
      authorization: "",
      ...(await partnerKey({ name: "Только реестр", scopes: ["registry:read"] })).headers,
    };
    const service = await prisma.service.findFirstOrThrow({ where: { name: { contains: "запись в детский сад" } } });
    kindergarten = toGlobalId("Service", service.id);
  });

  const complaint = (extra: Record<string, unknown> = {}) => ({
    serviceId: kindergarten,
    ratingTime: 1,
    ratingWaiting: 2,
    ratingStaff: 3,
    ratingComfort: 3,
    ratingInformation: 1,
    text: "Форма записи в детский сад на портале не принимает СНИЛС ребёнка: пишет «неверный формат».",
    authorName: "Мария К.",
    authorContact: "+7 951 000-00-00",
    externalId: `app-${randomUUID()}`,
    ...extra,
  });

  const submitAs = (headers: Headers, input: Record<string, unknown>) =>
    mutate<Receipt>(SUBMIT, RECEIPT, input, { headers });

  async function submitted(input: Record<string, unknown>): Promise<Receipt> {
    const { outcome } = await submitAs(app, input);
    if (!outcome?.data) throw new Error(`not submitted: ${JSON.stringify(outcome)}`);
    return outcome.data;
  }

  const statusAs = async (headers: Headers, reference: string) =>
    (await gql<{ feedbackStatus: Receipt | null }>(STATUS, { reference }, headers)).data?.feedbackStatus;

  it("takes a complaint into the region's workflow with the complaint SLA, the app named to the curator", async () => {
    const input = complaint();
    const receipt = await submitted(input);
    expect(receipt).toMatchObject({ status: "RECEIVED", externalId: input.externalId, overdue: false, answer: null });
    expect(receipt.reference).toMatch(/^OC-[0-9A-HJKMNP-TV-Z]{10}$/);
    // Complaints are answered within 30 days in the demo's catalogue.
    expect(Date.parse(receipt.dueAt) - Date.parse(receipt.receivedAt)).toBe(30 * DAY);

    const list = await gql<{ feedback: { totalCount: number; edges: { node: Item }[] } }>(LIST, {
      filter: { fromApp: true, search: receipt.reference.toLowerCase() },
    });
    expect(list.data?.feedback.totalCount).toBe(1);
    const item = list.data?.feedback.edges[0]?.node;
    expect(item).toMatchObject({
      status: "RECEIVED",
      reference: receipt.reference,
      apiClientName: "Госуслуги Смоленской области (тест)",
      authorName: "Мария К.",
      region: { code: "67" },
      allowedTransitions: ["IN_PROGRESS", "REJECTED", "DUPLICATE", "REDIRECTED"],
    });
    expect(item?.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "RECEIVED" })]);
    const staffOnly = await gql<{ feedback: { totalCount: number } }>(LIST, {
      filter: { fromApp: false, search: receipt.reference },
    });
    expect(staffOnly.data?.feedback.totalCount).toBe(0);
    const log = await prisma.changeLog.findFirstOrThrow({
      where: { entity: "Feedback", entityId: uuid(item?.id ?? "") },
    });
    expect(log).toMatchObject({ action: "CREATE", actorApiClientId: appId, actorUserId: null });
  });

  it("never shows the app personal data, and staff-recorded feedback gets a reference too", async () => {
    const fields = Object.keys(
      (schema.getType("CitizenFeedbackReceipt") as { getFields(): object } | undefined)?.getFields() ?? {},
    );
    expect(fields).not.toContain("authorName");
    expect(fields).not.toContain("authorContact");
    const response = await gql<unknown>(
      `mutation M($input: SubmitCitizenFeedbackInput!) { submitCitizenFeedback(input: $input) {
        ... on MutationSubmitCitizenFeedbackSuccess { data { authorName } } } }`,
      { input: complaint() },
      app,
    );
    expect(response.errors?.[0]?.message).toMatch(/Cannot query field "authorName"/);
    const category = await prisma.feedbackCategory.findUniqueOrThrow({ where: { code: "QUESTION" } });
    const staff = await done("submitFeedback", {
      categoryId: toGlobalId("FeedbackCategory", category.id),
      subjectType: "SERVICE",
      serviceId: kindergarten,
      text: "Позвонили в библиотеку: как записать ребёнка в детский сад?",
    });
    expect(staff.reference).toMatch(/^OC-/);
    expect(staff.apiClientName).toBeNull();
  });

  it("reads the status back by reference as the curator answers", async () => {
    const receipt = await submitted(complaint());
    const [item] =
      (
        await gql<{ feedback: { edges: { node: Item }[] } }>(LIST, { filter: { search: receipt.reference } })
      ).data?.feedback.edges.map((e) => e.node) ?? [];
    if (!item) throw new Error("the curator does not see it");
    const taken = await done(TRANSITION, { id: item.id, version: item.version, to: "IN_PROGRESS" });
    expect(await statusAs(app, receipt.reference)).toMatchObject({ status: "IN_PROGRESS", answer: null });
    const answer = "Ошибка формы передана разработчику портала; заявление принято в библиотеке вручную.";
    await done(TRANSITION, { id: item.id, version: taken.version, to: "ANSWERED", answer });
    const answered = await statusAs(app, receipt.reference.toLowerCase());
    expect(answered).toMatchObject({ status: "ANSWERED", answer, overdue: false });
    expect(answered?.answeredAt).not.toBeNull();
  });

  it("answers the same externalId with the first submission, and other content under it with a conflict", async () => {
    const input = complaint();
    const first = await submitted(input);
    const count = await prisma.feedback.count();
    const again = await submitted(input);
    expect(again.reference).toBe(first.reference);
    expect(await prisma.feedback.count()).toBe(count);
    const { outcome } = await submitAs(app, { ...input, text: "Другая жалоба" });
    expect(outcome?.__typename).toBe("ConflictError");
    expect(outcome?.message).toContain(first.reference);
    // Another app may use the same id of its own.
    const { outcome: other } = await submitAs(otherApp, input);
    expect(other?.data?.reference).not.toBe(first.reference);
    expect(await prisma.feedback.count()).toBe(count + 1);
  });

  it("reads another key's reference, and an unknown one, as null", async () => {
    const receipt = await submitted(complaint());
    expect(await statusAs(otherApp, receipt.reference)).toBeNull();
    expect(await statusAs(app, "OC-0000000000")).toBeNull();
    expect(await statusAs(curator, receipt.reference)).toMatchObject({ reference: receipt.reference });
  });

  it("refuses keys without feedback:write and staff, writing nothing", async () => {
    const count = await prisma.feedback.count();
    const { response: keyed } = await submitAs(readOnly, complaint());
    expect(keyed.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["feedback:write"] });
    const { response: staff } = await submitAs(curator, complaint());
    expect(staff.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const read = await gql(STATUS, { reference: "OC-0000000000" }, readOnly);
    expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await prisma.feedback.count()).toBe(count);
  });

  it("refuses bad ratings, unknown or unpublished services and a federal service without region, writing nothing", async () => {
    const count = await prisma.feedback.count();
    const ratings = await submitAs(app, complaint({ ratingTime: 0, ratingStaff: 6 }));
    expect(ratings.outcome?.__typename).toBe("ValidationError");
    expect(ratings.outcome?.issues?.map((i) => i.field).sort()).toEqual(["input.ratingStaff", "input.ratingTime"]);
    const unknown = await submitAs(app, complaint({ serviceId: toGlobalId("Service", randomUUID()) }));
    expect(unknown.outcome).toMatchObject({ __typename: "NotFoundError", entity: "service" });
    const draft = await prisma.service.findFirstOrThrow({ where: { status: "DRAFT", region: { code: "67" } } });
    const unpublished = await submitAs(app, complaint({ serviceId: toGlobalId("Service", draft.id) }));
    expect(unpublished.outcome?.__typename).toBe("NotFoundError");
    const federal = await prisma.service.create({
      data: { name: `Федеральная услуга ${randomUUID()}`, level: "FEDERAL", status: "PUBLISHED" },
    });
    const noRegion = await submitAs(app, complaint({ serviceId: toGlobalId("Service", federal.id) }));
    expect(noRegion.outcome?.issues?.[0]?.field).toBe("input.regionId");
    const nothing = await submitAs(app, complaint({ serviceId: null }));
    expect(nothing.outcome?.issues?.[0]?.field).toBe("input.serviceId");
    expect(await prisma.feedback.count()).toBe(count);
  });
});
