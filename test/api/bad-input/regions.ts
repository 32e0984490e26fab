// Ids of other regions' rows, handed to a curator of Smolensk and Udmurtia (and another
// centre's rows to an operator) through every door: node(id), nested fields, filters and
// mutation inputs. Each is answered with nothing of theirs, or a typed refusal.
import { prisma } from "../../../api/lib/db.js";
import { toGlobalId } from "../../../api/lib/ids.js";
import type { Fixtures } from "./fixtures.js";
import { answered, type Case, either, empty, type Headers, post, type Reply, refused, union } from "./harness.js";

type Row = { id: string; version?: number };

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

const REFUSALS = ["NotFoundError", "ForbiddenError"];

function mutate(name: string, input: Record<string, unknown>, headers: Headers): Promise<Reply> {
  const type = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
  const versioned = [
    "archiveCentre",
    "restoreCentre",
    "verifyCentre",
    "archivePerson",
    "archiveOrganisation",
    "submitReport",
    "lockReport",
    "removeMobileVisit",
    "removeOpeningHoursException",
  ];
  return post(
    `mutation M($input: ${versioned.includes(name) ? "VersionedInput" : type}!) { ${name}(input: $input) { __typename ... on ValidationError { issues { field message } } } }`,
    { input },
    headers,
  );
}

function mutationCase(label: string, name: string, input: Record<string, unknown>, headers: Headers): Case {
  return {
    name: `mutation: ${name} ${label}`,
    run: () => mutate(name, input, headers),
    expect: either(union(name, ...REFUSALS), refused("FORBIDDEN")),
    write: true,
  };
}

