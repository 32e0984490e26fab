import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { readCsv } from "../../api/modules/spreadsheets/sheet-files.js";
import { asUser, gql, mutate, type Outcome, ok, useIdentity } from "../helpers/graphql.js";

interface CentreData {
  id: string;
  name: string;
  version: number;
  status: string;
}

const CENTRE = "id name version status";

let curator: Record<string, string>;
let auditor: Record<string, string>;
let smolensk: { settlementId: string; hostId: string };
let pskov: { settlementId: string; hostId: string };

async function place(code: string) {
  const settlement = await prisma.settlement.findFirstOrThrow({ where: { municipality: { region: { code } } } });
  const host = await prisma.organisation.findFirstOrThrow({ where: { region: { code } } });
  return { settlementId: toGlobalId("Settlement", settlement.id), hostId: toGlobalId("Organisation", host.id) };
}

async function create(name: string, where = smolensk, headers = curator) {
  const { outcome } = await mutate<CentreData>(
    "createCentre",
    CENTRE,
    {
      name,
      address: "ул. Ленина, 1",
      kinds: ["PUBLIC_ACCESS"],
      settlementId: where.settlementId,
      hostOrganisationId: where.hostId,
    },
    { headers },
  );
  return outcome as Outcome<CentreData>;
}

beforeAll(async () => {
  curator = await asUser("curator@dostup.local");
  auditor = await asUser("auditor@dostup.local");
  useIdentity(curator);
  smolensk = await place("67");
  pskov = await place("60");
});

