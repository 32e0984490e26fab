// Values no form should let through: impossible and edge dates, and numbers out of range or
// not numbers at all (strings, search wildcards and file names are in text-values.ts).
import { toGlobalId } from "../../../api/lib/ids.js";
import { INVALID_DATES, INVALID_INSTANTS, VALID_EDGE_DATES, VALID_INSTANTS } from "./dates.js";
import type { Fixtures } from "./fixtures.js";
import {
  answered,
  type Case,
  either,
  empty,
  mutation,
  post,
  postRaw,
  type Reply,
  refused,
  rejected,
  union,
} from "./harness.js";
import { textValueCases } from "./text-values.js";

function dateCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  const reads: Record<string, (date: string) => Promise<Reply>> = {
    "reports(filter.periodFrom)": (date) =>
      post("query R($d: Date) { reports(first: 5, filter: { periodFrom: $d }) { totalCount } }", { d: date }, f.admin),
    "mobileOfficeActivity(input.to)": (date) =>
      post(
        'query M($d: Date!) { mobileOfficeActivity(input: { from: "2020-01-01", to: $d }) { __typename } }',
        { d: date },
        f.admin,
      ),
  };
  const writes: Record<string, (date: string) => Promise<Reply>> = {
    "recordMobileVisit(visitedOn)": (date) =>
      mutation("recordMobileVisit", "RecordMobileVisitInput")(
        { centreId: f.curatorCentre.id, settlementId: f.curatorCentre.settlementId, visitedOn: date, peopleServed: 3 },
        f.curator,
      ),
    "addOpeningHoursException(startsOn)": (date) =>
      mutation("addOpeningHoursException", "AddOpeningHoursExceptionInput")(
        { centreId: f.curatorCentre.id, closed: true, startsOn: date, endsOn: "2099-01-01" },
        f.curator,
      ),
    "createEvent(startsOn)": (date) =>
      mutation("createEvent", "CreateEventInput")(
        {
          regionId: toGlobalId("Region", f.curatorRegionIds[0] ?? ""),
          kind: "SEMINAR",
          title: "Семинар",
          startsOn: date,
          endsOn: "2099-01-01",
          audience: "STAFF",
        },
        f.curator,
      ),
    "createReport(periodStart)": (date) =>
      mutation("createReport", "CreateReportInput")(
        { formId: f.draftReport.formId, centreId: f.curatorCentre.id, periodStart: date },
        f.curator,
      ),
  };
  for (const date of INVALID_DATES) {
    for (const [label, run] of Object.entries(reads))
      cases.push({
        name: `date ${JSON.stringify(date)} in ${label}`,
        run: () => run(date),
        expect: refused("BAD_USER_INPUT"),
      });
    for (const [label, run] of Object.entries(writes))
      cases.push({
        name: `date ${JSON.stringify(date)} in ${label}`,
        run: () => run(date),
        expect: rejected(label.slice(0, label.indexOf("("))),
        write: true,
      });
  }
  for (const date of VALID_EDGE_DATES)
    cases.push({
      name: `edge date ${date} in reports(filter.periodFrom)`,
      run: () => reads["reports(filter.periodFrom)"]?.(date) as Promise<Reply>,
      expect: answered("reports", (v) => typeof (v as { totalCount?: unknown })?.totalCount === "number"),
    });
  const feedback = (receivedAt: unknown) =>
    mutation("submitFeedback", "SubmitFeedbackInput")(
      {
        categoryId: f.feedbackCategoryId,
        subjectType: "CENTRE",
        centreId: f.curatorCentre.id,
        text: `Отзыв ${f.run}`,
        receivedAt,
      },
      f.curator,
    );
  for (const instant of INVALID_INSTANTS) {
    cases.push({
      name: `instant ${JSON.stringify(instant)} in fileAccesses(filter.from)`,
      run: () =>
        post(
          "query A($d: DateTime) { fileAccesses(first: 5, filter: { from: $d }) { totalCount } }",
          { d: instant },
          f.admin,
        ),
      expect: refused("BAD_USER_INPUT"),
    });
    cases.push({
      name: `instant ${JSON.stringify(instant)} in submitFeedback(receivedAt)`,
      run: () => feedback(instant),
      expect: rejected("submitFeedback"),
      write: true,
    });
  }
  cases.push({
    name: "instant as a number (epoch milliseconds) in submitFeedback(receivedAt)",
    run: () => feedback(1_774_745_400_000),
    expect: rejected("submitFeedback"),
    write: true,
  });
  for (const instant of VALID_INSTANTS)
    cases.push({
      name: `edge instant ${instant} in fileAccesses(filter.from)`,
      run: () =>
        post(
          "query A($d: DateTime) { fileAccesses(first: 5, filter: { from: $d }) { totalCount } }",
          { d: instant },
          f.admin,
        ),
      expect: answered("fileAccesses", (v) => typeof (v as { totalCount?: unknown })?.totalCount === "number"),
    });
  return cases;
}

