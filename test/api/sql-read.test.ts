// The centres list's one-statement read (api/lib/sql-read.ts) answers exactly what Prisma answers
// for the same arguments: every role's scope, every filter and order the list takes, every
// column and the relations a page asks for; and anything it does not translate is left to Prisma.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma, Service } from "../../api/generated/prisma/client.js";
import { type Access, accessFor } from "../../api/lib/access.js";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { serviceScope } from "../../api/lib/scopes.js";
import { countInOneStatement, findManyInOneStatement } from "../../api/lib/sql-read.js";
import { centreOrderBy, centreWhere } from "../../api/modules/centres/centres.service.js";
import { asUser, gql } from "../helpers/graphql.js";
import { CURATOR_REGIONS } from "../helpers/roles.js";
import { recordSql } from "../helpers/sql.js";

/** Every column of a centre and of each related row, as the admin panel's richest page asks. */
const everything = (access: Access) =>
  ({
    include: {
      hostOrganisation: true,
      region: true,
      settlement: { include: { municipality: { include: { region: true } } } },
      lastVerifiedBy: { select: { fullName: true } },
      curatorAssignments: {
        where: { validTo: null },
        orderBy: [{ primary: "desc" }, { validFrom: "desc" }, { id: "asc" }],
        include: { person: true },
      },
      services: {
        where: { service: serviceScope(access) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { service: true },
      },
    },
  }) satisfies Prisma.CentreFindManyArgs;

describe("the centres list in one statement", () => {
  const accesses: Record<string, Access> = {};
  let pskov: string;
  let host: string;
  let municipality: string;

  beforeAll(async () => {
    const regions = await prisma.region.findMany({ where: { code: { in: CURATOR_REGIONS } } });
    const regionIds = regions.map((region) => region.id);
    const operator = await prisma.user.findUniqueOrThrow({
      where: { email: "operator@dostup.local" },
      include: { centre: true },
    });
    accesses.admin = accessFor({
      kind: "user",
      userId: "a",
      role: "ADMIN",
      regionIds: [],
      allRegions: true,
      centreId: null,
      centreRegionId: null,
    });
    accesses.curator = accessFor({
      kind: "user",
      userId: "c",
      role: "CURATOR",
      regionIds,
      allRegions: false,
      centreId: null,
      centreRegionId: null,
    });
    accesses.operator = accessFor({
      kind: "user",
      userId: "o",
      role: "OPERATOR",
      regionIds: [],
      allRegions: false,
      centreId: operator.centreId,
      centreRegionId: operator.centre?.regionId ?? null,
    });
    accesses.partner = accessFor({ kind: "partner", apiClientId: "p", scopes: ["registry:read"] });
    accesses.nobody = accessFor(null);
    const centre = await prisma.centre.findFirstOrThrow({ where: { region: { code: "60" } }, orderBy: { id: "asc" } });
    pskov = toGlobalId("Region", centre.regionId);
    host = toGlobalId("Organisation", centre.hostOrganisationId);
    municipality = toGlobalId("Municipality", centre.municipalityId);
  });

  const filters = () => [
    {},
    { includeArchived: true },
    { search: "библиот" },
    { search: "%" },
    { search: "_" },
    { status: "ACTIVE" as const },
    { kind: "LEGAL_INFO" as const },
    { rural: true },
    { rural: false },
    { regionId: pskov },
    { municipalityId: municipality },
    { hostOrganisationId: host },
    { regionId: pskov, rural: true, search: "а" },
  ];
  const orders = [
    undefined,
    { field: "CREATED_AT" as const, direction: "DESC" as const },
    { field: "SIGNATURE_VALID_UNTIL" as const, direction: "ASC" as const },
  ];

  it.each(["admin", "curator", "operator", "partner", "nobody"])("answers as Prisma does, as %s", async (role) => {
    const access = accesses[role] as Access;
    let compared = 0;
    for (const filter of filters())
      for (const orderBy of orders)
        for (const [take, skip] of [
          [30, 0],
          [7, 11],
        ]) {
          const args = {
            where: centreWhere(access, filter),
            orderBy: centreOrderBy(orderBy),
            take,
            skip,
            ...everything(access),
          };
          const fast = await findManyInOneStatement("Centre", args);
          expect(fast, JSON.stringify({ role, filter, orderBy })).toEqual(await prisma.centre.findMany(args));
          compared += fast?.length ?? 0;
        }
    for (const filter of filters()) {
      const where = centreWhere(access, filter);
      expect(await countInOneStatement("Centre", where), JSON.stringify({ role, filter })).toBe(
        await prisma.centre.count({ where }),
      );
    }
    // Not a comparison of empty pages: every role but the signed-out one sees centres.
    if (role !== "nobody") expect(compared).toBeGreaterThan(100);
  });

  it("answers a NULL list column as Prisma does: an empty list", async () => {
    // Rows written by SQL (imports, old migrations) may hold NULL where Prisma writes '{}'.
    const service = await prisma.service.findFirstOrThrow({ orderBy: { id: "asc" } });
    await prisma.$executeRaw`UPDATE "Service" SET "requiredDocuments" = NULL WHERE id = ${service.id}::uuid`;
    try {
      const args = { where: { id: service.id } };
      const fast = await findManyInOneStatement<Service>("Service", args);
      expect(fast).toEqual(await prisma.service.findMany(args));
      expect(fast?.[0]?.requiredDocuments).toEqual([]);
    } finally {
      await prisma.$executeRaw`UPDATE "Service" SET "requiredDocuments" = ${service.requiredDocuments}::text[] WHERE id = ${service.id}::uuid`;
      expect(await prisma.service.findUniqueOrThrow({ where: { id: service.id } })).toEqual(service);
    }
  });

  it("leaves to Prisma what it does not translate", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    const where = centreWhere(accesses.admin as Access, {});
    const unsupported: Prisma.CentreFindManyArgs[] = [
      { where, cursor: { id: centre.id }, skip: 1, take: 5 },
      { where: { NOT: { archivedAt: null } } },
      { orderBy: { settlement: { name: "asc" } } },
      { where: { name: { startsWith: "Ц" } } },
      { select: { id: true, _count: { select: { services: true } } } },
      { take: -5 },
      { where: { services: { some: {} } } },
      { where: { name: { equals: undefined } } },
    ];
    for (const args of unsupported)
      expect(await findManyInOneStatement("Centre", args), JSON.stringify(args)).toBeNull();
    expect(await countInOneStatement("Centre", { NOT: { archivedAt: null } })).toBeNull();
  });

  it("asks PostgreSQL once for a page and once for its count, whatever the page size", async () => {
    const admin = await asUser("admin@dostup.local");
    const page = `query($first: Int) { centres(first: $first) { totalCount edges { node { id name
      hostOrganisation { name } settlement { name municipality { name region { name } } }
      activeCurators { role person { lastName } } services { helpKinds service { name } } } } } }`;
    await gql(page, { first: 1 }, admin); // who the token belongs to is then known (lib/identity-cache.ts)
    const small = await recordSql(() => gql(page, { first: 2 }, admin));
    const large = await recordSql(() => gql(page, { first: 100 }, admin));
    expect(small.statements, small.statements.join("\n---\n")).toHaveLength(2);
    expect(large.statements).toHaveLength(2);
  });
});
