import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";
import { newUser, type TestUser } from "../helpers/users.js";

interface Target {
  indicatorCode: string;
  name: string;
  unit: string;
  direction: string;
  threshold: number;
}

interface Standard {
  id: string;
  revision: number;
  title: string;
  status: string;
  validFrom: string | null;
  approvedAt: string | null;
  approvedByName: string | null;
  supersededAt: string | null;
  version: number;
  targets: Target[];
}

interface Result {
  __typename: string;
  data?: Standard;
  message?: string;
  issues?: { field: string; message: string }[];
  currentVersion?: number | null;
}

const STANDARD = `id revision title status validFrom approvedAt approvedByName supersededAt version
  targets { indicatorCode name unit direction threshold }`;
const ERRORS = `... on Error { message } ... on ValidationError { issues { field message } }
  ... on ConflictError { currentVersion }`;

const CREATE = `mutation Create($input: CreateQualityStandardDraftInput!) {
  result: createQualityStandardDraft(input: $input) {
    __typename ... on MutationCreateQualityStandardDraftSuccess { data { ${STANDARD} } } ${ERRORS}
  }
}`;
const UPDATE = `mutation Update($input: UpdateQualityStandardDraftInput!) {
  result: updateQualityStandardDraft(input: $input) {
    __typename ... on MutationUpdateQualityStandardDraftSuccess { data { ${STANDARD} } } ${ERRORS}
  }
}`;
const APPROVE = `mutation Approve($input: ApproveQualityStandardInput!) {
  result: approveQualityStandard(input: $input) {
    __typename ... on MutationApproveQualityStandardSuccess { data { ${STANDARD} } } ${ERRORS}
  }
}`;
const LIST = `query List($filter: QualityStandardFilter, $orderBy: QualityStandardOrderBy) {
  qualityStandards(first: 20, filter: $filter, orderBy: $orderBy) { totalCount edges { node { ${STANDARD} } } }
}`;
const NODE = `query One($id: ID!) { node(id: $id) { ... on QualityStandard { ${STANDARD} } } }`;

const WAIT: Target = {
  indicatorCode: "WAIT_MINUTES",
  name: "Время ожидания",
  unit: "мин",
  direction: "AT_MOST",
  threshold: 15,
};
const SATISFACTION: Target = {
  indicatorCode: "SATISFACTION_PCT",
  name: "Удовлетворённость",
  unit: "%",
  direction: "AT_LEAST",
  threshold: 90,
};

type Headers = Record<string, string>;

async function mutate(query: string, input: Record<string, unknown>, headers: Headers = {}): Promise<Result> {
  const response = await gql<{ result: Result }>(query, { input }, headers);
  expect(response.errors).toBeUndefined();
  const result = response.data?.result;
  if (!result) throw new Error("no result");
  return result;
}

function ok(result: Result): Standard {
  expect(result.__typename, JSON.stringify(result)).toMatch(/Success$/);
  if (!result.data) throw new Error("no data");
  return result.data;
}

async function stored(globalId: string) {
  const id = Buffer.from(globalId, "base64").toString().split(":")[1] ?? "";
  return prisma.qualityStandard.findUniqueOrThrow({
    where: { id },
    include: { targets: { orderBy: { indicatorCode: "asc" } } },
  });
}

