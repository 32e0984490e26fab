// The event register (issue 14, item 1) on the documents' facts: Pskov's campaigns and
// Udmurtia's 2018 forums, recorded, listed and guarded by region like the rest.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import { localId, type PeopleFixtures, peopleFixtures, run } from "../helpers/people.js";
import { recordSql } from "../helpers/sql.js";
import { newUser } from "../helpers/users.js";

type Headers = Record<string, string>;

const EVENT = `id kind title startsOn endsOn audience participants description archivedAt version
  region { code } hostOrganisation { name } centre { name } municipalities { name }`;

interface EventData {
  id: string;
  kind: string;
  title: string;
  startsOn: string;
  endsOn: string;
  audience: string;
  participants: number | null;
  description: string | null;
  archivedAt: string | null;
  version: number;
  region: { code: string };
  hostOrganisation: { name: string } | null;
  centre: { name: string } | null;
  municipalities: { name: string }[];
}

const EVENTS = `query E($filter: EventFilter, $orderBy: EventOrderBy) {
  events(first: 100, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { node { id title startsOn participants archivedAt region { code } } }
  }
}`;

interface EventsPage {
  events: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        title: string;
        startsOn: string;
        participants: number | null;
        archivedAt: string | null;
        region: { code: string };
      };
    }[];
  };
}

let fx = {} as PeopleFixtures;
let pskovCurator: Headers;
let pskovLibrary: string;
let pskovCentre: string;
let pskovCity: string;
let pskovDistrict: string;
let udmurtDistricts: { gid: string; library: string; name: string }[] = [];

const gidOf = (type: string, id: string) => toGlobalId(type, id);

beforeAll(async () => {
  fx = await peopleFixtures();
  pskovCurator = (await newUser("CURATOR", ["60"])).headers;
  const library = await prisma.organisation.findFirstOrThrow({
    where: { regionId: fx.pskov.id, name: { startsWith: "Псковская областная" } },
  });
  pskovLibrary = gidOf("Organisation", library.id);
  pskovCentre = gidOf(
    "Centre",
    (await prisma.centre.findFirstOrThrow({ where: { regionId: fx.pskov.id }, orderBy: { name: "asc" } })).id,
  );
  const municipalities = await prisma.municipality.findMany({
    where: { regionId: fx.pskov.id, name: { in: ["город Псков", "Псковский район"] } },
  });
  const named = (name: string) => gidOf("Municipality", municipalities.find((m) => m.name === name)?.id ?? "");
  pskovCity = named("город Псков");
  pskovDistrict = named("Псковский район");
  const districts = await prisma.municipality.findMany({
    where: { regionId: fx.udmurtia.id, kind: "MUNICIPAL_OKRUG" },
    include: { organisations: { where: { kind: "LIBRARY" }, take: 1 } },
    orderBy: { name: "asc" },
    take: 5,
  });
  udmurtDistricts = districts.map((d) => ({
    gid: gidOf("Municipality", d.id),
    library: gidOf("Organisation", d.organisations[0]?.id ?? ""),
    name: d.name,
  }));
});

/** Pskov's campaign as its curator records it. */
function pskovCampaign(title: string, extra: Record<string, unknown> = {}) {
  return {
    regionId: fx.pskov.gid,
    kind: "CAMPAIGN",
    title: `${title} ${run}`,
    startsOn: "2025-11-24",
    endsOn: "2025-11-28",
    audience: "CITIZENS",
    hostOrganisationId: pskovLibrary,
    centreId: pskovCentre,
    municipalityIds: [pskovCity, pskovDistrict],
    ...extra,
  };
}

const list = (filter: Record<string, unknown>, headers: Headers = {}, orderBy?: Record<string, unknown>) =>
  gql<EventsPage>(EVENTS, { filter: { search: run, ...filter }, orderBy }, headers);

