// People: creating and changing them (full name, photo consent, versions, archive), searching
// and paging the list, and the photo, shown only with consent and once its upload is verified.
import { randomBytes, randomUUID } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { bucket, s3 } from "../../api/lib/s3.js";
import { type GraphQLResponse, gql, mutate } from "../helpers/graphql.js";
import {
  localId,
  NODE_PERSON,
  newPerson,
  PEOPLE,
  PERSON,
  type PeopleFixtures,
  type PeoplePage,
  type PersonData,
  peopleFixtures,
  run,
} from "../helpers/people.js";
import { recordSql } from "../helpers/sql.js";

let { curator, smolensk, pskov, udmurtia } = {} as PeopleFixtures;
beforeAll(async () => {
  ({ curator, smolensk, pskov, udmurtia } = await peopleFixtures());
});

describe("people", () => {
  it("creates a person with a derived full name and a ChangeLog entry", async () => {
    const organisation = await prisma.organisation.findFirstOrThrow({ where: { regionId: smolensk.id } });
    const { outcome } = await mutate<PersonData>(
      "createPerson",
      PERSON,
      {
        regionId: smolensk.gid,
        organisationId: toGlobalId("Organisation", organisation.id),
        lastName: " Соколова ",
        firstName: "Мария",
        middleName: "Ильинична",
        position: "Главный специалист",
        email: "sokolova@example.org",
      },
      { headers: curator },
    );
    expect(outcome?.__typename).toBe("MutationCreatePersonSuccess");
    const person = outcome?.data as PersonData;
    expect(person.fullName).toBe("Соколова Мария Ильинична");
    expect(person.region.code).toBe("67");
    expect(person.organisation?.name).toBe(organisation.name);
    expect(person.photoConsent).toBe(false);
    expect(person.photoConsentAt).toBeNull();
    const logs = await prisma.changeLog.findMany({ where: { entity: "Person", entityId: localId(person.id) } });
    expect(logs.map((l) => l.action)).toEqual(["CREATE"]);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const before = await prisma.person.count();
    const { outcome } = await mutate("createPerson", "id", {
      regionId: smolensk.gid,
      lastName: "  ",
      firstName: "Иван",
      email: "not-an-email",
    });
    expect(outcome?.__typename).toBe("ValidationError");
    expect(outcome?.issues?.map((i) => i.field).sort()).toEqual(["input.email", "input.lastName"]);
    const foreignOrg = await prisma.organisation.findFirstOrThrow({ where: { regionId: pskov.id } });
    const wrongOrg = await mutate("createPerson", "id", {
      regionId: smolensk.gid,
      organisationId: toGlobalId("Organisation", foreignOrg.id),
      lastName: "Иванов",
      firstName: "Иван",
    });
    expect(wrongOrg.outcome?.issues?.[0]?.field).toBe("input.organisationId");
    expect(await prisma.person.count()).toBe(before);
  });

  it("stamps photo consent when given and clears it when withdrawn", async () => {
    const person = await newPerson(smolensk.gid);
    const given = await mutate<PersonData>("updatePerson", PERSON, {
      id: person.id,
      version: person.version,
      photoConsent: true,
    });
    expect(given.outcome?.data?.photoConsent).toBe(true);
    const stamp = given.outcome?.data?.photoConsentAt;
    expect(stamp).toBeTruthy();
    // Saving other fields keeps the date of the consent already given.
    const again = await mutate<PersonData>("updatePerson", PERSON, {
      id: person.id,
      version: person.version + 1,
      photoConsent: true,
      position: "Ведущий специалист",
    });
    expect(again.outcome?.data?.photoConsentAt).toBe(stamp);
    expect(again.outcome?.data?.position).toBe("Ведущий специалист");
    const withdrawn = await mutate<PersonData>("updatePerson", PERSON, {
      id: person.id,
      version: person.version + 2,
      photoConsent: false,
    });
    expect(withdrawn.outcome?.data?.photoConsent).toBe(false);
    expect(withdrawn.outcome?.data?.photoConsentAt).toBeNull();
    const logs = await prisma.changeLog.findMany({
      where: { entity: "Person", entityId: localId(person.id) },
      orderBy: { at: "asc" },
    });
    expect(logs.map((l) => l.action)).toEqual(["CREATE", "UPDATE", "UPDATE", "UPDATE"]);
    expect(logs[3]?.changes).toMatchObject({ photoConsent: { from: true, to: false } });
  });

  it("stamps consent to publish contacts on its own, and the directory's card shows them only with it", async () => {
    const CARD = `version photoConsent contactsConsent contactsConsentAt
      published { fullName position organisation photoUrl email phone }`;
    type Card = {
      version: number;
      photoConsent: boolean;
      contactsConsent: boolean;
      contactsConsentAt: string | null;
      published: { email: string | null; phone: string | null; photoUrl: string | null } | null;
    };
    const person = await mutate<Card>("createPerson", CARD, {
      regionId: smolensk.gid,
      lastName: "Кузнецова",
      firstName: "Ольга",
      email: "kuznetsova.o@admin-smolensk.example",
      phone: "+7 (4812) 38-00-11",
      contactsConsent: true,
    });
    const created = person.outcome?.data as Card;
    expect(created).toMatchObject({ photoConsent: false, contactsConsent: true });
    expect(created.contactsConsentAt).toBeTruthy();
    expect(created.published).toEqual({
      fullName: "Кузнецова Ольга",
      position: null,
      organisation: null,
      photoUrl: null,
      email: "kuznetsova.o@admin-smolensk.example",
      phone: "+7 (4812) 38-00-11",
    });
    const id = (await prisma.person.findFirstOrThrow({ where: { email: "kuznetsova.o@admin-smolensk.example" } })).id;
    const withdrawn = await mutate<Card>("updatePerson", CARD, {
      id: toGlobalId("Person", id),
      version: created.version,
      contactsConsent: false,
    });
    expect(withdrawn.outcome?.data).toMatchObject({ contactsConsent: false, contactsConsentAt: null });
    expect(withdrawn.outcome?.data?.published).toMatchObject({ email: null, phone: null });
    const logged = await prisma.changeLog.findFirst({
      where: { entity: "Person", entityId: id, action: "UPDATE" },
    });
    expect(logged?.changes).toMatchObject({ contactsConsent: { from: true, to: false } });
  });

  it("refuses a stale version with ConflictError and changes nothing", async () => {
    const person = await newPerson(smolensk.gid);
    const first = await mutate<PersonData>("updatePerson", PERSON, {
      id: person.id,
      version: person.version,
      position: "Первый",
    });
    expect(first.outcome?.__typename).toBe("MutationUpdatePersonSuccess");
    const stale = await mutate<PersonData>("updatePerson", PERSON, {
      id: person.id,
      version: person.version,
      position: "Второй",
    });
    expect(stale.outcome?.__typename).toBe("ConflictError");
    expect(stale.outcome?.currentVersion).toBe(person.version + 1);
    const row = await prisma.person.findUniqueOrThrow({ where: { id: localId(person.id) } });
    expect(row.position).toBe("Первый");
    expect(await prisma.changeLog.count({ where: { entity: "Person", entityId: row.id } })).toBe(2);
  });

  it("archives and restores a person; archived people leave the list unless asked for", async () => {
    const person = await newPerson(smolensk.gid, { lastName: `Архивная${run}` });
    const filter = { search: `Архивная${run}` };
    const versioned = { inputType: "VersionedInput" };
    const { outcome: archived } = await mutate<PersonData>(
      "archivePerson",
      PERSON,
      { id: person.id, version: person.version },
      versioned,
    );
    expect(archived?.data?.archivedAt).toBeTruthy();
    expect((await gql<PeoplePage>(PEOPLE, { filter })).data?.people.totalCount).toBe(0);
    expect(
      (await gql<PeoplePage>(PEOPLE, { filter: { ...filter, includeArchived: true } })).data?.people.totalCount,
    ).toBe(1);
    const { outcome: restored } = await mutate<PersonData>(
      "restorePerson",
      PERSON,
      { id: person.id, version: person.version + 1 },
      versioned,
    );
    expect(restored?.data?.archivedAt).toBeNull();
    expect((await gql<PeoplePage>(PEOPLE, { filter })).data?.people.totalCount).toBe(1);
    const actions = await prisma.changeLog.findMany({
      where: { entityId: localId(person.id) },
      orderBy: { at: "asc" },
    });
    expect(actions.map((l) => l.action)).toEqual(["CREATE", "ARCHIVE", "RESTORE"]);
  });

  it("searches by words of the name in any order, with % and _ taken literally, and orders by name", async () => {
    const surname = `Поисков${run}`;
    const a = await newPerson(smolensk.gid, { lastName: surname, firstName: "Борис" });
    const b = await newPerson(smolensk.gid, { lastName: surname, firstName: "Алла" });
    await newPerson(udmurtia.gid, { lastName: surname, firstName: "Вера" });
    const both = await gql<PeoplePage>(PEOPLE, {
      filter: { search: surname, regionId: smolensk.gid },
      orderBy: { field: "NAME", direction: "ASC" },
    });
    expect(both.errors).toBeUndefined();
    expect(both.data?.people.totalCount).toBe(2);
    expect(both.data?.people.edges.map((e) => e.node.id)).toEqual([b.id, a.id]);
    const desc = await gql<PeoplePage>(PEOPLE, {
      filter: { search: surname, regionId: smolensk.gid },
      orderBy: { field: "NAME", direction: "DESC" },
    });
    expect(desc.data?.people.edges.map((e) => e.node.id)).toEqual([a.id, b.id]);
    const reversed = await gql<PeoplePage>(PEOPLE, { filter: { search: `борис ${surname.toLowerCase()}` } });
    expect(reversed.data?.people.edges.map((e) => e.node.id)).toEqual([a.id]);
    expect((await gql<PeoplePage>(PEOPLE, { filter: { search: "%" } })).data?.people.totalCount).toBe(0);
    expect((await gql<PeoplePage>(PEOPLE, { filter: { search: "_" } })).data?.people.totalCount).toBe(0);
  });

  it("pages through a region's people with the total, without gaps or repeats", async () => {
    const total = await prisma.person.count({ where: { regionId: smolensk.id, archivedAt: null } });
    const seen = new Set<string>();
    let after: string | null = null;
    do {
      const page: GraphQLResponse<PeoplePage> = await gql<PeoplePage>(PEOPLE, {
        first: 7,
        after,
        filter: { regionId: smolensk.gid },
      });
      expect(page.data?.people.totalCount).toBe(total);
      for (const edge of page.data?.people.edges ?? []) seen.add(edge.node.id);
      after = page.data?.people.pageInfo.hasNextPage ? page.data.people.pageInfo.endCursor : null;
    } while (after);
    expect(seen.size).toBe(total);
  });

  it("keeps people lists free of N+1 queries, assignments included", async () => {
    const nested = `query N($first: Int) { people(first: $first) { totalCount edges { node { fullName photoUrl
      organisation { name } region { code } assignments(first: 5) { totalCount edges { node { validFrom service { name } } } } } } } }`;
    const small = await recordSql(() => gql(nested, { first: 3 }));
    const large = await recordSql(() => gql(nested, { first: 60 }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.statements.length).toBe(small.statements.length);
  });
});

describe("photo", () => {
  /** A verified photo in the bucket, linked to the person. */
  async function withPhoto(personGid: string, body: Buffer, status: "AVAILABLE" | "PENDING" = "AVAILABLE") {
    const key = `files/test-photo-${randomUUID()}.jpg`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "image/jpeg" }));
    const file = await prisma.storedFile.create({
      data: {
        bucket,
        key,
        name: "photo.jpg",
        contentType: "image/jpeg",
        size: BigInt(body.length),
        sha256: "0".repeat(64),
        status,
        purpose: "PHOTO",
        regionId: smolensk.id,
      },
    });
    await prisma.person.update({ where: { id: localId(personGid) }, data: { photoFileId: file.id } });
  }

  it("gives no photo URL without consent, even when the photo is there", async () => {
    const person = await newPerson(smolensk.gid);
    await withPhoto(person.id, Buffer.from("jpeg bytes"));
    const result = await gql<{ node: { photoUrl: string | null } }>(NODE_PERSON, { id: person.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.node.photoUrl).toBeNull();
  });

  it("gives no photo URL with consent while the upload is not verified", async () => {
    const person = await newPerson(smolensk.gid, { photoConsent: true });
    await withPhoto(person.id, Buffer.from("pending"), "PENDING");
    const result = await gql<{ node: { photoUrl: string | null } }>(NODE_PERSON, { id: person.id });
    expect(result.data?.node.photoUrl).toBeNull();
  });

  // The presigner is not a dependency yet (people.service.ts, photoUrl); this runs once it is.
  it("with consent, hands out a short-lived URL that downloads the photo", async () => {
    const person = await newPerson(smolensk.gid, { photoConsent: true });
    const body = randomBytes(64);
    await withPhoto(person.id, body);
    const result = await gql<{ node: { photoUrl: string | null } }>(NODE_PERSON, { id: person.id });
    const url = result.data?.node.photoUrl;
    expect(url).toMatch(/X-Amz-Expires=300/);
    const download = await fetch(url as string);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
  });
});
