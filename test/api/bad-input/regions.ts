// Ids of other regions' rows, handed to a curator of Smolensk and Udmurtia (and another
// centre's rows to an operator) through every door: node(id), nested fields, filters and
// mutation inputs (region-mutations.ts). Each is answered with nothing of theirs, or a typed
// refusal.
import { prisma } from "../../../api/lib/db.js";
import { toGlobalId } from "../../../api/lib/ids.js";
import type { Fixtures } from "./fixtures.js";
import { answered, type Case, either, empty, type Headers, post, refused } from "./harness.js";
import { mutationCases, type Row } from "./region-mutations.js";

/** One row of each region-bound type in a region, where the demo data has one. */
async function rowsOf(regionId: string): Promise<Record<string, Row | null>> {
  const inRegion = { where: { regionId }, orderBy: { id: "asc" as const } };
  return {
    Region: { id: regionId },
    Centre: await prisma.centre.findFirst(inRegion),
    Organisation: await prisma.organisation.findFirst(inRegion),
    Municipality: await prisma.municipality.findFirst(inRegion),
    Settlement: await prisma.settlement.findFirst({ where: { municipality: { regionId } }, orderBy: { id: "asc" } }),
    Person: await prisma.person.findFirst(inRegion),
    Project: await prisma.project.findFirst(inRegion),
    Event: await prisma.event.findFirst(inRegion),
    CuratorAssignment: await prisma.curatorAssignment.findFirst(inRegion),
    Feedback: await prisma.feedback.findFirst(inRegion),
    Report: await prisma.report.findFirst(inRegion),
    QualityMeasurement: await prisma.qualityMeasurement.findFirst(inRegion),
    MobileVisit: await prisma.mobileVisit.findFirst({ where: { centre: { regionId } }, orderBy: { id: "asc" } }),
    OpeningHoursException: await prisma.openingHoursException.findFirst({
      where: { centre: { regionId } },
      orderBy: { id: "asc" },
    }),
    Service: await prisma.service.findFirst(inRegion),
    LifeSituation: await prisma.lifeSituation.findFirst(inRegion),
    Kpi: await prisma.kpi.findFirst(inRegion),
    KpiValue: await prisma.kpiValue.findFirst(inRegion),
  };
}

const nodeQuery = `query N($id: ID!) { node(id: $id) { __typename id
  ... on Centre { name region { code } } ... on Person { fullName phone } ... on Report { values { total } } } }`;

function nodeCase(name: string, id: string, headers: Headers): Case {
  return {
    name,
    run: () => post(nodeQuery, { id }, headers),
    // Out of scope reads like "no such row" (null); a type the role may not read at all is
    // refused as a whole (FORBIDDEN), with nothing of the row in the answer.
    expect: either(empty("node"), refused("FORBIDDEN")),
  };
}

async function nodeCases(f: Fixtures, rows: Map<string, Record<string, Row | null>>): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [code, byType] of rows)
    for (const [type, row] of Object.entries(byType))
      if (row)
        cases.push(nodeCase(`node: ${type} of region ${code} as the curator`, toGlobalId(type, row.id), f.curator));
  // An operator: another centre's report and files, and the region's internal records.
  const neighbourReports = await prisma.report.findMany({
    where: { centreId: f.neighbourCentre.id },
    take: 3,
    orderBy: { id: "asc" },
  });
  for (const report of neighbourReports)
    cases.push(nodeCase("node: another centre's report as the operator", toGlobalId("Report", report.id), f.operator));
  const internal = await rowsOf(f.operatorCentre.regionId);
  // Feedback on the operator's own centre is theirs to read: take one about anything else.
  internal.Feedback = await prisma.feedback.findFirst({
    where: {
      regionId: f.operatorCentre.regionId,
      OR: [{ centreId: null }, { centreId: { not: f.operatorCentre.id } }],
    },
    orderBy: { id: "asc" },
  });
  for (const type of ["Person", "Feedback", "CuratorAssignment", "Project"])
    if (internal[type])
      cases.push(
        nodeCase(`node: ${type} of the operator's own region`, toGlobalId(type, internal[type]?.id ?? ""), f.operator),
      );
  // A partner: personal and internal records of any region.
  for (const type of ["Person", "Feedback", "CuratorAssignment", "Project"])
    if (internal[type])
      cases.push(nodeCase(`node: ${type} as a partner`, toGlobalId(type, internal[type]?.id ?? ""), f.partner));
  // A well-formed id of one type presented as another.
  const centre = rows.values().next().value?.Centre;
  if (centre)
    for (const type of ["Person", "Report", "Region", "User"])
      cases.push(nodeCase(`node: a centre's uuid as a ${type}`, toGlobalId(type, centre.id), f.curator));
  return cases;
}

/** Every region code found in a nested answer must be one of the curator's. */
function onlyRegions(codes: Set<string>, field: string) {
  return answered(field, (value) => {
    const found = JSON.stringify(value ?? null).match(/"code":"(\d+)"/g) ?? [];
    return found.every((match) => codes.has(match.slice(8, -1)));
  });
}

