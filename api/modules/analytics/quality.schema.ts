// Quality analytics for administrators, curators and auditors (issue 5, items 5–6).
import type { ObjectRef } from "@pothos/core";
import { builder, type Types } from "../../builder.js";
import { zodInput } from "../../inputs.js";
import { recordQuery } from "../../lib/selection.js";
import { Centre } from "../centres/centres.schema.js";
import { Region } from "../geography/geography.schema.js";
import { TargetDirectionEnum } from "../quality/quality.schema.js";
import { Report } from "../reports/reports.schema.js";
import { Service } from "../services/services.schema.js";
import { SystemicError } from "../systemic-errors/systemic-errors.schema.js";
import { alertsSchema, feedbackSlaSchema, yourRegionSchema } from "./analytics.inputs.js";
import {
  type AlertsResult,
  alerts,
  type Capped,
  type CuratorCoverageRow,
  curatorCoverage,
  type FeedbackSlaResult,
  feedbackSla,
  type ServiceComplianceRow,
  serviceCompliance,
  type TargetCompliance,
} from "./quality.service.js";

// ── Compliance ──

const TargetComplianceRef = builder.objectRef<TargetCompliance>("TargetCompliance").implement({
  fields: (t) => ({
    indicatorCode: t.exposeString("indicatorCode"),
    name: t.exposeString("name"),
    unit: t.exposeString("unit"),
    direction: t.field({ type: TargetDirectionEnum, resolve: (row) => row.direction }),
    threshold: t.exposeFloat("threshold"),
    value: t.float({ nullable: true, description: "The latest measurement.", resolve: (row) => row.value }),
    periodStart: t.field({ type: "Date", nullable: true, resolve: (row) => row.periodStart }),
    periodEnd: t.field({ type: "Date", nullable: true, resolve: (row) => row.periodEnd }),
    met: t.boolean({ nullable: true, description: "Null: not measured yet.", resolve: (row) => row.met }),
  }),
});

const ServiceComplianceRef = builder.objectRef<ServiceComplianceRow>("ServiceCompliance").implement({
  fields: (t) => ({
    service: t.field({ type: Service, resolve: (row) => row.service }),
    targets: t.field({ type: [TargetComplianceRef], resolve: (row) => row.targets }),
    targetCount: t.exposeInt("targetCount"),
    metCount: t.exposeInt("metCount"),
    notMetCount: t.exposeInt("notMetCount"),
    noDataCount: t.exposeInt("noDataCount"),
    metShare: t.float({
      nullable: true,
      description: "Share of targets met, 0–1; null for a standard without targets.",
      resolve: (row) => row.metShare,
    }),
    averageRating: t.float({
      nullable: true,
      description: "Average of all ratings (1–5) in the service's feedback.",
      resolve: (row) => row.averageRating,
    }),
    feedbackCount: t.exposeInt("feedbackCount"),
  }),
});

// ── Coverage ──

const CuratorCoverageRef = builder.objectRef<CuratorCoverageRow>("CuratorCoverage").implement({
  fields: (t) => ({
    region: t.field({ type: Region, resolve: (row) => row.region }),
    socialServices: t.exposeInt("socialServices", {
      description: "Published socially significant services of the region.",
    }),
    covered: t.exposeInt("covered", { description: "Of them, with an active primary curator in the region." }),
    uncovered: t.exposeInt("uncovered"),
    coveredShare: t.float({ nullable: true, description: "Percent covered.", resolve: (row) => row.coveredShare }),
  }),
});

// ── Feedback SLA ──

const FeedbackSlaRef = builder.objectRef<FeedbackSlaResult>("FeedbackSla").implement({
  fields: (t) => ({
    total: t.exposeInt("total"),
    open: t.exposeInt("open", { description: "Received or in progress." }),
    overdue: t.exposeInt("overdue", { description: "Open past their due time." }),
    answered: t.exposeInt("answered"),
    medianHoursToAnswer: t.float({ nullable: true, resolve: (row) => row.medianHoursToAnswer }),
    averageRatingTime: t.float({ nullable: true, resolve: (row) => row.averageRatingTime }),
    averageRatingWaiting: t.float({ nullable: true, resolve: (row) => row.averageRatingWaiting }),
    averageRatingStaff: t.float({ nullable: true, resolve: (row) => row.averageRatingStaff }),
    averageRatingComfort: t.float({ nullable: true, resolve: (row) => row.averageRatingComfort }),
    averageRatingInformation: t.float({ nullable: true, resolve: (row) => row.averageRatingInformation }),
  }),
});

const FeedbackSlaInput = zodInput("FeedbackSlaInput", feedbackSlaSchema);

// ── Alerts ──

type Alerts = AlertsResult;

const ExpiringSignature = builder
  .objectRef<Alerts["expiringSignatures"]["items"][number]>("ExpiringSignature")
  .implement({
    fields: (t) => ({
      centre: t.field({ type: Centre, resolve: (row) => row.centre }),
      validUntil: t.field({ type: "Date", resolve: (row) => row.validUntil }),
      daysLeft: t.exposeInt("daysLeft", { description: "Negative when already expired." }),
    }),
  });

const OverdueReport = builder.objectRef<Alerts["overdueReports"]["items"][number]>("OverdueReport").implement({
  fields: (t) => ({
    report: t.field({ type: Report, resolve: (row) => row.report }),
    dueDate: t.field({ type: "Date", resolve: (row) => row.dueDate }),
    daysOverdue: t.exposeInt("daysOverdue"),
  }),
});

