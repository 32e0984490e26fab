// Which centres help with a service, and how: linked, relinked and unlinked on a curator's
// centre, logged against the centre, and read within the reader's regions.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, mutate } from "../helpers/graphql.js";
import { servicesFixtures, tag } from "../helpers/services.js";

describe("services", () => {
  let { curator, regions } = {} as Awaited<ReturnType<typeof servicesFixtures>>;

  beforeAll(async () => {
    ({ curator, regions } = await servicesFixtures());
  });

  describe("which centres help with a service", () => {
    let udmurtCentre: { id: string; global: string };
    let pskovCentre: { id: string; global: string };

    beforeAll(async () => {
      const centre = async (regionId: string) => {
        const row = await prisma.centre.findFirstOrThrow({
          where: { regionId, archivedAt: null },
          orderBy: { name: "asc" },
        });
        return { id: row.id, global: toGlobalId("Centre", row.id) };
      };
      udmurtCentre = await centre(regions.udmurtia.id);
      pskovCentre = await centre(regions.pskov.id);
    });

    const LINK = "helpKinds note service { name } centre { name }";
    /** Links a service to a centre, or relinks it, as the curator unless other headers are given. */
    const link = (input: object, headers = curator) => mutate("setCentreService", LINK, input, { headers });
    const unlink = (input: object) => mutate("removeCentreService", "id", input, { headers: curator });

    it("links, relinks and unlinks a service on a curator's centre, logging each change against the centre", async () => {
      const service = await prisma.service.create({
        data: { name: `Для центра ${tag()}`, level: "REGIONAL", regionId: regions.udmurtia.id },
      });
      const serviceId = toGlobalId("Service", service.id);

      const set = await link({
        centreId: udmurtCentre.global,
        serviceId,
        helpKinds: ["CONSULTATION", "CONSULTATION", "APPLICATION_FILLING"],
      });
      expect(set.outcome?.__typename).toBe("MutationSetCentreServiceSuccess");
      expect(set.outcome?.data).toMatchObject({
        helpKinds: ["CONSULTATION", "APPLICATION_FILLING"],
        note: null,
        service: { name: service.name },
      });

      const reset = await link({
        centreId: udmurtCentre.global,
        serviceId,
        helpKinds: ["RESULT_PRINTING"],
        note: "По записи",
      });
      expect(reset.outcome?.data).toMatchObject({ helpKinds: ["RESULT_PRINTING"], note: "По записи" });
      expect(await prisma.centreService.count({ where: { serviceId: service.id } })).toBe(1);

      const removed = await unlink({ centreId: udmurtCentre.global, serviceId });
      expect(removed.outcome?.__typename).toBe("MutationRemoveCentreServiceSuccess");
      const twice = await unlink({ centreId: udmurtCentre.global, serviceId });
      expect(twice.outcome?.__typename).toBe("NotFoundError");

      const entries = await prisma.changeLog.findMany({
        where: {
          entity: "Centre",
          entityId: udmurtCentre.id,
          changes: { path: ["_note", "service"], equals: service.name },
        },
        orderBy: { at: "asc" },
      });
      expect(entries.map((e) => e.changes)).toEqual([
        {
          centreService: {
            from: null,
            to: { serviceId: service.id, helpKinds: ["CONSULTATION", "APPLICATION_FILLING"], note: null },
          },
          _note: { service: service.name },
        },
        {
          centreService: {
            from: { serviceId: service.id, helpKinds: ["CONSULTATION", "APPLICATION_FILLING"], note: null },
            to: { serviceId: service.id, helpKinds: ["RESULT_PRINTING"], note: "По записи" },
          },
          _note: { service: service.name },
        },
        {
          centreService: {
            from: { serviceId: service.id, helpKinds: ["RESULT_PRINTING"], note: "По записи" },
            to: null,
          },
          _note: { service: service.name },
        },
      ]);
    });

    it("refuses empty help kinds, another region's service and a centre outside the curator's regions", async () => {
      const federal = await prisma.service.create({
        data: { name: `Федеральная для центра ${tag()}`, level: "FEDERAL" },
      });
      const smolensk = await prisma.service.create({
        data: { name: `Смоленская ${tag()}`, level: "REGIONAL", regionId: regions.smolensk.id },
      });
      const empty = await link({
        centreId: udmurtCentre.global,
        serviceId: toGlobalId("Service", federal.id),
        helpKinds: [],
      });
      expect(empty.outcome?.__typename).toBe("ValidationError");
      expect(empty.outcome?.issues?.[0]?.field).toBe("input.helpKinds");
      const foreign = await link({
        centreId: udmurtCentre.global,
        serviceId: toGlobalId("Service", smolensk.id),
        helpKinds: ["CONSULTATION"],
      });
      expect(foreign.outcome?.issues?.[0]?.field).toBe("input.serviceId");
      const outside = await link({
        centreId: pskovCentre.global,
        serviceId: toGlobalId("Service", federal.id),
        helpKinds: ["CONSULTATION"],
      });
      expect(outside.outcome?.__typename).toBe("NotFoundError");
      expect(outside.outcome?.entity).toBe("centre");
      const operator = await link(
        { centreId: udmurtCentre.global, serviceId: toGlobalId("Service", federal.id), helpKinds: ["CONSULTATION"] },
        await asUser("operator@dostup.local"),
      );
      expect(operator.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(await prisma.centreService.count({ where: { serviceId: { in: [federal.id, smolensk.id] } } })).toBe(0);
    });

    it("shows a curator only the centres of their regions among those helping with a federal service", async () => {
      const esia = await prisma.service.findFirstOrThrow({
        where: { name: { startsWith: "Регистрация и подтверждение учётной записи" } },
      });
      const query = `query S($id: ID!) { node(id: $id) { ... on Service { centres(first: 50) { totalCount edges { node { centre { region { code } } } } } } } }`;
      const result = await gql<{
        node: { centres: { totalCount: number; edges: { node: { centre: { region: { code: string } } } }[] } };
      }>(query, { id: toGlobalId("Service", esia.id) }, curator);
      expect(result.errors).toBeUndefined();
      const expected = await prisma.centreService.count({
        where: {
          serviceId: esia.id,
          centre: { archivedAt: null, regionId: { in: [regions.smolensk.id, regions.udmurtia.id] } },
        },
      });
      expect(expected).toBeGreaterThan(0);
      expect(result.data?.node.centres.totalCount).toBe(expected);
      const codes = new Set(result.data?.node.centres.edges.map((e) => e.node.centre.region.code));
      expect([...codes].every((code) => code === "67" || code === "18")).toBe(true);
      const all = await prisma.centreService.count({ where: { serviceId: esia.id, centre: { archivedAt: null } } });
      expect(all).toBeGreaterThan(expected);
    });
  });
});
