// Municipal curators: Smolensk names a curator of every socially significant service in each of
// its municipalities (seed 002), beside the region's own curator. Each municipality's post is
// a post of its own: replacing its primary curator closes only its period.
import { beforeAll, describe, expect, it } from "vitest";
import { change } from "../../api/lib/change.js";
import { prisma } from "../../api/lib/db.js";
import { ConflictError } from "../../api/lib/errors.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { gql, mutate } from "../helpers/graphql.js";
import { assign, localId, newPerson, newService, type PeopleFixtures, peopleFixtures } from "../helpers/people.js";

let { curator, smolensk, udmurtia } = {} as PeopleFixtures;
let vyazma: string;
let roslavl: string;
let izhevsk: string;

async function municipality(regionId: string, name: string): Promise<string> {
  const row = await prisma.municipality.findFirstOrThrow({ where: { regionId, name } });
  return toGlobalId("Municipality", row.id);
}

beforeAll(async () => {
  ({ curator, smolensk, udmurtia } = await peopleFixtures());
  vyazma = await municipality(smolensk.id, "Вяземский район");
  roslavl = await municipality(smolensk.id, "Рославльский район");
  const udmurt = await prisma.municipality.findFirstOrThrow({ where: { regionId: udmurtia.id } });
  izhevsk = toGlobalId("Municipality", udmurt.id);
});

const PERIODS = `query A($filter: CuratorAssignmentFilter) {
  curatorAssignments(first: 50, filter: $filter, orderBy: { field: VALID_FROM, direction: ASC }) {
    totalCount edges { node { id validFrom validTo person { id } municipality { id name } } }
  }
}`;

type Periods = {
  curatorAssignments: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        validFrom: string;
        validTo: string | null;
        person: { id: string };
        municipality: { id: string; name: string } | null;
      };
    }[];
  };
};

describe("municipal curators", () => {
  it("replacing a municipality's primary curator closes only that municipality's period", async () => {
    const service = await newService(smolensk.id);
    const [region, inVyazma, inRoslavl, next] = await Promise.all([
      newPerson(smolensk.gid),
      newPerson(smolensk.gid),
      newPerson(smolensk.gid),
      newPerson(smolensk.gid),
    ]);
    const base = { serviceId: service, regionId: smolensk.gid, validFrom: "2026-01-12" };
    for (const [personId, municipalityId] of [
      [region.id, null],
      [inVyazma.id, vyazma],
      [inRoslavl.id, roslavl],
    ]) {
      const made = await assign({ ...base, personId, municipalityId }, curator);
      expect(made.outcome?.__typename, JSON.stringify(made.outcome)).toBe("MutationAssignCuratorSuccess");
    }

    const replaced = await assign(
      { ...base, personId: next.id, municipalityId: vyazma, validFrom: "2026-04-01" },
      curator,
    );
    expect(replaced.outcome?.__typename).toBe("MutationAssignCuratorSuccess");

    const all = await gql<Periods>(PERIODS, { filter: { serviceId: service } });
    const byPerson = new Map(all.data?.curatorAssignments.edges.map(({ node }) => [node.person.id, node]));
    expect(byPerson.get(inVyazma.id)).toMatchObject({
      validTo: "2026-03-31",
      municipality: { name: "Вяземский район" },
    });
    expect(byPerson.get(next.id)).toMatchObject({ validTo: null, municipality: { name: "Вяземский район" } });
    expect(byPerson.get(inRoslavl.id)).toMatchObject({ validTo: null, municipality: { name: "Рославльский район" } });
    expect(byPerson.get(region.id)).toMatchObject({ validTo: null, municipality: null });

    const vyazmaOnly = await gql<Periods>(PERIODS, { filter: { serviceId: service, municipalityId: vyazma } });
    expect(vyazmaOnly.data?.curatorAssignments.edges.map(({ node }) => node.person.id)).toEqual([inVyazma.id, next.id]);

    // A new curator of the region itself leaves every municipality's post as it was.
    const newRegional = await newPerson(smolensk.gid);
    await assign({ ...base, personId: newRegional.id, validFrom: "2026-05-01" }, curator);
    const after = await gql<Periods>(PERIODS, { filter: { serviceId: service, activeOnly: true } });
    expect(after.data?.curatorAssignments.edges.map(({ node }) => node.person.id).sort()).toEqual(
      [next.id, inRoslavl.id, newRegional.id].sort(),
    );
  });

  it("names municipalities of the assignment's region, for services and life situations only", async () => {
    const service = await newService(smolensk.id);
    const person = await newPerson(smolensk.gid);
    const before = await prisma.curatorAssignment.count();
    const base = { personId: person.id, serviceId: service, regionId: smolensk.gid, validFrom: "2026-02-01" };

    const foreign = await assign({ ...base, municipalityId: izhevsk }, curator);
    expect(foreign.outcome?.issues).toEqual([
      { field: "input.municipalityId", message: "Choose a municipality of the assignment's region." },
    ]);
    const unknown = await assign({ ...base, municipalityId: toGlobalId("Municipality", crypto.randomUUID()) }, curator);
    expect(unknown.outcome).toMatchObject({ __typename: "NotFoundError", entity: "municipality" });
    const centre = await prisma.centre.findFirstOrThrow({ where: { regionId: smolensk.id } });
    const ofCentre = await mutate(
      "assignCurator",
      "id",
      {
        ...base,
        serviceId: null,
        role: "CENTRE_CURATOR",
        targetType: "CENTRE",
        centreId: toGlobalId("Centre", centre.id),
        primary: true,
        municipalityId: vyazma,
      },
      { headers: curator },
    );
    expect(ofCentre.outcome?.issues?.map((issue) => issue.field)).toEqual(["input.municipalityId"]);
    expect(await prisma.curatorAssignment.count()).toBe(before);
  });

  it("the database keeps one primary active curator per service, region and municipality", async () => {
    const service = await newService(smolensk.id);
    const [a, b] = await Promise.all([newPerson(smolensk.gid), newPerson(smolensk.gid)]);
    const row = (personId: string, municipalityId: string | null) => ({
      personId: localId(personId),
      role: "SERVICE_CURATOR" as const,
      targetType: "SERVICE" as const,
      serviceId: localId(service),
      regionId: smolensk.id,
      municipalityId: municipalityId ? localId(municipalityId) : null,
      validFrom: new Date("2026-01-01"),
      primary: true,
    });
    await prisma.curatorAssignment.create({ data: row(a.id, null) });
    // The region's own post and a municipality's are separate.
    await prisma.curatorAssignment.create({ data: row(b.id, vyazma) });
    const second = change("curator assignment", (tx) => tx.curatorAssignment.create({ data: row(a.id, vyazma) }));
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.curatorAssignment.count({ where: { serviceId: localId(service) } })).toBe(2);
  });
});
