import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, useIdentity } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";
import { recordSql } from "../helpers/sql.js";

let serviceId: string;
let origin: { latitude: number; longitude: number };
let originCentreId: string;

beforeAll(async () => {
  useIdentity((await partnerKey()).headers);
  const [busiest] = await prisma.centreService.groupBy({
    by: ["serviceId"],
    _count: { _all: true },
    orderBy: { _count: { serviceId: "desc" } },
    take: 1,
  });
  serviceId = busiest?.serviceId ?? "";
  const centre = await prisma.centre.findFirstOrThrow({
    where: { latitude: { not: null }, services: { some: { serviceId } }, region: { code: "60" } },
  });
  origin = { latitude: centre.latitude ?? 0, longitude: centre.longitude ?? 0 };
  originCentreId = centre.id;
});

describe("partner queries", () => {
  it("finds the centres that help with a service, nearest first, within the radius", async () => {
    const result = await gql<{ centresNear: { id: string; name: string; distanceKm: number }[] }>(
      `query N($s: ID!, $lat: Float!, $lon: Float!) { centresNear(serviceId: $s, latitude: $lat, longitude: $lon, radiusKm: 150, first: 10) { id name distanceKm } }`,
      { s: toGlobalId("Service", serviceId), lat: origin.latitude, lon: origin.longitude },
    );
    expect(result.errors).toBeUndefined();
    const found = result.data?.centresNear ?? [];
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.distanceKm).toBe(0);
    const distances = found.map((c) => c.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d <= 150)).toBe(true);
    const ids = found.map((c) => c.id.length);
    expect(ids.every((n) => n > 0)).toBe(true);
  });

  it("finds them in one statement, checks the service in the same search, and hides services a partner cannot see", async () => {
    const near = `query N($s: ID!, $lat: Float!, $lon: Float!) {
      centresNear(serviceId: $s, latitude: $lat, longitude: $lon, radiusKm: 50, first: 5) { id name } }`;
    const admin = await asUser("admin@dostup.local");
    await gql("{ me { email } }", {}, admin);
    const counted = await recordSql(() =>
      gql<{ centresNear: { id: string }[] }>(
        near,
        { s: toGlobalId("Service", serviceId), lat: origin.latitude, lon: origin.longitude },
        admin,
      ),
    );
    expect(counted.result.errors).toBeUndefined();
    expect(counted.result.data?.centresNear.length).toBeGreaterThan(0);
    // The caller is known already: one statement checks the service and finds the nearest
    // centres with the columns asked for.
    expect(counted.statements).toHaveLength(1);
    // A relation in the selection is read by Prisma after the search.
    const withRegion = await recordSql(() =>
      gql<{ centresNear: { id: string }[] }>(
        near.replace("{ id name }", "{ id name region { name } }"),
        { s: toGlobalId("Service", serviceId), lat: origin.latitude, lon: origin.longitude },
        admin,
      ),
    );
    expect(withRegion.result.errors).toBeUndefined();
    expect(withRegion.statements).toHaveLength(2);

    // Nowhere near a centre: an empty list, not an error.
    const ocean = await gql<{ centresNear: unknown[] }>(near, {
      s: toGlobalId("Service", serviceId),
      lat: -60,
      lon: -150,
    });
    expect(ocean.errors).toBeUndefined();
    expect(ocean.data?.centresNear).toEqual([]);

    // A DRAFT service is the curators' work in progress: a partner is told it does not exist,
    // as for an id that never was, while staff may search with it.
    const draft = await prisma.service.create({
      data: { name: "Черновик услуги (тест поиска центров)", level: "FEDERAL", status: "DRAFT" },
    });
    await prisma.centreService.create({
      data: { serviceId: draft.id, centreId: originCentreId, helpKinds: ["CONSULTATION"] },
    });
    const variables = { s: toGlobalId("Service", draft.id), lat: origin.latitude, lon: origin.longitude };
    const hidden = await gql(near, variables);
    expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await gql(near, { ...variables, s: toGlobalId("Service", "00000000-0000-4000-8000-000000000000") });
    expect(missing.errors?.[0]?.message).toBe(hidden.errors?.[0]?.message);
    const staff = await gql<{ centresNear: { id: string }[] }>(near, variables, admin);
    expect(staff.errors).toBeUndefined();
    expect(staff.data?.centresNear).toHaveLength(1);
  });

  it("answers every column the same whether the search reads it or Prisma does", async () => {
    const fields = `id name kinds status statusAlert address latitude longitude accessibleVision accessibleHearing
      accessibleMobility workstations printers scanners equipmentNote phone email website signatureValidUntil
      lastVerifiedAt archivedAt version createdAt updatedAt distanceKm`;
    const admin = await asUser("admin@dostup.local");
    const search = (selection: string) =>
      gql<{ centresNear: Record<string, unknown>[] }>(
        `query N($s: ID!, $lat: Float!, $lon: Float!) {
          centresNear(serviceId: $s, latitude: $lat, longitude: $lon, radiusKm: 300, first: 20) { ${selection} } }`,
        { s: toGlobalId("Service", serviceId), lat: origin.latitude, lon: origin.longitude },
        admin,
      );
    const inOne = await search(fields);
    // A relation sends the same search through Prisma's read of the rows.
    const throughPrisma = await search(`${fields} region { name }`);
    expect(inOne.errors).toBeUndefined();
    expect(throughPrisma.errors).toBeUndefined();
    const found = inOne.data?.centresNear ?? [];
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((centre) => Array.isArray(centre.kinds) && centre.kinds.length > 0)).toBe(true);
    expect(found).toEqual((throughPrisma.data?.centresNear ?? []).map(({ region: _region, ...centre }) => centre));
  });

  it("explains a bad point or radius instead of failing", async () => {
    const result = await gql(
      `query N($s: ID!) { centresNear(serviceId: $s, latitude: 95, longitude: 30, radiusKm: 10) { id } }`,
      {
        s: toGlobalId("Service", serviceId),
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/Latitude/);
  });

  it("answers Udmurtia's published users of 2015–2018 exactly", async () => {
    const region = await prisma.region.findUniqueOrThrow({ where: { code: "18" } });
    const result = await gql<{
      regionStatistics: { year: number; indicatorCode: string; total: number; rural: number | null }[];
    }>(
      `query S($r: ID!) { regionStatistics(regionId: $r, fromYear: 2015, toYear: 2018) { year indicatorCode total rural } }`,
      { r: toGlobalId("Region", region.id) },
    );
    expect(result.errors).toBeUndefined();
    const users = result.data?.regionStatistics.filter((s) => s.indicatorCode === "USERS");
    expect(users).toEqual([
      { year: 2015, indicatorCode: "USERS", total: 10748, rural: 4486 },
      { year: 2016, indicatorCode: "USERS", total: 13868, rural: 4379 },
      { year: 2017, indicatorCode: "USERS", total: 19426, rural: 4049 },
      { year: 2018, indicatorCode: "USERS", total: 18240, rural: 4137 },
    ]);
  });

  it("gives a life situation with its ordered services and the centres that help with them", async () => {
    const situation = await prisma.lifeSituation.findFirstOrThrow({
      where: { status: "PUBLISHED", services: { some: {} } },
    });
    const result = await gql<{
      node: {
        name: string;
        services: {
          position: number;
          mandatory: boolean;
          service: { name: string; centres: { totalCount: number } };
        }[];
      };
    }>(
      `query L($id: ID!) { node(id: $id) { ... on LifeSituation { name services { position mandatory service { name centres(first: 5) { totalCount } } } } } }`,
      { id: toGlobalId("LifeSituation", situation.id) },
    );
    expect(result.errors).toBeUndefined();
    const services = result.data?.node.services ?? [];
    expect(services.length).toBeGreaterThan(0);
    expect(services.map((s) => s.position)).toEqual([...services.map((s) => s.position)].sort((a, b) => a - b));
  });
});
