// Curator assignments: who is responsible for a service, centre or region, and since when. History
// is kept, never overwritten: a new primary curator closes the previous one's period, and at most
// one primary curator of a target is active.
import { beforeAll, describe, expect, it } from "vitest";
import { change } from "../../api/lib/change.js";
import { prisma } from "../../api/lib/db.js";
import { ConflictError } from "../../api/lib/errors.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { gql, mutate } from "../helpers/graphql.js";
import {
  ASSIGNMENT,
  ASSIGNMENTS,
  type AssignmentData,
  type AssignmentsPage,
  assign,
  localId,
  newPerson,
  newService,
  type PeopleFixtures,
  peopleFixtures,
} from "../helpers/people.js";

let { curator, smolensk, udmurtia } = {} as PeopleFixtures;
beforeAll(async () => {
  ({ curator, smolensk, udmurtia } = await peopleFixtures());
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
    /** Ends the assignment's period as the curator. */
    const end = (version: number, validTo: string, selection = "id") =>
      mutate<AssignmentData>(
        "endCuratorAssignment",
        selection,
        { id: assignment.id, version, validTo },
        { headers: curator },
      );

    const noted = await mutate<AssignmentData>(
      "updateCuratorAssignment",
      ASSIGNMENT,
      { id: assignment.id, version: 1, note: "Приказ № 12" },
      { headers: curator },
    );
    expect(noted.outcome?.data).toMatchObject({
      note: "Приказ № 12",
      version: 2,
      validFrom: "2026-02-01",
      validTo: null,
    });

    const tooEarly = await end(2, "2026-01-31");
    expect(tooEarly.outcome?.__typename).toBe("ValidationError");
    expect(tooEarly.outcome?.issues?.[0]?.field).toBe("input.validTo");

    const stale = await end(1, "2026-06-30");
    expect(stale.outcome?.__typename).toBe("ConflictError");
    expect(stale.outcome?.currentVersion).toBe(2);
    const unchanged = await prisma.curatorAssignment.findUniqueOrThrow({ where: { id: localId(assignment.id) } });
    expect(unchanged.validTo).toBeNull();

    const ended = await end(2, "2026-06-30", ASSIGNMENT);
    expect(ended.outcome?.data).toMatchObject({ validTo: "2026-06-30", active: false, version: 3 });
    const again = await end(3, "2026-07-31");
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
