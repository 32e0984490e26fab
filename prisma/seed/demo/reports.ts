// Report forms and reports. The regional annual reports carry the documents' figures
// exactly (Udmurtia 2015–2018, seed 003; Pskov, seed 001; Yakutia, seed 001); the monthly
// centre reports of Udmurtia show every status of the workflow.
import { randomUUID } from "node:crypto";
import type { Prisma, ReportStatus } from "../../../api/generated/prisma/client.js";
import {
  COD_ANNUAL,
  COD_INDICATORS,
  COD_MONTHLY,
  E_SERVICES_ANNUAL,
  E_SERVICES_INDICATORS,
  type FormSpec,
  type IndicatorSpec,
} from "../forms.js";
import { addDays, createRandom, day, monthEnd, monthStart, type Random } from "../generators.js";
import type { Centres, SeededCentre } from "./centres.js";
import type { Geography } from "./geography.js";
import type { DemoUsers } from "./users.js";

/** Value of one indicator: a total, or [total, rural] for indicators with a rural split. */
type Figures = Record<string, number | readonly [number, number]>;

/** Udmurtia, «Деятельность центров общественного доступа… в 2018 году» (seed 003). */
const UDMURTIA: Record<number, Figures> = {
  2015: { USERS: [10748, 4486] },
  2016: { USERS: [13868, 4379] },
  2017: { USERS: [19426, 4049] },
  2018: {
    USERS: [18240, 4137],
    REQ_GOV_INFO: 5823,
    REQ_E_APPEALS: 1461,
    REQ_SERVICE_INFO: 15559,
    REQ_FORMS_PRINTING: 4464,
    REQ_E_RESULT: 7735,
    REQ_STATUS_TRACKING: 2505,
    // One republican seminar, five forums with 500+ participants, webinars (plural) for 16 districts.
    EVENTS_SEMINARS: 1,
    EVENTS_FORUMS: 5,
    EVENT_PARTICIPANTS: 500,
    WEBINARS: 2,
  },
};

/** Pskov: 4.1 thousand users, 9.5 thousand requests fulfilled, 2,850 portal consultations (seed 001). */
const PSKOV: Figures = { USERS: 4100, REQUESTS_FULFILLED: 9500, PORTAL_CONSULTATIONS: 2850 };
const PSKOV_YEAR = 2021;

/** Yakutia: 11 thousand citizens used the national library's e-services sector (seed 001, March 2020). */
const YAKUTIA: Figures = { USERS: 11000 };
const YAKUTIA_YEAR = 2019;

/**
 * Tver: residents who got services electronically, reported for 2017 and 2018. With Rosstat's
 * population (geography-population.ts) they make the road map's share (seed 004: 70 % by 2018)
 * come out at 61.4 % and 70.3 %, the figures the demo used to enter by hand.
 */
export const TVER_E_SERVICES_USERS: Record<number, number> = { 2017: 788_298, 2018: 892_554 };

const RETURN_REASON = "Число консультаций по порталу не сходится с журналом учёта — проверьте и отправьте снова.";

interface FormIds {
  id: string;
  indicators: Map<string, { id: string; hasRuralSplit: boolean }>;
}

export interface Reports {
  annual: FormIds;
  monthly: FormIds;
  eServices: FormIds;
  count: number;
}

function formRows(
  spec: FormSpec,
  specs: readonly IndicatorSpec[] = COD_INDICATORS,
): { form: Prisma.ReportFormCreateManyInput; ids: FormIds; specs: readonly IndicatorSpec[] } {
  const id = randomUUID();
  const indicators = new Map(
    specs.map((indicator) => [indicator.code, { id: randomUUID(), hasRuralSplit: indicator.hasRuralSplit }]),
  );
  return {
    form: { id, code: spec.code, name: spec.name, periodicity: spec.periodicity, dueDays: spec.dueDays },
    ids: { id, indicators },
    specs,
  };
}

/** Plausible monthly figures of one centre: requests add up to about two per user. */
function monthlyFigures(random: Random, centre: SeededCentre, partial: boolean): Figures {
  const users = centre.flagship ? random.int(180, 320) : centre.rural ? random.int(8, 45) : random.int(30, 120);
  const rural = centre.rural ? users : Math.floor((users * random.int(5, 25)) / 100);
  const share = (pct: number) => Math.round((users * 2 * pct) / 100);
  const figures: Figures = {
    USERS: [users, rural],
    REQ_GOV_INFO: share(random.int(10, 20)),
    REQ_SERVICE_INFO: share(random.int(30, 45)),
  };
  if (partial) return figures;
  return {
    ...figures,
    REQ_E_APPEALS: share(random.int(3, 8)),
    REQ_FORMS_PRINTING: share(random.int(8, 15)),
    REQ_E_RESULT: share(random.int(10, 20)),
    REQ_STATUS_TRACKING: share(random.int(4, 10)),
    PORTAL_CONSULTATIONS: Math.round((users * random.int(40, 80)) / 100),
    REQUESTS_FULFILLED: users * 2,
    EVENTS_SEMINARS: random.int(0, 1),
  };
}

