// Quality standards: drafts numbered by revision, approval superseding the revision in force,
// approved revisions read-only, targets validated, and who sets and reads which standards
// (administrators federal ones, curators their regions', partners approved revisions only).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { gql, mutate } from "../helpers/graphql.js";
import {
  APPROVE,
  approve,
  attempt,
  CREATE,
  draft,
  edit,
  LIST,
  NODE,
  newService,
  type QualityFixtures,
  qualityFixtures,
  SATISFACTION,
  type Standard,
  stored,
  UPDATE,
  WAIT,
} from "../helpers/quality.js";
import { recordSql } from "../helpers/sql.js";

describe("quality standards", () => {
  let { admin, auditor, partner, colleague, smolensk } = {} as QualityFixtures;
  beforeAll(async () => {
    ({ admin, auditor, partner, colleague, smolensk } = await qualityFixtures());
  });

  it("creates drafts with the next revision number, logged in the change log", async () => {
    const serviceId = await newService();
    const first = await draft(serviceId, { validFrom: "2026-01-01" });
    expect(first).toMatchObject({ revision: 1, status: "DRAFT", validFrom: "2026-01-01", approvedAt: null });
    expect(first.targets).toEqual([SATISFACTION, WAIT]);
    const second = await draft(serviceId, { title: "Вторая редакция", targets: undefined, copyFrom: first.id });
    expect(second).toMatchObject({ revision: 2, status: "DRAFT", title: "Вторая редакция" });
    expect(second.targets).toEqual(first.targets);

    const row = await stored(second.id);
    const logs = await prisma.changeLog.findMany({ where: { entity: "QualityStandard", entityId: row.id } });
    expect(logs.map((l) => [l.action, l.regionId])).toEqual([["CREATE", smolensk.id]]);
    expect(JSON.stringify(logs[0]?.changes)).toContain("WAIT_MINUTES AT_MOST 15");
  });

  it("approving revision 2 supersedes revision 1: statuses, timestamps, approver, history", async () => {
    const serviceId = await newService();
    const v1 = await draft(serviceId);
    const approved1 = await approve(v1, colleague.headers);
    expect(approved1).toMatchObject({ status: "APPROVED", supersededAt: null, approvedByName: colleague.fullName });
    expect(approved1.approvedAt).not.toBeNull();
    // Without a validFrom the standard applies from the day of approval.
    expect(approved1.validFrom).toBe(approved1.approvedAt?.slice(0, 10));

    const v2 = await draft(serviceId, { copyFrom: v1.id, targets: [{ ...WAIT, threshold: 10 }] });
    const before = Date.now();
    const approved2 = await approve(v2, admin);
    expect(approved2).toMatchObject({ revision: 2, status: "APPROVED", supersededAt: null });

    const list = await gql<{ qualityStandards: { totalCount: number; edges: { node: Standard }[] } }>(LIST, {
      filter: { serviceId },
      orderBy: { field: "REVISION", direction: "ASC" },
    });
    const [r1, r2] = list.data?.qualityStandards.edges.map((e) => e.node) ?? [];
    expect(list.data?.qualityStandards.totalCount).toBe(2);
    expect(r1).toMatchObject({ revision: 1, status: "SUPERSEDED", approvedAt: approved1.approvedAt });
    expect(r1?.supersededAt).toBe(approved2.approvedAt);
    expect(new Date(r1?.supersededAt ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(r2?.status).toBe("APPROVED");

    const logs = await prisma.changeLog.findMany({
      where: { entity: "QualityStandard", entityId: (await stored(v1.id)).id },
      orderBy: { at: "asc" },
    });
    expect(logs.map((l) => l.action)).toEqual(["CREATE", "TRANSITION", "TRANSITION"]);
    expect(logs[2]?.changes).toMatchObject({ status: { from: "APPROVED", to: "SUPERSEDED" } });
  });

  it("refuses to change an approved revision and leaves it as it was", async () => {
    const serviceId = await newService();
    const created = await draft(serviceId);
    const approved = await approve(created, admin);
    const before = await stored(approved.id);

    const result = await attempt(UPDATE, {
      id: approved.id,
      version: approved.version,
      title: "Подправленный",
      targets: [{ ...WAIT, threshold: 60 }],
    });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues).toEqual([{ field: "status", message: expect.stringMatching(/read-only/) }]);
    expect(await stored(approved.id)).toEqual(before);

    const again = await attempt(APPROVE, { id: approved.id, version: approved.version }, admin);
    expect(again.__typename).toBe("ValidationError");
    expect(again.issues?.[0]?.field).toBe("status");
  });

  it("updates a draft, replacing its targets; a stale version is a conflict and changes nothing", async () => {
    const serviceId = await newService();
    const created = await draft(serviceId);
    const updated = await edit({
      id: created.id,
      version: created.version,
      title: "Новое",
      targets: [WAIT],
    });
    expect(updated).toMatchObject({ title: "Новое", version: created.version + 1, targets: [WAIT] });
    const before = await stored(created.id);

    const stale = await attempt(UPDATE, { id: created.id, version: created.version, title: "Опоздавшее" });
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: updated.version });
    expect(await stored(created.id)).toEqual(before);

    const staleApproval = await attempt(APPROVE, { id: created.id, version: created.version }, admin);
    expect(staleApproval.__typename).toBe("ConflictError");
    expect((await stored(created.id)).status).toBe("DRAFT");
  });

  it("leaves exactly one approved revision when two drafts are approved at the same time", async () => {
    const serviceId = await newService();
    const v1 = await draft(serviceId);
    await approve(v1, admin);
    const a = await draft(serviceId);
    const b = await draft(serviceId);
    const results = await Promise.all([
      attempt(APPROVE, { id: a.id, version: a.version }, admin),
      attempt(APPROVE, { id: b.id, version: b.version }, colleague.headers),
    ]);
    for (const result of results)
      expect(["MutationApproveQualityStandardSuccess", "ConflictError"]).toContain(result.__typename);
    expect(results.some((r) => r.__typename.endsWith("Success"))).toBe(true);

    const serviceUuid = (await stored(v1.id)).serviceId;
    const rows = await prisma.qualityStandard.findMany({
      where: { serviceId: serviceUuid },
      orderBy: { revision: "asc" },
    });
    expect(rows.filter((r) => r.status === "APPROVED")).toHaveLength(1);
    expect(rows[0]?.status).toBe("SUPERSEDED");
    // A refused approval keeps its draft a draft, with nothing half-done.
    for (const [i, result] of results.entries()) {
      const row = rows[i + 1];
      if (result.__typename === "ConflictError") expect(row).toMatchObject({ status: "DRAFT", approvedAt: null });
    }
  });

  it("validates targets with the field named", async () => {
    const serviceId = await newService();
    const percent = await attempt(CREATE, {
      serviceId,
      title: "Стандарт",
      targets: [WAIT, { ...SATISFACTION, threshold: 120 }],
    });
    expect(percent.__typename).toBe("ValidationError");
    expect(percent.issues).toEqual([
      { field: "input.targets.1.threshold", message: "A percentage is between 0 and 100." },
    ]);
    const twice = await attempt(CREATE, { serviceId, title: "Стандарт", targets: [WAIT, WAIT] });
    expect(twice.issues?.[0]?.field).toBe("input.targets.1.indicatorCode");
    const code = await attempt(CREATE, {
      serviceId,
      title: " ",
      targets: [{ ...WAIT, indicatorCode: "wait minutes" }],
    });
    expect(code.issues?.map((i) => i.field).sort()).toEqual(["input.targets.0.indicatorCode", "input.title"]);
    const empty = await draft(serviceId, { targets: [] });
    const approval = await attempt(APPROVE, { id: empty.id, version: empty.version }, admin);
    expect(approval.issues?.[0]?.field).toBe("targets");
    const serviceUuid = Buffer.from(serviceId, "base64").toString().split(":")[1];
    // Only the empty draft was kept; every refused create left nothing behind.
    expect(await prisma.qualityStandard.count({ where: { serviceId: serviceUuid } })).toBe(1);
  });

  it("lets only administrators set federal services' standards, and curators only their regions'", async () => {
    const federal = await newService(null);
    const refused = await attempt(CREATE, { serviceId: federal, title: "Стандарт", targets: [WAIT] });
    expect(refused.__typename).toBe("ForbiddenError");
    expect((await draft(federal, { targets: [WAIT] }, admin)).revision).toBe(1);

    const pskov = await newService("60");
    const outside = await attempt(CREATE, { serviceId: pskov, title: "Стандарт", targets: [WAIT] });
    expect(outside.__typename).toBe("NotFoundError");
    const pskovDraft = await draft(pskov, {}, admin);
    expect(await gql(NODE, { id: pskovDraft.id })).toMatchObject({ data: { node: null } });
    const list = await gql<{ qualityStandards: { totalCount: number } }>(LIST, { filter: { serviceId: pskov } });
    expect(list.data?.qualityStandards.totalCount).toBe(0);

    const { response: audit } = await mutate(
      CREATE,
      "id",
      { serviceId: pskov, title: "x", targets: [] },
      { headers: auditor },
    );
    expect(audit.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(NODE, { id: pskovDraft.id }, auditor)).data).toMatchObject({ node: { revision: 1 } });
  });

  it("shows partners approved revisions only, without the approver's name", async () => {
    const serviceId = await newService();
    const v1 = await draft(serviceId);
    await approve(v1, admin);
    const v2 = await draft(serviceId);

    const list = await gql<{ qualityStandards: { totalCount: number; edges: { node: Standard }[] } }>(
      LIST,
      { filter: { serviceId } },
      partner,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.qualityStandards.totalCount).toBe(1);
    expect(list.data?.qualityStandards.edges[0]?.node).toMatchObject({ id: v1.id, approvedByName: null });
    expect((await gql(NODE, { id: v2.id }, partner)).data).toEqual({ node: null });
    const drafts = await gql<{ qualityStandards: { totalCount: number } }>(
      LIST,
      { filter: { status: "DRAFT" } },
      partner,
    );
    expect(drafts.data?.qualityStandards.totalCount).toBe(0);
  });

  it("issues the same number of SQL statements for 2 standards as for 20, nested fields included (no N+1)", async () => {
    const nested = `query N($first: Int) { qualityStandards(first: $first) { totalCount edges { node {
      revision status approvedByName targets { indicatorCode threshold } service { name } } } } }`;
    for (let i = 0; i < 4; i++) {
      const serviceId = await newService();
      const created = await draft(serviceId);
      await approve(created, admin);
    }
    const small = await recordSql(() => gql(nested, { first: 2 }, admin));
    const large = await recordSql(() => gql(nested, { first: 20 }, admin));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.statements.length).toBe(small.statements.length);
  });

  it("searches titles with % and _ taken literally", async () => {
    const serviceId = await newService();
    await draft(serviceId, { title: "Охват 100% заявителей" });
    const hit = await gql<{ qualityStandards: { totalCount: number } }>(LIST, {
      filter: { serviceId, search: "100%" },
    });
    expect(hit.data?.qualityStandards.totalCount).toBe(1);
    const miss = await gql<{ qualityStandards: { totalCount: number } }>(LIST, {
      filter: { serviceId, search: "1_0" },
    });
    expect(miss.data?.qualityStandards.totalCount).toBe(0);
  });
});
