import { randomBytes, randomUUID } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { change } from "../../api/lib/change.js";
import { prisma } from "../../api/lib/db.js";
import { ConflictError } from "../../api/lib/errors.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { bucket, s3 } from "../../api/lib/s3.js";
import { asUser, type GraphQLResponse, gql, useIdentity } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";

// ── Operations ──

const RESULT = `__typename
  ... on Error { message }
  ... on ValidationError { issues { field message } }
  ... on ConflictError { currentVersion }
  ... on NotFoundError { entity }`;

const PERSON = `id fullName lastName firstName middleName email phone position photoConsent photoConsentAt photoUrl archivedAt version
  region { code } organisation { name }`;

const ASSIGNMENT = `id role targetType validFrom validTo active primary note version
  person { id fullName } region { code } service { id name } centre { id } project { id }`;

interface PersonData {
  id: string;
  fullName: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string | null;
  phone: string | null;
  position: string | null;
  photoConsent: boolean;
  photoConsentAt: string | null;
  photoUrl: string | null;
  archivedAt: string | null;
  version: number;
  region: { code: string };
  organisation: { name: string } | null;
}

interface AssignmentData {
  id: string;
  role: string;
  targetType: string;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  primary: boolean;
  note: string | null;
  version: number;
  person: { id: string; fullName: string };
  region: { code: string };
  service: { id: string; name: string } | null;
  centre: { id: string } | null;
  project: { id: string } | null;
}

interface Outcome<T> {
  __typename: string;
  message?: string;
  issues?: { field: string; message: string }[];
  currentVersion?: number | null;
  entity?: string;
  data?: T;
}

/** Runs one mutation of the `input` convention and returns its result union member. */
async function mutate<T>(
  name: string,
  selection: string,
  input: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ outcome: Outcome<T> | null; response: GraphQLResponse }> {
  const response = await gql<Record<string, Outcome<T>>>(
    `mutation M($input: ${name.charAt(0).toUpperCase()}${name.slice(1)}Input!) {
      ${name}(input: $input) { ${RESULT} ... on Mutation${name.charAt(0).toUpperCase()}${name.slice(1)}Success { data { ${selection} } } }
    }`,
    { input },
    headers,
  );
  return { outcome: response.data?.[name] ?? null, response: response as GraphQLResponse };
}

/** Same as `mutate`, for mutations whose input type is not named after them. */
async function mutateWith<T>(name: string, inputType: string, selection: string, input: Record<string, unknown>) {
  const response = await gql<Record<string, Outcome<T>>>(
    `mutation M($input: ${inputType}!) {
      ${name}(input: $input) { ${RESULT} ... on Mutation${name.charAt(0).toUpperCase()}${name.slice(1)}Success { data { ${selection} } } }
    }`,
    { input },
  );
  return response.data?.[name] ?? null;
}

const PEOPLE = `query People($first: Int, $after: String, $filter: PersonFilter, $orderBy: PersonOrderBy) {
  people(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id fullName } }
  }
}`;

interface PeoplePage {
  people: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; fullName: string } }[];
  };
}

const ASSIGNMENTS = `query A($first: Int, $filter: CuratorAssignmentFilter, $orderBy: CuratorAssignmentOrderBy) {
  curatorAssignments(first: $first, filter: $filter, orderBy: $orderBy) { totalCount edges { node { ${ASSIGNMENT} } } }
}`;

interface AssignmentsPage {
  curatorAssignments: { totalCount: number; edges: { node: AssignmentData }[] };
}

const NODE_PERSON = `query N($id: ID!) { node(id: $id) { id ... on Person { fullName email photoUrl } } }`;

// ── Fixtures: every test makes the rows it changes ──

let admin: Record<string, string>;
let curator: Record<string, string>;
let auditor: Record<string, string>;
let partner: Record<string, string>;
let smolensk: { id: string; gid: string };
let pskov: { id: string; gid: string };
let udmurtia: { id: string; gid: string };
const run = randomBytes(3).toString("hex");
let counter = 0;

async function region(code: string) {
  const row = await prisma.region.findUniqueOrThrow({ where: { code } });
  return { id: row.id, gid: toGlobalId("Region", row.id) };
}