export async function seedReports(
  tx: Prisma.TransactionClient,
  geo: Geography,
  centres: Centres,
  users: DemoUsers,
): Promise<Reports> {
  const random = createRandom(18_240);
  const annual = formRows(COD_ANNUAL);
  const monthly = formRows(COD_MONTHLY);
  const eServices = formRows(E_SERVICES_ANNUAL, E_SERVICES_INDICATORS);
  await tx.reportForm.createMany({ data: [annual.form, monthly.form, eServices.form] });
  await tx.reportIndicator.createMany({
    data: [annual, monthly, eServices].flatMap((form) =>
      form.specs.map((spec, i) => ({
        id: form.ids.indicators.get(spec.code)?.id,
        formId: form.ids.id,
        code: spec.code,
        name: spec.name,
        unit: spec.unit,
        hasRuralSplit: spec.hasRuralSplit,
        category: spec.category,
        eventMeasure: spec.eventMeasure ?? null,
        eventKind: spec.eventKind ?? null,
        eventAudience: spec.eventAudience ?? null,
        position: i + 1,
      })),
    ),
  });

  const reports: Prisma.ReportCreateManyInput[] = [];
  const values: Prisma.ReportValueCreateManyInput[] = [];
  const addValues = (reportId: string, form: FormIds, figures: Figures) => {
    for (const [code, figure] of Object.entries(figures)) {
      const indicator = form.indicators.get(code);
      if (!indicator) throw new Error(`The report forms have no indicator ${code}.`);
      const [total, rural] = typeof figure === "number" ? [figure, null] : figure;
      values.push({ reportId, indicatorId: indicator.id, total, rural: indicator.hasRuralSplit ? rural : null });
    }
  };
  /**
   * Workflow columns consistent with the status; `at` is when the period's report was submitted.
   * The administrator approves, so whoever submitted (null: not known) is never the approver:
   * four eyes, as approveReport requires.
   */
  const now = new Date();
  const notLater = (date: Date) => (date > now ? now : date);
  const workflow = (status: ReportStatus, at: Date, submitter: string | null) => {
    const approved = status === "APPROVED" || status === "LOCKED";
    return {
      status,
      submittedAt: status === "DRAFT" ? null : notLater(at),
      submittedById: status === "DRAFT" ? null : submitter,
      returnReason: status === "RETURNED" ? RETURN_REASON : null,
      approvedAt: approved ? notLater(addDays(at, 7)) : null,
      approvedById: approved ? users.admin : null,
      lockedAt: status === "LOCKED" ? notLater(addDays(at, 40)) : null,
      published: approved,
    };
  };

  const annualRegion = (code: string, year: number, figures: Figures, submitter: string | null, form = annual.ids) => {
    const id = randomUUID();
    reports.push({
      id,
      formId: form.id,
      scope: "REGION",
      regionId: geo.region(code).id,
      periodStart: day(year, 1, 1),
      periodEnd: day(year, 12, 31),
      ...workflow("APPROVED", day(year + 1, 1, 25), submitter),
    });
    addValues(id, form, figures);
  };
  for (const [year, figures] of Object.entries(UDMURTIA)) annualRegion("18", Number(year), figures, users.curator);
  // Pskov's and Yakutia's figures come from their published documents: no demo account
  // works in these regions, so who submitted them is not known here.
  annualRegion("60", PSKOV_YEAR, PSKOV, null);
  annualRegion("14", YAKUTIA_YEAR, YAKUTIA, null);
  for (const [year, users] of Object.entries(TVER_E_SERVICES_USERS)) {
    annualRegion("69", Number(year), { E_SERVICES_USERS: users }, null, eServices.ids);
  }

  // Udmurtia's monthly centre reports: the operator's centre walks the whole workflow,
  // four others are at its usual later stages.
  const operatorCentre = centres.all.find((c) => c.id === users.operatorCentreId);
  if (!operatorCentre) throw new Error("The operator's centre is missing.");
  const others = random.shuffle(centres.inRegion("18").filter((c) => !c.flagship && c.status === "ACTIVE")).slice(0, 4);
  const plans: [SeededCentre, ReportStatus[]][] = [
    [operatorCentre, ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "LOCKED", "LOCKED"]],
    ...others.map((c): [SeededCentre, ReportStatus[]] => [c, ["SUBMITTED", "APPROVED", "LOCKED"]]),
  ];
  for (const [centre, statuses] of plans) {
    statuses.forEach((status, i) => {
      const id = randomUUID();
      const periodStart = monthStart(i + 1);
      const periodEnd = monthEnd(periodStart);
      const submitter = centre.id === operatorCentre.id ? users.operator : users.curator;
      reports.push({
        id,
        formId: monthly.ids.id,
        scope: "CENTRE",
        centreId: centre.id,
        regionId: centre.regionId,
        periodStart,
        periodEnd,
        ...workflow(status, addDays(periodEnd, random.int(2, 8)), submitter),
      });
      addValues(id, monthly.ids, monthlyFigures(random, centre, status === "DRAFT"));
    });
  }

  await tx.report.createMany({ data: reports });
  await tx.reportValue.createMany({ data: values });
  return { annual: annual.ids, monthly: monthly.ids, eServices: eServices.ids, count: reports.length };
}
