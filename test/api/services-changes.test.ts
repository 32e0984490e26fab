// Changing the service catalogue: who may create, change, archive and restore which services
// (administrators federal ones, curators those of their regions), every field checked, each
// change versioned and logged.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { asUser, mutate } from "../helpers/graphql.js";
import { FIELDS, partnerHeaders, type ServiceNode, servicesFixtures, tag } from "../helpers/services.js";

describe("service changes", () => {
  let { curator, regions } = {} as Awaited<ReturnType<typeof servicesFixtures>>;

  beforeAll(async () => {
    ({ curator, regions } = await servicesFixtures());
  });

  it("lets an administrator create a federal service, logged with every field", async () => {
    const name = `Федеральная услуга ${tag()}`;
    const { outcome } = await mutate<ServiceNode>("createService", FIELDS, {
      name,
      level: "FEDERAL",
      fee: "1500,5",
      processingDays: 5,
      requiredDocuments: ["Паспорт гражданина РФ"],
      portalUrl: "https://www.gosuslugi.ru/600001",
    });
    expect(outcome?.__typename).toBe("MutationCreateServiceSuccess");
    expect(outcome?.data).toMatchObject({
      name,
      level: "FEDERAL",
      status: "PUBLISHED",
      version: 1,
      fee: "1500.50",
      region: null,
    });
    const id = fromGlobalId("Service", outcome?.data?.id ?? "");
    const entries = await prisma.changeLog.findMany({ where: { entity: "Service", entityId: id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe("CREATE");
    expect(entries[0]?.changes).toMatchObject({ name: { from: null, to: name }, fee: { from: null, to: "1500.5" } });
  });

  it("lets a curator create a service of their region but not a federal one or another region's", async () => {
    const name = `Удмуртская услуга ${tag()}`;
    const own = await mutate<ServiceNode>(
      "createService",
      FIELDS,
      { name, level: "MUNICIPAL", regionId: regions.udmurtia.global },
      { headers: curator },
    );
    expect(own.outcome?.__typename).toBe("MutationCreateServiceSuccess");
    expect(own.outcome?.data?.region).toEqual({ code: "18" });

    const federalName = `Чужая федеральная ${tag()}`;
    const federal = await mutate<ServiceNode>(
      "createService",
      FIELDS,
      { name: federalName, level: "FEDERAL" },
      { headers: curator },
    );
    expect(federal.outcome?.__typename).toBe("ForbiddenError");
    expect(federal.outcome?.message).toMatch(/administrators/);

    const pskovName = `Псковская ${tag()}`;
    const pskov = await mutate<ServiceNode>(
      "createService",
      FIELDS,
      { name: pskovName, level: "REGIONAL", regionId: regions.pskov.global },
      { headers: curator },
    );
    expect(pskov.outcome?.__typename).toBe("NotFoundError");
    expect(pskov.outcome?.entity).toBe("region");
    expect(await prisma.service.count({ where: { name: { in: [federalName, pskovName] } } })).toBe(0);
  });

  it("refuses auditors, operators and partner apps outright", async () => {
    const input = { name: `Нельзя ${tag()}`, level: "FEDERAL" };
    for (const headers of [
      await asUser("auditor@dostup.local"),
      await asUser("operator@dostup.local"),
      await partnerHeaders(),
    ]) {
      const result = await mutate<ServiceNode>("createService", FIELDS, input, { headers: headers });
      expect(result.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await prisma.service.count({ where: { name: input.name } })).toBe(0);
  });

  it("refuses inconsistent or malformed input naming the fields, creating nothing", async () => {
    const name = `Неверная ${tag()}`;
    const federalWithRegion = await mutate<ServiceNode>("createService", FIELDS, {
      name,
      level: "FEDERAL",
      regionId: regions.udmurtia.global,
    });
    expect(federalWithRegion.outcome?.issues?.[0]?.field).toBe("input.level");
    const regionalWithout = await mutate<ServiceNode>("createService", FIELDS, { name, level: "REGIONAL" });
    expect(regionalWithout.outcome?.issues?.[0]?.field).toBe("input.level");
    const bad = await mutate<ServiceNode>("createService", FIELDS, {
      name: " ",
      level: "FEDERAL",
      fee: "-5",
      processingDays: -1,
      portalUrl: "gosuslugi",
      registryId: "ABC",
    });
    expect(bad.outcome?.__typename).toBe("ValidationError");
    expect(bad.outcome?.issues?.map((i) => i.field).sort()).toEqual(
      ["input.fee", "input.name", "input.portalUrl", "input.processingDays", "input.registryId"].sort(),
    );
    expect(await prisma.service.count({ where: { name } })).toBe(0);
  });

  it("refuses clearing a required field on update, naming it, and changes nothing", async () => {
    const service = await prisma.service.create({ data: { name: `Обязательное ${tag()}`, level: "FEDERAL" } });
    const { outcome } = await mutate<ServiceNode>("updateService", FIELDS, {
      id: toGlobalId("Service", service.id),
      version: 1,
      name: null,
      electronic: null,
    });
    expect(outcome?.issues).toEqual([
      { field: "input.name", message: "Cannot be empty." },
      { field: "input.electronic", message: "Choose yes (true) or no (false)." },
    ]);
    expect(await prisma.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      name: service.name,
      version: 1,
    });
  });

  it("refuses a register id that another service already has", async () => {
    const taken = await prisma.service.findFirstOrThrow({ where: { registryId: { not: null } } });
    const name = `Дубликат ${tag()}`;
    const { outcome } = await mutate<ServiceNode>("createService", FIELDS, {
      name,
      level: "FEDERAL",
      registryId: taken.registryId,
    });
    expect(outcome?.__typename).toBe("ConflictError");
    expect(await prisma.service.count({ where: { name } })).toBe(0);
  });

  it("updates with the version read, logs the field changes, and refuses a stale version changing nothing", async () => {
    const service = await prisma.service.create({
      data: { name: `Правка ${tag()}`, level: "REGIONAL", regionId: regions.udmurtia.id, processingDays: 10 },
    });
    const id = toGlobalId("Service", service.id);
    const first = await mutate<ServiceNode>(
      "updateService",
      FIELDS,
      { id, version: 1, processingDays: 7, electronic: true, fee: "0" },
      { headers: curator },
    );
    expect(first.outcome?.__typename).toBe("MutationUpdateServiceSuccess");
    expect(first.outcome?.data).toMatchObject({ version: 2, fee: "0.00" });

    const stale = await mutate<ServiceNode>(
      "updateService",
      FIELDS,
      { id, version: 1, processingDays: 99, name: "Перезапись" },
      { headers: curator },
    );
    expect(stale.outcome?.__typename).toBe("ConflictError");
    expect(stale.outcome?.currentVersion).toBe(2);
    const stored = await prisma.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(stored).toMatchObject({ version: 2, processingDays: 7, name: service.name, electronic: true });

    const entries = await prisma.changeLog.findMany({ where: { entity: "Service", entityId: service.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe("UPDATE");
    expect(entries[0]?.changes).toEqual({
      processingDays: { from: 10, to: 7 },
      electronic: { from: false, to: true },
      fee: { from: null, to: "0" },
    });
  });

  it("keeps curators off federal services (Forbidden) and other regions' (NotFound)", async () => {
    const federal = await prisma.service.create({ data: { name: `Федеральная ${tag()}`, level: "FEDERAL" } });
    const pskov = await prisma.service.create({
      data: { name: `Псков ${tag()}`, level: "REGIONAL", regionId: regions.pskov.id },
    });
    const onFederal = await mutate<ServiceNode>(
      "updateService",
      FIELDS,
      { id: toGlobalId("Service", federal.id), version: 1, name: "x" },
      { headers: curator },
    );
    expect(onFederal.outcome?.__typename).toBe("ForbiddenError");
    const onPskov = await mutate<ServiceNode>(
      "archiveService",
      FIELDS,
      { id: toGlobalId("Service", pskov.id), version: 1 },
      { headers: curator, inputType: "VersionedInput" },
    );
    expect(onPskov.outcome?.__typename).toBe("NotFoundError");
    const byAdmin = await mutate<ServiceNode>("updateService", FIELDS, {
      id: toGlobalId("Service", federal.id),
      version: 1,
      shortName: "Кратко",
    });
    expect(byAdmin.outcome?.__typename).toBe("MutationUpdateServiceSuccess");
    expect(await prisma.service.findUniqueOrThrow({ where: { id: pskov.id } })).toMatchObject({
      status: "PUBLISHED",
      version: 1,
    });
    expect(await prisma.changeLog.count({ where: { entityId: { in: [pskov.id] } } })).toBe(0);
  });

  it("archives and restores a service, logging both", async () => {
    const service = await prisma.service.create({
      data: { name: `Архив ${tag()}`, level: "REGIONAL", regionId: regions.smolensk.id },
    });
    const id = toGlobalId("Service", service.id);
    /** Archives or restores the service as the curator. */
    const versioned = (name: string, version: number) =>
      mutate<ServiceNode>(name, FIELDS, { id, version }, { headers: curator, inputType: "VersionedInput" });
    const archived = await versioned("archiveService", 1);
    expect(archived.outcome?.data).toMatchObject({ status: "ARCHIVED", version: 2 });
    const again = await versioned("archiveService", 2);
    expect(again.outcome?.__typename).toBe("ValidationError");
    const staleRestore = await versioned("restoreService", 1);
    expect(staleRestore.outcome?.__typename).toBe("ConflictError");
    const restored = await versioned("restoreService", 2);
    expect(restored.outcome?.data).toMatchObject({ status: "PUBLISHED", version: 3 });
    const entries = await prisma.changeLog.findMany({
      where: { entity: "Service", entityId: service.id },
      orderBy: { at: "asc" },
    });
    expect(entries.map((e) => [e.action, e.changes])).toEqual([
      ["ARCHIVE", { status: { from: "PUBLISHED", to: "ARCHIVED" } }],
      ["RESTORE", { status: { from: "ARCHIVED", to: "PUBLISHED" } }],
    ]);
  });
});