/** A person created through the API (as the administrator unless told otherwise). */
async function newPerson(regionGid: string, extra: Record<string, unknown> = {}): Promise<PersonData> {
  counter += 1;
  const { outcome } = await mutate<PersonData>(
    "createPerson",
    PERSON,
    { regionId: regionGid, lastName: `Тестова${run}`, firstName: `Анна${counter}`, middleName: "Петровна", ...extra },
    admin,
  );
  if (outcome?.__typename !== "MutationCreatePersonSuccess" || !outcome.data) {
    throw new Error(`createPerson failed: ${JSON.stringify(outcome)}`);
  }
  return outcome.data;
}

/** A regional service of its own, so no other test's curators are in the way. */
async function newService(regionId: string | null): Promise<string> {
  counter += 1;
  const service = await prisma.service.create({
    data: { name: `Тестовая услуга ${run}-${counter}`, level: regionId ? "REGIONAL" : "FEDERAL", regionId },
  });
  return toGlobalId("Service", service.id);
}

function assign(input: Record<string, unknown>, headers: Record<string, string> = {}) {
  return mutate<AssignmentData>(
    "assignCurator",
    ASSIGNMENT,
    { role: "SERVICE_CURATOR", targetType: "SERVICE", primary: true, ...input },
    headers,
  );
}

const localId = (gid: string) => Buffer.from(gid, "base64").toString().split(":")[1] ?? "";