describe("centre changes", () => {
  it("lets a curator create a centre in their region, logged with who and what", async () => {
    const created = await create("ЦОД тестовый (создание)");
    expect(created.__typename).toBe("MutationCreateCentreSuccess");
    const id = created.data?.id ?? "";
    const history = await gql<{
      changes: { totalCount: number; edges: { node: { action: string; actorName: string; changes: string } }[] };
    }>(
      `query H($id: ID!) { changes(recordId: $id, first: 10) { totalCount edges { node { action actorName changes } } } }`,
      { id },
    );
    expect(history.data?.changes.totalCount).toBe(1);
    const entry = history.data?.changes.edges[0]?.node;
    expect(entry?.action).toBe("CREATE");
    expect(entry?.actorName).toBeTruthy();
    expect(JSON.parse(entry?.changes ?? "{}").name).toEqual({ from: null, to: "ЦОД тестовый (создание)" });
  });

  it("refuses a curator outside their regions and an auditor altogether, writing nothing", async () => {
    const before = await prisma.centre.count();
    const outside = await create("Чужой регион", pskov);
    expect(outside.__typename).toBe("NotFoundError");
    const { response: asAuditor } = await mutate(
      "createCentre",
      CENTRE,
      {
        name: "x",
        address: "x",
        kinds: ["PUBLIC_ACCESS"],
        settlementId: smolensk.settlementId,
        hostOrganisationId: smolensk.hostId,
      },
      { headers: auditor },
    );
    expect(asAuditor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await prisma.centre.count()).toBe(before);
  });

  it("updates with the version read, and refuses a stale version without changing anything", async () => {
    const created = await create("ЦОД для правки");
    const id = created.data?.id ?? "";
    const { outcome: first } = await mutate<CentreData>("updateCentre", CENTRE, {
      id,
      version: 1,
      name: "ЦОД после правки",
      status: "TEMPORARILY_CLOSED",
      statusAlert: "Ремонт",
    });
    expect(first?.data).toMatchObject({
      name: "ЦОД после правки",
      version: 2,
      status: "TEMPORARILY_CLOSED",
    });
    const { outcome: stale } = await mutate<CentreData>("updateCentre", CENTRE, {
      id,
      version: 1,
      name: "Потерянная правка",
    });
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
    const row = await prisma.centre.findFirstOrThrow({
      where: { name: { in: ["ЦОД после правки", "Потерянная правка"] } },
    });
    expect(row).toMatchObject({ name: "ЦОД после правки", version: 2 });
    const log = await prisma.changeLog.findMany({ where: { entityId: row.id }, orderBy: { at: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["CREATE", "UPDATE"]);
    expect((log[1]?.changes as Record<string, unknown> | undefined)?.status).toEqual({
      from: "ACTIVE",
      to: "TEMPORARILY_CLOSED",
    });
  });

  it("answers bad input with every field's problem and writes nothing", async () => {
    const created = await create("ЦОД для проверок");
    const id = created.data?.id ?? "";
    const { outcome: bad } = await mutate<CentreData>("updateCentre", CENTRE, {
      id,
      version: 1,
      name: "  ",
      workstations: -1,
      latitude: 95,
      email: "не почта",
    });
    expect(bad?.__typename).toBe("ValidationError");
    const fields = bad?.issues?.map((i) => i.field).sort();
    expect(fields).toEqual(["input.email", "input.latitude", "input.name", "input.workstations"]);
    const row = await prisma.centre.findFirstOrThrow({ where: { name: "ЦОД для проверок" } });
    expect(row.version).toBe(1);
  });

  it("archives a centre out of the lists and restores it", async () => {
    const created = await create("ЦОД для архива");
    const id = created.data?.id ?? "";
    const versioned = { inputType: "VersionedInput" };
    const { outcome: archived } = await mutate("archiveCentre", "id", { id, version: 1 }, versioned);
    expect(archived?.__typename).toBe("MutationArchiveCentreSuccess");
    const list = await gql<{ centres: { totalCount: number } }>(
      `{ centres(first: 1, filter: { search: "ЦОД для архива" }) { totalCount } }`,
    );
    expect(list.data?.centres.totalCount).toBe(0);
    const withArchived = await gql<{ centres: { totalCount: number } }>(
      `{ centres(first: 1, filter: { search: "ЦОД для архива", includeArchived: true }) { totalCount } }`,
    );
    expect(withArchived.data?.centres.totalCount).toBe(1);
    const { outcome: restored } = await mutate("restoreCentre", "id", { id, version: 2 }, versioned);
    expect(restored?.__typename).toBe("MutationRestoreCentreSuccess");
  });

  it("keeps opening hours, exceptions and mobile visits, each checked", async () => {
    const created = await create("Мобильный офис (тест)");
    const id = created.data?.id ?? "";
    await ok("updateCentre", "version", { id, version: 1, kinds: ["MOBILE_OFFICE"] });
    const { outcome: hours } = await mutate<{ version: number }>("setCentreOpeningHours", "version", {
      id,
      version: 2,
      hours: [
        { weekday: 1, opens: "09:00", closes: "18:00" },
        { weekday: 6, opens: "10:00", closes: "14:00" },
      ],
    });
    expect(hours?.data?.version).toBe(3);
    const { outcome: badHours } = await mutate("setCentreOpeningHours", "version", {
      id,
      version: 3,
      hours: [{ weekday: 8, opens: "18:00", closes: "09:00" }],
    });
    expect(badHours?.__typename).toBe("ValidationError");

    const { outcome: exception } = await mutate("addOpeningHoursException", "id", {
      centreId: id,
      startsOn: "2026-12-31",
      endsOn: "2027-01-08",
      closed: true,
      reason: "Новогодние праздники",
    });
    expect(exception?.__typename).toBe("MutationAddOpeningHoursExceptionSuccess");
    const added = await prisma.openingHoursException.findFirstOrThrow({
      where: { reason: "Новогодние праздники", centre: { name: "Мобильный офис (тест)" } },
    });
    const { outcome: shorter } = await mutate("updateOpeningHoursException", "version", {
      id: toGlobalId("OpeningHoursException", added.id),
      version: 1,
      closed: false,
      opens: "10:00",
      closes: "15:00",
    });
    expect(shorter?.__typename).toBe("MutationUpdateOpeningHoursExceptionSuccess");
    const { outcome: stale } = await mutate("updateOpeningHoursException", "version", {
      id: toGlobalId("OpeningHoursException", added.id),
      version: 1,
      closed: true,
    });
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
    expect(await prisma.openingHoursException.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({
      closed: false,
      opens: "10:00",
      version: 2,
    });
    const { response: invalidDate } = await mutate("addOpeningHoursException", "id", {
      centreId: id,
      startsOn: "2024-02-30",
      endsOn: "2024-03-01",
      closed: true,
    });
    expect(invalidDate.errors?.[0]?.message).toMatch(/real calendar date/);

    const settlement = await prisma.settlement.findFirstOrThrow({
      where: { municipality: { region: { code: "67" } }, isRural: true },
    });
    const { outcome: visit } = await mutate<{
      peopleServed: number;
      documents: { documentType: string; count: number }[];
    }>("recordMobileVisit", "peopleServed documents { documentType count }", {
      centreId: id,
      settlementId: toGlobalId("Settlement", settlement.id),
      visitedOn: "2026-11-20",
      peopleServed: 37,
      documents: [
        { documentType: "Паспорт гражданина РФ", count: 12 },
        { documentType: "СНИЛС", count: 5 },
      ],
    });
    expect(visit?.data).toEqual({
      peopleServed: 37,
      documents: [
        { documentType: "Паспорт гражданина РФ", count: 12 },
        { documentType: "СНИЛС", count: 5 },
      ],
    });
    const row = await prisma.centre.findFirstOrThrow({
      where: { name: "Мобильный офис (тест)" },
      include: { openingHours: true, hoursExceptions: true, mobileVisits: true },
    });
    expect(row.openingHours).toHaveLength(2);
    expect(row.hoursExceptions).toHaveLength(1);
    expect(row.mobileVisits).toHaveLength(1);
  });

  it("records whether visitors can use the internet: yes unless said, changed like any field, in the CSV", async () => {
    const created = await create("ЦОД тестовый (интернет)");
    const id = created.data?.id ?? "";
    const read = async () =>
      (
        await gql<{ node: { internetAccess: boolean } }>(
          `query R($id: ID!) { node(id: $id) { ... on Centre { internetAccess } } }`,
          { id },
        )
      ).data?.node.internetAccess;
    expect(await read()).toBe(true);
    const updated = await ok<CentreData>("updateCentre", CENTRE, { id, version: 1, internetAccess: false });
    expect(updated.version).toBe(2);
    expect(await read()).toBe(false);
    const { outcome } = await mutate("updateCentre", CENTRE, { id, version: 2, internetAccess: "нет" });
    expect(outcome).toBeNull();
    const csv = await gql<{ centresCsv: string }>(`query C($s: String!) { centresCsv(filter: { search: $s }) }`, {
      s: "ЦОД тестовый (интернет)",
    });
    const [header, row] = readCsv(Buffer.from(csv.data?.centresCsv ?? "", "utf8"));
    expect(row?.[header?.indexOf("internet_access") ?? -1]).toBe("false");
  });
});

describe("query limits", () => {
  /** centres → region → municipalities → region → …: `levels` entity levels, one field each. */
  function chain(levels: number): string {
    let inner = "name";
    for (let level = levels; level > 1; level -= 1) {
      inner = level % 2 === 0 ? `region { ${inner} }` : `municipalities(first: 1) { edges { node { ${inner} } } }`;
    }
    return `{ centres(first: 1) { edges { node { ${inner} } } } }`;
  }

  it("refuses a 13-level deep query before touching the database", async () => {
    const deep = await gql(chain(13));
    expect(deep.data ?? null).toBeNull();
    // Such a query also exceeds the cost limit, which GraphQL Armor checks while parsing.
    expect(deep.errors?.[0]?.message).toMatch(/levels; at most 6|Cost limit/);
  });

  it("counts depth in entity levels: 7 is refused by name, 6 is allowed", async () => {
    const seven = await gql(chain(7));
    expect(seven.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
    expect(seven.errors?.[0]?.message).toBe(
      "The query nests 7 levels; at most 6 are allowed. Split it into smaller queries.",
    );
    const six = await gql(chain(6));
    expect(six.errors).toBeUndefined();
  });

  it("allows a list of centres with settlement → municipality → region and more", async () => {
    const list = await gql<{ centres: { edges: unknown[] } }>(
      `{ centres(first: 50) { edges { node { name hostOrganisation { name } settlement { municipality { region { name } } } services { service { name } } } } } }`,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.centres.edges.length).toBeGreaterThan(0);
  });

  it("refuses an alias flood", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: regions(first: 1) { totalCount }`).join(" ");
    const flood = await gql(`{ ${aliases} }`);
    expect(flood.errors?.[0]?.message).toMatch(/alias/i);
  });
});
