// What the admin panel's forms need of geography, organisations and centres: the version
// to send back with an update, archived organisations to restore, and who verified a centre.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql } from "../helpers/graphql.js";

const RESULT = `__typename ... on Error { message } ... on ConflictError { currentVersion }`;

let admin: Record<string, string>;
let curator: Record<string, string>;
let operator: Record<string, string>;
let smolenskId: string;

beforeAll(async () => {
  admin = await asUser("admin@dostup.local");
  curator = await asUser("curator@dostup.local");
  operator = await asUser("operator@dostup.local");
  const smolensk = await prisma.region.findFirstOrThrow({ where: { code: "67" } });
  smolenskId = toGlobalId("Region", smolensk.id);
});

describe("versions read by the admin panel", () => {
  it("gives regions, municipalities and settlements the version their updates check", async () => {
    const municipality = await prisma.municipality.findFirstOrThrow({
      where: { region: { code: "67" } },
      include: { settlements: true },
    });
    const settlement = municipality.settlements[0];
    if (!settlement) throw new Error("The demo municipality has no settlement");
    const read = await gql<{
      node: { version: number; settlements: { id: string; version: number }[]; region: { version: number } };
    }>(
      `query M($id: ID!) { node(id: $id) { ... on Municipality { version region { version } settlements { id version } } } }`,
      { id: toGlobalId("Municipality", municipality.id) },
      curator,
    );
    expect(read.data?.node.version).toBe(municipality.version);
    const readSettlement = read.data?.node.settlements.find(
      (row) => row.id === toGlobalId("Settlement", settlement.id),
    );
    expect(readSettlement?.version).toBe(settlement.version);

    const renamed = await gql<{ updateSettlement: { __typename: string; data?: { name: string; version: number } } }>(
      `mutation S($input: UpdateSettlementInput!) { updateSettlement(input: $input) { ${RESULT} ... on MutationUpdateSettlementSuccess { data { name version } } } }`,
      {
        input: { id: toGlobalId("Settlement", settlement.id), version: readSettlement?.version, name: settlement.name },
      },
      curator,
    );
    expect(renamed.data?.updateSettlement.__typename).toBe("MutationUpdateSettlementSuccess");
    expect(renamed.data?.updateSettlement.data?.version).toBe(settlement.version + 1);

    const stale = await gql<{ updateSettlement: { __typename: string; currentVersion?: number } }>(
      `mutation S($input: UpdateSettlementInput!) { updateSettlement(input: $input) { ${RESULT} } }`,
      { input: { id: toGlobalId("Settlement", settlement.id), version: settlement.version, isRural: true } },
      curator,
    );
    expect(stale.data?.updateSettlement).toMatchObject({
      __typename: "ConflictError",
      currentVersion: settlement.version + 1,
    });

    const region = await gql<{ node: { version: number } }>(
      `query R($id: ID!) { node(id: $id) { ... on Region { version } } }`,
      { id: smolenskId },
      admin,
    );
    const smolensk = await prisma.region.findFirstOrThrow({ where: { code: "67" } });
    expect(region.data?.node.version).toBe(smolensk.version);
  });
});

describe("archived organisations", () => {
  it("leave the list, come back with includeArchived and archivedAt, and restore with their version", async () => {
    const created = await gql<{ createOrganisation: { data: { id: string; version: number; archivedAt: null } } }>(
      `mutation C($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${RESULT} ... on MutationCreateOrganisationSuccess { data { id version archivedAt } } } }`,
      { input: { regionId: smolenskId, name: "Библиотека для архива (admin-records)", kind: "LIBRARY" } },
      curator,
    );
    const organisation = created.data?.createOrganisation.data;
    expect(organisation?.version).toBe(1);
    expect(organisation?.archivedAt).toBeNull();

    const archived = await gql<{
      archiveOrganisation: { __typename: string; data?: { version: number; archivedAt: string } };
    }>(
      `mutation A($input: VersionedInput!) { archiveOrganisation(input: $input) { ${RESULT} ... on MutationArchiveOrganisationSuccess { data { version archivedAt } } } }`,
      { input: { id: organisation?.id, version: 1 } },
      curator,
    );
    expect(archived.data?.archiveOrganisation.__typename).toBe("MutationArchiveOrganisationSuccess");
    expect(archived.data?.archiveOrganisation.data?.archivedAt).toBeTruthy();

    const LIST = `query L($filter: OrganisationFilter) { organisations(first: 10, filter: $filter) { edges { node { id archivedAt } } } }`;
    const search = "для архива (admin-records)";
    const active = await gql<{ organisations: { edges: { node: { id: string } }[] } }>(
      LIST,
      { filter: { search } },
      curator,
    );
    expect(active.data?.organisations.edges).toEqual([]);
    const all = await gql<{ organisations: { edges: { node: { id: string; archivedAt: string | null } }[] } }>(
      LIST,
      { filter: { search, includeArchived: true } },
      curator,
    );
    expect(all.data?.organisations.edges.map((edge) => edge.node.id)).toEqual([organisation?.id]);
    expect(all.data?.organisations.edges[0]?.node.archivedAt).toBeTruthy();

    const restored = await gql<{
      restoreOrganisation: { __typename: string; data?: { version: number; archivedAt: null } };
    }>(
      `mutation R($input: VersionedInput!) { restoreOrganisation(input: $input) { ${RESULT} ... on MutationRestoreOrganisationSuccess { data { version archivedAt } } } }`,
      { input: { id: organisation?.id, version: archived.data?.archiveOrganisation.data?.version } },
      curator,
    );
    expect(restored.data?.restoreOrganisation.data).toEqual({ version: 3, archivedAt: null });
  });
});

describe("a centre's last verification", () => {
  it("names the curator who verified it, and hides the name from operators", async () => {
    const operatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
    const centre = await prisma.centre.findUniqueOrThrow({ where: { id: operatorUser.centreId ?? "" } });
    const curatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "curator@dostup.local" } });
    const id = toGlobalId("Centre", centre.id);
    const verified = await gql<{
      verifyCentre: { __typename: string; data?: { lastVerifiedAt: string; lastVerifiedByName: string } };
    }>(
      `mutation V($input: VersionedInput!) { verifyCentre(input: $input) { ${RESULT} ... on MutationVerifyCentreSuccess { data { lastVerifiedAt lastVerifiedByName } } } }`,
      { input: { id, version: centre.version } },
      curator,
    );
    expect(verified.data?.verifyCentre.__typename).toBe("MutationVerifyCentreSuccess");
    expect(verified.data?.verifyCentre.data?.lastVerifiedByName).toBe(curatorUser.fullName);

    const asOperator = await gql<{ node: { lastVerifiedAt: string; lastVerifiedByName: string | null } }>(
      `query N($id: ID!) { node(id: $id) { ... on Centre { lastVerifiedAt lastVerifiedByName } } }`,
      { id },
      operator,
    );
    expect(asOperator.errors).toBeUndefined();
    expect(asOperator.data?.node.lastVerifiedAt).toBe(verified.data?.verifyCentre.data?.lastVerifiedAt);
    expect(asOperator.data?.node.lastVerifiedByName).toBeNull();
  });
});
