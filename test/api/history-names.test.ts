// The History tab reads `changes(recordId) { fields }`: each changed field with the names of the
// records its values refer to, looked up in one batch per page and only within what the reader
// may see, and a report's values by the indicator's name on its form.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { gql, ok } from "../helpers/graphql.js";
import { admin, curator, draft, monthly, operator, REPORT, setUpReports } from "../helpers/reports.js";
import { recordSql } from "../helpers/sql.js";

interface Field {
  field: string;
  label: string | null;
  from: string | null;
  to: string | null;
  fromLabel: string | null;
  toLabel: string | null;
  names: { id: string; name: string | null }[];
}
interface Entry {
  action: string;
  fields: Field[];
}

const HISTORY = `query H($id: ID!) { changes(recordId: $id, first: 50) { edges { node {
  action fields { field label from to fromLabel toLabel names { id name } } } } } }`;

async function history(id: string, headers: Record<string, string>): Promise<Entry[]> {
  const response = await gql<{ changes: { edges: { node: Entry }[] } }>(HISTORY, { id }, headers);
  expect(response.errors).toBeUndefined();
  return response.data?.changes.edges.map((edge) => edge.node) ?? [];
}

const fieldOf = (entry: Entry | undefined, name: string) => entry?.fields.find((field) => field.field === name);

/** A place of a region: a settlement and a host organisation, by the region's code. */
async function place(code: string) {
  const settlement = await prisma.settlement.findFirstOrThrow({
    where: { municipality: { region: { code } } },
    orderBy: { name: "asc" },
  });
  const hosts = await prisma.organisation.findMany({ where: { region: { code } }, orderBy: { name: "asc" }, take: 2 });
  const region = await prisma.region.findUniqueOrThrow({ where: { code } });
  return { region, settlement, hosts };
}

const PERSON = "id version";

async function curatorRegionCode(): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email: "curator@dostup.local" },
    include: { regions: { include: { region: true } } },
  });
  return user.regions[0]?.region.code ?? "";
}

beforeAll(setUpReports);