const UnverifiedCentre = builder.objectRef<Alerts["unverifiedCentres"]["items"][number]>("UnverifiedCentre").implement({
  fields: (t) => ({
    centre: t.field({ type: Centre, resolve: (row) => row.centre }),
    lastVerifiedAt: t.field({ type: "DateTime", nullable: true, resolve: (row) => row.lastVerifiedAt }),
  }),
});

const ServiceWithoutCurator = builder
  .objectRef<Alerts["servicesWithoutCurator"]["items"][number]>("ServiceWithoutCurator")
  .implement({
    fields: (t) => ({
      service: t.field({ type: Service, resolve: (row) => row.service }),
      region: t.field({ type: Region, resolve: (row) => row.region }),
    }),
  });

const OverdueSystemicError = builder
  .objectRef<Alerts["overdueSystemicErrors"]["items"][number]>("OverdueSystemicError")
  .implement({
    fields: (t) => ({
      systemicError: t.field({ type: SystemicError, resolve: (row) => row.systemicError }),
      dueAt: t.field({ type: "Date", resolve: (row) => row.dueAt }),
      daysOverdue: t.exposeInt("daysOverdue"),
    }),
  });

/** An alert list: at most ALERT_LIMIT rows of `item`, with how many there are in all. */
function cappedList<T>(name: string, item: ObjectRef<Types, T>) {
  return builder.objectRef<Capped<T>>(name).implement({
    fields: (t) => ({
      totalCount: t.int({ resolve: (row) => row.totalCount }),
      items: t.field({ type: [item], description: "At most 100.", resolve: (row) => row.items }),
    }),
  });
}

const ExpiringSignatures = cappedList("ExpiringSignatures", ExpiringSignature);
const OverdueReports = cappedList("OverdueReports", OverdueReport);
const UnverifiedCentres = cappedList("UnverifiedCentres", UnverifiedCentre);
const ServicesWithoutCurator = cappedList("ServicesWithoutCurator", ServiceWithoutCurator);
const OverdueSystemicErrors = cappedList("OverdueSystemicErrors", OverdueSystemicError);

const AlertsRef = builder.objectRef<Alerts>("Alerts").implement({
  fields: (t) => ({
    expiringSignatures: t.field({
      type: ExpiringSignatures,
      description: "Signatures expiring within the days asked, and expired ones, soonest first.",
      resolve: (row) => row.expiringSignatures,
    }),
    overdueReports: t.field({
      type: OverdueReports,
      description: "Draft or returned reports past the period's end plus the form's due days.",
      resolve: (row) => row.overdueReports,
    }),
    unverifiedCentres: t.field({
      type: UnverifiedCentres,
      description: "Centres never verified or not for 12 months.",
      resolve: (row) => row.unverifiedCentres,
    }),
    servicesWithoutCurator: t.field({
      type: ServicesWithoutCurator,
      description: "Published socially significant services without an active primary curator in their region.",
      resolve: (row) => row.servicesWithoutCurator,
    }),
    overdueSystemicErrors: t.field({
      type: OverdueSystemicErrors,
      description: "Systemic errors still OPEN or REPORTED after their due day, longest overdue first.",
      resolve: (row) => row.overdueSystemicErrors,
    }),
  }),
});

const AlertsInput = zodInput("AlertsInput", alertsSchema, { defaults: { signatureWithinDays: 30 } });

const ServiceComplianceInput = zodInput("ServiceComplianceInput", yourRegionSchema);
const CuratorCoverageInput = zodInput("CuratorCoverageInput", yourRegionSchema);

builder.queryFields((t) => ({
  serviceCompliance: t.field({
    type: [ServiceComplianceRef],
    description: "Services with an approved standard: targets against the latest measurements, worst first.",
    authScopes: { internal: true },
    args: { input: t.arg({ type: ServiceComplianceInput, required: false }) },
    resolve: (_root, args, ctx, info) =>
      serviceCompliance(ctx.access, args.input, recordQuery(ctx, info, "Service", "service")),
  }),
  curatorCoverage: t.field({
    type: [CuratorCoverageRef],
    description: "Per region: socially significant services with and without an active primary curator.",
    authScopes: { internal: true },
    args: { input: t.arg({ type: CuratorCoverageInput, required: false }) },
    resolve: (_root, args, ctx, info) =>
      curatorCoverage(ctx.access, args.input, recordQuery(ctx, info, "Region", "region")),
  }),
  feedbackSla: t.field({
    type: FeedbackSlaRef,
    description: "Feedback answer times and ratings in your regions.",
    authScopes: { internal: true },
    args: { input: t.arg({ type: FeedbackSlaInput, required: false }) },
    resolve: (_root, args, ctx) => feedbackSla(ctx.access, args.input),
  }),
  alerts: t.field({
    type: AlertsRef,
    description: "What needs attention in your regions; each list capped at 100 with its total.",
    authScopes: { internal: true },
    args: { input: t.arg({ type: AlertsInput, required: false }) },
    resolve: (_root, args, ctx, info) =>
      alerts(ctx.access, args.input, {
        expiringCentres: recordQuery(ctx, info, "Centre", "expiringSignatures", "items", "centre"),
        overdueReports: recordQuery(ctx, info, "Report", "overdueReports", "items", "report"),
        unverifiedCentres: recordQuery(ctx, info, "Centre", "unverifiedCentres", "items", "centre"),
        services: recordQuery(ctx, info, "Service", "servicesWithoutCurator", "items", "service"),
        regions: recordQuery(ctx, info, "Region", "servicesWithoutCurator", "items", "region"),
        systemicErrors: recordQuery(ctx, info, "SystemicError", "overdueSystemicErrors", "items", "systemicError"),
      }),
  }),
}));
