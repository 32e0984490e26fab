// Feedback as it is recorded and read: categories (administrators only), the due date from the
// category's SLA, ratings and the region taken from the subject checked, search and filters,
// and no N+1 statements.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import {
  type FeedbackFixtures,
  feedbackFixtures,
  ITEM,
  LIST,
  received,
  submit,
  uuid,
  WORKFLOW,
} from "../helpers/feedback.js";
import { gql, mutate } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";

describe("feedback", () => {
  let { admin, partner, categoryId } = {} as FeedbackFixtures;
  beforeAll(async () => {
    ({ admin, partner, categoryId } = await feedbackFixtures());
  });

  it("only an administrator manages categories", async () => {
    const { response: result } = await mutate("createFeedbackCategory", "id", {
      code: "NOPE",
      name: "Нет",
      slaDays: 5,
    });
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
    const item = await received({ receivedAt });
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
    const item = await received({
      subjectType: "SERVICE",
      centreId: null,
      serviceId,
      regionId: toGlobalId("Region", smolensk.id),
    });
    expect(item.region.code).toBe("67");
    const mismatch = await submit({ serviceId, regionId: toGlobalId("Region", pskovRegion.id) }, admin);
    expect(mismatch.issues?.[0]?.field).toBe("input.regionId");
    const noCentre = await submit({ centreId: null });
    expect(noCentre.issues?.[0]?.field).toBe("input.centreId");
  });

  it("treats % and _ in a search as the characters themselves", async () => {
    const marker = randomUUID().slice(0, 8);
    const item = await received({ text: `Скидка 50% ${marker}` });
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