/** Raw JSON numbers JSON.stringify cannot write: 1e999 parses to Infinity, -1e999 to -Infinity. */
const INFINITY = "1e999";

function numberCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  const setValues = (values: unknown) =>
    mutation("setReportValues", "SetReportValuesInput")(
      { id: f.draftReport.id, version: f.draftReport.version, values },
      f.admin,
    );
  const code = f.draftReport.codes[0] ?? "";
  const reportValues: Record<string, unknown> = {
    "total -1": [{ indicatorCode: code, total: -1 }],
    "total 1.5": [{ indicatorCode: code, total: 1.5 }],
    "total 2^31": [{ indicatorCode: code, total: 2 ** 31 }],
    'total "NaN"': [{ indicatorCode: code, total: "NaN" }],
    'total "Infinity"': [{ indicatorCode: code, total: "Infinity" }],
    "total null": [{ indicatorCode: code, total: null }],
    "rural above total": [{ indicatorCode: code, total: 1, rural: 2 }],
    "rural -1": [{ indicatorCode: code, total: 1, rural: -1 }],
    "an unknown indicator": [{ indicatorCode: `НЕТ_${f.run}`, total: 1 }],
    "the same indicator twice": [
      { indicatorCode: code, total: 1 },
      { indicatorCode: code, total: 2 },
    ],
  };
  for (const [label, values] of Object.entries(reportValues))
    cases.push({
      name: `count: report value ${label}`,
      run: () => setValues(values),
      expect: rejected("setReportValues"),
      write: true,
    });
  cases.push({
    name: "count: report value total 1e999 (Infinity in raw JSON)",
    run: () =>
      postRaw(
        `{"query":"mutation M($input: SetReportValuesInput!) { setReportValues(input: $input) { __typename } }","variables":{"input":{"id":"${f.draftReport.id}","version":${f.draftReport.version},"values":[{"indicatorCode":"${code}","total":${INFINITY}}]}}}`,
        f.admin,
      ),
    expect: refused("BAD_USER_INPUT"),
    write: true,
  });

  const near = (args: string) => post(`{ centresNear(serviceId: "${f.serviceId}", ${args}) { id } }`, {}, f.admin);
  const coordinates: Record<string, string> = {
    "latitude 91": "latitude: 91, longitude: 37, radiusKm: 10",
    "latitude -90.0001": "latitude: -90.0001, longitude: 37, radiusKm: 10",
    "latitude 1e308": "latitude: 1e308, longitude: 37, radiusKm: 10",
    "latitude 1e999 (Infinity)": `latitude: ${INFINITY}, longitude: 37, radiusKm: 10`,
    "latitude -1e999 (-Infinity)": `latitude: -${INFINITY}, longitude: 37, radiusKm: 10`,
    "longitude 181": "latitude: 55, longitude: 181, radiusKm: 10",
    "longitude -1e999": `latitude: 55, longitude: -${INFINITY}, radiusKm: 10`,
    "radius -1": "latitude: 55, longitude: 37, radiusKm: -1",
    "radius 1001": "latitude: 55, longitude: 37, radiusKm: 1001",
    "radius 1e999": `latitude: 55, longitude: 37, radiusKm: ${INFINITY}`,
    "first -1": "latitude: 55, longitude: 37, radiusKm: 10, first: -1",
  };
  for (const [label, args] of Object.entries(coordinates))
    cases.push({
      name: `count: centresNear ${label}`,
      run: () => near(args),
      expect: either(refused("BAD_USER_INPUT"), empty("centresNear")),
    });
  for (const [label, value] of Object.entries({ '"NaN"': "NaN", '"Infinity"': "Infinity", '"55"': "55", null: null }))
    cases.push({
      name: `count: centresNear latitude ${label} as a variable`,
      run: () =>
        post(
          "query N($s: ID!, $lat: Float!) { centresNear(serviceId: $s, latitude: $lat, longitude: 37, radiusKm: 10) { id } }",
          { s: f.serviceId, lat: value },
          f.admin,
        ),
      expect: refused("BAD_USER_INPUT"),
    });

  const updateCentre = (patch: Record<string, unknown>) =>
    mutation("updateCentre", "UpdateCentreInput")(
      { id: f.curatorCentre.id, version: f.curatorCentre.version, ...patch },
      f.curator,
    );
  const centrePatches: Record<string, Record<string, unknown>> = {
    "latitude 91": { latitude: 91 },
    "longitude -200": { longitude: -200 },
    "workstations -1": { workstations: -1 },
    "workstations 10001": { workstations: 10_001 },
    "printers 2.5": { printers: 2.5 },
    "scanners 2^31": { scanners: 2 ** 31 },
    "version -1": { version: -1, name: "Другое имя" },
    "version 2^31": { version: 2 ** 31, name: "Другое имя" },
  };
  for (const [label, patch] of Object.entries(centrePatches))
    cases.push({
      name: `count: updateCentre ${label}`,
      run: () => updateCentre(patch),
      expect: either(rejected("updateCentre"), union("updateCentre", "ConflictError")),
      write: true,
    });
  for (const field of ["latitude", "longitude"])
    cases.push({
      name: `count: updateCentre ${field} 1e999 as a literal (Infinity)`,
      run: () =>
        post(
          `mutation { updateCentre(input: { id: "${f.curatorCentre.id}", version: ${f.curatorCentre.version}, ${field}: ${INFINITY} }) { __typename } }`,
          {},
          f.curator,
        ),
      expect: rejected("updateCentre"),
      write: true,
    });
  for (const [label, peopleServed] of Object.entries({ "-1": -1, "2^31": 2 ** 31, "0.5": 0.5 }))
    cases.push({
      name: `count: recordMobileVisit peopleServed ${label}`,
      run: () =>
        mutation("recordMobileVisit", "RecordMobileVisitInput")(
          {
            centreId: f.curatorCentre.id,
            settlementId: f.curatorCentre.settlementId,
            visitedOn: "2026-01-15",
            peopleServed,
          },
          f.curator,
        ),
      expect: rejected("recordMobileVisit"),
      write: true,
    });
  for (const [label, participants] of Object.entries({ "-1": -1, "2^31": 2 ** 31, "0.5": 0.5 }))
    cases.push({
      name: `count: createEvent participants ${label}`,
      run: () =>
        mutation("createEvent", "CreateEventInput")(
          {
            regionId: toGlobalId("Region", f.curatorRegionIds[0] ?? ""),
            kind: "FORUM",
            title: "Форум",
            startsOn: "2018-05-17",
            endsOn: "2018-05-17",
            audience: "CITIZENS",
            participants,
          },
          f.curator,
        ),
      expect: rejected("createEvent"),
      write: true,
    });
  for (const [label, rating] of Object.entries({ "0": 0, "6": 6, "-1": -1, "2.5": 2.5 }))
    cases.push({
      name: `count: submitFeedback ratingStaff ${label}`,
      run: () =>
        mutation("submitFeedback", "SubmitFeedbackInput")(
          {
            categoryId: f.feedbackCategoryId,
            subjectType: "CENTRE",
            centreId: f.curatorCentre.id,
            text: `Отзыв ${f.run}`,
            ratingStaff: rating,
          },
          f.curator,
        ),
      expect: rejected("submitFeedback"),
      write: true,
    });
  const upload = (size: unknown) =>
    mutation("requestFileUpload", "RequestFileUploadInput")(
      {
        purpose: "REPORT",
        reportId: f.draftReport.id,
        fileName: "Отчёт.pdf",
        contentType: "application/pdf",
        size,
        sha256: "a".repeat(64),
      },
      f.operator,
    );
  for (const [label, size] of Object.entries({ "-1": -1, "0": 0, "1.5": 1.5, "1e20": 1e20, '"NaN"': "NaN" }))
    cases.push({
      name: `count: requestFileUpload size ${label}`,
      run: () => upload(size),
      expect: rejected("requestFileUpload"),
      write: true,
    });
  cases.push({
    name: "count: requestFileUpload size 1e999 as a literal (Infinity)",
    run: () =>
      post(
        `mutation { requestFileUpload(input: { purpose: REPORT, reportId: "${f.draftReport.id}", fileName: "a.pdf", contentType: "application/pdf", size: ${INFINITY}, sha256: "${"a".repeat(64)}" }) { __typename } }`,
        {},
        f.operator,
      ),
    expect: rejected("requestFileUpload"),
    write: true,
  });
  cases.push({
    name: "count: recordKpiValue value 1e999 as a literal (Infinity)",
    run: () =>
      post(
        `mutation { recordKpiValue(input: { kpiId: "${f.kpiId}", periodStart: "2070-01-01", periodEnd: "2070-12-31", value: ${INFINITY} }) { __typename } }`,
        {},
        f.admin,
      ),
    expect: rejected("recordKpiValue"),
    write: true,
  });
  for (const [label, years] of Object.entries({
    "fromYear -1": "fromYear: -1, toYear: 2020",
    "toYear 10000": "fromYear: 2020, toYear: 10000",
    "toYear 2^31 - 1": "fromYear: 2020, toYear: 2147483647",
    "toYear before fromYear": "fromYear: 2020, toYear: 1990",
    "a range of 2^31 years": "fromYear: -2147483648, toYear: 2147483647",
  }))
    cases.push({
      name: `count: regionStatistics ${label}`,
      run: () =>
        post(
          `query S($r: ID!) { regionStatistics(regionId: $r, ${years}) { year } }`,
          { r: toGlobalId("Region", f.otherRegions[0]?.id ?? "") },
          f.partner,
        ),
      expect: either(refused("BAD_USER_INPUT"), empty("regionStatistics")),
    });
  return cases;
}

export function valueCases(f: Fixtures): Record<string, Case[]> {
  return {
    "invalid and edge dates": dateCases(f),
    "negative, float, NaN, Infinity and huge counts": numberCases(f),
    ...textValueCases(f),
  };
}