beforeAll(async () => {
  admin = await asUser("admin@dostup.local");
  curator = await asUser("curator@dostup.local");
  auditor = await asUser("auditor@dostup.local");
  const key = `dsp_people_${randomBytes(16).toString("hex")}`;
  await prisma.apiClient.create({
    data: {
      name: `people test ${run}`,
      keyPrefix: key.slice(0, 18),
      keyHash: hashApiKey(key),
      scopes: ["registry:read", "statistics:read"],
    },
  });
  // An empty Authorization overrides the file's default identity, so the key is used.
  partner = { authorization: "", "x-api-key": key };
  useIdentity(admin);
  [smolensk, pskov, udmurtia] = await Promise.all([region("67"), region("60"), region("18")]);
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
      curator,
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
    const archived = await mutateWith<PersonData>("archivePerson", "VersionedInput", PERSON, {
      id: person.id,
      version: person.version,
    });
    expect(archived?.data?.archivedAt).toBeTruthy();
    expect((await gql<PeoplePage>(PEOPLE, { filter })).data?.people.totalCount).toBe(0);
    expect(
      (await gql<PeoplePage>(PEOPLE, { filter: { ...filter, includeArchived: true } })).data?.people.totalCount,
    ).toBe(1);
    const restored = await mutateWith<PersonData>("restorePerson", "VersionedInput", PERSON, {
      id: person.id,
      version: person.version + 1,
    });
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

describe("who sees and changes people", () => {
  it("never shows people or assignments to partners or centre operators", async () => {
    const person = await newPerson(smolensk.gid);
    const list = await gql(PEOPLE, { first: 1 }, partner);
    expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(list.data).toBeNull();
    const node = await gql<{ node: unknown }>(NODE_PERSON, { id: person.id }, partner);
    expect(node.data?.node ?? null).toBeNull();
    expect(JSON.stringify(node)).not.toContain(person.fullName);
    const assignments = await gql(ASSIGNMENTS, { first: 1 }, partner);
    expect(assignments.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const projects = await gql(`{ projects(first: 1) { totalCount } }`, {}, partner);
    expect(projects.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // Operators work on their centre's reports; people's contacts are not theirs to see.
    const operator = await asUser("operator@dostup.local");
    const udmurt = await newPerson(udmurtia.gid);
    expect((await gql(PEOPLE, { first: 1 }, operator)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOperator = await gql<{ node: unknown }>(NODE_PERSON, { id: udmurt.id }, operator);
    expect(byOperator.data?.node ?? null).toBeNull();
    expect(JSON.stringify(byOperator)).not.toContain(udmurt.fullName);
  });

  it("keeps the Smolensk/Udmurtia curator out of Pskov: not found, nothing written", async () => {
    const pskovPerson = await newPerson(pskov.gid);
    const node = await gql<{ node: unknown }>(NODE_PERSON, { id: pskovPerson.id }, curator);
    expect(node.errors).toBeUndefined();
    expect(node.data?.node).toBeNull();
    const filtered = await gql<PeoplePage>(PEOPLE, { filter: { regionId: pskov.gid } }, curator);
    expect(filtered.data?.people.totalCount).toBe(0);
    const pskovAssignments = await gql<AssignmentsPage>(ASSIGNMENTS, { filter: { regionId: pskov.gid } }, curator);
    expect(pskovAssignments.data?.curatorAssignments.totalCount).toBe(0);
    const seeded = await prisma.curatorAssignment.findFirstOrThrow({ where: { regionId: pskov.id } });
    const seededNode = await gql<{ node: unknown }>(
      `query N($id: ID!) { node(id: $id) { id } }`,
      {
        id: toGlobalId("CuratorAssignment", seeded.id),
      },
      curator,
    );
    expect(seededNode.data?.node).toBeNull();

    const before = await prisma.curatorAssignment.count();
    const pskovService = await newService(pskov.id);
    const assigned = await assign(
      { personId: pskovPerson.id, serviceId: pskovService, regionId: pskov.gid, validFrom: "2026-01-01" },
      curator,
    );
    expect(assigned.outcome?.__typename).toBe("NotFoundError");
    expect(assigned.outcome?.entity).toBe("region");
    const created = await mutate(
      "createPerson",
      "id",
      { regionId: pskov.gid, lastName: "Псковский", firstName: "Пётр" },
      curator,
    );
    expect(created.outcome?.__typename).toBe("NotFoundError");
    const updated = await mutate(
      "updatePerson",
      "id",
      { id: pskovPerson.id, version: pskovPerson.version, phone: "1" },
      curator,
    );
    expect(updated.outcome?.__typename).toBe("NotFoundError");
    // A person of the curator's own region cannot be sent to curate in Pskov either.
    const own = await newPerson(smolensk.gid);
    const federal = await prisma.service.findFirstOrThrow({ where: { regionId: null } });
    const federalInPskov = await assign(
      { personId: own.id, serviceId: toGlobalId("Service", federal.id), regionId: pskov.gid, validFrom: "2026-01-01" },
      curator,
    );
    expect(federalInPskov.outcome?.__typename).toBe("NotFoundError");
    expect(await prisma.curatorAssignment.count()).toBe(before);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: localId(pskovPerson.id) } })).phone).toBeNull();
  });

  it("lets the auditor read people and assignments but change nothing", async () => {
    const person = await newPerson(pskov.gid);
    const node = await gql<{ node: { fullName: string; email: string | null } }>(
      NODE_PERSON,
      { id: person.id },
      auditor,
    );
    expect(node.data?.node.fullName).toBe(person.fullName);
    const list = await gql<AssignmentsPage>(ASSIGNMENTS, { first: 3, filter: { regionId: pskov.gid } }, auditor);
    expect(list.errors).toBeUndefined();
    expect(list.data?.curatorAssignments.totalCount).toBeGreaterThan(0);
    const updated = await mutate(
      "updatePerson",
      "id",
      { id: person.id, version: person.version, position: "Аудитор был здесь" },
      auditor,
    );
    expect(updated.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const service = await newService(pskov.id);
    const assigned = await assign(
      { personId: person.id, serviceId: service, regionId: pskov.gid, validFrom: "2026-01-01" },
      auditor,
    );
    expect(assigned.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const row = await prisma.person.findUniqueOrThrow({ where: { id: localId(person.id) } });
    expect(row.position).toBeNull();
    expect(row.version).toBe(person.version);
    expect(await prisma.curatorAssignment.count({ where: { personId: row.id } })).toBe(0);
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

describe("projects", () => {
  it("creates and updates a project in the curator's region, with ChangeLog and version checks", async () => {
    const created = await mutate<{ id: string; name: string; version: number; region: { code: string } }>(
      "createProject",
      "id name version region { code }",
      { regionId: smolensk.gid, name: `Проект ${run}`, description: "Помощь библиотек" },
      curator,
    );
    expect(created.outcome?.__typename).toBe("MutationCreateProjectSuccess");
    const project = created.outcome?.data as { id: string; version: number };
    const updated = await mutate<{ name: string; version: number }>(
      "updateProject",
      "name version",
      { id: project.id, version: project.version, name: `Проект ${run} (2)` },
      curator,
    );
    expect(updated.outcome?.data).toEqual({ name: `Проект ${run} (2)`, version: 2 });
    const stale = await mutate("updateProject", "name", { id: project.id, version: 1, name: "Устаревшее" }, curator);
    expect(stale.outcome?.__typename).toBe("ConflictError");
    const list = await gql<{ projects: { totalCount: number } }>(
      `query P($filter: ProjectFilter) { projects(filter: $filter) { totalCount } }`,
      { filter: { search: `Проект ${run}` } },
      auditor,
    );
    expect(list.data?.projects.totalCount).toBe(1);
    const logs = await prisma.changeLog.findMany({ where: { entity: "Project", entityId: localId(project.id) } });
    expect(logs.map((l) => l.action).sort()).toEqual(["CREATE", "UPDATE"]);
    const outside = await mutate("createProject", "id", { regionId: pskov.gid, name: "Чужой" }, curator);
    expect(outside.outcome?.__typename).toBe("NotFoundError");
  });
});

describe("curator assignments", () => {
  it("a new primary curator closes the previous one's period the day before, keeping both rows and logging both", async () => {
    const service = await newService(smolensk.id);
    const a = await newPerson(smolensk.gid);
    const b = await newPerson(smolensk.gid);
    const first = await assign(
      { personId: a.id, serviceId: service, regionId: smolensk.gid, validFrom: "2026-01-10" },
      curator,
    );
    expect(first.outcome?.__typename).toBe("MutationAssignCuratorSuccess");
    const second = await assign(
      { personId: b.id, serviceId: service, regionId: smolensk.gid, validFrom: "2026-03-01", note: "Передача дел" },
      curator,
    );
    expect(second.outcome?.__typename).toBe("MutationAssignCuratorSuccess");
    const aId = first.outcome?.data?.id as string;
    const bId = second.outcome?.data?.id as string;
    expect(second.outcome?.data).toMatchObject({ active: true, primary: true, validTo: null, note: "Передача дел" });

    const all = await gql<AssignmentsPage>(ASSIGNMENTS, {
      filter: { serviceId: service },
      orderBy: { field: "VALID_FROM", direction: "ASC" },
    });
    expect(all.data?.curatorAssignments.totalCount).toBe(2);
    const [closedA, activeB] = all.data?.curatorAssignments.edges.map((e) => e.node) ?? [];
    expect(closedA).toMatchObject({
      id: aId,
      validFrom: "2026-01-10",
      validTo: "2026-02-28",
      active: false,
      version: 2,
    });
    expect(activeB).toMatchObject({ id: bId, validFrom: "2026-03-01", validTo: null, active: true });
    const active = await gql<AssignmentsPage>(ASSIGNMENTS, {
      filter: { serviceId: service, regionId: smolensk.gid, activeOnly: true, primaryOnly: true },
    });
    expect(active.data?.curatorAssignments.edges.map((e) => e.node.person.id)).toEqual([b.id]);

    const logs = await prisma.changeLog.findMany({
      where: { entity: "CuratorAssignment", entityId: { in: [localId(aId), localId(bId)] } },
      orderBy: { at: "asc" },
    });
    const ofA = logs.filter((l) => l.entityId === localId(aId));
    const ofB = logs.filter((l) => l.entityId === localId(bId));
    expect(ofA.map((l) => l.action)).toEqual(["CREATE", "UPDATE"]);
    expect(ofA[1]?.changes).toMatchObject({
      validTo: { from: null, to: "2026-02-28T00:00:00.000Z" },
      _note: { closedBy: localId(bId) },
    });
    expect(ofB.map((l) => l.action)).toEqual(["CREATE"]);
    expect(ofA.every((l) => l.regionId === smolensk.id)).toBe(true);

    // The person's own history, newest first.
    const history = await gql<{ node: { assignments: { totalCount: number; edges: { node: { id: string } }[] } } }>(
      `query H($id: ID!) { node(id: $id) { ... on Person { assignments(first: 10) { totalCount edges { node { id } } } } } }`,
      { id: a.id },
    );
    expect(history.data?.node.assignments.edges.map((e) => e.node.id)).toEqual([aId]);
  });

  it("refuses a new primary curator starting no later than the current one, writing nothing", async () => {
    const service = await newService(smolensk.id);
    const a = await newPerson(smolensk.gid);
    const b = await newPerson(smolensk.gid);
    const first = await assign({ personId: a.id, serviceId: service, regionId: smolensk.gid, validFrom: "2026-05-01" });
    const logsBefore = await prisma.changeLog.count({ where: { entity: "CuratorAssignment" } });
    const earlier = await assign({
      personId: b.id,
      serviceId: service,
      regionId: smolensk.gid,
      validFrom: "2026-04-15",
    });
    expect(earlier.outcome?.__typename).toBe("ValidationError");
    expect(earlier.outcome?.issues?.[0]?.field).toBe("input.validFrom");
    const row = await prisma.curatorAssignment.findUniqueOrThrow({
      where: { id: localId(first.outcome?.data?.id as string) },
    });
    expect(row.validTo).toBeNull();
    expect(row.version).toBe(1);
    expect(await prisma.curatorAssignment.count({ where: { serviceId: localId(service) } })).toBe(1);
    expect(await prisma.changeLog.count({ where: { entity: "CuratorAssignment" } })).toBe(logsBefore);
  });

  it("keeps deputies (non-primary) alongside the primary curator", async () => {
    const service = await newService(smolensk.id);
    const a = await newPerson(smolensk.gid);
    const deputy = await newPerson(smolensk.gid);
    await assign({ personId: a.id, serviceId: service, regionId: smolensk.gid, validFrom: "2026-01-01" });
    const second = await assign({
      personId: deputy.id,
      serviceId: service,
      regionId: smolensk.gid,
      validFrom: "2026-02-01",
      primary: false,
    });
    expect(second.outcome?.data?.primary).toBe(false);
    const active = await gql<AssignmentsPage>(ASSIGNMENTS, { filter: { serviceId: service, activeOnly: true } });
    expect(active.data?.curatorAssignments.totalCount).toBe(2);
  });

  it("closes the previous primary curator of a centre too", async () => {
    const centre = await prisma.centre.findFirstOrThrow({ where: { regionId: smolensk.id, archivedAt: null } });
    const a = await newPerson(smolensk.gid);
    const b = await newPerson(smolensk.gid);
    const target = {
      role: "CENTRE_CURATOR",
      targetType: "CENTRE",
      centreId: toGlobalId("Centre", centre.id),
      regionId: smolensk.gid,
    };
    await assign({ ...target, personId: a.id, validFrom: "2030-01-01" });
    await assign({ ...target, personId: b.id, validFrom: "2030-06-01" });
    const active = await prisma.curatorAssignment.findMany({
      where: { centreId: centre.id, primary: true, validTo: null },
      include: { person: true },
    });
    expect(active.map((row) => row.personId)).toEqual([localId(b.id)]);
    const closed = await prisma.curatorAssignment.findFirstOrThrow({ where: { personId: localId(a.id) } });
    expect(closed.validTo?.toISOString().slice(0, 10)).toBe("2030-05-31");
  });

  it("two simultaneous primary assignments: exactly one wins, the other is refused and nothing of it is written", async () => {
    const service = await newService(smolensk.id);
    const a = await newPerson(smolensk.gid);
    const b = await newPerson(smolensk.gid);
    const results = await Promise.all(
      [a, b].map((p) =>
        assign({ personId: p.id, serviceId: service, regionId: smolensk.gid, validFrom: "2026-07-01" }, curator),
      ),
    );
    const winners = results.filter((r) => r.outcome?.__typename === "MutationAssignCuratorSuccess");
    expect(winners).toHaveLength(1);
    // Overlapping transactions: ConflictError (reload). When the second one starts after the
    // first committed (always on PGlite, which runs one transaction at a time; sometimes on
    // PostgreSQL) it sees the new curator, and the same start day is refused on validFrom.
    const loser = results.find((r) => r !== winners[0])?.outcome;
    expect(loser?.__typename === "ConflictError" || loser?.issues?.[0]?.field === "input.validFrom").toBe(true);
    const rows = await prisma.curatorAssignment.findMany({ where: { serviceId: localId(service) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.validTo).toBeNull();
    expect(rows[0]?.id).toBe(localId(winners[0]?.outcome?.data?.id ?? ""));
    const logged = await prisma.changeLog.findMany({
      where: { entity: "CuratorAssignment", entityId: { in: rows.map((r) => r.id) } },
    });
    expect(logged.map((l) => l.action)).toEqual(["CREATE"]);
  });

  // Needs a second transaction running at the same time, which PGlite does not do.
  it.runIf(process.env.DOSTUP_TEST_DATABASE === "real PostgreSQL")(
    "an assignment that read a curator someone else closes meanwhile gets ConflictError and writes nothing",
    async () => {
      const service = await newService(smolensk.id);
      const a = await newPerson(smolensk.gid);
      const b = await newPerson(smolensk.gid);
      const first = await assign({
        personId: a.id,
        serviceId: service,
        regionId: smolensk.gid,
        validFrom: "2026-01-01",
      });
      const aId = localId(first.outcome?.data?.id ?? "");
      let pending: ReturnType<typeof assign> | undefined;
      await prisma.$transaction(
        async (tx) => {
          // Someone else is ending A's period and holds its row while B's assignment runs.
          await tx.$queryRaw`SELECT id FROM "CuratorAssignment" WHERE id = ${aId}::uuid FOR UPDATE`;
          pending = assign({ personId: b.id, serviceId: service, regionId: smolensk.gid, validFrom: "2026-09-01" });
          for (let i = 0; i < 100; i++) {
            const [waiting] = await prisma.$queryRaw<
              { n: number }[]
            >`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`;
            if ((waiting?.n ?? 0) > 0) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          await tx.curatorAssignment.update({
            where: { id: aId },
            data: { validTo: new Date("2026-06-30"), version: { increment: 1 } },
          });
        },
        { timeout: 10_000 },
      );
      const result = await pending;
      expect(result?.outcome?.__typename).toBe("ConflictError");
      expect(await prisma.curatorAssignment.count({ where: { serviceId: localId(service) } })).toBe(1);
      const row = await prisma.curatorAssignment.findUniqueOrThrow({ where: { id: aId } });
      expect(row.validTo?.toISOString().slice(0, 10)).toBe("2026-06-30");
      expect(
        await prisma.changeLog.count({ where: { entity: "CuratorAssignment", entityId: aId, action: "UPDATE" } }),
      ).toBe(0);
    },
  );

  it("the database refuses a second primary active curator of a service as a ConflictError", async () => {
    const service = await newService(smolensk.id);
    const person = await newPerson(smolensk.gid);
    const row = {
      personId: localId(person.id),
      role: "SERVICE_CURATOR" as const,
      targetType: "SERVICE" as const,
      serviceId: localId(service),
      regionId: smolensk.id,
      validFrom: new Date("2026-01-01"),
      primary: true,
    };
    await prisma.curatorAssignment.create({ data: row });
    const second = change("curator assignment", (tx) => tx.curatorAssignment.create({ data: row }));
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toThrow(/already exists/);
    expect(await prisma.curatorAssignment.count({ where: { serviceId: row.serviceId } })).toBe(1);
  });

  it("checks the target: exactly the one the type names, in the assignment's region", async () => {
    const service = await newService(smolensk.id);
    const person = await newPerson(smolensk.gid);
    const before = await prisma.curatorAssignment.count();
    const base = { personId: person.id, regionId: smolensk.gid, validFrom: "2026-01-01" };

    const missing = await assign({ ...base });
    expect(missing.outcome?.__typename).toBe("ValidationError");
    expect(missing.outcome?.issues?.map((i) => i.field)).toEqual(["input.serviceId"]);

    const centre = await prisma.centre.findFirstOrThrow({ where: { regionId: smolensk.id } });
    const extra = await assign({ ...base, serviceId: service, centreId: toGlobalId("Centre", centre.id) });
    expect(extra.outcome?.issues?.map((i) => i.field)).toEqual(["input.centreId"]);

    const region = await assign({ ...base, role: "REGIONAL_COORDINATOR", targetType: "REGION", serviceId: service });
    expect(region.outcome?.issues?.map((i) => i.field)).toEqual(["input.serviceId"]);

    const udmurtService = await newService(udmurtia.id);
    const foreign = await assign({ ...base, serviceId: udmurtService });
    expect(foreign.outcome?.issues?.map((i) => i.field)).toEqual(["input.serviceId"]);

    const udmurtPerson = await newPerson(udmurtia.gid);
    const wrongPerson = await assign({ ...base, personId: udmurtPerson.id, serviceId: service });
    expect(wrongPerson.outcome?.issues?.map((i) => i.field)).toEqual(["input.personId"]);

    expect(await prisma.curatorAssignment.count()).toBe(before);

    // A federal service has its curators region by region.
    const federal = await newService(null);
    const inSmolensk = await assign({ ...base, serviceId: federal }, curator);
    const inUdmurtia = await assign(
      { ...base, personId: udmurtPerson.id, regionId: udmurtia.gid, serviceId: federal },
      curator,
    );
    expect([inSmolensk.outcome?.__typename, inUdmurtia.outcome?.__typename]).toEqual([
      "MutationAssignCuratorSuccess",
      "MutationAssignCuratorSuccess",
    ]);
    expect(inSmolensk.outcome?.data?.validTo).toBeNull();
  });

  it("ends a period (not before it began), edits only the note, and refuses stale versions", async () => {
    const service = await newService(smolensk.id);
    const person = await newPerson(smolensk.gid);
    const made = await assign(
      { personId: person.id, serviceId: service, regionId: smolensk.gid, validFrom: "2026-02-01" },
      curator,
    );
    const assignment = made.outcome?.data as AssignmentData;

    const noted = await mutate<AssignmentData>(
      "updateCuratorAssignment",
      ASSIGNMENT,
      { id: assignment.id, version: 1, note: "Приказ № 12" },
      curator,
    );
    expect(noted.outcome?.data).toMatchObject({
      note: "Приказ № 12",
      version: 2,
      validFrom: "2026-02-01",
      validTo: null,
    });

    const tooEarly = await mutate(
      "endCuratorAssignment",
      "id",
      { id: assignment.id, version: 2, validTo: "2026-01-31" },
      curator,
    );
    expect(tooEarly.outcome?.__typename).toBe("ValidationError");
    expect(tooEarly.outcome?.issues?.[0]?.field).toBe("input.validTo");

    const stale = await mutate(
      "endCuratorAssignment",
      "id",
      { id: assignment.id, version: 1, validTo: "2026-06-30" },
      curator,
    );
    expect(stale.outcome?.__typename).toBe("ConflictError");
    expect(stale.outcome?.currentVersion).toBe(2);
    const unchanged = await prisma.curatorAssignment.findUniqueOrThrow({ where: { id: localId(assignment.id) } });
    expect(unchanged.validTo).toBeNull();

    const ended = await mutate<AssignmentData>(
      "endCuratorAssignment",
      ASSIGNMENT,
      { id: assignment.id, version: 2, validTo: "2026-06-30" },
      curator,
    );
    expect(ended.outcome?.data).toMatchObject({ validTo: "2026-06-30", active: false, version: 3 });
    const again = await mutate(
      "endCuratorAssignment",
      "id",
      { id: assignment.id, version: 3, validTo: "2026-07-31" },
      curator,
    );
    expect(again.outcome?.__typename).toBe("ValidationError");

    const logs = await prisma.changeLog.findMany({
      where: { entityId: localId(assignment.id) },
      orderBy: { at: "asc" },
    });
    expect(logs.map((l) => l.action)).toEqual(["CREATE", "UPDATE", "UPDATE"]);
    expect(Object.keys(logs[1]?.changes as object)).toEqual(["note"]);
    expect(Object.keys(logs[2]?.changes as object)).toEqual(["validTo"]);
  });

  it("offers no way to delete history", async () => {
    const fields = await gql<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "Mutation") { fields { name } } }`,
    );
    const names = fields.data?.__type.fields.map((f) => f.name) ?? [];
    expect(names).toContain("endCuratorAssignment");
    expect(names.filter((n) => /delete.*(curator|assignment|person)/i.test(n))).toEqual([]);
  });
});
