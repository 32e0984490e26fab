// A draft report's event indicators taken from the event register (issue 14, item 1: "so nobody
// types the same number twice"): Udmurtia's five 2018 forums of the demo fill in its 2018 region
// report. The reports here are on a form of this file's own, made through the API with the demo
// forms' indicators (the demo's annual form already has Udmurtia's approved 2018 report). Other files of the same worker may add events to Udmurtia's
// register: those (any event not of the demo) are counted on top of the demo's figures.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../api/generated/prisma/client.js";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { UDMURTIA_FORUMS_2018 } from "../../prisma/seed/demo/events.js";
import { COD_INDICATORS } from "../../prisma/seed/forms.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import {
  admin,
  changeLog,
  curator,
  operator,
  operatorUser,
  REPORT,
  type ReportData,
  readReport,
  setUpReports,
} from "../helpers/reports.js";
import { newUser } from "../helpers/users.js";

type Headers = Record<string, string>;

const DEMO_FORUM_TITLE = "Форум «Библиотека. Власть. Общество»";
const DEMO_PARTICIPANTS = UDMURTIA_FORUMS_2018.reduce((sum, forum) => sum + forum.participants, 0);

/**
 * The demo's indicators, as an administrator sends them: the same codes, names and places, so that
 * analytics over every form's indicators (eventsByType) reads the same list with this form beside.
 */
const INDICATORS = COD_INDICATORS.map((indicator) => ({
  code: indicator.code,
  name: indicator.name,
  unit: indicator.unit,
  hasRuralSplit: indicator.hasRuralSplit,
  category: indicator.category,
  eventMeasure: indicator.eventMeasure,
  eventKind: indicator.eventKind,
  eventAudience: indicator.eventAudience,
}));

let form: string;
let udmurtia: { id: string; gid: string };
let pskovCurator: Headers;

/** The values of a report by indicator code. */
const byCode = (report: ReportData | null) =>
  Object.fromEntries(
    (report?.values ?? []).map((v) => [v.indicator.code, v.rural === null ? v.total : [v.total, v.rural]]),
  );

/** What the events not of the demo (added by other files of this worker) add to each mapped indicator. */
async function extras(where: Prisma.EventWhereInput) {
  const events = await prisma.event.findMany({
    where: { ...where, regionId: udmurtia.id, archivedAt: null, NOT: { title: { startsWith: DEMO_FORUM_TITLE } } },
  });
  const count = (kind: string, audience?: string) =>
    events.filter((e) => e.kind === kind && (!audience || e.audience === audience)).length;
  return {
    EVENTS_SEMINARS: count("SEMINAR"),
    EVENTS_FORUMS: count("FORUM", "CITIZENS"),
    WEBINARS: count("WEBINAR", "STAFF"),
    EVENT_PARTICIPANTS: events.reduce((sum, e) => sum + (e.participants ?? 0), 0),
  };
}

const year = (y: number) => ({ startsOn: { gte: new Date(Date.UTC(y, 0, 1)), lte: new Date(Date.UTC(y, 11, 31)) } });

function prefill(report: { id: string; version: number }, headers: Headers) {
  const input = { id: report.id, version: report.version };
  return mutate<ReportData>("prefillReportFromEvents", REPORT, input, { headers, inputType: "VersionedInput" });
}

async function regionReport(periodStart: string): Promise<ReportData> {
  return ok("createReport", REPORT, { formId: form, regionId: udmurtia.gid, periodStart }, { headers: curator });
}

beforeAll(async () => {
  await setUpReports();
  pskovCurator = (await newUser("CURATOR", ["60"])).headers;
  const region = await prisma.region.findUniqueOrThrow({ where: { code: "18" } });
  udmurtia = { id: region.id, gid: toGlobalId("Region", region.id) };
  const created = await ok<{ id: string; indicators: Record<string, unknown>[] }>(
    "createReportForm",
    "id indicators { code eventMeasure eventKind eventAudience }",
    {
      code: "EVENTS_PREFILL_TEST",
      name: "Мероприятия из реестра (тест)",
      periodicity: "ANNUAL",
      dueDays: 30,
      indicators: INDICATORS,
    },
    { headers: admin },
  );
  form = created.id;
  expect(created.indicators).toEqual(
    INDICATORS.map((i) => ({
      code: i.code,
      eventMeasure: i.eventMeasure ?? null,
      eventKind: i.eventKind ?? null,
      eventAudience: i.eventAudience ?? null,
    })),
  );
});

