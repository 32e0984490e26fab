// A life situation's ordered list of services: created in order, reordered, changed and trimmed
// in one save, each service once, versioned and logged with the list before and after, and
// only services the life situation's region may list.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { mutate } from "../helpers/graphql.js";
import {
  createFederal,
  FIELDS,
  type LifeSituationFixtures,
  type LifeSituationNode,
  lifeSituationFixtures,
  read,
  tag,
} from "../helpers/life-situations.js";

describe("a life situation's ordered list of services", () => {
  let { curator, regions, federal } = {} as LifeSituationFixtures;
  beforeAll(async () => {
    ({ curator, regions, federal } = await lifeSituationFixtures());
  });

  /** Saves a life situation's list of services as the administrator. */
  const setServices = (input: Record<string, unknown>) =>
    mutate<LifeSituationNode>("setLifeSituationServices", FIELDS, input);

  it("creates a life situation with its services in order, logged with the list", async () => {
    const created = await createFederal([
      { serviceId: federal.esia, mandatory: true },
      { serviceId: federal.passport, mandatory: false },
    ]);
    expect(created.version).toBe(1);
    expect(created.region).toBeNull();
    expect(created.services.map((s) => [s.position, s.service.id, s.mandatory])).toEqual([
      [1, federal.esia, true],
      [2, federal.passport, false],
    ]);
    const id = fromGlobalId("LifeSituation", created.id);
    const [entry] = await prisma.changeLog.findMany({ where: { entity: "LifeSituation", entityId: id } });
    expect(entry?.action).toBe("CREATE");
    expect(entry?.changes).toMatchObject({
      code: { from: null, to: created.code },
      services: {
        from: null,
        to: [
          { position: 1, serviceId: fromGlobalId("Service", federal.esia), mandatory: true },
          { position: 2, serviceId: fromGlobalId("Service", federal.passport), mandatory: false },
        ],
      },
    });
  });

  it("moves a service up: the new order comes back, mandatory flags stay, and the log shows before and after", async () => {
    const created = await createFederal([
      { serviceId: federal.esia, mandatory: true },
      { serviceId: federal.passport, mandatory: false },
      { serviceId: federal.pension, mandatory: true },
    ]);
    const { outcome } = await setServices({
      id: created.id,
      version: 1,
      services: [
        { serviceId: federal.esia, mandatory: true },
        { serviceId: federal.pension, mandatory: true },
        { serviceId: federal.passport, mandatory: false },
      ],
    });
    expect(outcome?.__typename).toBe("MutationSetLifeSituationServicesSuccess");
    expect(outcome?.data?.version).toBe(2);
    const order = outcome?.data?.services.map((s) => [s.position, s.service.id, s.mandatory]);
    expect(order).toEqual([
      [1, federal.esia, true],
      [2, federal.pension, true],
      [3, federal.passport, false],
    ]);
    expect((await read(created.id))?.services.map((s) => [s.position, s.service.id, s.mandatory])).toEqual(order);

    const entries = await prisma.changeLog.findMany({
      where: { entity: "LifeSituation", entityId: fromGlobalId("LifeSituation", created.id), action: "UPDATE" },
    });
    expect(entries).toHaveLength(1);
    const changes = entries[0]?.changes as {
      services: {
        from: { serviceId: string; mandatory: boolean }[];
        to: { serviceId: string; mandatory: boolean }[];
      };
    };
    const ids = (list: { serviceId: string; mandatory: boolean }[]) =>
      list.map((s) => [toGlobalId("Service", s.serviceId), s.mandatory]);
    expect(ids(changes.services.from)).toEqual([
      [federal.esia, true],
      [federal.passport, false],
      [federal.pension, true],
    ]);
    expect(ids(changes.services.to)).toEqual([
      [federal.esia, true],
      [federal.pension, true],
      [federal.passport, false],
    ]);
  });

  it("turns a step optional and removes another in one save", async () => {
    const created = await createFederal([
      { serviceId: federal.esia, mandatory: true },
      { serviceId: federal.egrn, mandatory: true },
    ]);
    const { outcome } = await setServices({
      id: created.id,
      version: 1,
      services: [{ serviceId: federal.egrn, mandatory: false }],
    });
    expect(outcome?.data?.services.map((s) => [s.position, s.service.id, s.mandatory])).toEqual([
      [1, federal.egrn, false],
    ]);
  });

  it("refuses a service listed twice, naming the item, and changes nothing", async () => {
    const created = await createFederal([{ serviceId: federal.esia, mandatory: true }]);
    const { outcome } = await setServices({
      id: created.id,
      version: 1,
      services: [
        { serviceId: federal.esia, mandatory: true },
        { serviceId: federal.passport, mandatory: true },
        { serviceId: federal.esia, mandatory: false },
      ],
    });
    expect(outcome?.__typename).toBe("ValidationError");
    expect(outcome?.issues).toEqual([
      { field: "input.services.2.serviceId", message: "This service is already in the list at position 1." },
    ]);
    const after = await read(created.id);
    expect(after?.version).toBe(1);
    expect(after?.services.map((s) => s.service.id)).toEqual([federal.esia]);
  });

  it("refuses a stale version with ConflictError and keeps the list as it was", async () => {
    const created = await createFederal([{ serviceId: federal.esia, mandatory: true }]);
    await mutate<LifeSituationNode>("updateLifeSituation", FIELDS, {
      id: created.id,
      version: 1,
      name: `${created.name} (ред.)`,
    });
    const { outcome } = await setServices({
      id: created.id,
      version: 1,
      services: [{ serviceId: federal.passport, mandatory: true }],
    });
    expect(outcome?.__typename).toBe("ConflictError");
    expect(outcome?.currentVersion).toBe(2);
    const after = await read(created.id);
    expect(after?.version).toBe(2);
    expect(after?.services.map((s) => s.service.id)).toEqual([federal.esia]);
    expect(
      await prisma.changeLog.count({
        where: { entityId: fromGlobalId("LifeSituation", created.id), action: "UPDATE" },
      }),
    ).toBe(1);
  });

  it("keeps a federal life situation to federal services, and a regional one to federal and its region's", async () => {
    const smolenskService = await prisma.service.create({
      data: { name: `Смоленская ${tag()}`, level: "REGIONAL", regionId: regions.smolensk.id },
    });
    const udmurtService = await prisma.service.create({
      data: { name: `Удмуртская ${tag()}`, level: "REGIONAL", regionId: regions.udmurtia.id },
    });
    const created = await createFederal([]);
    const onFederal = await setServices({
      id: created.id,
      version: 1,
      services: [{ serviceId: toGlobalId("Service", smolenskService.id), mandatory: true }],
    });
    expect(onFederal.outcome?.issues?.[0]?.field).toBe("input.services.0.serviceId");

    const code = `UDM_${tag()}`;
    const mixed = await mutate<LifeSituationNode>(
      "createLifeSituation",
      FIELDS,
      {
        code,
        name: code,
        kind: "LIFE_EVENT",
        regionId: regions.udmurtia.global,
        services: [
          { serviceId: federal.esia, mandatory: true },
          { serviceId: toGlobalId("Service", smolenskService.id), mandatory: true },
        ],
      },
      { headers: curator },
    );
    expect(mixed.outcome?.__typename).toBe("ValidationError");
    expect(mixed.outcome?.issues?.[0]?.field).toBe("input.services.1.serviceId");
    expect(await prisma.lifeSituation.count({ where: { code } })).toBe(0);

    const fine = await mutate<LifeSituationNode>(
      "createLifeSituation",
      FIELDS,
      {
        code,
        name: code,
        kind: "BUSINESS_EVENT",
        regionId: regions.udmurtia.global,
        services: [
          { serviceId: toGlobalId("Service", udmurtService.id), mandatory: true },
          { serviceId: federal.esia, mandatory: false },
        ],
      },
      { headers: curator },
    );
    expect(fine.outcome?.__typename).toBe("MutationCreateLifeSituationSuccess");
    expect(fine.outcome?.data?.region).toEqual({ code: "18" });
    expect(fine.outcome?.data?.services.map((s) => [s.service.name, s.mandatory])).toEqual([
      [udmurtService.name, true],
      ["Регистрация и подтверждение учётной записи на Госуслугах (ЕСИА)", false],
    ]);
  });
});
