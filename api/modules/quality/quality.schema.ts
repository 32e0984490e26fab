import { builder } from "../../builder.js";
import { StandardStatus, TargetDirection } from "../../generated/prisma/client.js";
import { zodInput, zodInputPart } from "../../inputs.js";
import { includes, isStaff } from "../../lib/access.js";
import { scopedNode } from "../../lib/records.js";
import { listConnection, orderByInput, recordStamps, rowMutation } from "../../shared.js";
import {
  measurementOrderBy,
  measurementScope,
  measurementWhere,
  meetsTarget,
  recordMeasurement,
  targetInForce,
  updateMeasurement,
} from "./measurements.service.js";
import {
  approveStandardSchema,
  createStandardDraftSchema,
  qualityMeasurementFilterSchema,
  qualityStandardFilterSchema,
  recordMeasurementSchema,
  targetSchema,
  updateMeasurementSchema,
  updateStandardDraftSchema,
} from "./quality.inputs.js";
import {
  approveStandard,
  canApproveStandard,
  createStandardDraft,
  standardOrderBy,
  standardScope,
  standardVisible,
  standardWhere,
  updateStandardDraft,
} from "./standards.service.js";

export const StandardStatusEnum = builder.enumType(StandardStatus, {
  name: "StandardStatus",
  description: "DRAFT (editable) → APPROVED (in force, read-only) → SUPERSEDED (by the next approved revision).",
});
export const TargetDirectionEnum = builder.enumType(TargetDirection, { name: "TargetDirection" });

export const QualityTarget = builder.prismaObject("QualityTarget", {
  description: "A measurable requirement of a standard: the indicator must stay at least or at most the threshold.",
  fields: (t) => ({
    indicatorCode: t.exposeString("indicatorCode"),
    name: t.exposeString("name"),
    unit: t.exposeString("unit"),
    direction: t.expose("direction", { type: TargetDirectionEnum }),
    threshold: t.float({ resolve: (target) => Number(target.threshold) }),
  }),
});

export const QualityStandard = builder.prismaNode("QualityStandard", {
  description: "One revision of a service's quality standard. Approving a revision supersedes the previous one.",
  ...scopedNode(standardScope),
  // The service decides who may read: its region (or everyone for a federal service).
  include: { service: { select: { regionId: true, status: true } } },
  authScopes: (standard, ctx) => standardVisible(ctx.access, standard) && { staff: true, partner: "registry:read" },
  fields: (t) => ({
    revision: t.exposeInt("revision", { description: "1, 2, … within the service." }),
    title: t.exposeString("title"),
    status: t.expose("status", { type: StandardStatusEnum }),
    validFrom: t.expose("validFrom", { type: "Date", nullable: true }),
    approvedAt: t.expose("approvedAt", { type: "DateTime", nullable: true }),
    approvedByName: t.string({
      nullable: true,
      description: "Who approved it (staff only).",
      select: { approvedBy: { select: { fullName: true } } },
      resolve: (standard, _args, ctx) => (isStaff(ctx.access) ? (standard.approvedBy?.fullName ?? null) : null),
    }),
    supersededAt: t.expose("supersededAt", { type: "DateTime", nullable: true }),
    canApprove: t.boolean({
      description:
        "Whether you may approve it now: a DRAFT of a service whose standards you set, neither created nor edited by you (four eyes: approveQualityStandard refuses a draft's own authors, administrators included).",
      resolve: (standard, _args, ctx) => canApproveStandard(ctx.access, standard),
    }),
    ...recordStamps(t),
    service: t.relation("service"),
    targets: t.relation("targets", { query: { orderBy: [{ indicatorCode: "asc" }] } }),
  }),
});

export const QualityMeasurement = builder.prismaNode("QualityMeasurement", {
  description: "A measured value of an indicator for a service, in a region, municipality or centre, over a period.",
  ...scopedNode(measurementScope),
  authScopes: (measurement, ctx) => !ctx.access.partner && includes(ctx.access.read, measurement.regionId),
  fields: (t) => {
    // The revisions that were ever in force, to judge each period by its own thresholds.
    const standards = {
      service: {
        select: { standards: { where: { status: { not: "DRAFT" as const } }, include: { targets: true } } },
      },
    };
    return {
      indicatorCode: t.exposeString("indicatorCode"),
      periodStart: t.expose("periodStart", { type: "Date" }),
      periodEnd: t.expose("periodEnd", { type: "Date" }),
      value: t.float({ resolve: (measurement) => Number(measurement.value) }),
      source: t.exposeString("source", { nullable: true }),
      version: t.exposeInt("version"),
      service: t.relation("service"),
      region: t.relation("region"),
      municipality: t.relation("municipality", { nullable: true }),
      centre: t.relation("centre", { nullable: true }),
      target: t.field({
        type: QualityTarget,
        nullable: true,
        description: "The target of the standard in force when the period began (null if none).",
        select: standards,
        resolve: (measurement) => targetInForce(measurement.service.standards, measurement),
      }),
      meetsTarget: t.boolean({
        nullable: true,
        description: "Whether the value meets that target (null when there is none).",
        select: standards,
        resolve: (measurement) => {
          const target = targetInForce(measurement.service.standards, measurement);
          return target ? meetsTarget(target, Number(measurement.value)) : null;
        },
      }),
    };
  },
});