async function nestedCases(f: Fixtures): Promise<Case[]> {
  const cases: Case[] = [];
  const codes = new Set(
    (await prisma.region.findMany({ where: { id: { in: f.curatorRegionIds } } })).map((region) => region.code),
  );
  const federal = await prisma.service.findMany({
    where: { regionId: null, centres: { some: { centre: { regionId: { notIn: f.curatorRegionIds } } } } },
    take: 6,
    orderBy: { id: "asc" },
  });
  for (const service of federal)
    cases.push({
      name: `nested: a federal service's centres as the curator (${service.name.slice(0, 30)})`,
      run: () =>
        post(
          `query S($id: ID!) { node(id: $id) { ... on Service { centres(first: 100) { edges { node { centre { region { code } } } } } } } }`,
          { id: toGlobalId("Service", service.id) },
          f.curator,
        ),
      expect: onlyRegions(codes, "node"),
    });
  const lists: Record<string, string> = {
    "KPIs' values": "kpis(first: 100) { edges { node { region { code } values { region { code } } } } }",
    "life situations' services":
      "lifeSituations(first: 100) { edges { node { region { code } services { service { region { code } } } } } }",
    "organisations' centres":
      "organisations(first: 15) { edges { node { region { code } centres(first: 10) { edges { node { region { code } } } } } } }",
    "people's assignments":
      "people(first: 15) { edges { node { region { code } assignments(first: 10) { edges { node { region { code } } } } } } }",
    "projects' assignments":
      "projects(first: 15) { edges { node { region { code } curatorAssignments(first: 10) { edges { node { region { code } } } } } } }",
    "feedback's centres": "feedback(first: 100) { edges { node { region { code } centre { region { code } } } } }",
    "reports' centres": "reports(first: 100) { edges { node { region { code } centre { region { code } } } } }",
  };
  for (const [label, selection] of Object.entries(lists))
    cases.push({
      name: `nested: ${label} as the curator`,
      run: () => post(`{ ${selection} }`, {}, f.curator),
      expect: onlyRegions(codes, selection.slice(0, selection.indexOf("("))),
    });
  return cases;
}

function filterCases(f: Fixtures, rows: Map<string, Record<string, Row | null>>): Case[] {
  const cases: Case[] = [];
  const byRegion = [
    "centres",
    "people",
    "organisations",
    "municipalities",
    "reports",
    "feedback",
    "curatorAssignments",
    "qualityMeasurements",
    "projects",
    "events",
  ];
  for (const [code, byType] of rows) {
    const region = toGlobalId("Region", byType.Region?.id ?? "");
    for (const list of byRegion)
      cases.push({
        name: `filter: ${list}(regionId: ${code}) as the curator`,
        run: () =>
          post(
            `query F($r: ID) { ${list}(first: 100, filter: { regionId: $r }) { totalCount edges { cursor } } }`,
            { r: region },
            f.curator,
          ),
        expect: either(empty(list), refused("FORBIDDEN")),
      });
    const centre = byType.Centre;
    if (centre)
      for (const list of ["reports", "feedback", "qualityMeasurements", "curatorAssignments"])
        cases.push({
          name: `filter: ${list}(centreId of region ${code}) as the curator`,
          run: () =>
            post(
              `query F($c: ID) { ${list}(first: 100, filter: { centreId: $c }) { totalCount edges { cursor } } }`,
              { c: toGlobalId("Centre", centre.id) },
              f.curator,
            ),
          expect: either(empty(list), refused("FORBIDDEN")),
        });
    const municipality = byType.Municipality;
    if (municipality)
      for (const list of ["centres", "reports"])
        cases.push({
          name: `filter: ${list}(municipalityId of region ${code}) as the curator`,
          run: () =>
            post(
              `query F($m: ID) { ${list}(first: 100, filter: { municipalityId: $m }) { totalCount edges { cursor } } }`,
              { m: toGlobalId("Municipality", municipality.id) },
              f.curator,
            ),
          expect: either(empty(list), refused("FORBIDDEN")),
        });
  }
  // The operator filtering for the neighbouring centre's reports.
  cases.push({
    name: "filter: reports(centreId of another centre) as the operator",
    run: () =>
      post(
        "query F($c: ID) { reports(first: 100, filter: { centreId: $c }) { totalCount edges { cursor } } }",
        { c: toGlobalId("Centre", f.neighbourCentre.id) },
        f.operator,
      ),
    expect: either(empty("reports"), refused("FORBIDDEN")),
  });
  return cases;
}

export async function regionCases(f: Fixtures): Promise<Record<string, Case[]>> {
  const rows = new Map<string, Record<string, Row | null>>();
  for (const region of f.otherRegions) rows.set(region.code, await rowsOf(region.id));
  return {
    "cross-region ids through node": await nodeCases(f, rows),
    "cross-region nested fields": await nestedCases(f),
    "cross-region filters": filterCases(f, rows),
    "cross-region mutation inputs": await mutationCases(f, rows),
  };
}