describe("quality standards", () => {
  let admin: Headers;
  let curator: Headers;
  let auditor: Headers;
  let partner: Headers;
  /** A second curator of Smolensk: approves what the demo curator drafted (four eyes). */
  let colleague: TestUser;
  let smolensk: { id: string };
  /** A fresh regional service of Smolensk (the demo curator's region) per test that needs one. */
  let newService: (regionCode?: string | null) => Promise<string>;

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    curator = await asUser("curator@dostup.local");
    auditor = await asUser("auditor@dostup.local");
    useIdentity(curator);
    colleague = await newUser("CURATOR", ["67"]);
    smolensk = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
    newService = async (regionCode = "67") => {
      const region = regionCode ? await prisma.region.findUniqueOrThrow({ where: { code: regionCode } }) : null;
      const service = await prisma.service.create({
        data: {
          name: `Тестовая услуга ${randomUUID()}`,
          level: region ? "REGIONAL" : "FEDERAL",
          regionId: region?.id ?? null,
        },
      });
      return toGlobalId("Service", service.id);
    };
    const key = `dsp_test_${randomBytes(16).toString("hex")}`;
    await prisma.apiClient.create({
      data: {
        name: "Quality test partner",
        keyPrefix: key.slice(0, 16),
        keyHash: hashApiKey(key),
        scopes: ["registry:read", "statistics:read"],
      },
    });
    // An empty Authorization overrides the file's default identity, so the key is what counts.
    partner = { authorization: "", "x-api-key": key };
  });

  async function draft(serviceId: string, extra: Record<string, unknown> = {}, headers: Headers = {}) {
    return ok(await mutate(CREATE, { serviceId, title: "Стандарт", targets: [WAIT, SATISFACTION], ...extra }, headers));
  }

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
    const approved1 = ok(await mutate(APPROVE, { id: v1.id, version: v1.version }, colleague.headers));
    expect(approved1).toMatchObject({ status: "APPROVED", supersededAt: null, approvedByName: colleague.fullName });
    expect(approved1.approvedAt).not.toBeNull();
    // Without a validFrom the standard applies from the day of approval.
    expect(approved1.validFrom).toBe(approved1.approvedAt?.slice(0, 10));

    const v2 = await draft(serviceId, { copyFrom: v1.id, targets: [{ ...WAIT, threshold: 10 }] });
    const before = Date.now();
    const approved2 = ok(await mutate(APPROVE, { id: v2.id, version: v2.version }, admin));
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
    const approved = ok(await mutate(APPROVE, { id: created.id, version: created.version }, admin));
    const before = await stored(approved.id);

    const result = await mutate(UPDATE, {
      id: approved.id,
      version: approved.version,
      title: "Подправленный",
      targets: [{ ...WAIT, threshold: 60 }],
    });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues).toEqual([{ field: "status", message: expect.stringMatching(/read-only/) }]);
    expect(await stored(approved.id)).toEqual(before);

    const again = await mutate(APPROVE, { id: approved.id, version: approved.version }, admin);
    expect(again.__typename).toBe("ValidationError");
    expect(again.issues?.[0]?.field).toBe("status");
  });

  it("updates a draft, replacing its targets; a stale version is a conflict and changes nothing", async () => {
    const serviceId = await newService();
    const created = await draft(serviceId);
    const updated = ok(
      await mutate(UPDATE, { id: created.id, version: created.version, title: "Новое", targets: [WAIT] }),
    );
    expect(updated).toMatchObject({ title: "Новое", version: created.version + 1, targets: [WAIT] });
    const before = await stored(created.id);

    const stale = await mutate(UPDATE, { id: created.id, version: created.version, title: "Опоздавшее" });
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: updated.version });
    expect(await stored(created.id)).toEqual(before);

    const staleApproval = await mutate(APPROVE, { id: created.id, version: created.version }, admin);
    expect(staleApproval.__typename).toBe("ConflictError");
    expect((await stored(created.id)).status).toBe("DRAFT");
  });

  it("leaves exactly one approved revision when two drafts are approved at the same time", async () => {
    const serviceId = await newService();
    const v1 = await draft(serviceId);
    ok(await mutate(APPROVE, { id: v1.id, version: v1.version }, admin));
    const a = await draft(serviceId);
    const b = await draft(serviceId);
    const results = await Promise.all([
      mutate(APPROVE, { id: a.id, version: a.version }, admin),
      mutate(APPROVE, { id: b.id, version: b.version }, colleague.headers),
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

  describe("four eyes", () => {
    const CAN_APPROVE = `query C($id: ID!) { node(id: $id) { ... on QualityStandard { canApprove } } }`;
    const canApprove = async (id: string, headers: Headers) =>
      (await gql<{ node: { canApprove: boolean } | null }>(CAN_APPROVE, { id }, headers)).data?.node?.canApprove;

    /** The refusal, and proof that nothing of the approval happened. */
    async function refused(id: string, version: number, headers: Headers, who: RegExp) {
      const before = await stored(id);
      const result = await mutate(APPROVE, { id, version }, headers);
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
      const approved = ok(await mutate(APPROVE, { id: mine.id, version: mine.version }, colleague.headers));
      expect(approved).toMatchObject({ status: "APPROVED", approvedByName: colleague.fullName });

      // A new revision copied from it is the copier's draft: the same rule, and an administrator approves.
      const copy = await draft(serviceId, { copyFrom: mine.id, targets: undefined });
      await refused(copy.id, copy.version, curator, /curator of the service's region or an administrator/);
      expect(ok(await mutate(APPROVE, { id: copy.id, version: copy.version }, admin)).status).toBe("APPROVED");
    });

    it("counts an edit of the draft as writing it, administrators included", async () => {
      const serviceId = await newService();
      const created = await draft(serviceId);
      const edited = ok(await mutate(UPDATE, { id: created.id, version: created.version, title: "Правка" }, admin));
      expect(await canApprove(created.id, admin)).toBe(false);
      await refused(created.id, edited.version, admin, /Another curator/);
      const colleagueEdit = ok(
        await mutate(UPDATE, { id: created.id, version: edited.version, targets: [WAIT] }, colleague.headers),
      );
      expect(await canApprove(created.id, colleague.headers)).toBe(false);
      await refused(created.id, colleagueEdit.version, colleague.headers, /Another curator/);
      // Curator, colleague and administrator all wrote it: a second administrator approves.
      const secondAdmin = await newUser("ADMIN");
      expect(await canApprove(created.id, secondAdmin.headers)).toBe(true);
      const approved = ok(
        await mutate(APPROVE, { id: created.id, version: colleagueEdit.version }, secondAdmin.headers),
      );
      expect(approved).toMatchObject({ status: "APPROVED", approvedByName: secondAdmin.fullName });
      expect(await canApprove(created.id, secondAdmin.headers)).toBe(false);
    });

    it("leaves a federal draft of one administrator to another", async () => {
      const federal = await newService(null);
      const created = await draft(federal, {}, admin);
      expect(await canApprove(created.id, curator)).toBe(false);
      await refused(created.id, created.version, admin, /Another administrator must approve it\.$/);
      const secondAdmin = await newUser("ADMIN");
      ok(await mutate(APPROVE, { id: created.id, version: created.version }, secondAdmin.headers));
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

  it("validates targets with the field named", async () => {
    const serviceId = await newService();
    const percent = await mutate(CREATE, {
      serviceId,
      title: "Стандарт",
      targets: [WAIT, { ...SATISFACTION, threshold: 120 }],
    });
    expect(percent.__typename).toBe("ValidationError");
    expect(percent.issues).toEqual([
      { field: "input.targets.1.threshold", message: "A percentage is between 0 and 100." },
    ]);
    const twice = await mutate(CREATE, { serviceId, title: "Стандарт", targets: [WAIT, WAIT] });
    expect(twice.issues?.[0]?.field).toBe("input.targets.1.indicatorCode");
    const code = await mutate(CREATE, { serviceId, title: " ", targets: [{ ...WAIT, indicatorCode: "wait minutes" }] });
    expect(code.issues?.map((i) => i.field).sort()).toEqual(["input.targets.0.indicatorCode", "input.title"]);
    const empty = await draft(serviceId, { targets: [] });
    const approval = await mutate(APPROVE, { id: empty.id, version: empty.version }, admin);
    expect(approval.issues?.[0]?.field).toBe("targets");
    const serviceUuid = Buffer.from(serviceId, "base64").toString().split(":")[1];
    // Only the empty draft was kept; every refused create left nothing behind.
    expect(await prisma.qualityStandard.count({ where: { serviceId: serviceUuid } })).toBe(1);
  });

  it("lets only administrators set federal services' standards, and curators only their regions'", async () => {
    const federal = await newService(null);
    const refused = await mutate(CREATE, { serviceId: federal, title: "Стандарт", targets: [WAIT] });
    expect(refused.__typename).toBe("ForbiddenError");
    expect(ok(await mutate(CREATE, { serviceId: federal, title: "Стандарт", targets: [WAIT] }, admin)).revision).toBe(
      1,
    );

    const pskov = await newService("60");
    const outside = await mutate(CREATE, { serviceId: pskov, title: "Стандарт", targets: [WAIT] });
    expect(outside.__typename).toBe("NotFoundError");
    const pskovDraft = await draft(pskov, {}, admin);
    expect(await gql(NODE, { id: pskovDraft.id })).toMatchObject({ data: { node: null } });
    const list = await gql<{ qualityStandards: { totalCount: number } }>(LIST, { filter: { serviceId: pskov } });
    expect(list.data?.qualityStandards.totalCount).toBe(0);

    const audit = await gql(CREATE, { input: { serviceId: pskov, title: "x", targets: [] } }, auditor);
    expect(audit.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(NODE, { id: pskovDraft.id }, auditor)).data).toMatchObject({ node: { revision: 1 } });
  });

  it("shows partners approved revisions only, without the approver's name", async () => {
    const serviceId = await newService();
    const v1 = await draft(serviceId);
    ok(await mutate(APPROVE, { id: v1.id, version: v1.version }, admin));
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
      ok(await mutate(APPROVE, { id: created.id, version: created.version }, admin));
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

describe("quality measurements", () => {
  const RECORD = `mutation Record($input: RecordQualityMeasurementInput!) {
    result: recordQualityMeasurement(input: $input) {
      __typename
      ... on MutationRecordQualityMeasurementSuccess { data { id value version meetsTarget target { threshold } region { code } } }
      ${ERRORS}
    }
  }`;
  const MEASUREMENTS = `query M($filter: QualityMeasurementFilter) {
    qualityMeasurements(first: 20, filter: $filter) { totalCount edges { node { id value indicatorCode meetsTarget } } }
  }`;

  let serviceId: string;
  let smolenskId: string;

  beforeAll(async () => {
    useIdentity(await asUser("curator@dostup.local"));
    const region = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
    smolenskId = toGlobalId("Region", region.id);
    const service = await prisma.service.create({
      data: { name: `Тестовая услуга ${randomUUID()}`, level: "REGIONAL", regionId: region.id },
    });
    serviceId = toGlobalId("Service", service.id);
    const created = ok(
      await mutate(CREATE, { serviceId, title: "Стандарт", validFrom: "2026-01-01", targets: [WAIT, SATISFACTION] }),
    );
    ok(await mutate(APPROVE, { id: created.id, version: created.version }, await asUser("admin@dostup.local")));
  });

  const base = () => ({
    serviceId,
    regionId: smolenskId,
    indicatorCode: "WAIT_MINUTES",
    periodStart: "2026-03-01",
    periodEnd: "2026-03-31",
  });

  it("records a value, judged against the target in force", async () => {
    const late = (await mutate(RECORD, { ...base(), value: 22 })) as unknown as {
      __typename: string;
      data: { value: number; meetsTarget: boolean; target: { threshold: number }; region: { code: string } };
    };
    expect(late.__typename).toBe("MutationRecordQualityMeasurementSuccess");
    expect(late.data).toMatchObject({
      value: 22,
      meetsTarget: false,
      target: { threshold: 15 },
      region: { code: "67" },
    });
    const good = await mutate(RECORD, { ...base(), indicatorCode: "SATISFACTION_PCT", value: 95.5 });
    expect(good.__typename).toBe("MutationRecordQualityMeasurementSuccess");

    const list = await gql<{
      qualityMeasurements: { totalCount: number; edges: { node: { value: number; meetsTarget: boolean } }[] };
    }>(MEASUREMENTS, { filter: { serviceId, from: "2026-03-15", to: "2026-03-20" } });
    expect(list.data?.qualityMeasurements.totalCount).toBe(2);
    expect(list.data?.qualityMeasurements.edges.map((e) => e.node.meetsTarget).sort()).toEqual([false, true]);

    const again = await mutate(RECORD, { ...base(), value: 10 });
    expect(again.__typename).toBe("ConflictError");
  });

  it("refuses values and indicators that make no sense, naming the field", async () => {
    const negative = await mutate(RECORD, { ...base(), periodStart: "2026-04-01", periodEnd: "2026-04-30", value: -1 });
    expect(negative.issues).toEqual([{ field: "input.value", message: "A measured value cannot be negative." }]);
    const percent = await mutate(RECORD, {
      ...base(),
      indicatorCode: "SATISFACTION_PCT",
      periodStart: "2026-04-01",
      periodEnd: "2026-04-30",
      value: 101,
    });
    expect(percent.issues?.[0]?.field).toBe("input.value");
    const unknown = await mutate(RECORD, { ...base(), indicatorCode: "QUEUE_LENGTH", value: 3 });
    expect(unknown.issues?.[0]?.field).toBe("input.indicatorCode");
    const backwards = await mutate(RECORD, { ...base(), periodEnd: "2026-02-01", value: 3 });
    expect(backwards.issues?.[0]?.field).toBe("input.periodEnd");
  });

  it("keeps measurements from partners and curators of other regions", async () => {
    const key = `dsp_test_${randomBytes(16).toString("hex")}`;
    await prisma.apiClient.create({
      data: {
        name: "Measurements partner",
        keyPrefix: key.slice(0, 16),
        keyHash: hashApiKey(key),
        scopes: ["registry:read", "statistics:read"],
      },
    });
    const partner = await gql(MEASUREMENTS, {}, { authorization: "", "x-api-key": key });
    expect(partner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const pskov = await prisma.region.findUniqueOrThrow({ where: { code: "60" } });
    const result = await mutate(RECORD, { ...base(), regionId: toGlobalId("Region", pskov.id), value: 3 });
    expect(result.__typename).toBe("ForbiddenError");
    const seen = await gql<{ qualityMeasurements: { totalCount: number } }>(MEASUREMENTS, {
      filter: { regionId: toGlobalId("Region", pskov.id) },
    });
    expect(seen.data?.qualityMeasurements.totalCount).toBe(0);
  });
});
