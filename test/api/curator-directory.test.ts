// The public curator directory: a partner app renders Smolensk's page of socially significant
// services with their curators ("фото координатора разместят на странице услуги", seed 002).
// It sees the municipality's curator over the region's, the life situation's curator, only the
// photos and contacts people consented to publish, and nothing of archived people or ended
// periods. Every row used here is made here.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { type Curator, newCurator, newSmolenskService, period, smolenskPlaces } from "../helpers/directory.js";
import { gql } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";
import { recordSql } from "../helpers/sql.js";
import { demoStaff } from "../helpers/staff.js";

const CURATOR = "fullName position organisation level municipality since photoUrl email phone";
const ENTRY = `service { id name } curator { ${CURATOR} } regionCurator { ${CURATOR} }
  lifeSituations { lifeSituation { name } curator { ${CURATOR} } }`;
const SERVICE_CURATORS = `query S($input: ServiceCuratorsInput!) { serviceCurators(input: $input) { ${ENTRY} } }`;
const DIRECTORY = `query D($input: CuratorDirectoryInput!, $first: Int, $after: String) {
  curatorDirectory(input: $input, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${ENTRY} } }
  }
}`;

interface PublicCurator {
  fullName: string;
  level: string;
  municipality: string | null;
  since: string;
  photoUrl: string | null;
  email: string | null;
  phone: string | null;
}
interface Entry {
  service: { id: string; name: string };
  curator: PublicCurator | null;
  regionCurator: PublicCurator | null;
  lifeSituations: { lifeSituation: { name: string }; curator: PublicCurator | null }[];
}

let registry: Record<string, string>;
let statistics: Record<string, string>;
let places: Awaited<ReturnType<typeof smolenskPlaces>>;
let serviceGid: string;
let regional: Curator;
let inVyazma: Curator;
let situationName: string;
const gid = (type: string, id: string) => toGlobalId(type, id);

beforeAll(async () => {
  const { curator } = await demoStaff();
  registry = (await partnerKey({ name: "Портал «Смоленск — госуслуги» (тест)", scopes: ["registry:read"] })).headers;
  statistics = (await partnerKey({ scopes: ["statistics:read"] })).headers;
  places = await smolenskPlaces();
  const region = places.region.id;
  const service = await newSmolenskService("Постановка на учёт и направление детей в детские сады", region);
  serviceGid = gid("Service", service.id);
  regional = await newCurator(curator, region, {
    lastName: "Соколова",
    photo: true,
    photoConsent: true,
    contactsConsent: true,
  });
  inVyazma = await newCurator(curator, region, { lastName: "Морозова", photo: true });
  const archived = await newCurator(curator, region, {
    lastName: "Лебедева",
    photoConsent: true,
    contactsConsent: true,
  });
  const former = await newCurator(curator, region, { lastName: "Козлова", contactsConsent: true });
  const target = { serviceId: service.id };
  await period(regional.personId, target, region);
  await period(inVyazma.personId, target, region, { municipalityId: places.vyazma.id });
  await period(archived.personId, target, region, { municipalityId: places.roslavl.id });
  await prisma.person.update({ where: { id: archived.personId }, data: { archivedAt: new Date() } });
  await period(former.personId, target, region, {
    municipalityId: places.gagarin.id,
    validFrom: new Date("2024-01-15"),
    validTo: new Date("2025-06-30"),
  });
  // A life situation of the region containing the service, with its own curator.
  situationName = `Рождение ребёнка (${service.id.slice(0, 8)})`;
  const situation = await prisma.lifeSituation.create({
    data: {
      code: `birth-${service.id.slice(0, 8)}`,
      name: situationName,
      kind: "LIFE_EVENT",
      regionId: region,
      services: { create: [{ serviceId: service.id, position: 1 }] },
    },
  });
  const ofSituation = await newCurator(curator, region, { lastName: "Павлова", contactsConsent: true });
  await period(ofSituation.personId, { lifeSituationId: situation.id }, region);
});

async function curatorsIn(municipalityId: string | null) {
  const input = { serviceId: serviceGid, municipalityId: municipalityId ? gid("Municipality", municipalityId) : null };
  const result = await gql<{ serviceCurators: Entry }>(SERVICE_CURATORS, { input }, registry);
  expect(result.errors).toBeUndefined();
  return result.data?.serviceCurators as Entry;
}