async function mutationCases(f: Fixtures, rows: Map<string, Record<string, Row | null>>): Promise<Case[]> {
  const cases: Case[] = [];
  const gid = (type: string, row: Row | null | undefined) => toGlobalId(type, row?.id ?? "");
  for (const [code, r] of rows) {
    const of = `naming region ${code}, as the curator`;
    const centre = r.Centre ? await prisma.centre.findUniqueOrThrow({ where: { id: r.Centre.id } }) : null;
    if (centre) {
      const c = { id: gid("Centre", centre), version: centre.version };
      cases.push(mutationCase(of, "updateCentre", { ...c, name: "Захват" }, f.curator));
      cases.push(mutationCase(of, "archiveCentre", c, f.curator));
      cases.push(mutationCase(of, "verifyCentre", c, f.curator));
      cases.push(
        mutationCase(
          of,
          "addOpeningHoursException",
          { centreId: c.id, closed: true, startsOn: "2070-01-01", endsOn: "2070-01-02" },
          f.curator,
        ),
      );
      cases.push(
        mutationCase(
          of,
          "setCentreService",
          { centreId: c.id, serviceId: f.serviceId, helpKinds: ["CONSULTATION"] },
          f.curator,
        ),
      );
      cases.push(
        mutationCase(
          of,
          "recordMobileVisit",
          { centreId: c.id, settlementId: gid("Settlement", r.Settlement), visitedOn: "2025-06-02", peopleServed: 1 },
          f.curator,
        ),
      );
      cases.push(
        mutationCase(
          of,
          "createReport",
          { formId: f.draftReport.formId, centreId: c.id, periodStart: "2072-01-01" },
          f.curator,
        ),
      );
      cases.push(
        mutationCase(
          of,
          "submitFeedback",
          { categoryId: f.feedbackCategoryId, subjectType: "CENTRE", centreId: c.id, text: "Чужой центр" },
          f.curator,
        ),
      );
    }
    // A centre in the curator's own region, hosted by (or placed in) another region's rows.
    if (r.Organisation && r.Settlement)
      cases.push(
        mutationCase(
          of,
          "createCentre",
          {
            name: "Подставной ЦОД",
            address: "ул. Чужая, 1",
            kinds: ["PUBLIC_ACCESS"],
            hostOrganisationId: gid("Organisation", r.Organisation),
            settlementId: gid("Settlement", r.Settlement),
          },
          f.curator,
        ),
      );
    cases.push(
      mutationCase(
        of,
        "createPerson",
        { regionId: gid("Region", r.Region), lastName: "Чужой", firstName: "Пётр" },
        f.curator,
      ),
    );
    if (r.Person) {
      const person = await prisma.person.findUniqueOrThrow({ where: { id: r.Person.id } });
      cases.push(
        mutationCase(
          of,
          "updatePerson",
          { id: gid("Person", person), version: person.version, phone: "+7" },
          f.curator,
        ),
      );
      cases.push(mutationCase(of, "archivePerson", { id: gid("Person", person), version: person.version }, f.curator));
      cases.push(
        mutationCase(
          `${of} (a person of theirs in the curator's own region)`,
          "assignCurator",
          {
            personId: gid("Person", person),
            regionId: toGlobalId("Region", f.curatorRegionIds[0] ?? ""),
            role: "REGIONAL_COORDINATOR",
            targetType: "REGION",
            primary: false,
            validFrom: "2070-01-01",
          },
          f.curator,
        ),
      );
    }
    if (r.Organisation) {
      const organisation = await prisma.organisation.findUniqueOrThrow({ where: { id: r.Organisation.id } });
      cases.push(
        mutationCase(
          of,
          "updateOrganisation",
          { id: gid("Organisation", organisation), version: organisation.version, phone: "+7" },
          f.curator,
        ),
      );
    }
    if (r.Report) {
      const report = await prisma.report.findUniqueOrThrow({ where: { id: r.Report.id } });
      const rep = { id: gid("Report", report), version: report.version };
      cases.push(
        mutationCase(
          of,
          "setReportValues",
          { ...rep, values: [{ indicatorCode: f.draftReport.codes[0], total: 1 }] },
          f.curator,
        ),
      );
      cases.push(mutationCase(of, "submitReport", rep, f.curator));
      cases.push(mutationCase(of, "approveReport", rep, f.curator));
      cases.push(mutationCase(of, "returnReport", { ...rep, reason: "Чужой отчёт" }, f.curator));
      cases.push(
        mutationCase(
          of,
          "requestFileUpload",
          {
            purpose: "REPORT",
            reportId: rep.id,
            fileName: "a.pdf",
            contentType: "application/pdf",
            size: 10,
            sha256: "c".repeat(64),
          },
          f.curator,
        ),
      );
    }
  }
  // The operator and the neighbouring centre of their own region.
  const neighbour = { id: toGlobalId("Centre", f.neighbourCentre.id), version: f.neighbourCentre.version };
  const neighbourReport = await prisma.report.findFirst({
    where: { centreId: f.neighbourCentre.id },
    orderBy: { id: "asc" },
  });
  const asOperator = "naming another centre, as the operator";
  cases.push(mutationCase(asOperator, "updateCentre", { ...neighbour, name: "Захват" }, f.operator));
  cases.push(
    mutationCase(
      asOperator,
      "createReport",
      { formId: f.draftReport.formId, centreId: neighbour.id, periodStart: "2072-01-01" },
      f.operator,
    ),
  );
  cases.push(
    mutationCase(
      asOperator,
      "submitFeedback",
      { categoryId: f.feedbackCategoryId, subjectType: "CENTRE", centreId: neighbour.id, text: "Соседний центр" },
      f.operator,
    ),
  );
  if (neighbourReport) {
    const rep = { id: toGlobalId("Report", neighbourReport.id), version: neighbourReport.version };
    cases.push(
      mutationCase(
        asOperator,
        "setReportValues",
        { ...rep, values: [{ indicatorCode: f.draftReport.codes[0], total: 1 }] },
        f.operator,
      ),
    );
    cases.push(mutationCase(asOperator, "submitReport", rep, f.operator));
    cases.push(
      mutationCase(
        asOperator,
        "requestFileUpload",
        {
          purpose: "REPORT",
          reportId: rep.id,
          fileName: "a.pdf",
          contentType: "application/pdf",
          size: 10,
          sha256: "d".repeat(64),
        },
        f.operator,
      ),
    );
  }
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
