// Curators' photos at a stable URL (/photos/<fileId>) a partner's public page embeds and caches:
// only a verified photo of a person who consents to its publication and is not archived, the
// very bytes uploaded, cacheable an hour (so a withdrawn consent shows within it), revalidated
// with 304, and a bare 404 for anything else. Served alike by the local server and by the
// Lambda behind API Gateway. Every person and file used here is made here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import {
  type Curator,
  newCurator,
  newSmolenskService,
  type PhotoResponse,
  PNG,
  period,
  photoFromLambda,
  photoServer,
  smolenskPlaces,
} from "../helpers/directory.js";
import { gql, mutate } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";
import { demoStaff } from "../helpers/staff.js";

let server: Awaited<ReturnType<typeof photoServer>>;
let curatorHeaders: Record<string, string>;
let registry: Record<string, string>;
let regionId: string;
let serviceId: string;

beforeAll(async () => {
  ({ curator: curatorHeaders } = await demoStaff());
  registry = (await partnerKey({ scopes: ["registry:read"] })).headers;
  server = await photoServer();
  regionId = (await smolenskPlaces()).region.id;
  const service = await newSmolenskService("Организация отдыха и оздоровления детей", regionId);
  serviceId = service.id;
});
afterAll(() => server?.close());

const path = (person: Curator) => `/photos/${person.photoFileId}`;
/** Both ways in: the local server's route and the Lambda handler. */
const fetchBoth = async (url: string, headers: Record<string, string> = {}): Promise<PhotoResponse[]> => [
  await server.get(url, headers),
  await photoFromLambda(url, headers),
];

describe("public curator photos", () => {
  it("serve the uploaded bytes with the verified type, an hour's cache, an entity tag and nosniff; 304 when unchanged", async () => {
    const person = await newCurator(curatorHeaders, regionId, { lastName: "Фомина", photo: true, photoConsent: true });

    for (const photo of await fetchBoth(path(person))) {
      expect(photo.status).toBe(200);
      expect(photo.body.equals(PNG)).toBe(true);
      expect(photo.headers).toMatchObject({
        "content-type": "image/png",
        "cache-control": "public, max-age=3600",
        "x-content-type-options": "nosniff",
      });
      expect(photo.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
      const again = await fetchBoth(path(person), { "if-none-match": photo.headers.etag ?? "" });
      expect(again.map((r) => [r.status, r.body.length])).toEqual([
        [304, 0],
        [304, 0],
      ]);
      const changed = await server.get(path(person), { "if-none-match": '"stale"' });
      expect(changed.status).toBe(200);
    }
  });

  it("answer 404, saying nothing more, without consent, for an archived person, a replaced photo or anything else", async () => {
    const noConsent = await newCurator(curatorHeaders, regionId, { lastName: "Орлова", photo: true });
    const archived = await newCurator(curatorHeaders, regionId, {
      lastName: "Зайцева",
      photo: true,
      photoConsent: true,
    });
    await prisma.person.update({ where: { id: archived.personId }, data: { archivedAt: new Date() } });
    const replaced = await newCurator(curatorHeaders, regionId, {
      lastName: "Волкова",
      photo: true,
      photoConsent: true,
    });
    const first = path(replaced);
    await prisma.person.update({ where: { id: replaced.personId }, data: { photoFileId: null } });
    // A verified file that is not a photo: never served here, whatever it is.
    const report = await prisma.storedFile.create({
      data: {
        bucket: "dostup-test",
        key: `files/report/${crypto.randomUUID()}`,
        name: "Отчёт.pdf",
        contentType: "application/pdf",
        size: 10,
        sha256: "a".repeat(64),
        status: "AVAILABLE",
        purpose: "REPORT",
      },
    });

    for (const url of [
      path(noConsent),
      path(archived),
      first,
      `/photos/${report.id}`,
      `/photos/${crypto.randomUUID()}`,
      "/photos/not-an-id",
      "/photos/",
    ]) {
      for (const answer of await fetchBoth(url)) {
        expect(answer.status, url).toBe(404);
        expect(answer.body.length).toBe(0);
        expect(answer.headers["cache-control"]).toBe("no-store");
      }
    }
  });

  it("are what the directory links to, and withdrawing consent makes the link answer 404", async () => {
    const person = await newCurator(curatorHeaders, regionId, {
      lastName: "Никитина",
      photo: true,
      photoConsent: true,
    });
    await period(person.personId, { serviceId }, regionId);
    const query = `query S($input: ServiceCuratorsInput!) { serviceCurators(input: $input) { curator { photoUrl } } }`;
    const read = await gql<{ serviceCurators: { curator: { photoUrl: string } } }>(
      query,
      { input: { serviceId: toGlobalId("Service", serviceId) } },
      registry,
    );
    const url = new URL(read.data?.serviceCurators.curator.photoUrl ?? "");
    expect(url.pathname).toBe(path(person));
    expect((await server.get(url.pathname)).status).toBe(200);

    const { version } = await prisma.person.findUniqueOrThrow({ where: { id: person.personId } });
    const withdrawn = await mutate(
      "updatePerson",
      "photoConsent photoConsentAt",
      { id: person.gid, version, photoConsent: false },
      { headers: curatorHeaders },
    );
    expect(withdrawn.outcome?.data).toEqual({ photoConsent: false, photoConsentAt: null });
    expect((await fetchBoth(url.pathname)).map((r) => r.status)).toEqual([404, 404]);
    // Read as staff: a partner's identical read may come from the response cache for a while.
    const after = await gql<{ serviceCurators: { curator: { photoUrl: string | null } } }>(
      query,
      { input: { serviceId: toGlobalId("Service", serviceId) } },
      curatorHeaders,
    );
    expect(after.data?.serviceCurators.curator.photoUrl).toBeNull();
  });
});
