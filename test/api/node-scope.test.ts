// node(id) is no existence oracle: for every Node type and every role, a record outside the
// caller's scope answers exactly what an id that never existed answers (null, no error), so
// `node(id) { __typename }` tells a partner, an operator or a curator of other regions
// nothing about rows they may not read.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { isObjectType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { schema } from "../../api/schema.js";
import { asUser, gql } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";

const ROLES = ["ADMIN", "PARTNER", "OPERATOR", "CURATOR", "AUDITOR_OF_PSKOV", "AUDITOR"] as const;
type Role = (typeof ROLES)[number];

const headers = {} as Record<Role, Record<string, string>>;
/** Sampled ids of every Node type: rows of every region, status and kind the scopes look at. */
const samples = new Map<string, string[]>();

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

async function sampleAll(created: {
  centreId: string;
  fileId: string;
  accessId: string;
  batchId: string;
  eventId: string;
  notificationId: string;
}) {
  const perRegion = async (find: (regionId: string) => Promise<{ id: string } | null>) => {
    const rows = await Promise.all((await prisma.region.findMany()).map((region) => find(region.id)));
    return rows.flatMap((row) => (row ? [row.id] : []));
  };
  const distinct = { select: { id: true }, take: 100 } as const;
  samples.set("Region", ids(await prisma.region.findMany({ select: { id: true } })));
  samples.set("Municipality", ids(await prisma.municipality.findMany({ ...distinct, distinct: ["regionId"] })));
  samples.set(
    "Settlement",
    await perRegion((regionId) => prisma.settlement.findFirst({ where: { municipality: { regionId } } })),
  );
  samples.set("Centre", [
    ...ids(await prisma.centre.findMany({ ...distinct, distinct: ["regionId", "status"] })),
    created.centreId,
  ]);
  samples.set("OpeningHoursException", ids(await prisma.openingHoursException.findMany(distinct)));
  samples.set("MobileVisit", ids(await prisma.mobileVisit.findMany(distinct)));
  samples.set("Event", [...ids(await prisma.event.findMany({ ...distinct, distinct: ["regionId"] })), created.eventId]);
  samples.set(
    "Service",
    ids(await prisma.service.findMany({ ...distinct, distinct: ["regionId", "status", "level"] })),
  );
  samples.set("FeedbackCategory", ids(await prisma.feedbackCategory.findMany(distinct)));
  samples.set("Feedback", ids(await prisma.feedback.findMany(distinct)));
  samples.set("SystemicError", ids(await prisma.systemicError.findMany(distinct)));
  samples.set("LifeSituation", ids(await prisma.lifeSituation.findMany(distinct)));
  samples.set("StoredFile", [created.fileId]);
  samples.set("FileAccess", [created.accessId]);
  samples.set("Kpi", ids(await prisma.kpi.findMany(distinct)));
  samples.set("KpiValue", ids(await prisma.kpiValue.findMany(distinct)));
  samples.set("Population", ids(await prisma.population.findMany({ ...distinct, distinct: ["regionId"] })));
  samples.set("ReportForm", ids(await prisma.reportForm.findMany(distinct)));
  samples.set("ReportIndicator", ids(await prisma.reportIndicator.findMany({ ...distinct, distinct: ["formId"] })));
  samples.set(
    "Report",
    ids(await prisma.report.findMany({ ...distinct, distinct: ["regionId", "centreId", "status", "published"] })),
  );
  samples.set("Organisation", ids(await prisma.organisation.findMany({ ...distinct, distinct: ["regionId"] })));
  samples.set("Person", ids(await prisma.person.findMany({ ...distinct, distinct: ["regionId"] })));
  samples.set("Project", ids(await prisma.project.findMany(distinct)));
  samples.set(
    "CuratorAssignment",
    ids(await prisma.curatorAssignment.findMany({ ...distinct, distinct: ["regionId", "role"] })),
  );
  // A report's import, and the registry imports of the regions (the demo's Pskov centres).
  samples.set("ImportBatch", [
    created.batchId,
    ...ids(await prisma.importBatch.findMany({ ...distinct, where: { reportId: null }, distinct: ["regionId"] })),
  ]);
  samples.set("QualityStandard", ids(await prisma.qualityStandard.findMany(distinct)));
  samples.set(
    "QualityMeasurement",
    ids(await prisma.qualityMeasurement.findMany({ ...distinct, distinct: ["regionId"] })),
  );
  samples.set("User", ids(await prisma.user.findMany(distinct)));
  samples.set("ApiClient", ids(await prisma.apiClient.findMany(distinct)));
  samples.set("Notification", [created.notificationId]);
}

/**
 * Rows the seed lacks: an archived centre, a Pskov report file, its access log entry, an import of
 * a published report, an archived event, an administrator's notification.
 */