describe("history names", () => {
  it("names the organisation a person moved to, for their curator, instead of ids", async () => {
    const { region, hosts } = await place(await curatorRegionCode());
    const [first, second] = hosts;
    if (!first || !second) throw new Error(`Region ${region.code} needs two organisations.`);
    const created = await ok<{ id: string; version: number }>(
      "createPerson",
      PERSON,
      {
        lastName: "Историева",
        firstName: "Анна",
        regionId: toGlobalId("Region", region.id),
        organisationId: toGlobalId("Organisation", first.id),
      },
      { headers: curator },
    );
    await ok(
      "updatePerson",
      PERSON,
      {
        id: created.id,
        version: created.version,
        organisationId: toGlobalId("Organisation", second.id),
        contactsConsent: true,
      },
      { headers: curator },
    );
    const [update, create] = await history(created.id, curator);
    expect(update?.action).toBe("UPDATE");
    const organisation = fieldOf(update, "organisationId");
    expect(organisation).toMatchObject({ fromLabel: first.name, toLabel: second.name });
    expect(organisation?.names).toEqual(
      expect.arrayContaining([
        { id: first.id, name: first.name },
        { id: second.id, name: second.name },
      ]),
    );
    // Values that are not ids come as they are stored, with no names.
    expect(fieldOf(update, "contactsConsent")).toMatchObject({
      from: "false",
      to: "true",
      fromLabel: null,
      toLabel: null,
      names: [],
    });
    // The creation names the region the person was filed under.
    expect(fieldOf(create, "regionId")?.toLabel).toBe(region.name);
  });

  it("does not tell a curator the names of another region's records the history refers to", async () => {
    const own = await place(await curatorRegionCode());
    const [ownHost] = own.hosts;
    const curatorUser = await prisma.user.findUniqueOrThrow({
      where: { email: "curator@dostup.local" },
      include: { regions: true },
    });
    const outside = await prisma.region.findFirstOrThrow({
      where: { id: { notIn: curatorUser.regions.map((r) => r.regionId) }, organisations: { some: {} } },
      orderBy: { code: "asc" },
    });
    const [awayHost] = (await place(outside.code)).hosts;
    if (!awayHost || !ownHost) throw new Error("Both regions need an organisation.");
    // The administrator names another region's body as the competent authority of a regional service.
    const service = await ok<{ id: string; version: number }>(
      "createService",
      "id version",
      {
        name: "Услуга истории (орган другого региона)",
        level: "REGIONAL",
        regionId: toGlobalId("Region", own.region.id),
        competentAuthorityId: toGlobalId("Organisation", awayHost.id),
      },
      { headers: admin },
    );
    await ok(
      "updateService",
      "id version",
      { id: service.id, version: service.version, competentAuthorityId: toGlobalId("Organisation", ownHost.id) },
      { headers: admin },
    );
    const [change, creation] = await history(service.id, curator);
    expect(fieldOf(change, "competentAuthorityId")).toMatchObject({ fromLabel: null, toLabel: ownHost.name });
    expect(fieldOf(change, "competentAuthorityId")?.names).toContainEqual({ id: awayHost.id, name: null });
    expect(fieldOf(creation, "competentAuthorityId")?.toLabel).toBeNull();
    expect(JSON.stringify([change, creation])).not.toContain(awayHost.name);
    // The administrator, who sees both regions, reads both names.
    const [adminChange] = await history(service.id, admin);
    expect(fieldOf(adminChange, "competentAuthorityId")).toMatchObject({
      fromLabel: awayHost.name,
      toLabel: ownHost.name,
    });
  });

  it("names a report's changed indicators as its form does, with the old and new values", async () => {
    const report = await draft("2026-02-01");
    const first = await ok<{ version: number }>(
      "setReportValues",
      REPORT,
      { id: report.id, version: report.version, values: [{ indicatorCode: "USERS", total: 10, rural: 4 }] },
      { headers: operator },
    );
    const second = await ok<{ version: number }>(
      "setReportValues",
      REPORT,
      { id: report.id, version: first.version, values: [{ indicatorCode: "USERS", total: 12, rural: 5 }] },
      { headers: operator },
    );
    const indicator = await prisma.reportIndicator.findFirstOrThrow({ where: { code: "USERS", formId: monthly.dbId } });
    const [latest] = await history(report.id, curator);

    const values = fieldOf(latest, "values.USERS");
    expect(values?.label).toBe(indicator.name);
    expect(JSON.parse(values?.from ?? "null")).toEqual({ total: 10, rural: 4 });
    expect(JSON.parse(values?.to ?? "null")).toEqual({ total: 12, rural: 5 });
    // Who submitted it: the operator, by name, as the entry's actor is.
    await ok(
      "submitReport",
      REPORT,
      { id: report.id, version: second.version },
      {
        headers: operator,
        inputType: "VersionedInput",
      },
    );
    const operatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
    const [submission] = await history(report.id, curator);
    expect(submission?.action).toBe("TRANSITION");
    expect(fieldOf(submission, "submittedById")?.toLabel).toBe(operatorUser.fullName);
    expect(fieldOf(submission, "status")).toMatchObject({ from: '"DRAFT"', to: '"SUBMITTED"' });
  });

  it("looks the names of a page up in a few statements, however many entries it has", async () => {
    const person = await prisma.person.findFirstOrThrow({ where: { lastName: "Историева" } });
    const hosts = await prisma.organisation.findMany({
      where: { regionId: person.regionId },
      orderBy: { name: "asc" },
    });
    const id = toGlobalId("Person", person.id);
    const count = async () => (await recordSql(() => history(id, curator))).statements.length;
    const before = await count();
    let version = person.version;
    // Each change names another organisation: unbatched, every entry would cost a lookup.
    for (const host of [...hosts, ...hosts].slice(0, 4)) {
      ({ version } = await ok<{ id: string; version: number }>(
        "updatePerson",
        PERSON,
        { id, version, organisationId: toGlobalId("Organisation", host.id) },
        { headers: curator },
      ));
    }
    const entries = await history(id, curator);
    expect(entries.filter((entry) => fieldOf(entry, "organisationId")?.toLabel).length).toBeGreaterThan(2);
    expect(await count()).toBe(before);
  });
});
