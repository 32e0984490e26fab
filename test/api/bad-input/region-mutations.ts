// Other regions' ids in mutation inputs, handed to a curator of Smolensk and Udmurtia (and
// another centre's rows to an operator): each answered with a typed refusal, nothing changed.
import { prisma } from "../../../api/lib/db.js";
import { toGlobalId } from "../../../api/lib/ids.js";
import type { Fixtures } from "./fixtures.js";
import { type Case, either, type Headers, post, type Reply, refused, union } from "./harness.js";

/** A row of a region-bound type: its id, and its version where it has one. */
export type Row = { id: string; version?: number };

const REFUSALS = ["NotFoundError", "ForbiddenError"];

/** A registry file of one organisation, base64 (importRegistry). */
const REGISTER = Buffer.from("Код,Название,Вид\r\nX-1,Захваченная библиотека,Библиотека\r\n").toString("base64");

function mutate(name: string, input: Record<string, unknown>, headers: Headers): Promise<Reply> {
  const type = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
  const versioned = [
    "archiveCentre",
    "restoreCentre",
    "verifyCentre",
    "archivePerson",
    "archiveOrganisation",
    "archiveEvent",
    "submitReport",
    "prefillReportFromEvents",
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

export async function mutationCases(f: Fixtures, rows: Map<string, Record<string, Row | null>>): Promise<Case[]> {
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
    // An event of another region, and one of the curator's own region naming another region's rows.
    const event = {
      kind: "SEMINAR",
      title: "Чужой семинар",
      startsOn: "2070-01-01",
      endsOn: "2070-01-01",
      audience: "STAFF",
    };
    cases.push(mutationCase(of, "createEvent", { ...event, regionId: gid("Region", r.Region) }, f.curator));
    const own = toGlobalId("Region", f.curatorRegionIds[0] ?? "");
    const foreign: Record<string, unknown>[] = [
      ...(r.Organisation ? [{ hostOrganisationId: gid("Organisation", r.Organisation) }] : []),
      ...(r.Centre ? [{ centreId: gid("Centre", r.Centre) }] : []),
      ...(r.Project ? [{ projectId: gid("Project", r.Project) }] : []),
      ...(r.Municipality ? [{ municipalityIds: [gid("Municipality", r.Municipality)] }] : []),
    ];
    for (const reference of foreign)
      cases.push(
        mutationCase(
          `${of}, ${Object.keys(reference)[0]}`,
          "createEvent",
          { ...event, regionId: own, ...reference },
          f.curator,
        ),
      );
    if (r.Event) {
      const row = await prisma.event.findUniqueOrThrow({ where: { id: r.Event.id } });
      const e = { id: gid("Event", row), version: row.version };
      cases.push(mutationCase(of, "updateEvent", { ...e, participants: 0 }, f.curator));
      cases.push(mutationCase(of, "archiveEvent", e, f.curator));
      cases.push(
        mutationCase(
          of,
          "requestFileUpload",
          {
            purpose: "EVENT_MATERIAL",
            eventId: e.id,
            fileName: "Программа.pdf",
            contentType: "application/pdf",
            size: 10,
            sha256: "e".repeat(64),
          },
          f.curator,
        ),
      );
    }
    // Another region's register, from a file that would otherwise import cleanly.
    cases.push(
      mutationCase(
        of,
        "importRegistry",
        { regionId: gid("Region", r.Region), kind: "ORGANISATIONS", format: "CSV", content: REGISTER },
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
      cases.push(mutationCase(of, "prefillReportFromEvents", rep, f.curator));
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
    cases.push(mutationCase(asOperator, "prefillReportFromEvents", rep, f.operator));
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