describe("the public curator directory", () => {
  it("names the municipality's curator over the region's, each with only what they agreed to publish", async () => {
    const entry = await curatorsIn(places.vyazma.id);

    expect(entry.curator).toEqual({
      fullName: "Морозова Елена Викторовна",
      position: "Начальник отдела",
      organisation: null,
      level: "MUNICIPALITY",
      municipality: "Вяземский район",
      since: "2025-09-01",
      // A photo is uploaded, but without consent it is not published, nor are the contacts.
      photoUrl: null,
      email: null,
      phone: null,
    });
    expect(entry.regionCurator).toMatchObject({
      fullName: "Соколова Елена Викторовна",
      level: "REGION",
      municipality: null,
      phone: "+7 (4812) 29-10-00",
    });
    expect(entry.regionCurator?.email).toMatch(/@admin-smolensk\.example$/);
    expect(entry.regionCurator?.photoUrl).toBe(`http://localhost/photos/${regional.photoFileId}`);
    expect(entry.lifeSituations).toEqual([
      {
        lifeSituation: { name: situationName },
        curator: expect.objectContaining({ fullName: "Павлова Елена Викторовна", level: "REGION", photoUrl: null }),
      },
    ]);
    expect(entry.lifeSituations[0]?.curator?.email).toMatch(/@admin-smolensk\.example$/);
  });

  it("shows the region's curator where the municipal one is archived, has left, or was never named", async () => {
    for (const municipality of [places.roslavl.id, places.gagarin.id, places.safonovo.id, null]) {
      const entry = await curatorsIn(municipality);
      expect(entry.curator?.fullName).toBe("Соколова Елена Викторовна");
      expect(entry.curator?.level).toBe("REGION");
    }
    const everyone = JSON.stringify(await curatorsIn(places.roslavl.id));
    expect(everyone).not.toContain("Лебедева");
    expect(everyone).not.toContain("Козлова");
  });

  it("lists the region's published services with their curators, page by page", async () => {
    const input = {
      regionId: gid("Region", places.region.id),
      municipalityId: gid("Municipality", places.vyazma.id),
      search: "детские сады",
    };
    type Page = { curatorDirectory: { totalCount: number; edges: { node: Entry }[] } };
    const found = await gql<Page>(DIRECTORY, { input, first: 100 }, registry);
    expect(found.errors).toBeUndefined();
    const mine = found.data?.curatorDirectory.edges.find((edge) => edge.node.service.id === serviceGid)?.node;
    expect(mine?.curator?.fullName).toBe("Морозова Елена Викторовна");
    expect(mine?.regionCurator?.fullName).toBe("Соколова Елена Викторовна");
    // Smolensk's page of socially significant services: the demo's kindergarten enrolment, not this test's.
    const significant = await gql<Page>(
      DIRECTORY,
      { input: { ...input, socialSignificantOnly: true }, first: 100 },
      registry,
    );
    const names = significant.data?.curatorDirectory.edges.map((edge) => edge.node.service.name);
    expect(names).toContain("Постановка на учёт и направление детей в детские сады (запись в детский сад)");
    expect(names).not.toContain(mine?.service.name);

    // The whole page: every published service of Smolensk and every federal one, in pages.
    const expected = await prisma.service.count({
      where: { status: "PUBLISHED", OR: [{ regionId: places.region.id }, { regionId: null }] },
    });
    const first = await gql<{
      curatorDirectory: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: Entry }[];
      };
    }>(DIRECTORY, { input: { regionId: input.regionId }, first: 30 }, registry);
    expect(first.data?.curatorDirectory.totalCount).toBe(expected);
    expect(first.data?.curatorDirectory.edges).toHaveLength(30);
    expect(first.data?.curatorDirectory.pageInfo.hasNextPage).toBe(true);
    const next = await gql<{ curatorDirectory: { edges: { node: Entry }[] } }>(
      DIRECTORY,
      { input: { regionId: input.regionId }, first: 30, after: first.data?.curatorDirectory.pageInfo.endCursor },
      registry,
    );
    const listed = [...(first.data?.curatorDirectory.edges ?? []), ...(next.data?.curatorDirectory.edges ?? [])].map(
      (edge) => edge.node.service.id,
    );
    expect(new Set(listed).size).toBe(60);
  });

  it("reads a page in a fixed number of statements, however many services it holds", async () => {
    const input = { regionId: gid("Region", places.region.id), municipalityId: gid("Municipality", places.vyazma.id) };
    const page = (first: number) => gql(DIRECTORY, { input, first }, registry);
    await page(1);
    const small = await recordSql(() => page(10));
    const large = await recordSql(() => page(60));
    expect(small.result.errors).toBeUndefined();
    // The page, its services' curators, their life situations and those's curators, the count.
    expect(small.statements.length).toBeLessThanOrEqual(7);
    expect(large.statements.length).toBeLessThanOrEqual(7);
  });

  it("refuses keys without registry:read and callers without a key", async () => {
    const input = { serviceId: serviceGid };
    const refused = await gql(SERVICE_CURATORS, { input }, statistics);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["registry:read"] });
    const anonymous = await gql(DIRECTORY, { input: { regionId: gid("Region", places.region.id) } });
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors?.[0]?.message).toMatch(/Sign in/);
  });

  it("tells unknown ids apart from wrong combinations", async () => {
    const ask = (input: Record<string, unknown>) => gql(SERVICE_CURATORS, { input }, registry);
    const unknownService = await ask({ serviceId: gid("Service", crypto.randomUUID()) });
    expect(unknownService.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND" });
    const pskov = await prisma.municipality.findFirstOrThrow({ where: { region: { code: "60" } } });
    const foreign = await ask({ serviceId: serviceGid, municipalityId: gid("Municipality", pskov.id) });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const federal = await prisma.service.findFirstOrThrow({ where: { regionId: null, status: "PUBLISHED" } });
    const noRegion = await ask({ serviceId: gid("Service", federal.id) });
    expect(noRegion.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      issues: [{ field: "input.regionId", message: expect.stringMatching(/federal/) }],
    });
    const inSmolensk = await ask({ serviceId: gid("Service", federal.id), regionId: gid("Region", places.region.id) });
    expect(inSmolensk.errors).toBeUndefined();
    const unknownRegion = await gql(DIRECTORY, { input: { regionId: gid("Region", crypto.randomUUID()) } }, registry);
    expect(unknownRegion.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND" });
  });
});