describe("prefilling a report from the event register", () => {
  it("the demo forms say which indicators count which events, and forms refuse half a link", async () => {
    const response = await gql<{ reportForms: { edges: { node: { indicators: Record<string, unknown>[] } }[] } }>(
      `{ reportForms(first: 1, filter: { search: "COD_ANNUAL" }) { edges { node {
        indicators { code eventMeasure eventKind eventAudience } } } } }`,
      {},
      curator,
    );
    const linked = (response.data?.reportForms.edges[0]?.node.indicators ?? []).filter((i) => i.eventMeasure);
    expect(linked).toEqual([
      { code: "EVENTS_SEMINARS", eventMeasure: "COUNT", eventKind: "SEMINAR", eventAudience: null },
      { code: "EVENTS_FORUMS", eventMeasure: "COUNT", eventKind: "FORUM", eventAudience: "CITIZENS" },
      { code: "EVENT_PARTICIPANTS", eventMeasure: "PARTICIPANTS", eventKind: null, eventAudience: null },
      { code: "WEBINARS", eventMeasure: "COUNT", eventKind: "WEBINAR", eventAudience: "STAFF" },
    ]);

    const { outcome } = await mutate(
      "createReportForm",
      "id",
      {
        code: "EVENTS_PREFILL_BAD",
        name: "Плохая форма",
        periodicity: "ANNUAL",
        dueDays: 30,
        indicators: [
          { code: "FORUMS", name: "Форумы", unit: "ед.", eventKind: "FORUM" },
          { code: "PEOPLE", name: "Участники", unit: "чел.", hasRuralSplit: true, eventMeasure: "PARTICIPANTS" },
        ],
      },
      { headers: admin },
    );
    expect(outcome?.__typename).toBe("ValidationError");
    expect(outcome?.issues?.map((i) => i.field)).toEqual([
      "input.indicators.0.eventKind",
      "input.indicators.1.hasRuralSplit",
    ]);
  });

  it("fills Udmurtia's 2018 region report with its five forums and their participants, other values untouched, logged", async () => {
    const demo = await prisma.event.findMany({
      where: { regionId: udmurtia.id, ...year(2018), title: { startsWith: DEMO_FORUM_TITLE } },
    });
    expect(demo).toHaveLength(5);
    expect(demo.reduce((sum, e) => sum + (e.participants ?? 0), 0)).toBe(DEMO_PARTICIPANTS);
    expect(DEMO_PARTICIPANTS).toBe(521);

    const report = await regionReport("2018-01-01");
    const filled = await ok<ReportData>(
      "setReportValues",
      REPORT,
      { id: report.id, version: report.version, values: [{ indicatorCode: "USERS", total: 18240, rural: 4137 }] },
      { headers: curator },
    );
    const more = await extras(year(2018));
    const { outcome } = await prefill({ id: report.id, version: filled.version }, curator);
    expect(outcome?.__typename).toBe("MutationPrefillReportFromEventsSuccess");
    const after = outcome?.data ?? null;
    expect(after?.version).toBe(filled.version + 1);
    expect(byCode(after)).toEqual({
      USERS: [18240, 4137],
      EVENTS_SEMINARS: more.EVENTS_SEMINARS,
      EVENTS_FORUMS: 5 + more.EVENTS_FORUMS,
      WEBINARS: more.WEBINARS,
      EVENT_PARTICIPANTS: 521 + more.EVENT_PARTICIPANTS,
    });

    const last = (await changeLog(report.id)).at(-1);
    const changes = last?.changes as Record<string, { from: unknown; to: unknown }>;
    expect(last?.action).toBe("UPDATE");
    expect(changes["values.EVENTS_FORUMS"]).toEqual({ from: null, to: { total: 5 + more.EVENTS_FORUMS, rural: null } });
    expect(changes["values.USERS"]).toBeUndefined();
    expect(changes._note).toMatchObject({ prefilledFromEvents: expect.any(Number) });
  });

  it("counts a municipality's events that covered it, and a centre's the events it held", async () => {
    const alnashsky = await prisma.municipality.findFirstOrThrow({
      where: { regionId: udmurtia.id, name: "Алнашский район" },
    });
    const forum = UDMURTIA_FORUMS_2018.find((f) => f.district === "Алнашский район");
    const municipal = await ok<ReportData>(
      "createReport",
      REPORT,
      { formId: form, municipalityId: toGlobalId("Municipality", alnashsky.id), periodStart: "2018-01-01" },
      { headers: curator },
    );
    const more = await extras({ ...year(2018), municipalities: { some: { municipalityId: alnashsky.id } } });
    const prefilled = await prefill(municipal, curator);
    expect(byCode(prefilled.outcome?.data ?? null)).toMatchObject({
      EVENTS_FORUMS: 1 + more.EVENTS_FORUMS,
      EVENT_PARTICIPANTS: (forum?.participants ?? 0) + more.EVENT_PARTICIPANTS,
    });

    // The operator's centre held a seminar in 2018: its report counts it (the forums were not the centre's).
    await ok(
      "createEvent",
      "id",
      {
        regionId: udmurtia.gid,
        kind: "SEMINAR",
        title: "Семинар центра для библиотекарей",
        startsOn: "2018-06-05",
        endsOn: "2018-06-05",
        audience: "STAFF",
        participants: 12,
        centreId: toGlobalId("Centre", operatorUser.centreId),
      },
      { headers: curator },
    );
    const centre = await ok<ReportData>(
      "createReport",
      REPORT,
      { formId: form, centreId: toGlobalId("Centre", operatorUser.centreId), periodStart: "2018-01-01" },
      { headers: operator },
    );
    const ofCentre = await extras({ ...year(2018), centreId: operatorUser.centreId });
    const byOperator = await prefill(centre, operator);
    expect(byCode(byOperator.outcome?.data ?? null)).toEqual({
      EVENTS_SEMINARS: ofCentre.EVENTS_SEMINARS,
      EVENTS_FORUMS: ofCentre.EVENTS_FORUMS,
      WEBINARS: ofCentre.WEBINARS,
      EVENT_PARTICIPANTS: ofCentre.EVENT_PARTICIPANTS,
    });
    expect(ofCentre.EVENTS_SEMINARS).toBeGreaterThanOrEqual(1);
  });

  it("sets 0 where the period holds no events, leaving the values entered by hand", async () => {
    const report = await regionReport("2019-01-01");
    const filled = await ok<ReportData>(
      "setReportValues",
      REPORT,
      {
        id: report.id,
        version: report.version,
        values: [
          { indicatorCode: "USERS", total: 100, rural: 10 },
          { indicatorCode: "EVENTS_FORUMS", total: 7 },
        ],
      },
      { headers: curator },
    );
    const more = await extras(year(2019));
    const { outcome } = await prefill(filled, curator);
    expect(byCode(outcome?.data ?? null)).toEqual({
      USERS: [100, 10],
      EVENTS_SEMINARS: more.EVENTS_SEMINARS,
      EVENTS_FORUMS: more.EVENTS_FORUMS,
      WEBINARS: more.WEBINARS,
      EVENT_PARTICIPANTS: more.EVENT_PARTICIPANTS,
    });
  });

  it("refuses a report that is not a draft, another region's curator and a stale version, changing nothing", async () => {
    // The demo's approved 2018 report of Udmurtia (its figures typed in from the document).
    const approved = await prisma.report.findFirstOrThrow({
      where: {
        regionId: udmurtia.id,
        scope: "REGION",
        periodStart: new Date(Date.UTC(2018, 0, 1)),
        status: "APPROVED",
      },
    });
    const approvedId = toGlobalId("Report", approved.id);
    const before = await readReport(approvedId, curator);
    const refused = await prefill({ id: approvedId, version: approved.version }, curator);
    expect(refused.outcome?.__typename).toBe("ValidationError");
    expect(refused.outcome?.issues?.[0]?.field).toBe("status");
    expect(await readReport(approvedId, curator)).toEqual(before);

    // A submitted report of this file's form: not a draft either.
    const report = await regionReport("2017-01-01");
    const filled = await ok<ReportData>(
      "setReportValues",
      REPORT,
      { id: report.id, version: report.version, values: [{ indicatorCode: "USERS", total: 19426, rural: 4049 }] },
      { headers: curator },
    );
    const submitted = await ok<ReportData>(
      "submitReport",
      REPORT,
      { id: filled.id, version: filled.version },
      { headers: curator, inputType: "VersionedInput" },
    );
    const notDraft = await prefill(submitted, curator);
    expect(notDraft.outcome?.__typename).toBe("ValidationError");
    expect(await readReport(submitted.id, curator)).toEqual(submitted);

    // Pskov's curator does not see Udmurtia's reports: not found, as for an id that never existed.
    const draft = await regionReport("2016-01-01");
    const foreign = await prefill(draft, pskovCurator);
    expect(foreign.outcome).toMatchObject({ __typename: "NotFoundError", entity: "report" });

    // Someone saved first: the version read is stale.
    const stale = await prefill({ id: draft.id, version: draft.version + 1 }, curator);
    expect(stale.outcome).toMatchObject({ __typename: "ConflictError", currentVersion: draft.version });
    expect(await readReport(draft.id, curator)).toEqual(draft);
    const log = await changeLog(draft.id);
    expect(log.map((entry) => entry.action)).toEqual(["CREATE"]);
    expect(fromGlobalId("Report", draft.id)).toBe(log[0]?.entityId);
  });
});
