// Four eyes on quality standards: whoever created or edited a draft cannot approve it, and
// canApprove says so for every draft of a list without a statement per row.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { gql } from "../helpers/graphql.js";
import {
  APPROVE,
  approve,
  attempt,
  draft,
  edit,
  type Headers,
  newService,
  type QualityFixtures,
  qualityFixtures,
  stored,
  WAIT,
} from "../helpers/quality.js";
import { recordSql } from "../helpers/sql.js";
import { newUser } from "../helpers/users.js";

describe("quality standards", () => {
  let { admin, curator, auditor, colleague } = {} as QualityFixtures;
  beforeAll(async () => {
    ({ admin, curator, auditor, colleague } = await qualityFixtures());
  });

  describe("four eyes", () => {
    const CAN_APPROVE = `query C($id: ID!) { node(id: $id) { ... on QualityStandard { canApprove } } }`;
    const canApprove = async (id: string, headers: Headers) =>
      (await gql<{ node: { canApprove: boolean } | null }>(CAN_APPROVE, { id }, headers)).data?.node?.canApprove;

    /** The refusal, and proof that nothing of the approval happened. */
    async function refused(id: string, version: number, headers: Headers, who: RegExp) {
      const before = await stored(id);
      const result = await attempt(APPROVE, { id, version }, headers);
      expect(result.__typename).toBe("ForbiddenError");
      expect(result.message).toMatch(/^You created or edited this draft, so you cannot approve it/);
      expect(result.message).toMatch(who);
      expect(await stored(id)).toEqual(before);
      const transitions = await prisma.changeLog.count({
        where: { entity: "QualityStandard", entityId: before.id, action: "TRANSITION" },
      });
      expect(transitions).toBe(0);
    }

    it("keeps a draft's creator from approving it; another curator of the region or an administrator can", async () => {
      const serviceId = await newService();
      const mine = await draft(serviceId);
      expect(await canApprove(mine.id, curator)).toBe(false);
      expect(await canApprove(mine.id, colleague.headers)).toBe(true);
      expect(await canApprove(mine.id, admin)).toBe(true);
      expect(await canApprove(mine.id, auditor)).toBe(false);
      await refused(mine.id, mine.version, curator, /Another curator of the service's region or an administrator/);
      const approved = await approve(mine, colleague.headers);
      expect(approved).toMatchObject({ status: "APPROVED", approvedByName: colleague.fullName });

      // A new revision copied from it is the copier's draft: the same rule, and an administrator approves.
      const copy = await draft(serviceId, { copyFrom: mine.id, targets: undefined });
      await refused(copy.id, copy.version, curator, /curator of the service's region or an administrator/);
      expect((await approve(copy, admin)).status).toBe("APPROVED");
    });

    it("counts an edit of the draft as writing it, administrators included", async () => {
      const serviceId = await newService();
      const created = await draft(serviceId);
      const edited = await edit({ id: created.id, version: created.version, title: "Правка" }, admin);
      expect(await canApprove(created.id, admin)).toBe(false);
      await refused(created.id, edited.version, admin, /Another curator/);
      const colleagueEdit = await edit({ id: created.id, version: edited.version, targets: [WAIT] }, colleague.headers);
      expect(await canApprove(created.id, colleague.headers)).toBe(false);
      await refused(created.id, colleagueEdit.version, colleague.headers, /Another curator/);
      // Curator, colleague and administrator all wrote it: a second administrator approves.
      const secondAdmin = await newUser("ADMIN");
      expect(await canApprove(created.id, secondAdmin.headers)).toBe(true);
      const approved = await approve({ id: created.id, version: colleagueEdit.version }, secondAdmin.headers);
      expect(approved).toMatchObject({ status: "APPROVED", approvedByName: secondAdmin.fullName });
      expect(await canApprove(created.id, secondAdmin.headers)).toBe(false);
    });

    it("leaves a federal draft of one administrator to another", async () => {
      const federal = await newService(null);
      const created = await draft(federal, {}, admin);
      expect(await canApprove(created.id, curator)).toBe(false);
      await refused(created.id, created.version, admin, /Another administrator must approve it\.$/);
      const secondAdmin = await newUser("ADMIN");
      await approve(created, secondAdmin.headers);
    });

    it("answers canApprove for a whole list of drafts with the same number of SQL statements for 2 as for 20", async () => {
      const mine = new Set<string>();
      for (let i = 0; i < 4; i++) mine.add((await draft(await newService())).id);
      const query = `query D($first: Int) { qualityStandards(first: $first, filter: { status: DRAFT }) {
        edges { node { id canApprove } } } }`;
      const small = await recordSql(() =>
        gql<{ qualityStandards: { edges: { node: { canApprove: boolean } }[] } }>(query, { first: 2 }, admin),
      );
      const large = await recordSql(() =>
        gql<{ qualityStandards: { edges: { node: { canApprove: boolean } }[] } }>(query, { first: 20 }, admin),
      );
      expect(large.result.errors).toBeUndefined();
      expect(large.result.data?.qualityStandards.edges.length).toBeGreaterThan(2);
      expect(large.statements.length).toBe(small.statements.length);
      // Each answer is the draft's own: the demo curator drafted these, the colleague did not.
      const answers = async (headers: Headers) => Promise.all([...mine].map((id) => canApprove(id, headers)));
      expect(await answers(curator)).toEqual([false, false, false, false]);
      expect(await answers(colleague.headers)).toEqual([true, true, true, true]);
    });
  });
});