describe("event register", () => {
  it("records Pskov's two campaigns by its curator, lists them with filters, and logs each change", async () => {
    const day = await ok<EventData>(
      "createEvent",
      EVENT,
      pskovCampaign("День гражданина информационного общества", { participants: 340 }),
      { headers: pskovCurator },
    );
    expect(day).toMatchObject({
      kind: "CAMPAIGN",
      audience: "CITIZENS",
      startsOn: "2025-11-24",
      endsOn: "2025-11-28",
      participants: 340,
      region: { code: "60" },
      archivedAt: null,
      version: 1,
    });
    expect(day.hostOrganisation?.name).toMatch(/Псковская/);
    expect(day.municipalities.map((m) => m.name).sort()).toEqual(["Псковский район", "город Псков"].sort());
    const partnership = await ok<EventData>(
      "createEvent",
      EVENT,
      pskovCampaign("Деловое партнерство информации и гражданина", {
        startsOn: "2026-04-13",
        endsOn: "2026-04-17",
        municipalityIds: [pskovCity],
      }),
      // The administrator records the second.
      {},
    );
    // A seminar for staff, so the filters have something to leave out.
    await ok(
      "createEvent",
      "id",
      pskovCampaign("Семинар для библиотекарей", {
        kind: "SEMINAR",
        audience: "STAFF",
        startsOn: "2026-02-10",
        endsOn: "2026-02-10",
      }),
      {
        headers: pskovCurator,
      },
    );

    const campaigns = await list({ regionId: fx.pskov.gid, kind: "CAMPAIGN" }, fx.auditor, {
      field: "STARTS_ON",
      direction: "ASC",
    });
    expect(campaigns.data?.events.totalCount).toBe(2);
    expect(campaigns.data?.events.edges.map((e) => e.node.title)).toEqual([day.title, partnership.title]);
    const forCitizens2026 = await list({ audience: "CITIZENS", from: "2026-01-01", to: "2026-12-31" }, pskovCurator);
    expect(forCitizens2026.data?.events.edges.map((e) => e.node.title)).toEqual([partnership.title]);
    // A period overlapping the campaign's week (it ends on the 28th) finds it.
    const lastDays = await list({ from: "2025-11-27", to: "2025-11-30" }, pskovCurator);
    expect(lastDays.data?.events.edges.map((e) => e.node.title)).toEqual([day.title]);
    const byTitle = await list({ search: `Деловое партнерство информации и гражданина ${run}` }, pskovCurator);
    expect(byTitle.data?.events.totalCount).toBe(1);

    // Only the fields given change; the municipalities are replaced when given.
    const updated = await ok<EventData>(
      "updateEvent",
      EVENT,
      { id: day.id, version: day.version, participants: 412, municipalityIds: [pskovDistrict] },
      { headers: pskovCurator },
    );
    expect(updated).toMatchObject({ participants: 412, title: day.title, startsOn: "2025-11-24", version: 2 });
    expect(updated.municipalities.map((m) => m.name)).toEqual(["Псковский район"]);
    const logs = await prisma.changeLog.findMany({
      where: { entity: "Event", entityId: localId(day.id) },
      orderBy: { at: "asc" },
    });
    expect(logs.map((l) => l.action)).toEqual(["CREATE", "UPDATE"]);
    expect(logs[1]?.changes).toMatchObject({
      participants: { from: 340, to: 412 },
      _note: { municipalityIds: { to: [localId(pskovDistrict)] } },
    });

    // A stale version: ConflictError with the version to reload, and nothing changed.
    const stale = await mutate(
      "updateEvent",
      "id",
      { id: day.id, version: 1, participants: 1 },
      { headers: pskovCurator },
    );
    expect(stale.outcome).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
    const row = await prisma.event.findUniqueOrThrow({ where: { id: localId(day.id) } });
    expect([row.participants, row.version]).toEqual([412, 2]);
  });

  it("lists Udmurtia's five forums of 2018, 500+ people in all, and hides them from another region's curator", async () => {
    const participants = [96, 112, 104, 88, 121];
    const forums: EventData[] = [];
    for (const [i, district] of udmurtDistricts.entries())
      forums.push(
        await ok<EventData>("createEvent", EVENT, {
          regionId: fx.udmurtia.gid,
          kind: "FORUM",
          title: `Форум ${district.name} ${run}`,
          startsOn: `2018-0${i + 3}-15`,
          endsOn: `2018-0${i + 3}-15`,
          audience: "CITIZENS",
          participants: participants[i],
          hostOrganisationId: district.library,
          municipalityIds: [district.gid],
        }),
      );
    expect(forums).toHaveLength(5);
    const in2018 = await list(
      { regionId: fx.udmurtia.gid, kind: "FORUM", from: "2018-01-01", to: "2018-12-31" },
      fx.curator,
    );
    expect(in2018.data?.events.totalCount).toBe(5);
    const total = (in2018.data?.events.edges ?? []).reduce((sum, e) => sum + (e.node.participants ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(500);
    expect((await list({ regionId: fx.udmurtia.gid, from: "2019-01-01" }, fx.curator)).data?.events.totalCount).toBe(0);

    // Pskov's curator neither sees nor changes them: the list is empty, node(id) null, changes not found.
    const theirs = await list({ regionId: fx.udmurtia.gid }, pskovCurator);
    expect(theirs.data?.events.totalCount).toBe(0);
    const forum = forums[0] as EventData;
    const node = await gql<{ node: unknown }>(
      `query N($id: ID!) { node(id: $id) { id } }`,
      { id: forum.id },
      pskovCurator,
    );
    expect(node.data?.node).toBeNull();
    const change = await mutate(
      "updateEvent",
      "id",
      { id: forum.id, version: forum.version, participants: 0 },
      { headers: pskovCurator },
    );
    expect(change.outcome?.__typename).toBe("NotFoundError");
    const archive = await mutate(
      "archiveEvent",
      "id",
      { id: forum.id, version: forum.version },
      {
        headers: pskovCurator,
        inputType: "VersionedInput",
      },
    );
    expect(archive.outcome?.__typename).toBe("NotFoundError");
    const create = await mutate(
      "createEvent",
      "id",
      { ...pskovCampaign("Чужая акция"), regionId: fx.udmurtia.gid },
      { headers: pskovCurator },
    );
    expect(create.outcome?.__typename).toBe("NotFoundError");
    // Nor the other way round: Udmurtia's curator reads Pskov's region as not found.
    const intoPskov = await mutate("createEvent", "id", pskovCampaign("Чужая акция"), { headers: fx.curator });
    expect(intoPskov.outcome?.__typename).toBe("NotFoundError");
    const row = await prisma.event.findUniqueOrThrow({ where: { id: localId(forum.id) } });
    expect([row.participants, row.archivedAt, row.version]).toEqual([96, null, 1]);
    expect(await prisma.event.count({ where: { title: { startsWith: "Чужая акция" } } })).toBe(0);
  });

  it("shows a partner non-archived events only, and archives and restores with the log", async () => {
    const event = await ok<EventData>("createEvent", EVENT, pskovCampaign("Медиаграмотность", { kind: "LECTURE" }));
    const partnerSees = async () =>
      (await list({ regionId: fx.pskov.gid, kind: "LECTURE", includeArchived: true }, fx.partner)).data?.events
        .totalCount;
    expect(await partnerSees()).toBe(1);
    const archived = await ok<EventData>(
      "archiveEvent",
      "archivedAt version",
      { id: event.id, version: event.version },
      { inputType: "VersionedInput" },
    );
    expect(archived.archivedAt).not.toBeNull();
    expect(await partnerSees()).toBe(0);
    const node = await gql<{ node: unknown }>(
      `query N($id: ID!) { node(id: $id) { id } }`,
      { id: event.id },
      fx.partner,
    );
    expect(node.data?.node).toBeNull();
    // Staff see it again when they ask for archived ones.
    const staff = await list({ regionId: fx.pskov.gid, kind: "LECTURE", includeArchived: true }, pskovCurator);
    expect(staff.data?.events.totalCount).toBe(1);
    expect((await list({ regionId: fx.pskov.gid, kind: "LECTURE" }, pskovCurator)).data?.events.totalCount).toBe(0);
    await ok(
      "restoreEvent",
      "id",
      { id: event.id, version: archived.version },
      { headers: pskovCurator, inputType: "VersionedInput" },
    );
    expect(await partnerSees()).toBe(1);
    // A partner reads no project, and writes nothing.
    const write = await mutate("createEvent", "id", pskovCampaign("Партнёрская"), { headers: fx.partner });
    expect(write.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const logs = await prisma.changeLog.findMany({
      where: { entity: "Event", entityId: localId(event.id) },
      orderBy: { at: "asc" },
    });
    expect(logs.map((l) => l.action)).toEqual(["CREATE", "ARCHIVE", "RESTORE"]);
  });

  it("refuses bad input with the field's path and changes nothing", async () => {
    const before = await prisma.event.count();
    const logsBefore = await prisma.changeLog.count({ where: { entity: "Event" } });
    const issues = async (input: Record<string, unknown>, name = "createEvent") => {
      const { outcome } = await mutate(name, "id", input, { headers: pskovCurator });
      expect(outcome?.__typename, JSON.stringify(outcome)).toBe("ValidationError");
      return outcome?.issues?.map((i) => i.field);
    };
    expect(await issues(pskovCampaign("Наоборот", { startsOn: "2025-11-28", endsOn: "2025-11-24" }))).toEqual([
      "input.endsOn",
    ]);
    expect(await issues(pskovCampaign("Минус", { participants: -5 }))).toEqual(["input.participants"]);
    expect(await issues(pskovCampaign("Пусто", { title: "  " }))).toEqual(["input.title"]);
    // Udmurtia's and Smolensk's curator naming a Smolensk district for an Udmurt event.
    const smolenskDistrict = await prisma.municipality.findFirstOrThrow({ where: { regionId: fx.smolensk.id } });
    const mixed = await mutate(
      "createEvent",
      "id",
      {
        ...pskovCampaign("Чужой район"),
        regionId: fx.udmurtia.gid,
        hostOrganisationId: null,
        centreId: null,
        municipalityIds: [udmurtDistricts[0]?.gid, gidOf("Municipality", smolenskDistrict.id)],
      },
      { headers: fx.curator },
    );
    expect(mixed.outcome?.issues?.map((i) => i.field)).toEqual(["input.municipalityIds.1"]);
    // As the administrator, who reads every region: another region's organisation is a mistake in the input.
    const { outcome } = await mutate(
      "createEvent",
      "id",
      pskovCampaign("Чужая библиотека", { hostOrganisationId: udmurtDistricts[0]?.library }),
    );
    expect(outcome?.issues?.map((i) => i.field)).toEqual(["input.hostOrganisationId"]);
    // An existing event moved to end before it starts.
    const event = await ok<EventData>("createEvent", "id version", pskovCampaign("Проверка дат"), {
      headers: pskovCurator,
    });
    expect(await issues({ id: event.id, version: event.version, endsOn: "2025-11-01" }, "updateEvent")).toEqual([
      "input.endsOn",
    ]);
    // An unknown kind is not in the schema's enum: GraphQL refuses it at input.kind before anything runs.
    const unknown = await mutate("createEvent", "id", pskovCampaign("Парад", { kind: "PARADE" }), {
      headers: pskovCurator,
    });
    expect(unknown.outcome).toBeNull();
    expect(unknown.response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unknown.response.errors?.[0]?.message).toMatch(/input\.kind|"PARADE"/);
    expect(await prisma.event.count()).toBe(before + 1);
    expect(await prisma.changeLog.count({ where: { entity: "Event" } })).toBe(logsBefore + 1);
    const row = await prisma.event.findUniqueOrThrow({ where: { id: localId(event.id) } });
    expect(row.version).toBe(1);
  });

  it("reads a page of events with their region, host, centre and municipalities in a fixed number of statements", async () => {
    const { result, statements } = await recordSql(() =>
      gql<{ events: { edges: { node: EventData }[] } }>(
        `{ events(first: 50, filter: { includeArchived: true }) { totalCount edges { node { ${EVENT} } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    // The demo's and this file's events: more rows than statements, so no statement per row.
    expect(result.data?.events.edges.length).toBeGreaterThan(10);
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});
