// Operational analytics (issue 5, items 7–8): the mobile offices' work and the completeness
// of reporting. Both are computed in SQL within the caller's read scope.
import { builder } from "../../builder.js";
import { zodInput } from "../../inputs.js";
import { toGlobalId } from "../../lib/ids.js";
import { ReportScopeEnum } from "../reports/reports.schema.js";
import { mobileOfficeActivitySchema, reportingCompletenessSchema } from "./analytics.inputs.js";
import {
  type MobileOfficeActivity as Activity,
  type CompletenessRow,
  mobileOfficeActivity,
  reportingCompleteness,
  type SettlementActivity,
} from "./operations.service.js";

const MobileOfficeActivityInput = zodInput("MobileOfficeActivityInput", mobileOfficeActivitySchema);

const MobileSettlementActivity = builder.objectRef<SettlementActivity>("MobileSettlementActivity").implement({
  description: "The mobile offices' visits to one settlement in the period.",
  fields: (t) => ({
    settlementId: t.id({ resolve: (row) => toGlobalId("Settlement", row.settlementId) }),
    settlement: t.exposeString("settlement", { description: "Name of the settlement visited." }),
    municipality: t.exposeString("municipality", { description: "Name of the settlement's municipality." }),
    isRural: t.exposeBoolean("isRural"),
    visits: t.exposeInt("visits"),
    peopleServed: t.exposeInt("peopleServed"),
  }),
});

const MobileDocumentCount = builder
  .objectRef<{ documentType: string; count: number }>("MobileDocumentCount")
  .implement({
    description: "Documents of one type issued during the visits of the period.",
    fields: (t) => ({ documentType: t.exposeString("documentType"), count: t.exposeInt("count") }),
  });

const MobileOfficeTotals = builder.objectRef<Activity["totals"]>("MobileOfficeTotals").implement({
  fields: (t) => ({
    visits: t.exposeInt("visits"),
    peopleServed: t.exposeInt("peopleServed"),
    documents: t.exposeInt("documents", { description: "Documents of every type issued." }),
  }),
});

const MobileOfficeActivityType = builder.objectRef<Activity>("MobileOfficeActivity").implement({
  description: "Where the mobile offices worked, how many people they served and which documents they issued.",
  fields: (t) => ({
    bySettlement: t.field({ type: [MobileSettlementActivity], resolve: (a) => a.bySettlement }),
    documents: t.field({ type: [MobileDocumentCount], resolve: (a) => a.documents }),
    totals: t.field({ type: MobileOfficeTotals, resolve: (a) => a.totals }),
  }),
});

const ReportingCompletenessInput = zodInput("ReportingCompletenessInput", reportingCompletenessSchema, {
  types: { level: ReportScopeEnum },
});

const ReportingCompleteness = builder.objectRef<CompletenessRow>("ReportingCompleteness").implement({
  description: "Completeness and punctuality of one region's reports on a form for one period.",
  fields: (t) => ({
    regionId: t.id({ resolve: (row) => toGlobalId("Region", row.regionId) }),
    regionCode: t.exposeString("regionCode"),
    regionName: t.exposeString("regionName"),
    periodStart: t.expose("periodStart", { type: "Date" }),
    periodEnd: t.expose("periodEnd", { type: "Date" }),
    dueDate: t.expose("dueDate", { type: "Date", description: "periodEnd + the form's dueDays." }),
    expected: t.exposeInt("expected", {
      description:
        "Reports expected for the period: the entities of the level that should report now — for CENTRE, " +
        "the region's centres that are ACTIVE and not archived (their current state); for MUNICIPALITY, " +
        "the region's municipalities; for REGION, one.",
    }),
    submitted: t.exposeInt("submitted", {
      description:
        "Reports of the expected entities for the period that were submitted: SUBMITTED, APPROVED, LOCKED, " +
        "or RETURNED after a submission. Reports of entities no longer expected are not counted.",
    }),
    onTime: t.exposeInt("onTime", { description: "Submitted reports whose submittedAt is on or before dueDate." }),
    shareSubmitted: t.exposeFloat("shareSubmitted", {
      nullable: true,
      description: "submitted / expected (0–1); null when nothing is expected.",
    }),
    shareOnTime: t.exposeFloat("shareOnTime", {
      nullable: true,
      description: "onTime / expected (0–1); null when nothing is expected.",
    }),
  }),
});

builder.queryFields((t) => ({
  mobileOfficeActivity: t.field({
    type: MobileOfficeActivityType,
    description: "The mobile offices' visits, people served and documents issued in a period (no personal data).",
    authScopes: { staff: true, partner: "statistics:read" },
    args: { input: t.arg({ type: MobileOfficeActivityInput, required: true }) },
    resolve: (_root, { input }, ctx) => mobileOfficeActivity(ctx.access, input),
  }),
  reportingCompleteness: t.field({
    type: [ReportingCompleteness],
    description: "Per region of your scope and period of the form: reports expected, submitted and on time.",
    authScopes: { internal: true },
    args: { input: t.arg({ type: ReportingCompletenessInput, required: true }) },
    resolve: (_root, { input }, ctx) => reportingCompleteness(ctx.access, input),
  }),
}));
