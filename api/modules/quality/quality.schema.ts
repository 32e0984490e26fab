import { builder } from "../../builder.js";
import { StandardStatus, TargetDirection } from "../../generated/prisma/client.js";
import { includes, isStaff } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { listConnection, orderByInput, rowMutation } from "../../shared.js";
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
  recordMeasurementSchema,
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
  id: { field: "id" },
  nullable: true,
  // The service decides who may read: its region (or everyone for a federal service).
  include: { service: { select: { regionId: true, status: true } } },
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [standardScope(ctx.access)] }),
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
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    service: t.relation("service"),
    targets: t.relation("targets", { query: { orderBy: [{ indicatorCode: "asc" }] } }),
  }),
});

export const QualityMeasurement = builder.prismaNode("QualityMeasurement", {
  description: "A measured value of an indicator for a service, in a region, municipality or centre, over a period.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [measurementScope(ctx.access)] }),
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

const QualityStandardFilter = builder.inputType("QualityStandardFilter", {
  fields: (t) => ({
    serviceId: t.id({ required: false }),
    status: t.field({ type: StandardStatusEnum, required: false }),
    search: t.string({ required: false, description: "Part of the title; % and _ match themselves." }),
  }),
});

const QualityStandardOrderBy = orderByInput("QualityStandard", ["REVISION", "VALID_FROM", "CREATED_AT"]);

const QualityMeasurementFilter = builder.inputType("QualityMeasurementFilter", {
  fields: (t) => ({
    serviceId: t.id({ required: false }),
    regionId: t.id({ required: false }),
    municipalityId: t.id({ required: false }),
    centreId: t.id({ required: false }),
    indicatorCode: t.string({ required: false }),
    from: t.field({ type: "Date", required: false, description: "Periods ending on or after this date." }),
    to: t.field({ type: "Date", required: false, description: "Periods starting on or before this date." }),
  }),
});

const QualityMeasurementOrderBy = orderByInput("QualityMeasurement", ["PERIOD_START", "VALUE"]);

builder.queryFields((t) => ({
  qualityStandards: listConnection(t, {
    type: "QualityStandard",
    description: "Revisions of services' quality standards (partners: approved ones only). Newest revision first.",
    authScopes: { staff: true, partner: "registry:read" },
    filter: QualityStandardFilter,
    orderBy: QualityStandardOrderBy,
    where: standardWhere,
    order: standardOrderBy,
  }),
  qualityMeasurements: listConnection(t, {
    type: "QualityMeasurement",
    description: "Measured indicator values in the caller's regions. Latest period first.",
    authScopes: { staff: true },
    filter: QualityMeasurementFilter,
    orderBy: QualityMeasurementOrderBy,
    where: measurementWhere,
    order: measurementOrderBy,
  }),
}));

// ── Mutations ──

const QualityTargetInput = builder.inputType("QualityTargetInput", {
  fields: (t) => ({
    indicatorCode: t.string({ required: true, description: "Shared with measurements, e.g. WAIT_MINUTES." }),
    name: t.string({ required: true }),
    unit: t.string({ required: true, description: "E.g. мин, %, раб. дн.; a % threshold is within 0–100." }),
    direction: t.field({ type: TargetDirectionEnum, required: true }),
    threshold: t.float({ required: true }),
  }),
});

const CreateQualityStandardDraftInput = builder
  .inputType("CreateQualityStandardDraftInput", {
    fields: (t) => ({
      serviceId: t.id({ required: true }),
      title: t.string({ required: true }),
      validFrom: t.field({ type: "Date", required: false, description: "Defaults to the approval date." }),
      targets: t.field({
        type: [QualityTargetInput],
        required: false,
        description: "The targets; when left out, those of `copyFrom` (or none).",
      }),
      copyFrom: t.id({ required: false, description: "A revision of the same service whose targets to start from." }),
    }),
  })
  .validate(createStandardDraftSchema);

const UpdateQualityStandardDraftInput = builder
  .inputType("UpdateQualityStandardDraftInput", {
    description: "Only drafts change; `targets`, when given, replace all targets.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      title: t.string({ required: false }),
      validFrom: t.field({ type: "Date", required: false }),
      targets: t.field({ type: [QualityTargetInput], required: false }),
    }),
  })
  .validate(updateStandardDraftSchema);

const ApproveQualityStandardInput = builder
  .inputType("ApproveQualityStandardInput", {
    fields: (t) => ({ id: t.id({ required: true }), version: t.int({ required: true }) }),
  })
  .validate(approveStandardSchema);

const RecordQualityMeasurementInput = builder
  .inputType("RecordQualityMeasurementInput", {
    description: "Where: a centre, a municipality, or a region (at least one).",
    fields: (t) => ({
      serviceId: t.id({ required: true }),
      indicatorCode: t.string({ required: true, description: "A code some standard of the service has a target for." }),
      regionId: t.id({ required: false }),
      municipalityId: t.id({ required: false }),
      centreId: t.id({ required: false }),
      periodStart: t.field({ type: "Date", required: true }),
      periodEnd: t.field({ type: "Date", required: true }),
      value: t.float({ required: true }),
      source: t.string({ required: false, description: "E.g. «Опрос заявителей»." }),
    }),
  })
  .validate(recordMeasurementSchema);

const UpdateQualityMeasurementInput = builder
  .inputType("UpdateQualityMeasurementInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      value: t.float({ required: false }),
      source: t.string({ required: false }),
    }),
  })
  .validate(updateMeasurementSchema);

builder.mutationFields((t) => ({
  createQualityStandardDraft: rowMutation(t, {
    type: "QualityStandard",
    description: "Starts the next revision (number = last + 1) of a service's standard as a draft.",
    authScopes: { writer: true },
    input: CreateQualityStandardDraftInput,
    run: (input, ctx) => createStandardDraft(ctx.access, input),
  }),
  updateQualityStandardDraft: rowMutation(t, {
    type: "QualityStandard",
    description: "Changes a draft; approved and superseded revisions are read-only (ValidationError on `status`).",
    authScopes: { writer: true },
    input: UpdateQualityStandardDraftInput,
    run: (input, ctx) => updateStandardDraft(ctx.access, input),
  }),
  approveQualityStandard: rowMutation(t, {
    type: "QualityStandard",
    description:
      "Approves a draft; the service's previously approved revision becomes SUPERSEDED. Whoever created or edited the draft cannot approve it (ForbiddenError): another curator of the service's region or an administrator does.",
    authScopes: { writer: true },
    input: ApproveQualityStandardInput,
    run: (input, ctx) => approveStandard(ctx.access, input),
  }),
  recordQualityMeasurement: rowMutation(t, {
    type: "QualityMeasurement",
    authScopes: { writer: true },
    input: RecordQualityMeasurementInput,
    run: (input, ctx) => recordMeasurement(ctx.access, input),
  }),
  updateQualityMeasurement: rowMutation(t, {
    type: "QualityMeasurement",
    description: "Corrects a recorded value or its source.",
    authScopes: { writer: true },
    input: UpdateQualityMeasurementInput,
    run: (input, ctx) => updateMeasurement(ctx.access, input),
  }),
}));
