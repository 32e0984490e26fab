// Who sees and changes people and their curator assignments: never partners or operators; a
// curator within their regions only; the auditor reads without changing.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, mutate } from "../helpers/graphql.js";
import {
  ASSIGNMENTS,
  type AssignmentsPage,
  assign,
  localId,
  NODE_PERSON,
  newPerson,
  newService,
  PEOPLE,
  type PeopleFixtures,
  type PeoplePage,
  peopleFixtures,
} from "../helpers/people.js";

let { curator, auditor, partner, smolensk, pskov, udmurtia } = {} as PeopleFixtures;
beforeAll(async () => {
  ({ curator, auditor, partner, smolensk, pskov, udmurtia } = await peopleFixtures());
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
      { headers: curator },
    );
    expect(created.outcome?.__typename).toBe("NotFoundError");
    const updated = await mutate(
      "updatePerson",
      "id",
      { id: pskovPerson.id, version: pskovPerson.version, phone: "1" },
      { headers: curator },
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
      { headers: auditor },
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