async function createMissingRows() {
  const pskov = await prisma.region.findUniqueOrThrow({ where: { code: "60" } });
  const template = await prisma.centre.findFirstOrThrow({ where: { regionId: pskov.id, settlementId: { not: null } } });
  const centre = await prisma.centre.create({
    data: {
      name: `Архивный центр ${randomUUID().slice(0, 8)}`,
      address: template.address,
      kinds: ["PUBLIC_ACCESS"],
      regionId: pskov.id,
      municipalityId: template.municipalityId,
      settlementId: template.settlementId,
      hostOrganisationId: template.hostOrganisationId,
      archivedAt: new Date(),
    },
  });
  const report = await prisma.report.findFirstOrThrow({ where: { regionId: pskov.id } });
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@dostup.local" } });
  const file = await prisma.storedFile.create({
    data: {
      bucket: "dostup-test",
      key: `files/node-scope/${randomUUID()}.pdf`,
      name: "Отчёт.pdf",
      contentType: "application/pdf",
      size: 100,
      sha256: "0".repeat(64),
      status: "AVAILABLE",
      purpose: "REPORT",
      reportId: report.id,
      regionId: pskov.id,
      uploadedById: admin.id,
    },
  });
  const access = await prisma.fileAccess.create({
    data: { fileId: file.id, userId: admin.id, role: "ADMIN", purpose: "Проверка" },
  });
  const published = await prisma.report.findFirstOrThrow({ where: { published: true, status: "APPROVED" } });
  const batch = await prisma.importBatch.create({
    data: { reportId: published.id, status: "SUCCEEDED", rowCount: 1, createdById: admin.id },
  });
  const event = await prisma.event.create({
    data: {
      regionId: pskov.id,
      kind: "SEMINAR",
      title: "Архивный семинар",
      startsOn: new Date(Date.UTC(2019, 1, 1)),
      endsOn: new Date(Date.UTC(2019, 1, 1)),
      audience: "STAFF",
      archivedAt: new Date(),
    },
  });
  // An alert in the administrator's own inbox: nobody else's to see, however wide their scope.
  const notification = await prisma.notification.create({
    data: {
      userId: admin.id,
      kind: "UNVERIFIED_CENTRE",
      alertKey: `node-scope:${randomUUID()}`,
      recordType: "Centre",
      recordId: centre.id,
      title: centre.name,
      regionId: pskov.id,
      regionName: pskov.name,
    },
  });
  return {
    centreId: centre.id,
    fileId: file.id,
    accessId: access.id,
    batchId: batch.id,
    eventId: event.id,
    notificationId: notification.id,
  };
}

beforeAll(async () => {
  const partner = await partnerKey({ name: "Партнёр (node)" });
  const pskov = await prisma.region.findUniqueOrThrow({ where: { code: "60" } });
  const auditorEmail = `auditor-pskov-${randomUUID().slice(0, 8)}@dostup.local`;
  await prisma.user.create({
    data: {
      email: auditorEmail,
      passwordHash: await hash(randomUUID()),
      fullName: "Аудитор Псковской области",
      role: "AUDITOR",
      regions: { create: [{ regionId: pskov.id }] },
    },
  });
  headers.PARTNER = partner.headers;
  headers.ADMIN = await asUser("admin@dostup.local");
  headers.OPERATOR = await asUser("operator@dostup.local");
  headers.CURATOR = await asUser("curator@dostup.local");
  headers.AUDITOR = await asUser("auditor@dostup.local");
  headers.AUDITOR_OF_PSKOV = await asUser(auditorEmail);
  await sampleAll(await createMissingRows());
}, 60_000);

type Answer = "visible" | "null" | `error: ${string}`;

/**
 * node(id) for each global id, ten per request. `{ __typename id }` by default: reading a
 * field makes the type's own scope check run, so a record found out of scope shows as an
 * error; `{ __typename }` alone is the issue's probe, answered without any field resolver.
 */
async function answers(globalIds: string[], role: Role, selection = "{ __typename id }"): Promise<Answer[]> {
  const result: Answer[] = [];
  for (let start = 0; start < globalIds.length; start += 10) {
    const chunk = globalIds.slice(start, start + 10);
    const query = `query N(${chunk.map((_, i) => `$i${i}: ID!`).join(", ")}) { ${chunk
      .map((_, i) => `n${i}: node(id: $i${i}) ${selection}`)
      .join(" ")} }`;
    const response = await gql<Record<string, { __typename: string } | null>>(
      query,
      Object.fromEntries(chunk.map((id, i) => [`i${i}`, id])),
      headers[role],
    );
    chunk.forEach((_, i) => {
      const error =
        response.errors?.find((e) => e.path?.[0] === `n${i}`) ?? (response.data ? undefined : response.errors?.[0]);
      if (error) result.push(`error: ${String(error.extensions?.code ?? error.message)}`);
      else result.push(response.data?.[`n${i}`] ? "visible" : "null");
    });
  }
  return result;
}

const nodeTypes = () => {
  const node = schema.getType("Node");
  if (!node || isObjectType(node)) throw new Error("the schema has no Node interface");
  return schema.getPossibleTypes(node as Parameters<typeof schema.getPossibleTypes>[0]).map((type) => type.name);
};