// ── Queries ──

const QualityStandardFilter = zodInput("QualityStandardFilter", qualityStandardFilterSchema, {
  types: { status: StandardStatusEnum },
});

const QualityStandardOrderBy = orderByInput("QualityStandard", ["REVISION", "VALID_FROM", "CREATED_AT"]);

const QualityMeasurementFilter = zodInput("QualityMeasurementFilter", qualityMeasurementFilterSchema);

const QualityMeasurementOrderBy = orderByInput("QualityMeasurement", ["PERIOD_START", "VALUE"]);

builder.queryFields((t) => ({
  qualityStandards: listConnection(t, {
    type: "QualityStandard",
    description: "Revisions of services' quality standards (partners: approved ones only). Newest revision first.",
    authScopes: { staff: true, partner: "registry:read" },
    filter: { input: QualityStandardFilter, where: standardWhere },
    orderBy: { input: QualityStandardOrderBy, order: standardOrderBy },
  }),
  qualityMeasurements: listConnection(t, {
    type: "QualityMeasurement",
    description: "Measured indicator values in the caller's regions. Latest period first.",
    authScopes: { staff: true },
    filter: { input: QualityMeasurementFilter, where: measurementWhere },
    orderBy: { input: QualityMeasurementOrderBy, order: measurementOrderBy },
  }),
}));

// ── Mutations ──

const QualityTargetInput = zodInputPart("QualityTargetInput", targetSchema, {
  types: { direction: TargetDirectionEnum },
});

const CreateQualityStandardDraftInput = zodInput("CreateQualityStandardDraftInput", createStandardDraftSchema, {
  types: { targets: [QualityTargetInput], copyFrom: "ID" },
});

const UpdateQualityStandardDraftInput = zodInput("UpdateQualityStandardDraftInput", updateStandardDraftSchema, {
  description: "Only drafts change; `targets`, when given, replace all targets.",
  types: { targets: [QualityTargetInput] },
});

const ApproveQualityStandardInput = zodInput("ApproveQualityStandardInput", approveStandardSchema);

const RecordQualityMeasurementInput = zodInput("RecordQualityMeasurementInput", recordMeasurementSchema, {
  description: "Where: a centre, a municipality, or a region (at least one).",
});

const UpdateQualityMeasurementInput = zodInput("UpdateQualityMeasurementInput", updateMeasurementSchema);

builder.mutationFields((t) => ({
  createQualityStandardDraft: rowMutation(t, {
    type: "QualityStandard",
    description: "Starts the next revision (number = last + 1) of a service's standard as a draft.",
    input: CreateQualityStandardDraftInput,
    run: createStandardDraft,
  }),
  updateQualityStandardDraft: rowMutation(t, {
    type: "QualityStandard",
    description: "Changes a draft; approved and superseded revisions are read-only (ValidationError on `status`).",
    input: UpdateQualityStandardDraftInput,
    run: updateStandardDraft,
  }),
  approveQualityStandard: rowMutation(t, {
    type: "QualityStandard",
    description:
      "Approves a draft; the service's previously approved revision becomes SUPERSEDED. Whoever created or edited the draft cannot approve it (ForbiddenError): another curator of the service's region or an administrator does.",
    input: ApproveQualityStandardInput,
    run: approveStandard,
  }),
  recordQualityMeasurement: rowMutation(t, {
    type: "QualityMeasurement",
    input: RecordQualityMeasurementInput,
    run: recordMeasurement,
  }),
  updateQualityMeasurement: rowMutation(t, {
    type: "QualityMeasurement",
    description: "Corrects a recorded value or its source.",
    input: UpdateQualityMeasurementInput,
    run: updateMeasurement,
  }),
}));
