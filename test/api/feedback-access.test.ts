// Who reads and changes which feedback: curators within their regions, the auditor reads all
// without changing any, operators their own centre's only, partners none.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  attempt,
  type FeedbackFixtures,
  feedbackFixtures,
  type Item,
  LINK,
  LIST,
  NODE,
  received,
  SUBMIT,
  stored,
  submit,
  TRANSITION,
} from "../helpers/feedback.js";
import { gql, mutate } from "../helpers/graphql.js";

describe("feedback", () => {
  let { admin, auditor, operator, partner, categoryId, pskovCentre, operatorCentre, otherUdmurtiaCentre, original } =
    {} as FeedbackFixtures;
  beforeAll(async () => {
    ({ admin, auditor, operator, partner, categoryId, pskovCentre, operatorCentre, otherUdmurtiaCentre, original } =
      await feedbackFixtures());
  });

  it("hides Pskov feedback from the curator of Smolensk and Udmurtia, who cannot change it either", async () => {
    const pskov = await received({ centreId: pskovCentre, text: `Псков ${randomUUID()}` }, admin);
    expect(pskov.region.code).toBe("60");
    expect((await gql(NODE, { id: pskov.id })).data).toEqual({ node: null });
    const list = await gql<{ feedback: { totalCount: number } }>(LIST, { filter: { centreId: pskovCentre } });
    expect(list.data?.feedback.totalCount).toBe(0);
    const moved = await attempt(TRANSITION, { id: pskov.id, version: pskov.version, to: "IN_PROGRESS" });
    expect(moved.__typename).toBe("NotFoundError");
    const linked = await attempt(LINK, { feedbackId: pskov.id, version: pskov.version, systemicErrorId: null });
    expect(linked.__typename).toBe("NotFoundError");
    const submitted = await submit({ centreId: pskovCentre });
    expect(submitted.__typename).toBe("NotFoundError");
    expect(await stored(pskov.id)).toMatchObject({ status: "RECEIVED", version: pskov.version, systemicErrorId: null });
  });

  it("lets the auditor read everything, personal data included, but change nothing", async () => {
    const pskov = await received({ centreId: pskovCentre }, admin);
    const read = await gql<{ node: Item }>(NODE, { id: pskov.id }, auditor);
    expect(read.data?.node).toMatchObject({ status: "RECEIVED", authorName: "Иван П.", allowedTransitions: [] });
    const { response: moved } = await mutate(
      TRANSITION,
      "id",
      { id: pskov.id, version: pskov.version, to: "IN_PROGRESS" },
      { headers: auditor },
    );
    expect(moved.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // Auditors write nothing: submitting is refused before any input is looked at.
    const { response: submitted } = await mutate(
      SUBMIT,
      "id",
      { categoryId, subjectType: "CENTRE", centreId: pskovCentre, text: "x" },
      { headers: auditor },
    );
    expect(submitted.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await stored(pskov.id)).toMatchObject({ status: "RECEIVED", version: pskov.version });
  });

  it("keeps partners away from feedback entirely", async () => {
    const list = await gql(LIST, {}, partner);
    expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(NODE, { id: original }, partner)).data).toEqual({ node: null });
    const { response: submitted } = await mutate(
      SUBMIT,
      "id",
      { categoryId, subjectType: "OTHER", text: "x" },
      { headers: partner },
    );
    expect(submitted.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lets an operator record and see feedback about their own centre only", async () => {
    const own = await received({ centreId: operatorCentre }, operator);
    expect(own).toMatchObject({ status: "RECEIVED", region: { code: "18" }, allowedTransitions: [] });
    const other = await submit({ centreId: otherUdmurtiaCentre }, operator);
    expect(other.__typename).toBe("ForbiddenError");
    const seen = await received({ centreId: otherUdmurtiaCentre });
    expect((await gql(NODE, { id: seen.id }, operator)).data).toEqual({ node: null });
    const list = await gql<{ feedback: { edges: { node: { id: string } }[] } }>(
      LIST,
      { filter: { categoryId } },
      operator,
    );
    expect(list.data?.feedback.edges.map((e) => e.node.id)).toEqual([own.id]);
  });
});