describe("node(id) across scopes", () => {
  it("samples every Node type of the schema", () => {
    expect([...samples.keys()].sort()).toEqual(nodeTypes().sort());
    for (const [type, list] of samples) expect(list.length, type).toBeGreaterThan(0);
  });

  it("shows the administrator every sampled record, so the samples are real ids", async () => {
    for (const [type, list] of samples) {
      expect(
        new Set(
          await answers(
            list.map((id) => toGlobalId(type, id)),
            "ADMIN",
          ),
        ),
        type,
      ).toEqual(new Set(["visible"]));
    }
  });

  for (const role of ROLES) {
    it(`answers ${role} for a record out of scope exactly as for an id that never existed`, async () => {
      const oracles: string[] = [];
      const hidden: Record<string, number> = {};
      for (const [type, list] of samples) {
        const missing = await answers([toGlobalId(type, randomUUID())], role);
        expect(missing, `${type}: an unknown id`).toEqual(["null"]);
        const found = await answers(
          list.map((id) => toGlobalId(type, id)),
          role,
        );
        found.forEach((answer, i) => {
          if (answer !== "visible" && answer !== "null") oracles.push(`${type} ${list[i]}: ${answer}`);
        });
        hidden[type] = found.filter((answer) => answer === "null").length;
      }
      process.stdout.write(`node(id) as ${role}, hidden per type: ${JSON.stringify(hidden)}\n`);
      expect(oracles).toEqual([]);
    }, 120_000);
  }

  it("hides from each role the records the issue named, and the others out of its scope", async () => {
    const hiddenFrom = async (role: Role, type: string, where: (id: string) => Promise<boolean> = async () => true) => {
      const list = samples.get(type) ?? [];
      const chosen: string[] = [];
      for (const id of list) if (await where(id)) chosen.push(id);
      expect(chosen.length, `${role} × ${type}: rows to try`).toBeGreaterThan(0);
      const globalIds = chosen.map((id) => toGlobalId(type, id));
      // The issue's probe and a read of a field: both null, as for an id that never existed.
      expect(await answers(globalIds, role, "{ __typename }"), `${role} × ${type}`).toEqual(chosen.map(() => "null"));
      expect(await answers(globalIds, role), `${role} × ${type}`).toEqual(chosen.map(() => "null"));
    };
    const notIn =
      (codes: string[], regionOf: (id: string) => Promise<string | null | undefined>) => async (id: string) =>
        !codes.includes((await regionOf(id)) ?? "");
    const personRegion = async (id: string) =>
      (await prisma.person.findUnique({ where: { id }, include: { region: true } }))?.region.code;
    const assignmentRegion = async (id: string) =>
      (await prisma.curatorAssignment.findUnique({ where: { id }, include: { region: true } }))?.region.code;
    const projectRegion = async (id: string) =>
      (await prisma.project.findUnique({ where: { id }, include: { region: true } }))?.region.code;

    for (const type of ["Person", "CuratorAssignment", "Project", "ImportBatch", "Feedback", "QualityMeasurement"])
      await hiddenFrom("PARTNER", type);
    for (const type of ["StoredFile", "FileAccess", "User"]) await hiddenFrom("PARTNER", type);
    // An inbox is its owner's alone: the administrator's alert is hidden from every other role.
    for (const role of ROLES) if (role !== "ADMIN") await hiddenFrom(role, "Notification");
    // A registry import is its region's: the demo curator (Smolensk, Udmurtia) does not see Pskov's.
    await hiddenFrom("CURATOR", "ImportBatch", async (id) => {
      const batch = await prisma.importBatch.findUnique({ where: { id }, include: { region: true } });
      return batch?.reportId === null && batch.region?.code === "60";
    });
    await hiddenFrom(
      "PARTNER",
      "Centre",
      async (id) => (await prisma.centre.findUnique({ where: { id } }))?.archivedAt != null,
    );
    await hiddenFrom(
      "PARTNER",
      "Event",
      async (id) => (await prisma.event.findUnique({ where: { id } }))?.archivedAt != null,
    );
    await hiddenFrom("OPERATOR", "Person");
    await hiddenFrom("OPERATOR", "CuratorAssignment");
    await hiddenFrom("CURATOR", "Person", notIn(["67", "18"], personRegion));
    await hiddenFrom("CURATOR", "CuratorAssignment", notIn(["67", "18"], assignmentRegion));
    await hiddenFrom("CURATOR", "Project", notIn(["67", "18"], projectRegion));
    const eventRegion = async (id: string) =>
      (await prisma.event.findUnique({ where: { id }, include: { region: true } }))?.region.code;
    await hiddenFrom("CURATOR", "Event", notIn(["67", "18"], eventRegion));
    await hiddenFrom("AUDITOR_OF_PSKOV", "Person", notIn(["60"], personRegion));
    await hiddenFrom("AUDITOR_OF_PSKOV", "CuratorAssignment", notIn(["60"], assignmentRegion));
  }, 120_000);
});
